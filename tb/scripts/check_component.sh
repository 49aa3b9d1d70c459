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
# The manifest's fields in one Python run (the widths and signedness are its config's).
fields=$("$manifest_field" manifest.json top kind config.a_width config.b_width config.acc_width config.signed \
         latency_cycles)
{ read -r top; read -r kind; read -r aw; read -r bw; read -r accw; read -r signed; read -r latency; } <<< "$fields"
mkdir -p "$work/obj"
{
  echo "#define A_W $aw"; echo "#define B_W $bw"; echo "#define ACC_W $accw"
  echo "#define IS_SIGNED $([ "$signed" = true ] && echo 1 || echo 0)"
  [ "$kind" != opt1-step ] || echo "#define COMP_STEP 1"
  [ "$latency" != 1 ] || echo "#define PIPELINED 1"
} > "$work/obj/component_params.h"
objcache=$(command -v ccache >/dev/null && echo OBJCACHE=ccache || true)
# One translation unit (Vdut__ALL.cpp): most of a small model's compile is header parsing per file.
# -O0: the build takes half the time of -O1, and 65,536 vectors still run in under 0.1 s. The
# flags are the same for every component (its parameters are in component_params.h), so ccache
# compiles Verilator's runtime once per run.
verilator --cc --exe --build -j 2 -Wno-fatal --no-decoration --top-module "$top" --prefix Vdut -Mdir "$work/obj" \
  -CFLAGS "-std=c++17 -I$root/tb -I$root/model" -MAKEFLAGS "OPT_FAST=-O0 OPT_GLOBAL=-O0 VM_PARALLEL_BUILDS=0 $objcache" \
  "$root/tb/arith/component_tb.cpp" -f files.f > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
"$work/obj/Vdut" vectors.txt
