#!/usr/bin/env bash
# Ctrl-C during `tpegen sim`, once while the model compiles and once while it runs trials:
# tpegen answers with one whole line "interrupted after N trials, M passed" and exit status
# 130, no tool's reaction to the signal (Verilator's "%Error", make's "Interrupt") reaches the
# terminal, and no tool it started is left running.
# usage: sim_interrupt.sh TPEGEN WORKDIR
set -uo pipefail
tpegen=$1; work=$(mkdir -p "$2" && cd "$2" && pwd)
rm -rf "${work:?}"/*
fail() { echo "sim_interrupt: FAIL: $*"; exit 1; }
# The processes (not zombies) whose command line names PATH (without pgrep: procps may be missing).
still_running() {
  local f pid state
  for f in /proc/[0-9]*/cmdline; do
    pid=${f#/proc/}; pid=${pid%/cmdline}
    [ "$pid" = $$ ] && continue
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null) || continue
    [ "$state" = Z ] && continue
    tr '\0' ' ' <"$f" 2>/dev/null | grep -qF -- "$1" && echo "$pid: $(tr '\0' ' ' <"$f")"
  done
  return 0
}
set -m  # job control: the background job gets a process group of its own, as at a terminal

# interrupt NAME FILE PATTERN SECONDS SIZE: start sim of a SIZExSIZE array, wait until PATTERN is
# in FILE and SECONDS more, then Ctrl-C its process group.
interrupt() {
  local name=$1 watch=$2 pattern=$3 settle=$4 size=$5 out="$work/$1.out"
  "$tpegen" sim --arch systolic-os --rows "$size" --cols "$size" --trials 100000000 --build-opt 0 --work "$work/$name" >"$out" 2>&1 &
  local pid=$!
  for _ in $(seq 1200); do grep -q "$pattern" "$watch" 2>/dev/null && break; sleep 0.5; done
  grep -q "$pattern" "$watch" 2>/dev/null || { cat "$out"; fail "$name: '$pattern' never appeared in $watch"; }
  sleep "$settle"  # e.g. until make has started the compilers
  kill -INT -- "-$pid"  # the whole foreground group, as the terminal's Ctrl-C
  wait "$pid"; status=$?
  echo "--- $name (exit $status):"; cat "$out"
  [ "$status" = 130 ] || fail "$name: exit status $status, expected 130"
  grep -Eq '^tpegen: interrupted after [0-9]+ trials?, [0-9]+ passed$' "$out" || fail "$name: no 'interrupted after' line"
  [ "$(tail -n 1 "$out")" = "$(grep '^tpegen: interrupted' "$out")" ] || fail "$name: the interrupted line is not the last"
  [ -z "$(tail -c 1 "$out")" ] || fail "$name: the output ends mid-line"
  ! grep -Eq '%Error|Internal Error|make.*(Interrupt|Terminated|Error)' "$out" || fail "$name: a tool's reaction reached the output"
  sleep 1
  left=$(still_running "$work/$name/")
  [ -z "$left" ] || fail "$name: tools started by tpegen still run: $left"
}

# While Verilator and the C++ compiler build the model (16x16: many seconds even from ccache).
interrupt build "$work/build.out" "compiling the model" 2 16
grep -q '^tpegen: interrupted after 0 trials, 0 passed$' "$work/build.out" || fail "build: trials counted before any ran"
# While the model runs trials (their lines go to sim.log).
interrupt run "$work/run/sim.log" "^SUCCESS: trial 3:" 0 2
n=$(sed -n 's/^tpegen: interrupted after \([0-9]*\) trials.*/\1/p' "$work/run.out")
[ "$n" -ge 4 ] || fail "run: interrupted after $n trials, but sim.log already had 4"
echo "sim_interrupt: passed"
