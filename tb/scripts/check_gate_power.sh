#!/usr/bin/env bash
# Validation of the gate-level energy model (`synth --activity gate`, `tpegen gate-power`) on
# circuits whose answers are known:
#  1. a 4-bit ripple-carry adder of full-adder cells, vectors (0000+0000) then (1111+0001):
#     with one unit of delay per cell, sum bits 1..3 rise on the operands and fall back when
#     the carry arrives (2 transitions each, 0 functional), carries 1..4 rise once:
#     10 transitions, 4 functional;
#  1b. the liberty's cell delays (--gate-delay liberty): an XOR of two two-cell paths, one
#     through a delay gate, glitches on every input toggle, and never at unit delay;
#  2. an 8-inverter chain and a 4-flip-flop register bank whose inputs toggle every cycle:
#     every net toggles once per cycle (no glitches), and the flip-flops' power agrees with
#     OpenSTA's report_power at that uniform activity within TOL percent (see below); and a
#     chain of inverters and buffers whose internal and switching power agree with OpenSTA's
#     within COMB_TOL percent;
#  3. `synth --activity gate` on a 2x2 systolic array: the JSON breakdown's parts sum to the
#     total, glitch <= combinational, every block has energy, and the netlist's outputs match
#     the RTL run's (valid and results while valid) in every cycle.
# usage: check_gate_power.sh TPEGEN WORKDIR LIBERTY   (exit 77: skipped, no liberty file)
set -euo pipefail
tpegen=$1; work=$2; lib=$3
here=$(cd "$(dirname "$0")/../gate_power" && pwd)
TOL=5
[ -f "$lib" ] || { echo "check_gate_power: SKIP: no liberty file $lib"; exit 77; }
rm -rf "$work"; mkdir -p "$work"
fail() { echo "check_gate_power: FAIL: $*"; exit 1; }
# sta_power NAME ACTIVITY: OpenSTA's report_power of tb/gate_power/NAME.v (top NAME) with a 10 ns
# clock on clk_i after the Tcl lines ACTIVITY, into $work/NAME_sta.log; an Error in it fails.
sta_power() {
  cat > "$work/$1.tcl" <<TCL
read_liberty $lib
read_verilog $here/$1.v
link_design $1
create_clock -name clk -period 10 [get_ports clk_i]
$2
report_power -digits 6
TCL
  sta -no_splash -exit "$work/$1.tcl" > "$work/$1_sta.log" 2>&1
  ! grep -q "^Error" "$work/$1_sta.log" || fail "OpenSTA: $(grep -m1 '^Error' "$work/$1_sta.log")"
}
jq_num() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(eval('j'+sys.argv[2]))" "$@"; }

# 1. Ripple-carry adder.
"$tpegen" gate-power --netlist "$here/rca4.v" --top rca4 --liberty "$lib" --vcd "$here/rca4.vcd" \
  --ports clk_i:1,a_i:4,b_i:4,s_o:5:out --work "$work/rca" --json "$work/rca.json" > "$work/rca.log"
all=$(jq_num "$work/rca.json" "['activity_gate']['transitions']")
fn=$(jq_num "$work/rca.json" "['activity_gate']['functional_transitions']")
mm=$(jq_num "$work/rca.json" "['activity_gate']['output_mismatches']")
[ "$all" = 10 ] && [ "$fn" = 4 ] || fail "ripple adder: $all transitions ($fn functional), expected 10 (4)"
[ "$mm" = 0 ] || fail "ripple adder: the netlist's sum differs from the trace in $mm cycles"
grep -q "u1 SUM 2 0" "$work/rca/gate/counts.txt" || fail "ripple adder: u1/SUM should glitch once (2 transitions, 0 functional)"
echo "ripple adder: 10 transitions, 4 functional, as computed by hand"

# 1b. Cell delays from the liberty (--gate-delay liberty) against one unit per cell: two
# two-cell paths into an XOR, one through a delay gate; d_i toggles in 19 of 20 cycles.
cycles=20
# toggle_vcd FILE OUT: a trace of clk_i, d_i toggling every cycle, and y_o (OUT: "d" follows d_i,
# "0" stays 0), `cycles` cycles.
toggle_vcd() {
  {
    printf '$timescale 1ps $end\n $scope module TOP $end\n'
    printf '  $var wire 1 ! clk_i $end\n  $var wire 1 " d_i $end\n  $var wire 1 $ y_o $end\n $upscope $end\n'
    printf '$enddefinitions $end\n'
    for ((c = 0; c < cycles; c++)); do
      local d=$((c % 2))
      printf '#%d\n0!\n%d"\n#%d\n1!\n%d$\n' $((2 * c)) $d $((2 * c + 1)) "$([ "$2" = d ] && echo $d || echo 0)"
    done
  } > "$1"
}
toggle_vcd "$work/skew_xor.vcd" 0
for delay in unit liberty; do
  "$tpegen" gate-power --netlist "$here/skew_xor.v" --top skew_xor --liberty "$lib" --vcd "$work/skew_xor.vcd" \
    --ports clk_i:1,d_i:1,y_o:1:out --work "$work/skew_xor_$delay" --gate-delay $delay > "$work/skew_xor_$delay.log"
