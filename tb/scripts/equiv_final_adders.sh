#!/usr/bin/env bash
# equiv_designs.sh on two designs this tpegen writes: the same OPT1 array with read-out adder
# modules of different structure (kogge-stone, brent-kung) must be proven the same function;
# with --break (one XOR of the second adder's module turned into XNOR) it must not be.
# usage: equiv_final_adders.sh TPEGEN WORKDIR [--break] design flags...
set -euo pipefail
tpegen=$1; work=$2; shift 2
broken=no
if [ "${1:-}" = --break ]; then broken=yes; shift; fi
rm -rf "$work"; mkdir -p "$work"
"$tpegen" generate "$@" --final-adder kogge-stone -o "$work/ks" >/dev/null
"$tpegen" generate "$@" --final-adder brent-kung -o "$work/bk" >/dev/null
if [ $broken = yes ]; then
  adder=$(ls "$work"/bk/rtl/tpe_readout_adder_*.v)
  sed -i '0,/ \^ /s// ~^ /' "$adder"
  grep -q ' ~^ ' "$adder" || { echo "equiv_final_adders.sh: no XOR to break in $adder"; exit 2; }
fi
# The adders' own wires (u_ro<j>.*) have the same names in both but other functions.
"$(dirname "$0")/equiv_designs.sh" "$work/ks" "$work/bk" "$work/equiv" 'w:u_ro*'
