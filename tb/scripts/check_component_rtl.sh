#!/usr/bin/env bash
# Lint (verilator -Wall), iverilog and yosys checks of a `tpegen arith` component.
# usage: check_component_rtl.sh TPEGEN WORKDIR [tpegen arith flags...]
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2; shift 2
rm -rf "$work"
"$tpegen" arith "$@" -o "$work/design" >/dev/null
cd "$work/design"
top=$("$manifest_field" manifest.json top)
verilator --lint-only -Wall --top-module "$top" -f files.f
iverilog -g2005 -o "$work/iverilog.out" -s "$top" -c files.f
yosys -q -p "read_verilog $(grep -v '^//' files.f | tr '\n' ' '); hierarchy -check -top $top; synth -top $top" >/dev/null
echo "rtl ok: $top"
