#!/usr/bin/env bash
# Proves that two generated design folders compute the same function (Yosys): each design is
# flattened to its top, wires (ports, registers, nets) are matched by name (equiv_make), and
# every matched pair is proven equal by SAT with sequential induction (equiv_simple,
# equiv_induct). HIDE (a Yosys selection, e.g. 'w:u_ro*') names wires not to match: logic that
# is shaped differently in the two designs but has same-named wires.
# For a change that moves logic between modules or reshapes it but keeps every register (a
# read-out adder emitted as its own module, another --final-adder), the flattened register
# names are the same in both. Used to show that RTL before and after such a change is the same
# function (old design from the previous tpegen, new from this one).
# usage: equiv_designs.sh GOLD_DIR GATE_DIR WORKDIR [HIDE]
# Prints one line "equiv: PROVED ..." (exit 0) or "equiv: NOT proved ..." (exit 1).
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
gold=$(cd "$1" && pwd); gate=$(cd "$2" && pwd); work=$3; hide=${4:-}
rm -rf "$work"; mkdir -p "$work"
top_of() { "$manifest_field" "$1" top; }
files_of() { grep -v '^//' "$1/files.f" | sed "s|^|$1/|" | tr '\n' ' '; }
load() {  # design folder, name of its flattened top
  echo "read_verilog -sv $(files_of "$1"); hierarchy -check -top $(top_of "$1"); proc; flatten; async2sync;
        opt_clean; ${hide:+rename -hide $hide;} rename $(top_of "$1") $2; design -stash $2;"
}
start=$(date +%s)
if yosys -q -l "$work/yosys.log" -p "$(load "$gold" gold) $(load "$gate" gate)
     design -copy-from gold -as gold gold; design -copy-from gate -as gate gate;
     equiv_make gold gate equiv; hierarchy -top equiv; equiv_simple -seq 2; equiv_induct -seq 2;
     equiv_status -assert" >/dev/null 2>&1; then
  echo "equiv: PROVED $(top_of "$gate") == $(top_of "$gold") (new $gate, old $gold; flattened, $(grep -o 'Found [0-9]* \$equiv cells' "$work/yosys.log" | tail -1)) in $(( $(date +%s) - start )) s"
else
  grep -m 5 -E 'Unproven|ERROR|rror' "$work/yosys.log" || true
  echo "equiv: NOT proved: $(top_of "$gate") vs $(top_of "$gold") (new $gate, old $gold; see $work/yosys.log)"; exit 1
fi