done
grep -q "x X 0 0$" "$work/skew_xor_unit/gate/counts.txt" ||
  fail "unit delay: the XOR of two equally long paths moved: $(grep ' x X' "$work/skew_xor_unit/gate/counts.txt")"
grep -q "x X 38 0$" "$work/skew_xor_liberty/gate/counts.txt" ||
  fail "liberty delays: the XOR should pulse on each of 19 toggles (38 transitions, 0 functional): $(grep ' x X' "$work/skew_xor_liberty/gate/counts.txt")"
grep -q "cell_delay: liberty" "$work/skew_xor_liberty.log" || fail "liberty delays: not named in the report"
echo "skew xor: 0 transitions at unit delay, 38 (all glitches) with the liberty's delays"

# 2. Inverter chain and register bank, every input toggling every cycle (20 cycles).
{
  printf '$timescale 1ps $end\n $scope module TOP $end\n'
  printf '  $var wire 1 ! clk_i $end\n  $var wire 1 " d_i $end\n  $var wire 4 # q_i [3:0] $end\n'
  printf '  $var wire 1 $ y_o $end\n  $var wire 4 %% q_o [3:0] $end\n $upscope $end\n$enddefinitions $end\n'
  for ((c = 0; c < cycles; c++)); do
    d=$((c % 2)); q=$([ $d = 1 ] && echo 1111 || echo 0000)
    printf '#%d\n0!\n%d"\nb%s #\n#%d\n1!\n%d$\nb%s %%\n' $((2 * c)) $d $q $((2 * c + 1)) $d $q
  done
} > "$work/chain.vcd"
"$tpegen" gate-power --netlist "$here/chain.v" --top chain --liberty "$lib" --vcd "$work/chain.vcd" \
  --ports clk_i:1,d_i:1,q_i:4,y_o:1:out,q_o:4:out --work "$work/chain" --json "$work/chain.json" \
  --clock-period 10 > "$work/chain.log"
all=$(jq_num "$work/chain.json" "['activity_gate']['transitions']")
fn=$(jq_num "$work/chain.json" "['activity_gate']['functional_transitions']")
# The first replayed cycle repeats the reset prelude's inputs: 19 toggles per net.
[ "$all" = $((12 * (cycles - 1))) ] && [ "$fn" = "$all" ] || fail "chain: $all transitions ($fn functional), expected $((12 * (cycles - 1)))"
# Without an input delay on the inputs (as here) OpenSTA 2.0.17 propagates no activity into the
# inverters (its combinational power here is ~1e-15 W; 2b below gives them one). It charges
# rise + fall energy on every transition
# (measured: 8.14 uW per dfxtp_1 clock pin at 100 MHz = 2 x (rise + fall) / 2 x 2 edges x f),
# where a transition is either a rise or a fall. So the check compares OpenSTA's sequential
# internal power with twice the flip-flops' energy here (clock pins, Q arcs, D pins).
ff_mw=$(python3 -c "import json; j=json.load(open('$work/chain.json')); b=j['energy_blocks_pj_per_mac']['top']; print((b['clock'] + b['sequential']) * 1e-12 / ($cycles * 10e-9) * 1e3)")
sta_power chain "set_power_activity -global -activity $(python3 -c "print(($cycles - 1) / $cycles)")"
sta_mw=$(awk '$1 == "Sequential" { print $2 * 1000; exit }' "$work/chain_sta.log")
[ -n "$sta_mw" ] || fail "no sequential power in $work/chain_sta.log"
python3 - "$ff_mw" "$sta_mw" "$TOL" <<'PY' || fail "register bank: flip-flop energy differs from OpenSTA's by more than $TOL %"
import sys
g, s, tol = map(float, sys.argv[1:])
d = 100 * (2 * g - s) / s
print(f"register bank: flip-flops {g:.6f} mW here, OpenSTA sequential internal {s:.6f} mW = 2 x ours {d:+.1f} % (tolerance {tol:.0f} %)")
sys.exit(0 if abs(d) <= tol else 1)
PY

