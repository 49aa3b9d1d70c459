#!/usr/bin/env bash
# `tpegen sim --from DIR` and `tpegen synth --from DIR` take the design of a folder written by
# `tpegen generate` (a non-default one: 2x2, unsigned, 4.5 ns clock) without its flags; synth
# takes the folder's clock period unless --clock-period is given (with LIBERTY: timing).
# usage: from_dir.sh TPEGEN WORKDIR [LIBERTY]
set -euo pipefail
tpegen=$1; work=$2; lib=${3:-}
rm -rf "$work"; mkdir -p "$work"
fail() { echo "from_dir: FAIL: $*"; exit 1; }
"$tpegen" generate --arch systolic-os --rows 2 --cols 2 --unsigned --clock-period 4.5 -o "$work/gen"
top=tpe_systolic_os_mac_r2c2_u8x8_acc32
[ -f "$work/gen/rtl/$top.v" ] || fail "generate did not write $top"

out=$("$tpegen" sim --from "$work/gen" --trials 3 --build-opt 0 --work "$work/sim")
echo "$out"
grep -q "^harness: $top, 3 trials" <<<"$out" || fail "sim --from did not simulate $top"
grep -q "^3 passed, 0 failed" <<<"$out" || fail "sim --from: not 3 passed"
# A flag that repeats the folder's design is accepted.
"$tpegen" sim --from "$work/gen" --rows 2 --unsigned --trials 1 --build-opt 0 --work "$work/sim" | grep -q "^1 passed" ||
  fail "sim --from with agreeing flags"

config() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["config"], sort_keys=True))' "$1"; }
"$tpegen" synth --from "$work/gen" --no-liberty --json "$work/synth.json" --work "$work/synth" >/dev/null
[ "$(config "$work/synth.json")" = "$(config "$work/gen/manifest.json")" ] || fail "synth --from: another design's config"
if [ -n "$lib" ]; then
  period() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["clock_period_ns"])' "$1"; }
  "$tpegen" synth --from "$work/gen" --liberty "$lib" --json "$work/timed.json" --work "$work/timed" >/dev/null
  [ "$(period "$work/timed.json")" = 4.5 ] || fail "synth --from: clock period $(period "$work/timed.json"), not the folder's 4.5"
  "$tpegen" synth --from "$work/gen" --liberty "$lib" --clock-period 6 --json "$work/timed6.json" --work "$work/timed6" >/dev/null
  [ "$(period "$work/timed6.json")" = 6.0 ] || fail "synth --from --clock-period 6: clock period $(period "$work/timed6.json")"
fi
echo "from_dir: passed"
