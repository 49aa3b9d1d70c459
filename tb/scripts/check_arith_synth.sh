#!/usr/bin/env bash
# `tpegen synth --from DIR` on folders written by `tpegen arith` (the flow of make compare-arith):
# a 4x4 timing-tree multiplier on sky130hd, and a behavioural 4x4 multiply-accumulate on sg13g2
# (its own driving cell and load) through a --yosys wrapper, which must run in the work folder.
# Each must report an area and a delay > 0, the library's driving cell, and a netlist that Yosys
# SAT proves equal to the folder's RTL (the liberty's cells read as logic; a miswired netlist fails).
# usage: check_arith_synth.sh TPEGEN WORKDIR
set -euo pipefail
tpegen=$1; work=$2
rm -rf "$work"; mkdir -p "$work"
work=$(realpath "$work")
"$tpegen" arith --kind multiplier --encoding booth --tree timing --final-adder timing --signed --a-width 4 --b-width 4 \
  --delay-liberty sky130hd -o "$work/mul" > /dev/null
"$tpegen" arith --kind opt1-step --behavioral --unsigned --a-width 4 --b-width 4 --acc-width 12 --acc-wrap -o "$work/mac" > /dev/null
# A Yosys wrapper that leaves a mark in the folder it runs in.
printf '#!/bin/sh\ntouch wrapper-ran\nexec yosys "$@"\n' > "$work/yosys-wrapper"
chmod +x "$work/yosys-wrapper"

check() {  # name folder liberty drive_cell [synth flags...]
  local name=$1 dir=$2 lib=$3 drive=$4; shift 4
  "$tpegen" synth --from "$dir" --liberty "$lib" --work "$work/run_$name" --json "$work/$name.json" "$@" > "$work/$name.out"
  grep -q '^area_um2: [0-9]' "$work/$name.out" && grep -q '^delay_ns: [0-9]' "$work/$name.out" ||
    { echo "FAIL $name: no area_um2/delay_ns line"; cat "$work/$name.out"; exit 1; }
  python3 - "$work/$name.json" "$drive" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["mode"] == "arith" and r["area_um2"] > 0 and r["delay_ns"] > 0 and r["lib_cells"] > 0, r
assert r["drive_cell"] == sys.argv[2] and r["output_load"] > 0, (r["drive_cell"], r["output_load"])
print(f"{r['top']}: {r['area_um2']:.3f} um2, {r['delay_ns']:.3f} ns, {r['lib_cells']} cells, driven by {r['drive_cell']}")
PY
  # The netlist against the RTL: the liberty's cells read as logic, then a miter over all inputs.
  local top rtl
  top=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["top"])' "$work/$name.json")
  rtl=$(grep -v '^//' "$dir/files.f" | sed "s|^|$dir/|" | tr '\n' ' ')
  (cd "$work/run_$name" && yosys -q -l equiv.log -p "read_verilog -sv $rtl; hierarchy -top $top; proc; flatten; rename $top gold;
      read_liberty -ignore_miss_func cells.lib; read_verilog netlist.v; rename $top gate;
      miter -equiv -flatten -make_assert gold gate miter; hierarchy -top miter; sat -verify -prove-asserts miter" \
      > /dev/null) || { echo "FAIL $name: the netlist differs from the RTL (see $work/run_$name/equiv.log)"; exit 1; }
}
check mul "$work/mul" sky130hd sky130_fd_sc_hd__buf_2
check mac "$work/mac" sg13g2 sg13g2_buf_2 --yosys "$work/yosys-wrapper"
[ -f "$work/run_mac/wrapper-ran" ] || { echo "FAIL: --yosys did not run the wrapper in the work folder"; exit 1; }
echo "arith synth: 2 netlists proved equal to their RTL"
