#!/usr/bin/env bash
# Bit-slice: average cycles per int8 A operand (k step) of the Laconic baseline and of the
# paper's OPT3 version on normal(0, sigma) data, sigma = 10..50, measured in the Verilator
# regression of the default column (N = 16 PEs; GEMM 16xKx16, so every PE holds a B value).
# usage: bitslice_cycle_table.sh TPEGEN WORKDIR [TRIALS] [K]
set -euo pipefail
tpegen=$1; work=$2; trials=${3:-20}; k=${4:-32}
cols=16
mkdir -p "$work"
run() {  # run PE SIGMA: one regression, its log in $work/PE_sSIGMA.log
  if ! "$tpegen" sim --arch bitslice --pe "$1" --cols $cols --gemm 16x${k}x${cols} --trials "$trials" \
       --dist normal:0:$2 --seed $((100 + $2)) --build-opt 0 --work "$work/sim_$1" >"$work/$1_s$2.log" 2>&1; then
    echo "tpegen sim failed for $1 sigma=$2; see $work/$1_s$2.log" >&2; exit 1
  fi
}
get() {  # get PE SIGMA WHAT: the "average WHAT per operand" of that run
  local v; v=$(sed -n "s/^average $3 per operand: //p" "$work/$1_s$2.log")
  [ -n "$v" ] || { echo "no average $3 in $work/$1_s$2.log" >&2; exit 1; }
  echo "$v"
}
echo "Bit-slice, int8 signed, N = $cols PEs, normal(0,sigma) rounded and clipped; GEMM 16x${k}x$cols, $trials trials each"
printf '%5s  %16s  %16s  %14s  %14s  %8s\n' sigma "laconic cyc/op" "laconic pairs/PE" "opt3 cyc/op" "opt3 pp/op" speedup
for sigma in 10 20 30 40 50; do
  run laconic $sigma; run opt3 $sigma
  lc=$(get laconic $sigma cycles); lp=$(get laconic $sigma "term pairs")
  oc=$(get opt3 $sigma cycles); op=$(get opt3 $sigma "partial products")
  printf '%5s  %16s  %16s  %14s  %14s  %7.2fx\n' "$sigma" "$lc" "$lp" "$oc" "$op" "$(echo "$lc / $oc" | bc -l)"
done
