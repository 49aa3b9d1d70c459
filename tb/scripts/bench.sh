#!/usr/bin/env bash
# Benchmarks (figures only, no pass/fail): generation time of a 64x64 systolic array (and of
# the OPT1 array up to 256x256, with its top module's size) and
# Verilator simulation throughput (cycles/s, GEMMs/s) of the default design and of the
# 16x16 systolic-os array with the mac PE, the opt1 PE, its twin and, as a bound on what any
# structural opt1 PE can reach, hand-written word-level PEs (tb/scripts/rowcsa_pe.py).
# usage: bench.sh TPEGEN WORKDIR
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2
rm -rf "$work"; mkdir -p "$work"
for size in 16 64; do
  start=$(date +%s.%N)
  "$tpegen" generate --arch systolic-os --rows $size --cols $size -o "$work/os$size" >/dev/null
  end=$(date +%s.%N)
  bytes=$(cat "$work/os$size"/rtl/*.v | wc -c)
  printf 'generate systolic-os %dx%d: %.3f s, %d bytes of Verilog\n' $size $size "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$bytes"
done
# The OPT1 PE adds a timing-driven read-out adder per column (built once per design; goal for
# 64x64: under 0.5 s) and the line count of the top module (goal at 16x16: under 1,000 lines).
for size in 16 64 256; do
  start=$(date +%s.%N)
  "$tpegen" generate --arch systolic-os --pe opt1 --rows $size --cols $size -o "$work/os_opt1_$size" >/dev/null
  end=$(date +%s.%N)
  top=$("$manifest_field" "$work/os_opt1_$size" top)
  printf 'generate systolic-os --pe opt1 %dx%d: %.3f s (goal at 64x64: < 0.5 s), top module %d lines, %d lines of Verilog\n' \
    $size $size "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$(wc -l < "$work/os_opt1_$size/rtl/$top.v")" \
    "$(cat "$work/os_opt1_$size"/rtl/*.v | wc -l)"
done
echo "simulate default systolic-os 16x16 (100 GEMMs 64x64x64, then 2000 random GEMMs):"
"$tpegen" sim --arch systolic-os --gemm 64x64x64 --trials 100 --work "$work/sim" | grep -E 'elements checked|passed,'
"$tpegen" sim --arch systolic-os --trials 2000 --work "$work/sim" | grep -E 'elements checked|passed,'
# Bit-weight RTL: the same array with the OPT1 PE (bit-level compressor tree per PE) and its
# behavioural twin (--view behavioral), against the MAC PE; at least 50,000 cycles each so
# the rate is not dominated by start-up. The last line gives both ratios.
declare -A rate
rate_of() { printf '%s\n' "$1" | sed -n 's/.* \([0-9.]*\) cycles\/s.*/\1/p'; }  # from the run's report line
for pe in mac opt1 twin; do
  flags=(--pe "$pe"); [ "$pe" = twin ] && flags=(--pe opt1 --view behavioral)
  echo "simulate systolic-os 16x16 ${flags[*]} (30 random GEMMs, >= 50,000 cycles):"
  line=$("$tpegen" sim --arch systolic-os --rows 16 --cols 16 "${flags[@]}" --trials 30 --min-cycles 50000 --seed 1 \
         --work "$work/sim-$pe" | grep -E 'elements checked|passed,')
  echo "$line"
  rate[$pe]=$(rate_of "$line")
done
# The reach of the structural goal: the same OPT1 array with its PEs' Dadda trees rewritten by
# hand into the cheapest structural form we know (Booth rows as words, a row-wise carry-save
# tree: tb/scripts/rowcsa_pe.py), built with the flags `tpegen sim` uses (without its
# precompiled header, which changes no code) and run on the same GEMMs; it must pass them.
bound="$(cd "$work" && pwd)/sim-rowcsa"
mkdir -p "$bound"
cp -r "$work/sim-opt1/design" "$work/sim-opt1/tb_params.h" "$bound/"
python3 "$(dirname "$0")/rowcsa_pe.py" "$bound"/design/rtl/*_pe.v
top=$(basename "$bound"/design/rtl/*_pe.v _pe.v)
tb=$(cd "$(dirname "$0")/.." && pwd)
( cd "$bound/design" && verilator --cc --exe --build -j 2 -Wno-fatal --x-assign unique --x-initial unique \
    --top-module "$top" --prefix Vdut -Mdir "$bound/obj" \
    -CFLAGS "-std=c++17 -I$tb -I$tb/../model -I$bound" "$tb/harness/harness.cpp" -f files.f \
    -MAKEFLAGS OPT_FAST=-O2 -MAKEFLAGS OPT_GLOBAL=-O2 > "$bound/build.log" 2>&1 ) ||
  { echo "rowcsa build failed, see $bound/build.log"; exit 1; }
echo "simulate systolic-os 16x16 --pe opt1 with hand-written word-level row-CSA PEs (same GEMMs):"
line=$("$bound/obj/Vdut" --trials 30 --gemm random --dist uniform --duty 100 --seed 1 --min-elements 0 \
       --min-cycles 50000 | grep -E 'elements checked|passed,')
echo "$line"
printf '%s\n' "$line" | grep -q " 0 failed" || { echo "the rewritten PE failed the GEMMs"; exit 1; }
rate[rowcsa]=$(rate_of "$line")
awk -v m="${rate[mac]}" -v s="${rate[opt1]}" -v t="${rate[twin]}" -v r="${rate[rowcsa]}" \
  'BEGIN { printf "cycles/s relative to the MAC array: OPT1 structural %.3f (goal >= 0.25), OPT1 twin %.3f (goal >= 0.5), hand-written row-CSA bound %.3f\n", s/m, t/m, r/m }'
