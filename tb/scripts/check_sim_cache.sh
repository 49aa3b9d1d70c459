#!/usr/bin/env bash
# What every model build of `tpegen sim` shares through the user's cache (sim/model_cache):
# in a fresh cache folder, at --build-opt 1 (Verilator's split files, VM_PARALLEL_BUILDS=1),
# the .gch appears, the harness and the model compile with -include of it, GCC reports no
# invalid PCH, Verilator's runtime and the harness's support objects (golden model, operand
# trace) are built in the cache and linked from there, not compiled in the work folder, and the
# regression passes. Then without a usable cache (a folder make cannot name) the same sources
# are compiled in the work folder and the regression passes too.
# usage: check_sim_cache.sh TPEGEN WORKDIR
set -euo pipefail
tpegen=$1; work=$2
rm -rf "$work"
mkdir -p "$work/cache"
fail() { echo "FAIL: $*"; exit 1; }
XDG_CACHE_HOME="$work/cache" "$tpegen" sim --arch systolic-os --rows 2 --cols 2 --trials 3 --build-opt 1 \
  --check-schedule --work "$work/sim" > "$work/sim.log"
grep -q " 0 failed" "$work/sim.log" || { cat "$work/sim.log"; exit 1; }
log="$work/sim/build.log"
gch=$(find "$work/cache/tpegen/pch" -name tpe_model.h.gch)
[ -n "$gch" ] || fail "no precompiled header in $work/cache"
cache=$(dirname "$gch")
grep -E -- "-include [^ ]*/tpe_model.h .*-c -o harness.o" "$log" > /dev/null || fail "harness.o without the PCH"
n=$(grep -c -E -- "-include [^ ]*/tpe_model.h .*-c -o Vdut[^ ]*\.o" "$log" || true)
[ "$n" -ge 1 ] || fail "no model object compiled with the PCH"
if grep -E "not used because|warning:.*\.gch|\[-Winvalid-pch\]" "$log"; then fail "PCH rejected"; fi
link=$(grep -E -- "-o Vdut$" "$log") || fail "no link line in $log"
for obj in 'verilated\.o' 'verilated_threads\.o' 'gemm-[0-9a-f]{16}\.o' 'stimulus-[0-9a-f]{16}\.o' \
           'schedule-[0-9a-f]{16}\.o' 'operand_trace-[0-9a-f]{16}\.o'; do
  grep -q -E -- " $cache/$obj " <<< "$link " || fail "the model does not link $cache/$obj: $link"
done
if grep -E -- "-c -o (verilated|gemm|stimulus|schedule|operand_trace)[^ ]*\.o " "$log"; then
  fail "shared objects compiled in the work folder"
fi
echo "cache OK: $cache, harness and $n model objects with the PCH, runtime and support objects linked from it"

# No usable cache: make cannot take a folder with a space, so everything builds in the work folder.
mkdir -p "$work/no cache"
XDG_CACHE_HOME="$work/no cache" "$tpegen" sim --arch cube --rows 2 --cols 2 --depth 2 --trials 3 --build-opt 0 \
  --work "$work/sim_nocache" > "$work/sim_nocache.log"
grep -q " 0 failed" "$work/sim_nocache.log" || { cat "$work/sim_nocache.log"; exit 1; }
for obj in verilated gemm stimulus schedule operand_trace; do
  grep -q -- "-c -o $obj.o " "$work/sim_nocache/build.log" || fail "without a cache, $obj.o was not compiled in the work folder"
done
echo "no cache OK: runtime and support objects compiled in the work folder"
