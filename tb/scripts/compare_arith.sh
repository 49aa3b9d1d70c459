#!/usr/bin/env bash
# `make compare-arith`: tpegen's multipliers and OPT1 step against what synthesis builds from
# behavioural RTL. Every point goes through the same flow (arith_point.sh: flat synthesis,
# abc -liberty, OpenSTA input to output with the same drivers and loads):
#   tpegen    : tpegen arith, ENCODINGS x TREES x ADDERS (timing tree/adder: delays read from
#               the same liberty), through Debian's Yosys 0.23;
#   yosys-0.23: behavioural a*b (OPT1 step: a*b + c, 32-bit c) through Yosys 0.23;
#   yosys-0.55-booth: the same behavioural RTL through Yosys 0.55's `synth -booth`
#               (@yowasp/yosys, installed with npm into OUTDIR/yowasp; skipped with a message
#               when npm or node is missing or the install fails, or with YOWASP=off).
# Writes OUTDIR/results.csv, results.md (one table per library, kind, width and signedness,
# Pareto points marked) and OUTDIR/svg/<lib>_<kind>_<w>_<sign>.svg (area vs delay, Pareto front).
# usage: [WIDTHS="8 12 16"] [SIGNS="signed unsigned"] [ENCODINGS="and booth ent"]
#        [TREES="dadda wallace timing"] [ADDERS="ripple kogge-stone brent-kung sklansky timing"]
#        [KINDS="multiplier opt1-step"] [LIBS="sky130hd nangate45"] [YOWASP=auto|off] [JOBS=2]
#        compare_arith.sh TPEGEN OUTDIR
set -euo pipefail
tpegen=$(realpath "$1"); out=$2
here=$(cd "$(dirname "$0")" && pwd)
# sky130hd: the build's decompressed copy; nangate45 (never shipped): $TPEGEN_PDK_DIR or a
# shared/pdk folder beside the clone.
build_pdk=$(dirname "$tpegen")/../pdk
pdk=${TPEGEN_PDK_DIR:-$(cd "$here/../../.." && pwd)/shared/pdk}
WIDTHS=${WIDTHS:-8 12 16}; SIGNS=${SIGNS:-signed unsigned}; ENCODINGS=${ENCODINGS:-and booth ent}
TREES=${TREES:-dadda wallace timing}; ADDERS=${ADDERS:-ripple kogge-stone brent-kung sklansky timing}
KINDS=${KINDS:-multiplier opt1-step}; LIBS=${LIBS:-sky130hd nangate45}; JOBS=${JOBS:-2}
lib_file() {
  case $1 in
    sky130hd) echo "$build_pdk/sky130hd/sky130_fd_sc_hd__tt_025C_1v80.dont_use.lib" ;;
    nangate45) echo "$pdk/nangate45/NangateOpenCellLibrary_typical.lib" ;;
    *) echo "compare-arith: unknown library '$1' (sky130hd, nangate45)" >&2; exit 2 ;;
  esac
}
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
    yowasp="yowasp:$out/yowasp"
  else
    echo "compare-arith: 'npm install @yowasp/yosys' failed (see $out/yowasp/npm.log): the Yosys 0.55 booth points are skipped"
  fi
fi

