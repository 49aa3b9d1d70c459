#!/usr/bin/env bash
# OPT3 partial products (cycles) per int8 A operand on normal(0, sigma) data, measured on the
# OPT4C design in the Verilator regression, next to the paper's figures (spec §4: K=32 and
# K=128, sigma = 10..50) and the exact expectation of spec §2 for rounded normals.
# usage: opt3_digit_table.sh TPEGEN WORKDIR [TRIALS]
set -euo pipefail
tpegen=$1; work=$2; trials=${3:-40}
cols=16
mkdir -p "$work"
declare -A paper=(
  [32,10]=1.71 [32,20]=2.05 [32,30]=2.27 [32,40]=2.45 [32,50]=2.57
  [128,10]=1.75 [128,20]=2.10 [128,30]=2.32 [128,40]=2.48 [128,50]=2.60)
declare -A spec=([10]=1.77 [20]=2.12 [30]=2.34 [40]=2.49 [50]=2.59)
rows=()
for k in 32 128; do
  for sigma in 10 20 30 40 50; do
    log="$work/k${k}_s${sigma}.log"
    if ! "$tpegen" sim --arch opt4c --cols $cols --gemm 16x${k}x${cols} --trials "$trials" \
         --dist normal:0:$sigma --seed $((k + sigma)) --work "$work/sim" >"$log" 2>&1; then
      echo "tpegen sim failed for K=$k sigma=$sigma; see $log" >&2; exit 1
    fi
    pp=$(sed -n 's/^average partial products per operand: //p' "$log")
    cy=$(sed -n 's/^average cycles per operand: //p' "$log")
    [ -n "$pp" ] || { echo "no average in $log" >&2; exit 1; }
    rows+=("$(printf '%5s  %5s  %13s  %14s  %8s  %12s' "$k" "$sigma" "$pp" "$cy" "${paper[$k,$sigma]}" "${spec[$sigma]}")")
  done
done
echo "OPT3 partial products per int8 A operand, normal(0,sigma) rounded and clipped; GEMM 16xKx$cols, $trials trials each"
printf '%5s  %5s  %13s  %14s  %8s  %12s\n' K sigma "pp/operand" "cycles/operand" paper "spec §2 exp."
printf '%s\n' "${rows[@]}"

# OPT4E: a step of E operands lasts for its slowest operand.
depth=4
rows=()
for sigma in 10 20 30 40 50; do
  log="$work/e${depth}_s${sigma}.log"
  if ! "$tpegen" sim --arch opt4e --cols $cols --depth $depth --gemm 16x128x${cols} --trials "$trials" \
       --dist normal:0:$sigma --seed $((200 + sigma)) --work "$work/sim_e" >"$log" 2>&1; then
    echo "tpegen sim failed for opt4e sigma=$sigma; see $log" >&2; exit 1
  fi
  pp=$(sed -n 's/^average partial products per operand: //p' "$log")
  st=$(sed -n 's/^average cycles per k step: //p' "$log")
  cy=$(sed -n 's/^average cycles per operand: //p' "$log")
  [ -n "$st" ] || { echo "no average in $log" >&2; exit 1; }
  rows+=("$(printf '%5s  %13s  %15s  %14s' "$sigma" "$pp" "$st" "$cy")")
done
echo
echo "OPT4E (E = $depth) cycles per k step of $depth int8 A operands, normal(0,sigma); GEMM 16x128x$cols, $trials trials each"
printf '%5s  %13s  %15s  %14s\n' sigma "pp/operand" "cycles/k step" "cycles/operand"
printf '%s\n' "${rows[@]}"
