#!/usr/bin/env bash
# tpegen sweep when a tool fails mid-run, then resumes from its cache, and when a tool is
# missing. A wrapper `yosys` on PATH crashes on cube designs only: the sweep must mark that
# point FAILED, finish the others, exit 1 and write its reports; the rerun with the real
# Yosys must reuse the finished point and synthesize only the failed one. A point whose design
# does not build fails alone; a missing Yosys stops the sweep with exit 2.
# usage: sweep_robustness.sh TPEGEN WORKDIR
set -uo pipefail
tpegen=$1; work=$2
fail() { echo "sweep_robustness: $*"; exit 1; }
rm -rf "$work"; mkdir -p "$work/bin"
real=$(command -v yosys) || fail "yosys not on PATH"
cat > "$work/bin/yosys" <<EOF
#!/bin/sh
if grep -q tpe_cube synth.ys 2>/dev/null; then echo "ERROR: simulated crash of yosys" >&2; exit 134; fi
exec "$real" "\$@"
EOF
chmod +x "$work/bin/yosys"
cat > "$work/sweep.json" <<'EOF'
{"base": {"rows": 2, "cols": 2},
 "points": [{"arch": "systolic-os"}, {"arch": "cube", "depth": 2}, {"arch": "systolic-os", "pe": "opt2"}]}
EOF

PATH="$work/bin:$PATH" "$tpegen" sweep "$work/sweep.json" --no-liberty -j 2 --work "$work/w" > "$work/run1.txt" 2>&1
status=$?
cat "$work/run1.txt"
[ "$status" -eq 1 ] || fail "first run: exit status $status, expected 1 (a failed point)"
grep -Eq 'tpe_cube.*FAILED: yosys failed \(exit status 134\): ERROR: simulated crash' "$work/run1.txt" ||
  fail "first run: the cube point is not reported FAILED with the tool's message"
grep -q '1 ok, 1 failed, 1 skipped' "$work/run1.txt" || fail "first run: the other point did not finish"
grep -q 'FAILED: yosys failed' "$work/w/out/results.md" || fail "results.md does not mark the failed point"
grep -Eq '^tpe_systolic_os_mac[^,]*,systolic-os,mac,.*,ok,' "$work/w/out/results.csv" || fail "results.csv lacks the finished point"

"$tpegen" sweep "$work/sweep.json" --no-liberty -j 2 --work "$work/w" > "$work/run2.txt" 2>&1
status=$?
cat "$work/run2.txt"
[ "$status" -eq 0 ] || fail "rerun: exit status $status, expected 0"
grep -q '1 reused from the cache' "$work/run2.txt" || fail "rerun: the finished point was not reused"
grep -q '1 to synthesize' "$work/run2.txt" || fail "rerun: expected exactly the failed point to be synthesized"
grep -q '2 ok, 0 failed, 1 skipped' "$work/run2.txt" || fail "rerun: not every point finished"

PATH=/nonexistent "$tpegen" sweep "$work/sweep.json" --no-liberty --work "$work/w2" > "$work/run3.txt" 2>&1
status=$?
cat "$work/run3.txt"
[ "$status" -eq 2 ] || fail "missing yosys: exit status $status, expected 2"
grep -q 'yosys' "$work/run3.txt" || fail "missing yosys: the message does not name the tool"
# A point that resolves but whose design refuses to build fails alone, with the reason.
cat > "$work/unbuildable.json" <<'EOF'
{"base": {"cols": 2}, "points": [{"arch": "opt4c", "in_regs": 1}, {"arch": "opt4c"}]}
EOF
"$tpegen" sweep "$work/unbuildable.json" --no-liberty -j 2 --work "$work/w4" > "$work/run4.txt" 2>&1
status=$?
cat "$work/run4.txt"
[ "$status" -eq 1 ] || fail "unbuildable point: exit status $status, expected 1"
grep -q 'FAILED: invalid --in-regs = 1: architecture opt4c has a valid/ready handshake' "$work/run4.txt" ||
  fail "unbuildable point: not reported FAILED with the reason"
grep -q '1 ok, 1 failed' "$work/run4.txt" || fail "unbuildable point: the other point did not finish"
# A --work another tpegen is working in (its lock held here by flock(1), as a running sweep
# holds it): one error line, exit 2, nothing synthesized; free again, the same sweep runs.
flock -o "$work/w4/.tpegen-lock" sleep 30 &  # -o: the lock dies with flock, not with sleep
holder=$!
for _ in $(seq 50); do flock -n "$work/w4/.tpegen-lock" true 2>/dev/null || break; sleep 0.1; done
"$tpegen" sweep "$work/unbuildable.json" --no-liberty --work "$work/w4" > "$work/run5.txt" 2>&1
status=$?
pkill -P "$holder" sleep 2>/dev/null; kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
cat "$work/run5.txt"
[ "$status" -eq 2 ] && [ "$(wc -l < "$work/run5.txt")" -eq 1 ] &&
  grep -q "^tpegen: error: invalid --work = '.*/w4': another tpegen .*is working in it; wait until it ends" "$work/run5.txt" ||
  fail "a --work in use: exit status $status, expected one error line and 2"
"$tpegen" sweep "$work/unbuildable.json" --no-liberty --work "$work/w4" > "$work/run6.txt" 2>&1
grep -q '1 reused from the cache' "$work/run6.txt" || { cat "$work/run6.txt"; fail "after the lock was freed: no rerun"; }
echo "sweep_robustness: passed"
