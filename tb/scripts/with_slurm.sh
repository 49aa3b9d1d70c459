#!/usr/bin/env bash
# Runs a command against a real one-node Slurm cluster on localhost, started here and stopped
# again (exactly the daemons this script started, by their pids) even when the command fails.
#   with_slurm.sh DIR CMD [ARGS...]
# DIR: a fresh directory for the cluster's config, state and logs (its sockets go to /tmp). CMD runs with
# SLURM_CONF set. Exit status: CMD's, or 77 (ctest's skip code) with one line on stderr when
# the daemons cannot start here (no slurm-wlm/munge installed, not root, no cgroup-free
# process tracking, ...).
set -uo pipefail
dir=$1; shift
rm -rf "$dir" && mkdir -p "$dir"/{state,log} && chmod 700 "$dir"
dir=$(cd "$dir" && pwd)
# The sockets (munge's, slurmstepd's in the spool) live under /tmp: a Unix socket path has at
# most 108 bytes, which a build folder deep in a checkout exceeds (jobs then fail to start and
# are requeued for ever).
sock=$(mktemp -d /tmp/tpegen-slurm.XXXXXX) && mkdir -p "$sock/spool" && chmod 700 "$sock"

skip() { echo "with_slurm: SKIPPED: $*" >&2; exit 77; }
for t in munged slurmctld slurmd sbatch sinfo; do
  command -v "$t" >/dev/null 2>&1 || skip "$t not on PATH (generator/scripts/install_deps.sh installs slurm-wlm and munge)"
done
[ "$(id -u)" -eq 0 ] || skip "the daemons need root here (slurmd runs jobs as their user)"

pids=()
stop() {
  # This cluster's jobs first (their slurmstepd would outlive slurmd), then slurmd, then
  # slurmctld (saves state, takes a few seconds), then munged.
  local p
  if [ -n "${SLURM_CONF:-}" ] && [ ${#pids[@]} -ge 3 ]; then
    scancel -u "$(id -un)" 2>/dev/null
    for _ in $(seq 50); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
  fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    p=${pids[$i]}
    kill "$p" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
  rm -rf "$sock"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Its own munge key and socket: an existing munged (or none) on this host is left alone.
dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none && chmod 400 "$dir/munge.key"
munged --force --key-file="$dir/munge.key" --socket="$sock/munge.socket" --pid-file="$dir/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munged.seed" 2>"$dir/log/munged.err" ||
  skip "munged did not start: $(tail -1 "$dir/log/munged.err")"
pids+=("$(cat "$dir/munged.pid")")

# Ports from the pid so that two clusters on one host do not clash.
port=$((20000 + ($$ % 2000) * 2))
host=$(hostname -s)
cat >"$dir/slurm.conf" <<CONF
ClusterName=tpegen
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$sock/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
MaxArraySize=10001
KillWait=2
InactiveLimit=0
MinJobAge=300
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf

slurmctld -f "$SLURM_CONF" -i 2>"$dir/log/slurmctld.err" || skip "slurmctld did not start: $(tail -1 "$dir/log/slurmctld.err")"
for _ in $(seq 50); do [ -s "$dir/slurmctld.pid" ] && break; sleep 0.1; done
[ -s "$dir/slurmctld.pid" ] && pids+=("$(cat "$dir/slurmctld.pid")") || skip "slurmctld wrote no pid file (see $dir/log)"
slurmd -f "$SLURM_CONF" 2>"$dir/log/slurmd.err" || skip "slurmd did not start: $(tail -1 "$dir/log/slurmd.err")"
for _ in $(seq 50); do [ -s "$dir/slurmd.pid" ] && break; sleep 0.1; done
[ -s "$dir/slurmd.pid" ] && pids+=("$(cat "$dir/slurmd.pid")") || skip "slurmd wrote no pid file (see $dir/log)"

up=0
for _ in $(seq 100); do
  state=$(sinfo -h -N -o %t 2>/dev/null | head -1)
  case $state in idle|mix|alloc) up=1; break ;; esac
  sleep 0.2
done
[ $up -eq 1 ] || skip "the node did not come up (sinfo: '${state:-no answer}'; see $dir/log)"
echo "with_slurm: one-node cluster up ($host, $(nproc) CPUs, ports $port-$((port + 1)), $dir)"
"$@"
