#!/usr/bin/env bash
# tpegen sweep --executor slurm against a real one-node Slurm cluster on localhost (started
# and stopped by with_slurm.sh; skipped, exit 77, where its daemons cannot start):
#  1. a 4-point sweep through Slurm gives the same results.csv as the local executor; a rerun
#     submits nothing;
#  2. a task killed mid-run is reported FAILED with its Slurm state and log, the other points
#     finish, exit 1; the rerun submits only that point and completes;
#  3. the whole array cancelled (scancel) mid-run: the unfinished points are reported
#     CANCELLED; the rerun submits only those and completes;
#  4. bad values and a controller that does not answer: one line, exit 2.
# usage: sweep_slurm.sh TPEGEN WORKDIR
set -uo pipefail
if [ "${1:-}" != --inside ]; then
  tpegen=$(realpath "$1"); work=$2
  rm -rf "$work"; mkdir -p "$work"; work=$(realpath "$work")
  exec "$(dirname "$0")/with_slurm.sh" "$work/cluster" "$0" --inside "$tpegen" "$work"
fi
tpegen=$2; work=$3
fail() { echo "sweep_slurm: FAILED: $*"; exit 1; }
cd "$work"

# Four small points (generic cells: seconds each); the 4x4 OPT1 array is the slowest.
cat > sweep.json <<'JSON'
{"base": {"arch": "systolic-os", "rows": 2, "cols": 2, "a_width": 4, "b_width": 4},
 "points": [{"pe": "mac"}, {"pe": "opt1"}, {"pe": "mac", "rows": 4, "cols": 4}, {"pe": "opt1", "rows": 4, "cols": 4}]}
JSON
common=(--no-liberty)

# Task state of task T of job J, as squeue reports it.
task_state() { squeue -h -r -t all -j "$1" -o '%i %T' | awk -v t="$1_$2" '$1 == t {print $2}'; }
job_id() { sed -n 's/.*"job_id":"\([0-9]*\)".*/\1/p' "$1/slurm/job.json"; }
wait_for() {  # wait_for SECONDS COMMAND...: until COMMAND succeeds
  local end=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -lt $end ] || return 1; sleep 0.1; done
}

echo "== 1. local vs slurm ($SECONDS s)"
"$tpegen" sweep sweep.json "${common[@]}" -j 2 --work local > local.txt 2>&1 || { cat local.txt; fail "local sweep"; }
"$tpegen" sweep sweep.json "${common[@]}" --executor slurm --max-parallel 2 --work s1 > s1.txt 2>&1
status=$?; cat s1.txt
[ $status -eq 0 ] || fail "slurm sweep: exit status $status"
grep -q 'submitted Slurm job array' s1.txt || fail "slurm sweep: no job submitted"
[ "$(grep -c '^\[[1-4]/4\] .*area' s1.txt)" -eq 4 ] || fail "slurm sweep: not 4 progress lines"
cmp local/out/results.csv s1/out/results.csv || fail "results.csv differs between the local and the Slurm executor"
ls s1/slurm/log/*_3.out > /dev/null || fail "no Slurm log of task 3"
"$tpegen" sweep sweep.json "${common[@]}" --executor slurm --work s1 > s1b.txt 2>&1 || fail "cached rerun"
grep -q '4 reused from the cache' s1b.txt && ! grep -q submitted s1b.txt || fail "cached rerun submitted again"

# hit DIR TASK TARGET [SCANCEL-FLAGS]: a sweep into DIR, one task at a time, with `scancel
# FLAGS TARGET` (JOB in TARGET: the job id) as soon as task TASK runs; sets $job and $status.
hit() {
  local dir=$1 task=$2 target=$3; shift 3
  "$tpegen" sweep sweep.json "${common[@]}" --executor slurm --max-parallel 1 --work "$dir" > "$dir.txt" 2>&1 &
  local sweep=$!
  wait_for 60 test -s "$dir/slurm/job.json" || fail "$dir: no job submitted"
  job=$(job_id "$dir")
  wait_for 60 eval '[ "$(task_state $job '"$task"')" = RUNNING ]' || fail "$dir: task $task did not start"
  scancel "$@" "${target//JOB/$job}"
  wait $sweep; status=$?; cat "$dir.txt"
  [ $status -eq 1 ] || fail "$dir: exit status $status, expected 1"
}
# resume DIR REGEX: the rerun completes, submitting what the summary line REGEX says, and
# gives the local results.csv.
resume() {
  "$tpegen" sweep sweep.json "${common[@]}" --executor slurm --work "$1" > "$1b.txt" 2>&1
  status=$?; cat "$1b.txt"
  [ $status -eq 0 ] || fail "$1 rerun: exit status $status"
  grep -Eq "$2" "$1b.txt" || fail "$1 rerun: not exactly the unfinished points resubmitted"
  cmp local/out/results.csv "$1/out/results.csv" || fail "$1: results.csv after the resume differs from local"
}

echo "== 2. a task killed mid-run ($SECONDS s)"
hit s2 3 JOB_3 --signal=KILL
grep -Eq "FAILED: Slurm task ${job}_3 (FAILED|CANCELLED).*; log .*/s2/slurm/log/${job}_3.out" s2.txt ||
  fail "killed task: not reported with its Slurm state and log"