jobs=$out/jobs.txt
: > "$jobs"
add_job() {  # tool lib dir top label files...
  printf '%q ' "$here/arith_point.sh" "$@" >> "$jobs"
  echo >> "$jobs"
}
for libname in $LIBS; do
  lib=$(lib_file "$libname")
  for kind in $KINDS; do
    widths=$WIDTHS
    [ "$kind" = opt1-step ] && widths=8  # the int8 step with a 32-bit accumulator
    for w in $widths; do
      for sign in $SIGNS; do
        # Behavioural references.
        if [ "$kind" = multiplier ]; then
          top=ref_mul_${sign}_$w
          if [ "$sign" = signed ]; then e='$signed(a_i) * $signed(b_i)'; else e='a_i * b_i'; fi
          printf 'module %s (input wire [%d:0] a_i, input wire [%d:0] b_i, output wire [%d:0] p_o);\n  assign p_o = %s;\nendmodule\n' \
            "$top" $((w - 1)) $((w - 1)) $((2 * w - 1)) "$e" > "$out/rtl/$top.v"
        else
          top=ref_mac_${sign}_$w
          if [ "$sign" = signed ]; then e='$signed(a_i) * $signed(b_i)'; x="{{16{p[15]}}, p}"; else e='a_i * b_i'; x="{16'd0, p}"; fi
          printf 'module %s (input wire [7:0] a_i, input wire [7:0] b_i, input wire [31:0] c_i, output wire [31:0] acc_o);\n  wire [15:0] p = %s;\n  assign acc_o = c_i + %s;\nendmodule\n' \
            "$top" "$e" "$x" > "$out/rtl/$top.v"
        fi
        base="$libname,$kind,$w,$sign"
        add_job yosys "$lib" "$out/runs/$libname/$top-023" "$top" "$base,yosys-0.23,behavioural,-,-" "$out/rtl/$top.v"
        [ -n "$yowasp" ] && add_job "$yowasp" "$lib" "$out/runs/$libname/$top-055" "$top" \
          "$base,yosys-0.55-booth,behavioural,-,-" "$out/rtl/$top.v"
        # tpegen variants.
        adders=$ADDERS
        [ "$kind" = opt1-step ] && adders=-  # carry-save outputs: no final adder
        for enc in $ENCODINGS; do
          for tree in $TREES; do
            for adder in $adders; do
              name=$libname-$kind-$w-$sign-$enc-$tree-$adder
              args=(arith --kind "$kind" --encoding "$enc" --tree "$tree" --"$sign" --a-width "$w" --b-width "$w")
              [ "$kind" = multiplier ] && args+=(--final-adder "$adder")
              [ "$kind" = opt1-step ] && args+=(--acc-width 32)
              [ "$tree" = timing ] || [ "$adder" = timing ] && args+=(--delay-liberty "$lib")
              "$tpegen" "${args[@]}" -o "$out/rtl/$name" > /dev/null
              top=$(sed -n 's/^ *"top": "\(.*\)",*$/\1/p' "$out/rtl/$name/manifest.json")
              files=()
              while IFS= read -r f; do files+=("$out/rtl/$name/$f"); done < <(grep -v '^//' "$out/rtl/$name/files.f")
              add_job yosys "$lib" "$out/runs/$name" "$top" "$base,tpegen,$enc,$tree,$adder" "${files[@]}"
            done
          done
        done
      done
    done
  done
done
echo "compare-arith: $(wc -l < "$jobs") syntheses, $JOBS at a time"
rows=$out/rows.csv
xargs -P "$JOBS" -I{} bash -c '{}' < "$jobs" > "$rows"

# Pareto front per (library, kind, width, signedness): no other point is as small and as fast.
csv=$out/results.csv
echo "library,kind,width,signedness,flow,encoding,tree,final_adder,area_um2,delay_ns,pareto" > "$csv"
grep -v FAILED "$rows" | sort -t, -k1,4 -k10,10g | awk -F, -v OFS=, '
  { key = $1 FS $2 FS $3 FS $4; n++; line[n] = $0; k[n] = key; a[n] = $9; d[n] = $10 }
  END { for (i = 1; i <= n; i++) { p = "yes"
          for (j = 1; j <= n; j++) if (j != i && k[j] == k[i] && a[j] <= a[i] && d[j] <= d[i] && (a[j] < a[i] || d[j] < d[i])) p = "no"
          print line[i], p } }' >> "$csv"
failed=$(grep -c FAILED "$rows" || true)

# Markdown: one table per group, fastest first, with each point's area and delay relative to
# the Yosys 0.55 booth point (else Yosys 0.23).
md=$out/results.md
{
  echo "# compare-arith: $(date -u +%Y-%m-%d), tpegen $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "Flat synthesis, abc -liberty, OpenSTA input to output (tb/scripts/arith_point.sh). Δ: against Yosys 0.55 booth"
  echo "(else 0.23) on the same behavioural RTL. P: on the Pareto front."
  tail -n +2 "$csv" | awk -F, '
    { key = $1 " " $2 " " $3 "x" $3 " " $4; if (!(key in seen)) { seen[key] = 1; order[++g] = key }
      n[key]++; row[key, n[key]] = $0
      if ($5 == "yosys-0.55-booth") ref[key] = $9 " " $10; else if ($5 == "yosys-0.23" && !(key in ref23)) ref23[key] = $9 " " $10 }
    END { for (i = 1; i <= g; i++) { key = order[i]; r = (key in ref) ? ref[key] : ref23[key]; split(r, rv, " ")
            printf "\n## %s\n\n| flow | encoding | tree | final adder | area µm² | delay ns | Δ area | Δ delay | P |\n|---|---|---|---|---|---|---|---|---|\n", key
            for (j = 1; j <= n[key]; j++) { split(row[key, j], f, ",")
              da = rv[1] > 0 ? sprintf("%+.1f %%", 100 * (f[9] / rv[1] - 1)) : "-"
              dd = rv[2] > 0 ? sprintf("%+.1f %%", 100 * (f[10] / rv[2] - 1)) : "-"
              printf "| %s | %s | %s | %s | %.0f | %.3f | %s | %s | %s |\n", f[5], f[6], f[7], f[8], f[9], f[10], da, dd, f[11] == "yes" ? "P" : "" } } }'
} > "$md"

