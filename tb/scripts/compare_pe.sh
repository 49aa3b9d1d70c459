#!/usr/bin/env bash
# Synthesizes the baseline (mac) and a bit-weight PE variant of every architecture at the
# paper's sizes and prints a Markdown table: generic cells, sky130 area, critical path.
# usage: [ARCHS="cube mac-tree"] compare_pe.sh TPEGEN WORKDIR PE [extra design flags...]
set -euo pipefail
tpegen=$1; work=$2; pe=$3; shift 3
mkdir -p "$work"
points=(
  "systolic-os|--arch systolic-os --rows 16 --cols 16"
  "systolic-ws|--arch systolic-ws --rows 16 --cols 16"
  "cube|--arch cube --rows 8 --cols 8 --depth 8"
  "mac-tree|--arch mac-tree --cols 16 --depth 16"
  "matrix2d|--arch matrix2d --rows 16 --cols 16 --depth 4"
)
value() { sed -n "s/^$1: \([^ ]*\).*/\1/p" "$2" | tail -1; }
# Timing: the register-to-register path (path group reg2reg). The unbuffered netlist's port
# fan-out (valid_i driving every unit before placement buffers it) would otherwise dominate.
echo "| architecture | PE | cells | area µm² (sky130hd) | reg2reg path ns | fmax MHz | area ratio | fmax ratio |"
echo "|---|---|---|---|---|---|---|---|"
for p in "${points[@]}"; do
  name=${p%%|*}; flags=${p#*|}
  if [ -n "${ARCHS:-}" ] && [[ " $ARCHS " != *" $name "* ]]; then continue; fi
  base_area=""; base_fmax=""
  for variant in mac "$pe"; do
    extra=(); [ "$variant" != mac ] && extra=("$@")
    log="$work/$name-$variant.txt"
    # shellcheck disable=SC2086
    if ! "$tpegen" synth $flags --pe "$variant" "${extra[@]}" --work "$work/$name-$variant" > "$log" 2>&1; then
      echo "| $name | $variant | failed: see $log | | | | | |"; continue
    fi
    cells=$(value cells "$log"); area=$(value area_um2 "$log")
    cp=$(sed -n 's/^path_groups_ns:.*reg2reg \([0-9.]*\).*/\1/p' "$log" | tail -1)
    fmax=$(value fmax_mhz "$log")  # 1000 / (period - reg2reg slack), README "fmax"
    if [ "$variant" = mac ]; then
      base_area=$area; base_fmax=$fmax; ra=1.00; rf=1.00
    else
      ra=$(awk -v a="$area" -v b="$base_area" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "-" }')
      rf=$(awk -v a="$fmax" -v b="$base_fmax" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "-" }')
    fi
    echo "| $name | $variant | $cells | $area | ${cp:--} | ${fmax:--} | $ra | $rf |"
  done
done
