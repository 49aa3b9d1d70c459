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
t0=$(now); "$tpegen" sweep bench.json -j "$par" --work local > local.txt; t1=$(now)
"$tpegen" sweep bench.json --executor slurm --max-parallel "$par" --work slurm > slurm.txt; t2=$(now)
cmp local/out/results.csv slurm/out/results.csv || { echo "bench_sweep: results differ"; exit 1; }
points=$(grep -c '^\[' local.txt)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$points" -v p="$par" -v cores="$(nproc)" 'BEGIN {
  l = b - a; s = c - b;
  printf "%d points, %d at a time, %d cores: local %.1f s, slurm %.1f s (same results.csv)\n", n, p, cores, l, s;
  per = l * p / n; over = (s - l) * p / n;
  printf "per point: %.2f s synthesis (local wall x parallel / points), slurm overhead %+.2f s\n", per, over;
  for (nodes = 1; nodes <= 64; nodes *= 4)
    printf "1000 such points on %2d nodes of %d cores: %.0f s (%.1f min) with slurm\n", nodes, cores,
      1000 * (per + over) / (nodes * cores), 1000 * (per + over) / (nodes * cores) / 60;
}'
