#!/usr/bin/env bash
# Opt-in (`make compare-clock-gate`): gate-level energy per MAC of small arrays with and without
# --clock-gate, at 100 % and 50 % input duty (--activity-duty), and their areas, in one flow
# (tpegen synth --activity gate, default liberty). Writes results.csv and results.md.
# usage: compare_clock_gate.sh TPEGEN OUTDIR   (JOBS parallel runs, default 2)
set -euo pipefail
tpegen=$(realpath "$1"); out=$2; jobs=${JOBS:-2}
mkdir -p "$out"
designs=(
  "os_mac|--arch systolic-os --rows 2 --cols 2"
  "os_opt1|--arch systolic-os --pe opt1 --rows 2 --cols 2"
  "ws_mac|--arch systolic-ws --rows 2 --cols 2"
  "ws_opt1|--arch systolic-ws --pe opt1 --rows 2 --cols 2"
  "cube_mac|--arch cube --rows 2 --cols 2 --depth 2"
  "cube_opt1|--arch cube --pe opt1 --rows 2 --cols 2 --depth 2"
  "cube_opt2|--arch cube --pe opt2 --rows 2 --cols 2 --depth 2"
  "tree_mac|--arch mac-tree --cols 2 --depth 4"
  "tree_opt2|--arch mac-tree --pe opt2 --cols 2 --depth 4"
  "opt4c|--arch opt4c --cols 2"
)
runs=()
for d in "${designs[@]}"; do
  for duty in 100 50; do
    for cg in off on; do runs+=("${d%%|*}|$duty|$cg|${d#*|}"); done
  done
done
one() {
  IFS='|' read -r name duty cg args <<<"$1"
  local tag="${name}_d${duty}_cg${cg}" flag=""
  [ "$cg" = on ] && flag=--clock-gate
  # shellcheck disable=SC2086
  "$tpegen" synth $args $flag --activity gate --activity-duty "$duty" --work "$out/$tag" --json "$out/$tag.json" \
    > "$out/$tag.log" 2>&1 || { echo "compare_clock_gate: $tag failed, see $out/$tag.log" >&2; return 1; }
  echo "done $tag"
}
export -f one; export tpegen out
printf '%s\n' "${runs[@]}" | xargs -P "$jobs" -I{} bash -c 'one "$@"' _ {}
python3 - "$out" "${designs[@]}" <<'PY'
import json, sys
out, designs = sys.argv[1], [d.split("|")[0] for d in sys.argv[2:]]
rows = ["design,duty_percent,clock_gate,area_um2,energy_per_mac_pj,clock_pj,sequential_pj,combinational_pj,output_mismatches"]
md = ["| design | duty | area um2 (off / on) | pJ/MAC off | pJ/MAC on | change | clock pJ/MAC off / on |", "|---|---|---|---|---|---|---|"]
for d in designs:
    for duty in (100, 50):
        r = {}
        for cg in ("off", "on"):
            j = json.load(open(f"{out}/{d}_d{duty}_cg{cg}.json"))
            b = j["energy_breakdown_pj_per_mac"]
            r[cg] = (j["area_um2"], j["energy_per_mac_pj"], b)
            rows.append(f"{d},{duty},{cg},{j['area_um2']:.1f},{j['energy_per_mac_pj']:.4f},{b['clock']:.4f},"
                        f"{b['sequential']:.4f},{b['combinational']:.4f},{j['activity_gate']['output_mismatches']}")
        (a0, e0, b0), (a1, e1, b1) = r["off"], r["on"]
        md.append(f"| {d} | {duty} % | {a0:.0f} / {a1:.0f} | {e0:.2f} | {e1:.2f} | {100 * (e1 - e0) / e0:+.1f} % | "
                  f"{b0['clock']:.2f} / {b1['clock']:.2f} |")
open(f"{out}/results.csv", "w").write("\n".join(rows) + "\n")
open(f"{out}/results.md", "w").write("\n".join(md) + "\n")
print("\n".join(md))
PY
