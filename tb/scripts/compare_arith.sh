#!/usr/bin/env bash
# `make compare-arith`: tpegen's multipliers and OPT1 step against what synthesis builds from
# behavioural RTL. Every point is a folder written by `tpegen arith` and goes through the same
# flow, `tpegen synth --from DIR` (flat synthesis, ABC mapping to the library, OpenSTA input to
# output with the library's driving cell and load):
#   tpegen    : tpegen arith, ENCODINGS x TREES x ADDERS (timing tree/adder: delays read from
#               the same liberty), through Debian's Yosys 0.23;
#   yosys-0.23: tpegen arith --behavioral, a*b (OPT1 step: c + a*b, 32-bit c), through Yosys 0.23;
#   yosys-0.55-booth: the same behavioural folder with --booth through Yosys 0.55
#               (@yowasp/yosys, installed with npm into OUTDIR/yowasp and run by a wrapper,
#               OUTDIR/yowasp/yosys; skipped with a message when npm or node is missing or the
#               install fails, or with YOWASP=off).
# Writes OUTDIR/results.csv, results.md (one table per library, kind, width and signedness,
# Pareto points marked) and OUTDIR/svg/<lib>_<kind>_<w>_<sign>.svg (area vs delay, Pareto front).
# usage: [WIDTHS="8 12 16"] [SIGNS="signed unsigned"] [ENCODINGS="and booth ent"]
#        [TREES="dadda wallace timing"] [ADDERS="ripple kogge-stone brent-kung sklansky timing"]
#        [KINDS="multiplier opt1-step"] [LIBS="sky130hd nangate45" (names, as for --liberty)]
#        [YOWASP=auto|off] [JOBS=2]
#        compare_arith.sh TPEGEN OUTDIR
set -euo pipefail
tpegen=$(realpath "$1"); out=$2
here=$(cd "$(dirname "$0")" && pwd)
WIDTHS=${WIDTHS:-8 12 16}; SIGNS=${SIGNS:-signed unsigned}; ENCODINGS=${ENCODINGS:-and booth ent}
TREES=${TREES:-dadda wallace timing}; ADDERS=${ADDERS:-ripple kogge-stone brent-kung sklansky timing}
KINDS=${KINDS:-multiplier opt1-step}; LIBS=${LIBS:-sky130hd nangate45}; JOBS=${JOBS:-2}
mkdir -p "$out"
out=$(realpath "$out")
rm -rf "$out/runs" "$out/rtl" "$out/svg"
mkdir -p "$out/runs" "$out/rtl" "$out/svg"

yowasp=""
if [ "${YOWASP:-auto}" != off ]; then
  if ! command -v npm > /dev/null || ! command -v node > /dev/null; then
    echo "compare-arith: npm/node not found: the Yosys 0.55 booth points are skipped"
  elif [ -f "$out/yowasp/node_modules/@yowasp/yosys/package.json" ] ||
       { mkdir -p "$out/yowasp" && npm install --prefix "$out/yowasp" --no-audit --no-fund @yowasp/yosys@0.55.944 \
           > "$out/yowasp/npm.log" 2>&1; }; then
    # The package has no command of its own: yowasp_yosys.mjs runs it on the files of the
    # current folder, which is the work folder tpegen synth runs Yosys in.
    yowasp=$out/yowasp/yosys
    printf '#!/bin/sh\nNODE_PATH=%q exec node %q "$@"\n' "$out/yowasp/node_modules" "$here/yowasp_yosys.mjs" > "$yowasp"
    chmod +x "$yowasp"
  else
    echo "compare-arith: 'npm install @yowasp/yosys' failed (see $out/yowasp/npm.log): the Yosys 0.55 booth points are skipped"
  fi
fi

# One job per point: a tpegen synth command line; points.tsv names each point's CSV label and
# its JSON report (missing when the point failed; its log says why).
jobs=$out/jobs.txt; points=$out/points.tsv
: > "$jobs"; : > "$points"
add_job() {  # label folder library run-name [synth flags...]
  local label=$1 dir=$2 lib=$3 run=$out/runs/$4; shift 4
  printf '%q ' "$tpegen" synth --from "$dir" --liberty "$lib" --work "$run" --json "$run.json" "$@" >> "$jobs"
  printf '> %q 2>&1\n' "$run.log" >> "$jobs"
  printf '%s\t%s\t%s\n' "$label" "$run.json" "$run.log" >> "$points"
}
for lib in $LIBS; do
  # A library name (sky130hd, sg13g2, nangate45): tpegen finds its file (nangate45, never shipped,
  # in $TPEGEN_PDK_DIR or ../shared/pdk) and says where it looked when one is missing.
  for kind in $KINDS; do
    widths=$WIDTHS
    [ "$kind" = opt1-step ] && widths=8  # the int8 step with a 32-bit accumulator
    for w in $widths; do
      for sign in $SIGNS; do
        widths_args=(--"$sign" --a-width "$w" --b-width "$w")
        [ "$kind" = opt1-step ] && widths_args+=(--acc-width 32)
        # Behavioural reference.
        ref=$out/rtl/ref-$kind-$w-$sign
        [ -d "$ref" ] || "$tpegen" arith --kind "$kind" --behavioral "${widths_args[@]}" -o "$ref" > /dev/null
        base="$lib,$kind,$w,$sign"
        add_job "$base,yosys-0.23,behavioural,-,-" "$ref" "$lib" "$lib-ref-$kind-$w-$sign-023"
        [ -n "$yowasp" ] && add_job "$base,yosys-0.55-booth,behavioural,-,-" "$ref" "$lib" \
          "$lib-ref-$kind-$w-$sign-055" --yosys "$yowasp" --booth
        # tpegen variants.
        adders=$ADDERS
        [ "$kind" = opt1-step ] && adders=-  # carry-save outputs: no final adder
        for enc in $ENCODINGS; do
          for tree in $TREES; do
            for adder in $adders; do
              name=$lib-$kind-$w-$sign-$enc-$tree-$adder
              args=(arith --kind "$kind" --encoding "$enc" --tree "$tree" "${widths_args[@]}")
              [ "$kind" = multiplier ] && args+=(--final-adder "$adder")
              if [ "$tree" = timing ] || [ "$adder" = timing ]; then
                args+=(--delay-liberty "$lib")
              fi
              "$tpegen" "${args[@]}" -o "$out/rtl/$name" > /dev/null
              add_job "$base,tpegen,$enc,$tree,$adder" "$out/rtl/$name" "$lib" "$name"
            done
          done
        done
      done
    done
  done
done
echo "compare-arith: $(wc -l < "$jobs") syntheses, $JOBS at a time"
xargs -P "$JOBS" -I{} bash -c '{} || true' < "$jobs"
# results.csv, results.md and the SVGs; exit status 1 when a point failed.
python3 "$here/compare_arith_table.py" "$points" "$out"
