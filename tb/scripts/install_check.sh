#!/usr/bin/env bash
# `cmake --install` (what `make install PREFIX=...` runs) into a fresh prefix; the installed
# tpegen, found on PATH, lists, generates the same files as the build tree's, and simulates a
# 2x2 array with the harness and golden model installed beside it (not the source tree's).
# usage: install_check.sh CMAKE BUILD_DIR TPEGEN WORKDIR
set -euo pipefail
cmake=$1; build=$2; built_tpegen=$3; work=$4
rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
fail() { echo "install_check: FAIL: $*"; exit 1; }
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
share=$prefix/share/tpegen
for f in bin/tpegen share/tpegen/rtl_templates/tpe_fa.v share/tpegen/schema/manifest.schema.json \
         share/tpegen/tb/harness/harness.cpp share/tpegen/model/golden/gemm.hpp; do
  [ -e "$prefix/$f" ] || fail "$f not installed"
done

unset TPEGEN_HOME
export PATH="$prefix/bin:$PATH"
[ "$(command -v tpegen)" = "$prefix/bin/tpegen" ] || fail "tpegen on PATH is $(command -v tpegen)"
cd "$work"  # nothing relative to the source tree
list=$(tpegen list); grep -q "^  systolic-os: " <<<"$list" || fail "tpegen list"
tpegen generate --arch cube --rows 2 --cols 2 --depth 2 -o gen >/dev/null
"$built_tpegen" generate --arch cube --rows 2 --cols 2 --depth 2 -o gen-build >/dev/null
diff -r gen-build gen || fail "the installed tpegen generates other files than the build tree's"
out=$(tpegen sim --arch systolic-os --rows 2 --cols 2 --trials 2 --build-opt 0 --work sim)
echo "$out"
grep -q "^2 passed, 0 failed" <<<"$out" || fail "tpegen sim of the installed copy"
# The model was compiled from the installed harness (make's dependency files name it).
grep -lq "$share/tb/harness/harness.cpp" sim/obj/*.d || fail "the model was not built from $share/tb/harness"
echo "install_check: passed"