# 2b. Combinational cells against OpenSTA: a chain of inverters and buffers, d_i toggling every
# cycle. OpenSTA propagates an input's activity into the logic only when the input has an input
# delay on the clock (without one, its combinational power is ~1e-15 W); through inverters and
# buffers its propagated activity is exactly the simulated one. Its internal power is again
# twice ours (rise + fall per transition, as for the flip-flops above); its tables are read at
# the slews it computes, ours at the nominal 0.1 ns, hence COMB_TOL.
COMB_TOL=10
toggle_vcd "$work/bufchain.vcd" d
"$tpegen" gate-power --netlist "$here/bufchain.v" --top bufchain --liberty "$lib" --vcd "$work/bufchain.vcd" \
  --ports clk_i:1,d_i:1,y_o:1:out --work "$work/bufchain" --json "$work/bufchain.json" --clock-period 10 \
  > "$work/bufchain.log"
sta_power bufchain "set_input_delay 0 -clock clk [get_ports d_i]
set_power_activity -input -activity $(python3 -c "print(($cycles - 1) / $cycles)")"
read -r sta_int sta_sw < <(awk '$1 == "Combinational" { print $2, $3; exit }' "$work/bufchain_sta.log")
[ -n "${sta_sw:-}" ] || fail "no combinational power in $work/bufchain_sta.log"
python3 - "$work/bufchain.json" "$sta_int" "$sta_sw" "$cycles" "$COMB_TOL" <<'PY' ||
import json, sys
j = json.load(open(sys.argv[1]))
sta_int, sta_sw, cycles, tol = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
c = j["energy_components_pj_per_mac"]
window = cycles * 10e-9
ours_int, ours_sw = c["internal"] * 1e-12 / window, c["switching"] * 1e-12 / window
d_int = 100 * (2 * ours_int - sta_int) / sta_int
d_sw = 100 * (ours_sw - sta_sw) / sta_sw
print(f"buffer chain: internal {ours_int * 1e6:.3f} uW here, OpenSTA {sta_int * 1e6:.3f} uW = 2 x ours {d_int:+.1f} %; "
      f"switching {ours_sw * 1e6:.3f} uW here, OpenSTA {sta_sw * 1e6:.3f} uW ({d_sw:+.1f} %; tolerance {tol:.0f} %)")
sys.exit(0 if abs(d_int) <= tol and abs(d_sw) <= tol and c["internal"] > 0 and c["switching"] > 0 else 1)
PY
  fail "buffer chain: combinational power differs from OpenSTA's by more than $COMB_TOL %"

# 3. A whole design through synth --activity gate.
"$tpegen" synth --arch systolic-os --rows 2 --cols 2 --liberty "$lib" --activity gate --activity-trials 1 \
  --work "$work/os2" --json "$work/os2.json" > "$work/os2.log" || fail "synth --activity gate failed: $(tail -3 "$work/os2.log")"
python3 - "$work/os2.json" <<'PY' || fail "synth --activity gate: inconsistent breakdown"
import json, sys
j = json.load(open(sys.argv[1]))
b, tot = j["energy_breakdown_pj_per_mac"], j["energy_per_mac_pj"]
parts = b["clock"] + b["sequential"] + b["combinational"] + b["leakage"]
assert tot > 0 and abs(parts - tot) <= 1e-9 * tot, (parts, tot)
assert 0 <= b["glitch"] <= b["combinational"], b
blocks = j["energy_blocks_pj_per_mac"]
assert abs(sum(v["total"] for v in blocks.values()) - tot) <= 1e-9 * tot
assert all(v["total"] > 0 for k, v in blocks.items() if k != "ports"), blocks
# The cells' components plus the input ports' nets are the total too.
comp = j["energy_components_pj_per_mac"]
assert abs(comp["internal"] + comp["switching"] + comp["leakage"] + blocks["ports"]["total"] - tot) <= 1e-9 * tot, comp
g = j["activity_gate"]
assert g["unknown_cells"] == 0 and g["transitions"] >= g["functional_transitions"] > 0, g
# The netlist reproduces the RTL run's handshake outputs, and its results while valid.
assert g["output_mismatches"] == 0, g
print(f"systolic-os 2x2: {tot:.3f} pJ/MAC, glitch {b['glitch']:.3f}, clock {b['clock']:.3f}, "
      f"{len(blocks)} blocks, {g['output_mismatches']} of {g['cycles']} cycles differ from the RTL outputs")
PY
echo "check_gate_power: PASS"
