#!/usr/bin/env bash
# The ASIC hand-off files of `tpegen generate`: OpenSTA reads the SDC against the design's
# synthesized netlist without an error or warning and applies the clock; config.mk, read
# by make as ORFS includes it, names RTL files and an SDC that exist; librelane_config.json names the
# same files (its well-formedness is checked in flow_files_test.cpp).
# usage: check_flow_files.sh TPEGEN WORKDIR LIBERTY
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2; lib=$3
rm -rf "$work"; mkdir -p "$work"
fail() { echo "check_flow_files: FAIL: $*"; exit 1; }
design=(--arch systolic-os --rows 2 --cols 2)
"$tpegen" generate "${design[@]}" --clock-period 4.5 -o "$work/gen"
top=$("$manifest_field" "$work/gen" top)
[ -n "$top" ] || fail "no top in the manifest"
for f in "$top.sdc" config.mk librelane_config.json; do
  [ -s "$work/gen/$f" ] || fail "$f not written"
  grep -q "\"$f\"" "$work/gen/manifest.json" || fail "$f not listed in manifest.json"
done

# config.mk as ORFS sees it: included from another directory, TPEGEN_DIR resolved by make.
mkdir -p "$work/orfs"
printf 'include %s/gen/config.mk\nall:\n\t@echo $(DESIGN_NAME)\n\t@echo $(VERILOG_FILES)\n\t@echo $(SDC_FILE)\n' \
  "$(cd "$work" && pwd)" > "$work/orfs/Makefile"
mapfile -t mk < <(make -s --no-print-directory -C "$work/orfs")
[ "${mk[0]}" = "$top" ] || fail "config.mk DESIGN_NAME '${mk[0]}'"
n=0
for f in ${mk[1]} ${mk[2]}; do [ -f "$f" ] || fail "config.mk names a missing file $f"; n=$((n + 1)); done
rtl_count=$(grep -vc "^//" "$work/gen/files.f")  # files.f starts with the tpegen header
[ "$n" = $((rtl_count + 1)) ] || fail "config.mk names $n files, files.f has $rtl_count + the SDC"
for f in $(grep -v "^//" "$work/gen/files.f") "$top.sdc"; do grep -q "\"dir::$f\"" "$work/gen/librelane_config.json" || fail "librelane_config.json lacks $f"; done
grep -q '"CLOCK_PERIOD": 4.5' "$work/gen/librelane_config.json" || fail "librelane_config.json clock period"

# OpenSTA on the mapped netlist of the same design with the generated SDC.
"$tpegen" synth "${design[@]}" --liberty "$lib" --no-timing --work "$work/synth" >/dev/null
cat > "$work/sdc.tcl" <<TCL
read_liberty $lib
read_verilog $work/synth/netlist.v
link_design $top
read_sdc $work/gen/$top.sdc
report_clock_properties
report_checks -path_delay max -format full
write_sdc $work/sta_written.sdc
TCL
sta -no_splash -exit "$work/sdc.tcl" > "$work/sta.log" 2>&1 || fail "sta exited non-zero (see $work/sta.log)"
cat "$work/sta.log"
! grep -Eqi '^(error|warning)' "$work/sta.log" || fail "OpenSTA reported errors or warnings reading the SDC"
grep -Eq '^clk +4\.50' "$work/sta.log" || fail "the clock clk_i at 4.5 ns is not in OpenSTA's clock report"
grep -q 'input external delay' "$work/sta.log" || fail "no input delay on the worst path"
# What OpenSTA made of the SDC, written back one port bit per line: a delay on every data bit
# of the 2x2 array (in: a_i 16 + b_i 16 + valid, first, last; out: c_o 64 + c_valid_o 2) and
# the false path from the reset.
[ "$(grep -c '^set_input_delay 0.9000 -clock \[get_clocks {clk}\]' "$work/sta_written.sdc")" = 35 ] || fail "input delays"
[ "$(grep -c '^set_output_delay 0.9000 -clock \[get_clocks {clk}\]' "$work/sta_written.sdc")" = 66 ] || fail "output delays"
grep -A2 '^set_false_path' "$work/sta_written.sdc" | grep -q -- '-from \[get_ports {rst_ni}\]' || fail "no false path from rst_ni"
echo "check_flow_files: all checks passed"
