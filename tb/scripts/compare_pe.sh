#!/usr/bin/env bash
# Synthesizes the baseline (mac) and a bit-weight PE variant of every architecture at the
# paper's sizes and prints a Markdown table: generic cells, sky130 area, critical path,
# flip-flops per PE and area efficiency (fmax ratio / area ratio) against the baseline.
# usage: [ARCHS="cube mac-tree systolic-os/shift"] compare_pe.sh TPEGEN WORKDIR PE [extra design flags...]
# A point's flags after the name apply to both variants (e.g. the drain option); the extra
# design flags only to the bit-weight variant.
set -euo pipefail
tpegen=$1; work=$2; pe=$3; shift 3
mkdir -p "$work"
points=(
  "systolic-os|--arch systolic-os --rows 16 --cols 16"
  "systolic-os/shift|--arch systolic-os --rows 16 --cols 16 --drain shift"
  "systolic-ws|--arch systolic-ws --rows 16 --cols 16"
  "cube|--arch cube --rows 8 --cols 8 --depth 8"
  "mac-tree|--arch mac-tree --cols 16 --depth 16"
  "matrix2d|--arch matrix2d --rows 16 --cols 16 --depth 4"
)
value() { sed -n "s/^$1: \([^ ]*\).*/\1/p" "$2" | tail -1; }
# Flip-flops of one PE: the liberty flip-flop cells (sky130 names start with df) counted in
# the synthesized module whose name ends in _pe (every systolic PE); "-" where the
# architecture has no PE module of that name (its units are flattened into the top).
pe_flops() {
  awk '/^=== /{ inpe = ($2 ~ /_pe$/) } inpe && $1 ~ /__df/ { n += $2 } END { if (n) print n; else print "-" }' "$1"
}
# Timing: the register-to-register path (path group reg2reg). The unbuffered netlist's port
# fan-out (valid_i driving every unit before placement buffers it) would otherwise dominate.
echo "| architecture | PE | cells | area µm² (sky130hd) | flip-flops per PE | reg2reg path ns | fmax MHz | area ratio | fmax ratio | area efficiency |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for p in "${points[@]}"; do
  name=${p%%|*}; flags=${p#*|}; tag=${name//\//-}
  if [ -n "${ARCHS:-}" ] && [[ " $ARCHS " != *" $name "* ]]; then continue; fi
  base_area=""; base_fmax=""
  for variant in mac "$pe"; do
    extra=(); [ "$variant" != mac ] && extra=("$@")
    log="$work/$tag-$variant.txt"
    # shellcheck disable=SC2086
    if ! "$tpegen" synth $flags --pe "$variant" "${extra[@]}" --work "$work/$tag-$variant" > "$log" 2>&1; then
      echo "| $name | $variant | failed: see $log | | | | | | | |"; continue
    fi
    cells=$(value cells "$log"); area=$(value area_um2 "$log")
    flops=$(pe_flops "$work/$tag-$variant/stat_liberty.txt")
    cp=$(sed -n 's/^path_groups_ns:.*reg2reg \([0-9.]*\).*/\1/p' "$log" | tail -1)
    fmax=$(value fmax_mhz "$log")  # 1000 / (period - reg2reg slack), docs/flows.md
    if [ "$variant" = mac ]; then
      base_area=$area; base_fmax=$fmax; ra=1.00; rf=1.00; eff=1.00
    else
      ra=$(awk -v a="$area" -v b="$base_area" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "-" }')
      rf=$(awk -v a="$fmax" -v b="$base_fmax" 'BEGIN{ if (a>0 && b>0) printf "%.2f", a/b; else print "-" }')
      eff=$(awk -v a="$area" -v b="$base_area" -v f="$fmax" -v g="$base_fmax" \
        'BEGIN{ if (a>0 && f>0 && g>0) printf "%.2f", (f/g)/(a/b); else print "-" }')
    fi
    echo "| $name | $variant | $cells | $area | $flops | ${cp:--} | ${fmax:--} | $ra | $rf | $eff |"
  done
done
