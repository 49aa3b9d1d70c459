#!/usr/bin/env bash
# The model build of `tpegen sim` builds and uses its precompiled header: in a fresh cache
# folder, at --build-opt 1 (Verilator's split files, VM_PARALLEL_BUILDS=1), the .gch appears,
# the harness and the model compile with -include of it, GCC reports no invalid PCH, and the
# regression passes.
# usage: check_sim_pch.sh TPEGEN WORKDIR
set -euo pipefail
tpegen=$1; work=$2
rm -rf "$work"
mkdir -p "$work/cache"
XDG_CACHE_HOME="$work/cache" "$tpegen" sim --arch systolic-os --rows 2 --cols 2 --trials 3 --build-opt 1 \
  --work "$work/sim" > "$work/sim.log"
grep -q " 0 failed" "$work/sim.log" || { cat "$work/sim.log"; exit 1; }
log="$work/sim/build.log"
gch=$(find "$work/cache/tpegen/pch" -name tpe_model.h.gch)
[ -n "$gch" ] || { echo "no precompiled header in $work/cache"; exit 1; }
grep -E -- "-include [^ ]*/tpe_model.h .*-c -o harness.o" "$log" > /dev/null || { echo "harness.o without the PCH"; exit 1; }
n=$(grep -c -E -- "-include [^ ]*/tpe_model.h .*-c -o Vdut[^ ]*\.o" "$log" || true)
[ "$n" -ge 1 ] || { echo "no model object compiled with the PCH"; exit 1; }
if grep -E "not used because|warning:.*\.gch|\[-Winvalid-pch\]" "$log"; then echo "PCH rejected"; exit 1; fi
echo "PCH OK: $gch, harness and $n model objects"
