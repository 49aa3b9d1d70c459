#!/usr/bin/env bash
# Generates one design and checks that its RTL is lint-clean (verilator -Wall), compiles
# with iverilog -g2005 and is read and elaborated by yosys (hierarchy, proc, check -assert).
# usage: check_rtl.sh TPEGEN WORKDIR [design flags...]
set -euo pipefail
tpegen=$1; work=$2; shift 2
rm -rf "$work"
"$tpegen" generate "$@" -o "$work/design" >/dev/null
cd "$work/design"
top=$(sed -n 's/^  "top": "\(.*\)",$/\1/p' manifest.json)
[ -n "$top" ] || { echo "no top in manifest.json"; exit 1; }
verilator --lint-only -Wall --top-module "$top" -f files.f
iverilog -g2005 -o "$work/iverilog.out" -s "$top" -c files.f
# Yosys reads and elaborates every construct (hierarchy, proc) and finds no multiple or missing
# driver and no logic loop within a module (check -assert, before any optimization could hide
# one; verilator -Wall finds loops across modules, UNOPTFLAT); optimizing
# and mapping are the synth.* tests' job (synth's coarse stage took 5x as long here).
yosys -q -l "$work/yosys.log" -p "read_verilog $(grep -v '^//' files.f | tr '\n' ' '); hierarchy -check -top $top; proc; check -assert; stat" >/dev/null
grep -q 'Number of cells' "$work/yosys.log"
echo "rtl ok: $top (verilator -Wall, iverilog -g2005, yosys proc + check)"
