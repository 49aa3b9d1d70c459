#!/usr/bin/env bash
# One point of `make compare-arith`: synthesizes a combinational block flat with Yosys (Debian
# 0.23, or 0.55 through @yowasp/yosys with its booth pass), maps it to a liberty and times it
# input to output with OpenSTA. Prints one CSV row: <label>,<area_um2>,<delay_ns>.
# usage: arith_point.sh TOOL LIB DIR TOP LABEL FILE...
#   TOOL: yosys (0.23 on PATH) | yowasp:<dir with node_modules/@yowasp/yosys>
#   Inputs: a buf_2 (sky130) / BUF_X2 (nangate45) drives each; each output drives 4 of them.
# Known debt (issue 26, item 5): this is the last reader of Liberty text outside
# generator/src/liberty/ (the `sed` for the library name) and it repeats the drive cells and
# loads of synth/sta_flow.cpp's sta_lib_profiles(), already out of step: it has no sg13g2 line,
# so sg13g2 points run with ideal inputs and no output load where `tpegen synth` uses
# sg13g2_buf_2 and 0.0105 pF (left as is here: changing it moves recorded numbers). Item 5 replaces the whole script with a
# `tpegen synth` mode, which gets both from liberty::load_library and find_sta_profile; a query
# command added here first would be thrown away with it.
set -euo pipefail
tool=$1; lib=$(realpath "$2"); dir=$3; top=$4; label=$5; shift 5
mkdir -p "$dir"
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
case "$(sed -n 's/^ *library *( *"\{0,1\}\([A-Za-z0-9_]*\).*/\1/p' "$lib" | head -1)" in
  sky130_fd_sc_hd*) drive="sky130_fd_sc_hd__buf_2 -pin X"; load=0.0069 ;;
  NangateOpenCellLibrary*) drive="BUF_X2 -pin Z"; load=7.1 ;;
  *) drive=""; load=0 ;;
esac
if [ "$tool" = yosys ]; then
  synth="synth -flatten -top $top"
  yosys -q -l "$dir/yosys.log" -p "read_verilog -sv ${files[*]}; $synth; abc -liberty $lib; opt_clean -purge;
    tee -q -o $dir/area.txt stat -liberty $lib; write_verilog -noattr -noexpr -nohex -nodec -simple-lhs $dir/net.v" \
    > /dev/null 2>&1 || { echo "$label,FAILED,see $dir/yosys.log"; exit 0; }
else
  # YoWASP runs on an in-memory copy of the current directory's files: the RTL and the liberty
  # are linked in as plain names.
  mods=${tool#yowasp:}
  names=()
  for f in "${files[@]}"; do ln -sf "$f" "$dir/$(basename "$f")"; names+=("$(basename "$f")"); done
  ln -sf "$lib" "$dir/cells.lib"
  cp "$(dirname "$0")/yowasp_yosys.mjs" "$dir/run.mjs"
  ( cd "$dir" && NODE_PATH="$mods/node_modules" node run.mjs -q -l yosys.log -p "read_verilog -sv ${names[*]};
      synth -flatten -booth -top $top; abc -liberty cells.lib; opt_clean -purge; tee -q -o area.txt stat -liberty cells.lib;
      write_verilog -noattr -noexpr -nohex -nodec -simple-lhs net.v" > /dev/null 2>&1 ) ||
    { echo "$label,FAILED,see $dir/yosys.log"; exit 0; }
fi
area=$(grep -E 'Chip area for (top )?module' "$dir/area.txt" | tail -1 | awk '{print $NF}')
{
  echo "read_liberty {$lib}"
  echo "read_verilog {$(realpath "$dir/net.v")}"
  echo "link_design $top"
  echo "create_clock -name vclk -period 100"
  echo "set_input_delay 0 -clock vclk [all_inputs]"
  echo "set_output_delay 0 -clock vclk [all_outputs]"
  if [ -n "$drive" ]; then
    echo "set_driving_cell -lib_cell $drive [all_inputs]"
    echo "set_load $load [all_outputs]"
  fi
  echo "report_checks -path_delay max -digits 3"
} > "$dir/sta.tcl"
sta -no_splash -exit "$dir/sta.tcl" > "$dir/sta.log" 2>&1 || true
if grep -q '^Error' "$dir/sta.log"; then echo "$label,FAILED,$(grep -m1 '^Error' "$dir/sta.log")"; exit 0; fi
delay=$(awk '/data arrival time/ {print $1; exit}' "$dir/sta.log")
echo "$label,${area:-FAILED},${delay:-FAILED}"
