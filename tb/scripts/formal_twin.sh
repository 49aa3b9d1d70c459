#!/usr/bin/env bash
# Formal check that the behavioural twin of a PE (--view behavioral) equals the structural
# PE at its ports, for all input sequences from the all-zero state (yosys `sat -tempinduct`).
# Both PEs get the same inputs; every output port must match bit for bit, except the
# carry-save pairs (PAIRS: vectors {carry, sum} of 2 x acc_width bits), whose sum + carry
# must match modulo 2^acc_width. The induction is strengthened with the same relation on
# every register (`expose -dff` makes them ports): plain equality, and sum + carry equality
# for the registers named in PAIRS. Induction at depth 1 then proves it for all time.
# usage: formal_twin.sh TPEGEN WORKDIR "PAIRS" [--twin-flags "FLAGS"] design flags...
#   --twin-flags: extra flags for the twin only (the negative test makes it differ).
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2; pairs=$3; shift 3
twin_flags=""
if [ "${1:-}" = --twin-flags ]; then twin_flags=$2; shift 2; fi
rm -rf "$work"; mkdir -p "$work"
"$tpegen" generate "$@" -o "$work/struct" >/dev/null
# shellcheck disable=SC2086
"$tpegen" generate "$@" --view behavioral $twin_flags -o "$work/twin" >/dev/null
cd "$work"
pe_file() { grep -v '^//' "$1/files.f" | grep '_pe\.v$' | head -1; }
s_file=struct/$(pe_file struct); t_file=twin/$(pe_file twin)
s_mod=$(basename "$s_file" .v); t_mod=$(basename "$t_file" .v)
acc=$("$manifest_field" struct config.acc_width)
prep="read_verilog $s_file $t_file; hierarchy -check; proc; expose -dff $s_mod $t_mod"
yosys -q -p "$prep; write_json ports.json" >/dev/null
python3 - "$s_mod" "$t_mod" "$acc" "$pairs" <<'PY' > miter.v
import json, sys
s_mod, t_mod, acc, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split()
mods = json.load(open("ports.json"))["modules"]
ports = {n: (p["direction"], len(p["bits"])) for n, p in mods[s_mod]["ports"].items()}
twin_ports = {n: (p["direction"], len(p["bits"])) for n, p in mods[t_mod]["ports"].items()}
assert ports == twin_ports, f"ports differ: {sorted(set(ports.items()) ^ set(twin_ports.items()))}"
ins = [(n, w) for n, (d, w) in ports.items() if d == "input"]
outs = [(n, w) for n, (d, w) in ports.items() if d == "output"]
missing = [p for p in pairs if p not in dict(outs)]
assert not missing, f"no port or register named {missing}"
decl = lambda w: f"[{w - 1}:0] " if w > 1 else ""
print("module miter (")
print(",\n".join(f"  input wire {decl(w)}{n}" for n, w in ins) + ",\n  output wire ok\n);")
checks = []
for n, w in outs:
    print(f"  wire {decl(w)}s_{n}, t_{n};")
    if n in pairs:
        assert w == 2 * acc, f"{n} is {w} bits, not 2 x {acc}"
        lo, hi = f"[{acc - 1}:0]", f"[{2 * acc - 1}:{acc}]"
        print(f"  wire [{acc - 1}:0] s_sum_{n} = s_{n}{lo} + s_{n}{hi};")
        print(f"  wire [{acc - 1}:0] t_sum_{n} = t_{n}{lo} + t_{n}{hi};")
        checks.append(f"s_sum_{n} == t_sum_{n}")
    else:
        checks.append(f"s_{n} == t_{n}")
for mod, p in ((s_mod, "s"), (t_mod, "t")):
    conns = [f".{n}({n})" for n, _ in ins] + [f".{n}({p}_{n})" for n, _ in outs]
    print(f"  {mod} u_{p} (" + ", ".join(conns) + ");")
print("  assign ok = " + " &&\n              ".join(f"({c})" for c in checks) + ";")
print("endmodule")
PY
start=$(date +%s)
if yosys -q -l yosys.log -p "$prep; read_verilog miter.v; hierarchy -top miter; proc; flatten; async2sync; opt_clean;
                             sat -tempinduct -prove ok 1 -set-init-zero -seq 1 -maxsteps 4 -verify miter" >/dev/null 2>&1; then
  echo "formal: PROVED twin $t_mod == $s_mod at the ports (induction) in $(( $(date +%s) - start )) s"
else
  grep -E 'failed|FAIL|ERROR|rror' yosys.log | head -5
  echo "formal: NOT proved: twin $t_mod vs $s_mod (see $work/yosys.log)"; exit 1
fi