grep -q '3 ok, 1 failed' s2.txt || fail "killed task: the other points did not finish"
resume s2 '3 reused from the cache.*1 to synthesize'

echo "== 3. the whole array cancelled ($SECONDS s)"
hit s3 1 JOB
grep -Eq "FAILED: Slurm task ${job}_3 CANCELLED" s3.txt || fail "cancelled array: the pending task is not reported CANCELLED"
resume s3 '[12] reused from the cache.*[23] to synthesize'

echo "== 4. --no-wait, --collect, --dry-run, bad values, no controller ($SECONDS s)"
"$tpegen" sweep sweep.json "${common[@]}" --executor slurm --work s4 --dry-run > s4.txt 2>&1 || fail "dry run"
grep -q 'sbatch --parsable' s4.txt && [ ! -e s4/slurm/job.json ] || fail "dry run: no sbatch command, or it submitted"
"$tpegen" sweep sweep.json "${common[@]}" --executor slurm --work s4 --no-wait > s4.txt 2>&1 || fail "--no-wait"
job=$(job_id s4)
"$tpegen" sweep sweep.json "${common[@]}" --work s4 --collect > s4c.txt 2>&1   # may run before the tasks end
wait_for 90 eval '[ -z "$(squeue -h -j $job 2>/dev/null)" ]' || fail "--no-wait job did not end"
"$tpegen" sweep sweep.json "${common[@]}" --work s4 --collect > s4c.txt 2>&1 || { cat s4c.txt; fail "--collect"; }
cmp local/out/results.csv s4/out/results.csv || fail "--collect: results.csv differs from local"
for bad in "--executor foo" "--executor slurm --max-parallel 0" "--executor slurm --slurm-time 1h"; do
  # shellcheck disable=SC2086
  "$tpegen" sweep sweep.json "${common[@]}" --work s5 $bad > bad.txt 2>&1; status=$?
  [ $status -eq 2 ] && [ "$(wc -l < bad.txt)" -eq 1 ] && grep -q '^tpegen: error: invalid --' bad.txt ||
    { cat bad.txt; fail "'$bad': exit status $status, expected one error line and 2"; }
done
# A short MessageTimeout: sbatch gives up on the dead port after 1 s instead of 9.
{ echo MessageTimeout=2; sed "s/^SlurmctldPort=.*/SlurmctldPort=1/" "$SLURM_CONF"; } > dead.conf
SLURM_CONF=$work/dead.conf "$tpegen" sweep sweep.json "${common[@]}" --executor slurm --work s6 > dead.txt 2>&1
status=$?; cat dead.txt
[ $status -eq 2 ] && [ "$(wc -l < dead.txt)" -eq 1 ] && grep -q '^tpegen: error: sbatch did not submit' dead.txt ||
  fail "unreachable controller: exit status $status, expected one error line and 2"
mkdir -p nobin && ln -sf "$(command -v yosys)" nobin/yosys
PATH=$work/nobin "$tpegen" sweep sweep.json "${common[@]}" --executor slurm \
  --work s7 > nosbatch.txt 2>&1; status=$?
[ $status -eq 2 ] && grep -q '^tpegen: error: sbatch not found on PATH' nosbatch.txt || fail "missing sbatch: $(cat nosbatch.txt)"
echo "sweep_slurm: passed ($SECONDS s inside the cluster)"
