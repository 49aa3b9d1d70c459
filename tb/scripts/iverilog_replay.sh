#!/usr/bin/env bash
# Independent-simulator check: runs a small golden-GEMM regression in Verilator with a VCD,
# then replays the recorded ports in iverilog (vcd_replay.py writes the testbench) and
# requires every output sample to match. Verilator's run is itself checked against the
# golden model, so iverilog computes the same GEMMs cycle for cycle.
# usage: [REPLAY_FLIP=1] iverilog_replay.sh TPEGEN WORKDIR TRIALS [design flags...]
# REPLAY_FLIP=1 flips one bit of the first recorded result: the replay must then fail.
set -euo pipefail
tpegen=$1; work=$2; trials=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
"$tpegen" sim "$@" --trials "$trials" --seed 7 --build-opt 0 --vcd "$work/run.vcd" --vcd-depth 1 --work "$work/sim" > "$work/sim.log"
grep -q " 0 failed" "$work/sim.log" || { cat "$work/sim.log"; exit 1; }
design="$work/sim/design"
python3 "$here/vcd_replay.py" ${REPLAY_FLIP:+--flip-first-result} "$design/manifest.json" "$work/run.vcd" "$work/replay"
files=$(grep -v '^//' "$design/files.f" | sed "s|^|$design/|")
# shellcheck disable=SC2086
iverilog -g2005 -o "$work/replay/replay.vvp" -s replay_tb "$work/replay/replay_tb.v" $files
(cd "$work/replay" && vvp -n replay.vvp) > "$work/replay.log"
cat "$work/replay.log"
grep -q "^REPLAY OK" "$work/replay.log"
