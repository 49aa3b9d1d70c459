#!/usr/bin/env bash
# Walks the whole registry (`tpegen list --json`): for every architecture x PE variant x
# pipeline setting, generates a small design and hands the written file list, as given and
# with no other flag, to verilator --lint-only -Wall, iverilog -g2005 and yosys
# hierarchy -auto-top. A template listed but unused makes verilator stop on MULTITOP and
# yosys pick the wrong top, so this also proves files.f lists exactly what the top uses.
# usage: check_filelists.sh TPEGEN WORKDIR
set -euo pipefail
tpegen=$1; work=$2
rm -rf "$work"; mkdir -p "$work"
"$tpegen" list --json > "$work/registry.json"
# One line per point: name, then the generate flags (small sizes keep the run short).
python3 - "$work/registry.json" > "$work/points.txt" <<'PY'
import json, sys
reg = json.load(open(sys.argv[1]))
for a in reg["architectures"]:
    dims = []
    for flag in ("rows", "cols", "depth"):
        if a[flag]["used"]:
            dims += [f"--{flag}", "2"]
    for pe in a["pes"]:
        variants = [("", [])]
        if pe["bit_weight"]:
            variants.append(("_c42", ["--use-42"]))
        for vname, vflags in variants:
            for pname, pflags in (("", []), ("_pipe", ["--in-regs", "1", "--out-regs", "1"])):
                name = f'{a["name"]}_{pe["name"]}{vname}{pname}'
                print(name, " ".join(["--arch", a["name"], "--pe", pe["name"]] + dims + vflags + pflags))
PY
checked=0; rejected=0
while read -r name flags; do
  out="$work/$name"
  # shellcheck disable=SC2086
  if ! "$tpegen" generate $flags -o "$out" > "$work/$name.gen.log" 2>&1; then
    # Handshake designs reject pipeline registers by design; anything else is a failure.
    if [[ $name == *_pipe ]] && grep -q "invalid --in-regs = 1: architecture .* has a valid/ready handshake" "$work/$name.gen.log"; then
      rejected=$((rejected + 1)); continue
    fi
    echo "FAIL $name: generate failed:"; cat "$work/$name.gen.log"; exit 1
  fi
  (
    cd "$out"
    verilator --lint-only -Wall -f files.f > lint.log 2>&1 || { echo "FAIL $name: verilator -Wall -f files.f"; cat lint.log; exit 1; }
    iverilog -g2005 -o /dev/null -c files.f > iverilog.log 2>&1 || { echo "FAIL $name: iverilog -c files.f"; cat iverilog.log; exit 1; }
    yosys -q -l yosys.log -p "read_verilog $(tr '\n' ' ' < files.f); hierarchy -check -auto-top" > /dev/null 2>&1 \
      || { echo "FAIL $name: yosys hierarchy -auto-top"; tail -20 yosys.log; exit 1; }
    top=$(python3 -c 'import json; print(json.load(open("manifest.json"))["top"])')
    grep -q "Top module:  \\\\$top\$" yosys.log || { echo "FAIL $name: yosys chose another top than $top"; grep "Top module" yosys.log; exit 1; }
  )
  checked=$((checked + 1))
done < "$work/points.txt"
echo "filelists ok: $checked designs (verilator -Wall, iverilog, yosys -auto-top on files.f alone); $rejected pipeline settings rejected by handshake designs"
[ "$checked" -gt 0 ]
