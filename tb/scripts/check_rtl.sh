#!/usr/bin/env bash
# Generates one design and checks that its RTL is lint-clean (verilator -Wall), compiles
# with iverilog -g2005 and is read and elaborated by yosys (hierarchy, proc, check -assert).
# usage: check_rtl.sh TPEGEN WORKDIR [--lint-in-sim] [design flags...]
#   --lint-in-sim: the design point's sim test runs `tpegen sim --lint`, whose Verilator build
#   reports what verilator --lint-only -Wall would; the lint is not run twice.
set -euo pipefail
tpegen=$1; work=$2; shift 2
lint=yes
if [ "${1:-}" = --lint-in-sim ]; then lint=no; shift; fi
rm -rf "$work"
"$tpegen" generate "$@" -o "$work/design" >/dev/null
cd "$work/design"
top=$(python3 -c 'import json; print(json.load(open("manifest.json"))["top"])')
[ -n "$top" ] || { echo "no top in manifest.json"; exit 1; }
[ "$lint" = no ] || verilator --lint-only -Wall --top-module "$top" -f files.f
iverilog -g2005 -o "$work/iverilog.out" -s "$top" -c files.f
# Yosys reads and elaborates every construct (hierarchy, proc) and finds no multiple or missing
# driver and no logic loop within a module (check -assert, before any optimization could hide
# one; verilator -Wall finds loops across modules, UNOPTFLAT); optimizing
# and mapping are the synth.* tests' job (synth's coarse stage took 5x as long here).
yosys -q -l "$work/yosys.log" -p "read_verilog $(grep -v '^//' files.f | tr '\n' ' '); hierarchy -check -top $top; proc; check -assert; stat" >/dev/null
grep -q 'Number of cells' "$work/yosys.log"
echo "rtl ok: $top ($([ "$lint" = no ] && echo "verilator -Wall in its sim test" || echo "verilator -Wall"), iverilog -g2005, yosys proc + check)"
