#!/bin/sh
# tpegen synth of a 2x2 OPT1 systolic-os array: the generic stat must keep the PE as a
# module of the hierarchy (the array stays hierarchical), and the read-out adder too (its area
# is reported as a block of its own), while no adder leaf cell
# (tpe_fa/tpe_ha/tpe_c42) survives as a module: they are flattened into the PE.
# Usage: synth_pe_whole.sh TPEGEN WORKDIR
set -eu
tpegen=$1 work=$2
rm -rf "$work"
"$tpegen" synth --arch systolic-os --pe opt1 --rows 2 --cols 2 --no-liberty --work "$work" >/dev/null
stat="$work/stat_generic.txt"
grep -q "^=== tpe_systolic_os_opt1_.*_pe ===" "$stat" || { echo "FAIL: no PE module in $stat"; exit 1; }
grep -q "^=== tpe_readout_adder_w[0-9]*_timing ===" "$stat" || { echo "FAIL: no read-out adder module in $stat"; exit 1; }
if grep -q "tpe_fa\|tpe_ha\|tpe_c42" "$stat"; then echo "FAIL: a leaf cell survived in $stat"; exit 1; fi
echo "PE and read-out adder kept, leaf cells flattened"
