#!/usr/bin/env bash
# --clock-gate through synthesis and the gate-level energy model, on a 2x2 systolic array with
# data in half of the cycles (--activity-duty 50), against the same design without it:
#  - the netlist holds the liberty's integrated clock-gating cell (sky130hd: dlclkp);
#  - the gate-level replay of the clock-gated netlist matches the RTL run in every cycle;
#  - clock gating lowers the clock energy per MAC and the total;
#  - nangate45 (when present) maps the gate to its CLKGATE cell.
# usage: check_clock_gate.sh TPEGEN WORKDIR LIBERTY  (exit 77: no liberty)
set -euo pipefail
tpegen=$1; work=$2; lib=$3
# nangate45 never ships (its licence): found where tpegen finds it ($TPEGEN_PDK_DIR, ../shared/pdk), or not.
nangate=$("$tpegen" list --json | python3 -c 'import json, sys
print(next(l["path"] or "" for l in json.load(sys.stdin)["libraries"]["known"] if l["name"] == "nangate45"))')
[ -f "$lib" ] || { echo "check_clock_gate: SKIP: no liberty file $lib"; exit 77; }
rm -rf "$work"; mkdir -p "$work"
fail() { echo "check_clock_gate: FAIL: $*"; exit 1; }
design=(--arch systolic-os --rows 2 --cols 2)
for v in plain gated; do
  flag=(); [ $v = gated ] && flag=(--clock-gate)
  "$tpegen" synth "${design[@]}" "${flag[@]}" --liberty "$lib" --activity gate --activity-duty 50 \
    --work "$work/$v" --json "$work/$v.json" > "$work/$v.log" 2>&1 || fail "synth $v: see $work/$v.log"
done
grep -q "sky130_fd_sc_hd__dlclkp_1 " "$work/gated/netlist.v" || fail "no dlclkp cell in $work/gated/netlist.v"
grep -q "dlclkp" "$work/plain/netlist.v" && fail "a clock gate in the netlist without --clock-gate"
python3 - "$work/plain.json" "$work/gated.json" <<'PY' || fail "clock gating did not pay off (figures above)"
import json, sys
p, g = (json.load(open(f)) for f in sys.argv[1:3])
bad = g["activity_gate"]["output_mismatches"]
bp, bg = p["energy_breakdown_pj_per_mac"], g["energy_breakdown_pj_per_mac"]
print(f"50 % duty, pJ/MAC: clock {bp['clock']:.3f} -> {bg['clock']:.3f}, "
      f"total {p['energy_per_mac_pj']:.3f} -> {g['energy_per_mac_pj']:.3f}; "
      f"area {p['area_um2']:.0f} -> {g['area_um2']:.0f} um2; gated netlist mismatches {bad}")
sys.exit(0 if bad == 0 and bg["clock"] < 0.8 * bp["clock"] and g["energy_per_mac_pj"] < p["energy_per_mac_pj"] else 1)
PY
if [ -n "$nangate" ] && [ -f "$nangate" ]; then
  "$tpegen" synth "${design[@]}" --clock-gate --liberty "$nangate" --no-timing --work "$work/nangate45" \
    > "$work/nangate45.log" 2>&1 || fail "synth nangate45: see $work/nangate45.log"
  grep -q "CLKGATE_X1 " "$work/nangate45/netlist.v" || fail "no CLKGATE_X1 cell in $work/nangate45/netlist.v"
  echo "nangate45: the gate is CLKGATE_X1"
else
  echo "nangate45: skipped (not shipped with tpegen; set TPEGEN_PDK_DIR to a folder holding nangate45/)"
fi
echo "check_clock_gate: PASS"
