#!/usr/bin/env bash
# `make demo`: generate the default design, check it on random GEMMs in Verilator, synthesize
# it (Yosys, OpenSTA), then a summary: what passed, area, fmax, where the outputs are and
# what to try next.
# usage: demo.sh TPEGEN OUTDIR   (SIZE=N for an NxN array instead of 16x16, TRIALS=T GEMMs instead of 100)
set -euo pipefail
tpegen=$1; out=$2
size=${SIZE:-16}; trials=${TRIALS:-100}
mkdir -p "$out"
rtl=$out/systolic-os

echo "== 1/3 generate: a ${size}x${size} output-stationary systolic array of int8 MAC PEs"
"$tpegen" generate --arch systolic-os --rows "$size" --cols "$size" -o "$rtl"

echo; echo "== 2/3 sim: $trials random GEMMs on the Verilated RTL, each checked against the golden model"
"$tpegen" sim --from "$rtl" --trials "$trials" --seed 1 --build-opt 0 --work "$out/sim" | tee "$out/sim.out"
passed=$(sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p' "$out/sim.out")
elements=$(sed -n 's/^elements checked: \([0-9]*\),.*/\1/p' "$out/sim.out")

echo; echo "== 3/3 synth: Yosys maps it to standard cells, OpenSTA times it (about a minute on 2 cores for 16x16)"
# Its progress lines here, its figures in the summary below, all of it in synth.log.
if ! "$tpegen" synth --from "$rtl" --work "$out/synth" 2>&1 | tee "$out/synth.log" | grep --line-buffered '^tpegen:'; then
  echo "demo: synth failed; its whole output is in $out/synth.log"; exit 1
fi
value() { sed -n "s/^$1: //p" "$out/synth.log"; }
# "1553289.728 (liberty: DIR/NAME.lib)" -> "1553289.7 um2 (NAME.lib)"; "none (why)" stays.
area=$(value area_um2 | sed 's/^\([0-9]*\.[0-9]\)[0-9]* (liberty: .*\/\([^/]*\))$/\1 um2 (\2)/')
fmax=$(value fmax_mhz | sed 's/^\([0-9.]*\) (.*/\1 MHz/')
path=$(value critical_path_ns | sed -n 's/^\([0-9.]*\) .*/, critical path \1 ns/p')

row() { printf '  %-8s %-44s %s\n' "$1" "$2" "${3:-}" | sed 's/ *$//'; }
next() { printf '  %-8s %s\n' "$1" "$2"; }
echo; echo "== summary"
row design "$(value top)"
row sim "$passed of $trials GEMMs passed ($elements output elements)"
row area "$area"
row fmax "$fmax$path"
row outputs "$rtl" "RTL, files.f, FuseSoC core, SDC, ORFS and LibreLane configs"
row "" "$out/sim" "the Verilated model; sim.log has every trial"
row "" "$out/synth" "Yosys script and log, netlist, OpenSTA reports"
next next "$tpegen list   # architectures, PE variants, parameters"
next "" "$tpegen generate --arch systolic-os --pe opt1 --rows $size --cols $size -o $out/opt1   # the paper's OPT1 PEs"
next "" "$tpegen sim --from $out/opt1"
next "" "$tpegen synth --from $out/opt1   # its area and fmax against the MAC array's"
next "" "make install PREFIX=\$HOME/.local   # tpegen on your PATH"
