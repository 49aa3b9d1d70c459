#!/usr/bin/env bash
# `make demo`'s script on a 2x2 array and 5 GEMMs: whole lines only, no per-trial lines, and a
# summary with the GEMMs passed, a numeric area and fmax (with LIBERTY), the output folders
# (which exist) and the next commands.
# usage: check_demo.sh TPEGEN WORKDIR [LIBERTY]
set -uo pipefail
tpegen=$1; work=$2; lib=${3:-}
rm -rf "$work"; mkdir -p "$work"
fail() { echo "check_demo: FAIL: $*"; exit 1; }
[ -n "$lib" ] && export TPEGEN_LIBERTY=$lib
out=$(SIZE=2 TRIALS=5 "$(dirname "$0")/demo.sh" "$tpegen" "$work/demo" 2>&1) || { echo "$out"; fail "demo.sh failed"; }
echo "$out"
! grep -q "SUCCESS:" <<<"$out" || fail "per-trial lines on the terminal"
summary=$(sed -n '/^== summary$/,$p' <<<"$out")
[ -n "$summary" ] || fail "no summary"
grep -Eq "^  sim +5 of 5 GEMMs passed \([0-9]+ output elements\)$" <<<"$summary" || fail "no 'GEMMs passed' line"
if [ -n "$lib" ]; then
  grep -Eq "^  area +[0-9]+\.[0-9] um2 \($(basename "$lib")\)$" <<<"$summary" || fail "no numeric area"
  grep -Eq "^  fmax +[0-9]+\.[0-9] MHz, critical path [0-9.]+ ns$" <<<"$summary" || fail "no numeric fmax"
else
  grep -Eq "^  area +" <<<"$summary" || fail "no area line"
fi
for d in systolic-os sim synth; do
  grep -q "  $work/demo/$d " <<<"$summary" || fail "output folder $d not named"
  [ -d "$work/demo/$d" ] || fail "output folder $d missing"
done
grep -Eq "^  next +$tpegen list" <<<"$summary" || fail "no next commands"
grep -q -- "synth --from $work/demo/opt1" <<<"$summary" || fail "no synth --from among the next commands"
echo "check_demo: passed"
