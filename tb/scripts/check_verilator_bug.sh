#!/usr/bin/env bash
# A reduced Verilator miscompile (tb/verilator_bugs/*.v, docs/contributing.md "Known tool bugs") built with
# the Verilator options of the FuseSoC .core tpegen writes: it must print PASS. The same case
# without them is built too, to report whether the installed Verilator has the bug; with
# --without only that build runs and its result is the exit status (it fails on 5.006).
# usage: check_verilator_bug.sh TPEGEN WORKDIR CASE.v [--without]
set -euo pipefail
tpegen=$1; work=$2; case_v=$3; mode=${4:-}
top=$(sed -n 's/^module \([a-z_0-9]*_tb\);$/\1/p' "$case_v")
rm -rf "$work"; mkdir -p "$work"
# The options of the .core's default target (the first verilator_options list in it).
"$tpegen" generate --arch systolic-ws --rows 1 --cols 1 -o "$work/design" > /dev/null
opts=$(sed -n 's/^ *verilator_options: \[\(.*\)\]$/\1/p' "$work"/design/*.core | head -1 | tr -d ',')
objcache=$(command -v ccache > /dev/null && echo OBJCACHE=ccache || true)
run() {  # run NAME FLAGS...: build and run the case, print its verdict line
  local name=$1; shift
  verilator --binary --timing -Wno-fatal -Wno-lint -Wno-style "$@" --top-module "$top" -Mdir "$work/$name" \
    -MAKEFLAGS "OPT_FAST=-O0 OPT_GLOBAL=-O0 $objcache" "$case_v" > "$work/$name.log" 2>&1 \
    || { tail -20 "$work/$name.log" >&2; echo "build failed: $name" >&2; exit 1; }
  "$work/$name/V$top" | grep -E '^(PASS|FAIL)'
}
without=$(run without)
echo "$(verilator --version | cut -d' ' -f1-2), no work-around: $without"
if [ "$mode" = --without ]; then [[ $without == PASS* ]]; exit; fi
with=$(run with $opts)
echo "with the .core's options [$opts]: $with"
[[ $with == PASS* ]]
