#!/usr/bin/env bash
# Cold `make test` (`make record EXPERIMENT=cold-test-time`): a fresh clone of REPO's HEAD with
# new, empty ccache and cache folders, run as CI runs it; prints a Markdown table of the build
# time, the ctest time and ctest's summary. Run it on an otherwise idle machine.
# usage: cold_test_time.sh REPO WORKDIR
set -euo pipefail
repo=$1; work=$2
rm -rf "$work"; mkdir -p "$work"
git clone --quiet "$repo" "$work/clone"
export CCACHE_DIR="$work/ccache" XDG_CACHE_HOME="$work/cache" CI=true
# As CI runs it: not inside the make that `make record` is (its MAKEFLAGS/MAKELEVEL changed the
# output of the tests' own make calls).
unset MAKEFLAGS MAKELEVEL MFLAGS
start=$(date +%s)
( cd "$work/clone" && generator/scripts/install_deps.sh >/dev/null &&
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build >/dev/null )
built=$(date +%s)
( cd "$work/clone" && bash .ci/run ) > "$work/ctest.log" 2>&1 || true
end=$(date +%s)
summary=$(grep -E 'tests passed|tests failed out of' "$work/ctest.log" | tail -1)
minutes() { awk -v s="$1" 'BEGIN { printf "%.1f min", s / 60 }'; }
echo "| in all | tpegen build | ctest | tests |"
echo "|---|---|---|---|"
echo "| $(minutes $((end - start))) | $(minutes $((built - start))) | $(minutes $((end - built))) | ${summary:-no ctest summary: see the log} |"