# SVG per group: area (x) vs delay (y); tpegen blue, Yosys 0.23 grey, 0.55 booth red; the
# Pareto front joined by a line and its points ringed.
tail -n +2 "$csv" | awk -F, -v dir="$out/svg" '
  { key = $1 "_" $2 "_" $3 "_" $4; if (!(key in seen)) { seen[key] = 1; order[++g] = key; title[key] = $1 " " $2 " " $3 "x" $3 " " $4 }
    m = ++n[key]; fl[key, m] = $5; ar[key, m] = $9; de[key, m] = $10; pa[key, m] = $11
    lab[key, m] = $5 == "tpegen" ? $6 "/" $7 "/" $8 : $5 }
  END { for (i = 1; i <= g; i++) { key = order[i]; f = dir "/" key ".svg"
      amin = 1e30; amax = 0; dmin = 1e30; dmax = 0
      for (j = 1; j <= n[key]; j++) { if (ar[key, j] < amin) amin = ar[key, j]; if (ar[key, j] > amax) amax = ar[key, j]
                                     if (de[key, j] < dmin) dmin = de[key, j]; if (de[key, j] > dmax) dmax = de[key, j] }
      if (amax == amin) amax = amin + 1; if (dmax == dmin) dmax = dmin + 1
      W = 720; H = 480; L = 70; R = 20; T = 40; B = 50
      print "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" W "\" height=\"" H "\" font-family=\"sans-serif\" font-size=\"11\">" > f
      print "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>" > f
      printf "<text x=\"%d\" y=\"20\" font-size=\"14\">%s: area vs input-to-output delay</text>\n", L, title[key] > f
      printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, H - B, W - R, H - B, L, T, L, H - B > f
      printf "<text x=\"%d\" y=\"%d\">area µm² (%.0f .. %.0f)</text>\n", W / 2 - 60, H - 12, amin, amax > f
      printf "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\">delay ns (%.2f .. %.2f)</text>\n", H / 2 + 60, H / 2 + 60, dmin, dmax > f
      np = 0
      for (j = 1; j <= n[key]; j++) {
        x = L + 10 + (W - L - R - 20) * (ar[key, j] - amin) / (amax - amin); y = H - B - 10 - (H - T - B - 20) * (de[key, j] - dmin) / (dmax - dmin)
        c = fl[key, j] == "tpegen" ? "#1f77b4" : fl[key, j] == "yosys-0.23" ? "#777777" : "#d62728"
        printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %.0f µm², %.3f ns</title></circle>\n", x, y, c, lab[key, j], ar[key, j], de[key, j] > f
        if (fl[key, j] != "tpegen") printf "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>\n", x + 6, y - 6, c, fl[key, j] > f
        if (pa[key, j] == "yes") { np++; px[np] = x; py[np] = y; pl[np] = lab[key, j]
          printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"none\" stroke=\"black\"/>\n", x, y > f } }
      # Front sorted by area (bubble sort: a handful of points).
      for (a = 1; a <= np; a++) for (b = a + 1; b <= np; b++) if (px[b] < px[a]) { t = px[a]; px[a] = px[b]; px[b] = t; t = py[a]; py[a] = py[b]; py[b] = t; t = pl[a]; pl[a] = pl[b]; pl[b] = t }
      pts = ""; for (a = 1; a <= np; a++) { pts = pts sprintf("%.1f,%.1f ", px[a], py[a]); printf "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\">%s</text>\n", px[a] + 8, py[a] + 12, pl[a] > f }
      printf "<polyline points=\"%s\" fill=\"none\" stroke=\"black\" stroke-dasharray=\"4 3\"/>\n", pts > f
      printf "<text x=\"%d\" y=\"%d\"><tspan fill=\"#1f77b4\">● tpegen</tspan> <tspan fill=\"#777777\">● Yosys 0.23 a*b</tspan> <tspan fill=\"#d62728\">● Yosys 0.55 booth</tspan> ○ Pareto front</text>\n", W - 360, T > f
      print "</svg>" > f; close(f) } }'

summary=$(tail -n +2 "$csv" | awk -F, '{ n[$5]++ } END { s = ""; for (k in n) s = s (s == "" ? "" : ", ") k " " n[k]; print s }' |
  tr ',' '\n' | sed 's/^ //' | sort | paste -sd, | sed 's/,/, /g')
echo "compare-arith: $(($(wc -l < "$csv") - 1)) points: $summary; $failed failed"
echo "compare-arith: $csv, $md, $out/svg/"
[ "$failed" = 0 ]
