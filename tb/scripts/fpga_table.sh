#!/usr/bin/env bash
# The FPGA comparison table (`make fpga-table`): baseline (mac) against the
# bit-weight PEs (opt1, opt2) of the multiplier-adder tree at two sizes in int8 and the larger
# one in int4 (signed), each
# through Yosys's synth_ice40 (HX8K: logic only, and UP5K: with SB_MAC16 DSP blocks; both
# placed and routed with nextpnr-ice40 at --seed 1), synth_ecp5 and synth_xilinx (DSP
# inference on). opt1/opt2 use their default Brent-Kung read-out adder built from LUTs, and
# again `--final-adder behavioral` (a `+` that Yosys maps to the FPGA's carry chain; not on the
# UP5K). Prints a Markdown table and keeps it in WORK/fpga_table.md; a rerun reuses the points
# already done (their JSON or their does-not-fit log in WORK).
# usage: fpga_table.sh TPEGEN WORK
set -uo pipefail
tpegen=$1; work=$2
mkdir -p "$work"
num() { sed -n "s/^  \"$2\": \([0-9.]*\),\{0,1\}$/\1/p" "$1" | head -1; }
out="$work/fpga_table.md"
{
  echo "| design | PE | target | LUT | FF | carry | DSP | nextpnr fmax MHz | logic cells |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$out"
for size in "2 4 8" "4 4 8" "4 4 4"; do
  set -- $size  # units, terms, operand width
  for variant in mac opt1 opt2 opt1:behavioral opt2:behavioral; do
    pe=${variant%%:*}; adder=${variant#*:}; [ "$adder" = "$variant" ] && adder=""
    for target in ice40:hx8k ice40:up5k ecp5 xilinx7; do
      t=${target%%:*}; dev=${target#*:}; [ "$dev" = "$target" ] && dev=""
      [ -n "$adder" ] && [ "$dev" = up5k ] && continue
      name="mactree_c$1d$2w$3_${pe}${adder:+_$adder}_${t}${dev:+_$dev}"
      args=(--arch mac-tree --cols "$1" --depth "$2" --a-width "$3" --b-width "$3" --pe "$pe" --target "$t" --work "$work/$name" --json "$work/$name.json")
      [ -n "$dev" ] && args+=(--device "$dev")
      [ -n "$adder" ] && args+=(--final-adder "$adder")
      if [ -s "$work/$name.json" ] || grep -qs '^tpegen: error: the design does not fit' "$work/$name.log"; then
        echo "fpga_table: reusing $name" >&2
      else
        "$tpegen" synth "${args[@]}" > "$work/$name.log" 2>&1
      fi
      if [ -s "$work/$name.json" ]; then
        j="$work/$name.json"
        fmax=$(num "$j" fmax_mhz); lc=$(sed -n '/"ICESTORM_LC"/,/}/s/.*"used": \([0-9]*\).*/\1/p' "$j" | head -1)
        row="| mac-tree $1 units × K$2, int$3 | $pe${adder:+ ($adder adder)} | $t${dev:+ $dev} | $(num "$j" lut) | $(num "$j" ff) | $(num "$j" carry) | $(num "$j" dsp) | ${fmax:--} | ${lc:--} |"
      else
        why=$(grep -m1 '^tpegen: error:' "$work/$name.log" | sed 's/^tpegen: error: //')
        lut=$(sed -n 's/^lut: //p' "$work/$name.log"); ff=$(sed -n 's/^ff: //p' "$work/$name.log")
        carry=$(sed -n 's/^carry: //p' "$work/$name.log"); dsp=$(sed -n 's/^dsp: //p' "$work/$name.log")
        row="| mac-tree $1 units × K$2, int$3 | $pe${adder:+ ($adder adder)} | $t${dev:+ $dev} | ${lut:--} | ${ff:--} | ${carry:--} | ${dsp:--} | ${why:-FAILED, see $work/$name.log} | |"
      fi
      echo "$row" | tee -a "$out"
    done
  done
done
echo "fpga_table: written to $out"
