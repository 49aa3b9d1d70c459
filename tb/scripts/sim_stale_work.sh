#!/usr/bin/env bash
# A --work folder reused after its model build names a header that no longer exists (an older
# tpegen's harness layout) must be rebuilt, not stop make on "No rule to make target".
# usage: sim_stale_work.sh TPEGEN WORKDIR
set -euo pipefail
tpegen=$1; work=$2
rm -rf "$work"
sim() { "$tpegen" sim --arch systolic-os --rows 2 --cols 2 --trials 2 --build-opt 0 --work "$work" "$@"; }
sim > /dev/null
printf 'harness.o: /nonexistent/tpegen/tb/golden/gemm.hpp\n' >> "$work/obj/harness.d"
out=$(sim 2>&1) || { echo "$out"; echo "FAIL: the reused --work with a stale build did not rebuild"; exit 1; }
grep -q "2 passed, 0 failed" <<< "$out" || { echo "$out"; exit 1; }
echo "stale model build dropped and rebuilt"
