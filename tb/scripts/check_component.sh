#!/usr/bin/env bash
# Generates a stand-alone component with `tpegen arith` and its model vectors, then
# simulates every vector in Verilator (bit-exact against the model and against a*b).
# usage: check_component.sh TPEGEN WORKDIR VECTORS [tpegen arith flags...]
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2; vectors=$3; shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
"$tpegen" arith "$@" --vectors "$vectors" -o "$work/design" >/dev/null
cd "$work/design"
# Top-level fields of the manifest, else those of its config (a_width, signed, ...).
field() { "$manifest_field" manifest.json "$1" 2>/dev/null || "$manifest_field" manifest.json "config.$1"; }
top=$(field top); kind=$(field kind)
aw=$(field a_width); bw=$(field b_width); accw=$(field acc_width); signed=$(field signed)
defs="-DA_W=$aw -DB_W=$bw -DACC_W=$accw -DIS_SIGNED=$([ "$signed" = true ] && echo 1 || echo 0)"
[ "$kind" = opt1-step ] && defs="$defs -DCOMP_STEP"
[ "$(field latency_cycles)" = 1 ] && defs="$defs -DPIPELINED"
objcache=$(command -v ccache >/dev/null && echo OBJCACHE=ccache || true)
# One translation unit (Vdut__ALL.cpp): most of a small model's compile is header parsing per file.
# -O0: the build takes half the time of -O1, and 65,536 vectors still run in under 0.1 s.
verilator --cc --exe --build -j 2 -Wno-fatal --top-module "$top" --prefix Vdut -Mdir "$work/obj" \
  -CFLAGS "-std=c++17 -I$root/tb -I$root/model $defs" -MAKEFLAGS "OPT_FAST=-O0 OPT_GLOBAL=-O0 VM_PARALLEL_BUILDS=0 $objcache" \
  "$root/tb/arith/component_tb.cpp" -f files.f > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
"$work/obj/Vdut" vectors.txt
