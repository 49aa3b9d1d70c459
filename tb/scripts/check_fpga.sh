#!/usr/bin/env bash
# The FPGA targets of `tpegen synth` at small sizes: a 2-unit x 2-term multiplier-adder
# tree through synth_ice40 and nextpnr-ice40 (HX8K: logic only; UP5K: one SB_MAC16 per
# multiplier), the same RTL's counts through synth_ecp5, and a design too large for the
# UP5K's 8 DSP blocks, which must fail right after the first Yosys pass (no I/O wrapper
# synthesis, no nextpnr) with one line naming the device, the resource and what to try.
# usage: check_fpga.sh TPEGEN WORKDIR
set -euo pipefail
tpegen=$1; work=$2
rm -rf "$work"; mkdir -p "$work"
design=(--arch mac-tree --cols 2 --depth 2)
fail() { echo "check_fpga: FAIL: $*"; exit 1; }
# The number after "key": in a --json report (tpegen writes one key per line).
num() { sed -n "s/^  \"$2\": \([0-9.]*\),\{0,1\}$/\1/p" "$1" | head -1; }

"$tpegen" synth "${design[@]}" --target ice40 --device hx8k --work "$work/hx8k" --json "$work/hx8k.json" | tee "$work/hx8k.log"
lut=$(num "$work/hx8k.json" lut); ff=$(num "$work/hx8k.json" ff); carry=$(num "$work/hx8k.json" carry)
dsp=$(num "$work/hx8k.json" dsp); fmax=$(num "$work/hx8k.json" fmax_mhz)
echo "hx8k: lut $lut ff $ff carry $carry dsp $dsp fmax $fmax"
# The RTL's register bits: B weights 2x2x8, per unit a 32-bit accumulator and result register,
# c_valid: 161 flip-flops when nothing goes into a DSP block.
[ "$ff" = 161 ] || fail "hx8k: expected 161 flip-flops, got $ff"
[ "$dsp" = 0 ] || fail "hx8k has no DSP blocks, got $dsp"
[ "$lut" -gt 100 ] && [ "$carry" -gt 30 ] || fail "hx8k: four 8x8 multipliers in logic need more LUTs/carries ($lut, $carry)"
awk -v f="$fmax" 'BEGIN { exit !(f > 5 && f < 1000) }' || fail "hx8k: implausible fmax '$fmax'"
grep -q '^utilization: ICESTORM_LC [0-9]*/7680' "$work/hx8k.log" || fail "hx8k: no logic-cell utilization line"
grep -q '^fmax_mhz: [0-9.]* (nextpnr-ice40' "$work/hx8k.log" || fail "hx8k: no fmax line"

"$tpegen" synth "${design[@]}" --target ice40 --work "$work/up5k" --json "$work/up5k.json" | tee "$work/up5k.log"
[ "$(num "$work/up5k.json" dsp)" = 4 ] || fail "up5k: expected one SB_MAC16 per multiplier (4)"
# SB_MAC16 holds an accumulator register of its own: fewer fabric flip-flops, never more.
[ "$(num "$work/up5k.json" ff)" -le 161 ] || fail "up5k: more flip-flops than the RTL has"
grep -q '"ICESTORM_DSP": {' "$work/up5k.json" || fail "up5k: no DSP utilization in the JSON"

"$tpegen" synth "${design[@]}" --target ecp5 --work "$work/ecp5" --json "$work/ecp5.json" | tee "$work/ecp5.log"
[ "$(num "$work/ecp5.json" ff)" = 161 ] || fail "ecp5: expected the RTL's 161 flip-flops"
[ "$(num "$work/ecp5.json" dsp)" -ge 1 ] || fail "ecp5: expected MULT18X18D blocks for the multipliers"
[ "$(num "$work/ecp5.json" lut)" -gt 0 ] || fail "ecp5: no LUTs"
grep -q '^fmax_mhz: none (nextpnr is packaged by Debian for iCE40 only)' "$work/ecp5.log" || fail "ecp5: fmax line"

# 16 multipliers on the UP5K's 8 DSP blocks: one error line, exit status 2, no JSON, stopped
# after the first pass.
set +e
out=$("$tpegen" synth --arch mac-tree --cols 4 --depth 4 --target ice40 --work "$work/big" --json "$work/big.json" 2>&1)
status=$?
set -e
printf '%s\n' "$out" | tail -3
[ "$status" = 2 ] || fail "does-not-fit: exit status $status, expected 2"
printf '%s\n' "$out" | grep -q '^tpegen: error: the design does not fit the iCE40 UP5K: it needs 16 DSP blocks (SB_MAC16), the device has 8; try --device hx8k (multipliers in logic) or a smaller design' \
  || fail "does-not-fit: no clear message"
[ "$(printf '%s\n' "$out" | grep -c '^tpegen: error:')" = 1 ] || fail "does-not-fit: not one error line"
[ ! -e "$work/big.json" ] || fail "does-not-fit: a JSON report was written"
[ ! -e "$work/big/nextpnr.log" ] && [ ! -e "$work/big/pnr.ys" ] || fail "does-not-fit: went on past the first pass"
echo "check_fpga: all checks passed"
