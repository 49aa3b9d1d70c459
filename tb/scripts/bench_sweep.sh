#!/usr/bin/env bash
# Benchmark (figures only): the same 8 design points (sky130hd, OpenSTA timing, cold cache)
# through the local executor (-j P) and through a one-node Slurm started here
# (--executor slurm --max-parallel P); prints both wall times and the Slurm executor's overhead
# per point, and the expected wall time of 1,000 such points on N nodes.
# usage: bench_sweep.sh TPEGEN WORKDIR [P]
set -euo pipefail
if [ "${1:-}" != --inside ]; then
  tpegen=$(realpath "$1"); work=$2; par=${3:-2}
  rm -rf "$work"; mkdir -p "$work"; work=$(realpath "$work")
  exec "$(dirname "$0")/with_slurm.sh" "$work/cluster" "$0" --inside "$tpegen" "$work" "$par"
fi
tpegen=$2; work=$3; par=$4
cd "$work"
cat > bench.json <<'JSON'
{"base": {"rows": 2, "cols": 2},
 "grid": {"arch": ["systolic-os", "systolic-ws"], "pe": ["mac", "opt1"], "a_width": [4, 8]}}
JSON
now() { date +%s.%N; }
# run NAME EXECUTOR-FLAGS...: a cold sweep of bench.json into WORK/NAME; prints its wall time.
run() {
  local name=$1; shift
  local t0; t0=$(now)
  "$tpegen" sweep bench.json --work "$name" "$@" > "$name.txt"
  awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}'
}
cores=$(nproc)
# Synthesis with timing, each executor once: the per-point time and the same results.
tl=$(run local -j "$par"); ts=$(run slurm --executor slurm --max-parallel "$par")
cmp local/out/results.csv slurm/out/results.csv || { echo "bench_sweep: results differ"; exit 1; }
points=$(grep -c '^\[' local.txt)
# The executor's own cost, on generic-cell runs of the same points (short, so that the
# overhead is not lost in the synthesis time's noise), three times each, interleaved.
ol=(); os=()
for i in 1 2 3; do
  ol+=("$(run "gl$i" -j "$par" --no-liberty)")
  os+=("$(run "gs$i" --executor slurm --max-parallel "$par" --no-liberty)")
done
awk -v tl="$tl" -v ts="$ts" -v n="$points" -v p="$par" -v cores="$cores" -v ol="${ol[*]}" -v os="${os[*]}" 'BEGIN {
  printf "%d points, %d at a time, %d cores, sky130hd + OpenSTA: local %.1f s, slurm %.1f s (same results.csv)\n",
    n, p, cores, tl, ts;
  split(ol, L, " "); split(os, S, " ");
  ml = (L[1] + L[2] + L[3]) / 3; ms = (S[1] + S[2] + S[3]) / 3;
  printf "generic cells, 3 runs each: local %s s (mean %.2f), slurm %s s (mean %.2f)\n", ol, ml, os, ms;
  per = tl * p / n; over = (ms - ml) * p / n;
  printf "per point: %.2f s synthesis with timing (local wall x parallel / points); slurm overhead %+.2f s per point\n",
    per, over;
  for (nodes = 1; nodes <= 64; nodes *= 4)
    printf "1000 such points on %2d nodes of %d cores: %.0f s (%.1f min)\n", nodes, cores,
      1000 * (per + over) / (nodes * cores), 1000 * (per + over) / (nodes * cores) / 60;
}'
