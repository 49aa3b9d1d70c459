#!/usr/bin/env bash
# --gate-slice: the gate-level energy of a 3x3 systolic array measured on its 2x2 slice against
# the whole 3x3 array replayed at gate level (3x3, not larger: the whole array's gate-level
# replay is most of the test's time): the PEs' energy per MAC (the PE block) must agree
# within TOL percent and the totals within TOTAL_TOL (the slice has shorter skew chains and
# fewer ports per PE, so its total is not the full array's).
# usage: check_gate_slice.sh TPEGEN WORKDIR LIBERTY   (exit 77: no liberty file)
set -euo pipefail
tpegen=$1; work=$2; lib=$3
TOL=10; TOTAL_TOL=15
[ -f "$lib" ] || { echo "check_gate_slice: SKIP: no liberty file $lib"; exit 77; }
rm -rf "$work"; mkdir -p "$work"
fail() { echo "check_gate_slice: FAIL: $*"; exit 1; }
design=(--arch systolic-os --rows 3 --cols 3 --liberty "$lib" --activity gate --activity-trials 1)
"$tpegen" synth "${design[@]}" --work "$work/full" --json "$work/full.json" > "$work/full.log" 2>&1 ||
  fail "synth of the whole array: see $work/full.log"
"$tpegen" synth "${design[@]}" --gate-slice 2 --work "$work/slice" --json "$work/slice.json" > "$work/slice.log" 2>&1 ||
  fail "synth with --gate-slice 2: see $work/slice.log"
grep -q "measured on the slice tpe_systolic_os_mac_r2c2_" "$work/slice.log" || fail "the report does not name the slice"
python3 - "$work/full.json" "$work/slice.json" "$TOL" "$TOTAL_TOL" <<'PY' || fail "the slice's figures differ from the whole array's (above)"
import json, sys
f, s = (json.load(open(p)) for p in sys.argv[1:3])
tol, total_tol = map(float, sys.argv[3:5])
pe = lambda j: next(b["total"] for name, b in j["energy_blocks_pj_per_mac"].items() if name.endswith("_pe"))
d_pe = 100 * (pe(s) - pe(f)) / pe(f)
d_tot = 100 * (s["energy_per_mac_pj"] - f["energy_per_mac_pj"]) / f["energy_per_mac_pj"]
print(f"3x3 array: PEs {pe(f):.3f} pJ/MAC whole, {pe(s):.3f} on the 2x2 slice ({d_pe:+.1f} %, tolerance {tol:.0f} %); "
      f"total {f['energy_per_mac_pj']:.3f} / {s['energy_per_mac_pj']:.3f} ({d_tot:+.1f} %, tolerance {total_tol:.0f} %); "
      f"gate-level seconds {f['activity_gate']['seconds']:.1f} / {s['activity_gate']['seconds']:.1f}")
ok = abs(d_pe) <= tol and abs(d_tot) <= total_tol and s["activity_gate"]["slice"] and not f["activity_gate"]["slice"]
sys.exit(0 if ok else 1)
PY
echo "check_gate_slice: PASS"
