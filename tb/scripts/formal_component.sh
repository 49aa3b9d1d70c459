#!/usr/bin/env bash
# Formal check of a stand-alone component with Yosys SAT:
#   multiplier: the generated netlist is equivalent to `p = a * b` (miter, all inputs);
#   opt1-step:  s_o + c_o == s_i + c_i + a*b (mod 2^acc) holds for all inputs.
# usage: formal_component.sh TPEGEN WORKDIR [tpegen arith flags...]
set -euo pipefail
tpegen=$1; work=$2; shift 2
rm -rf "$work"
"$tpegen" arith "$@" -o "$work/design" >/dev/null
cd "$work/design"
field() { sed -n "s/^ *\"$1\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" manifest.json | head -1; }
top=$(field top); kind=$(field kind); aw=$(field a_width); bw=$(field b_width); accw=$(field acc_width)
if [ "$(field signed)" = true ]; then sa='$signed(a_i)'; sb='$signed(b_i)'; else sa='a_i'; sb='b_i'; fi
p=$((aw + bw))
if [ "$kind" = multiplier ]; then
  cat > gold.v <<V
module gold (input wire [$((aw-1)):0] a_i, input wire [$((bw-1)):0] b_i, output wire [$((p-1)):0] p_o);
  assign p_o = $sa * $sb;
endmodule
V
  script="read_verilog $(tr '\n' ' ' < files.f) gold.v; proc; opt_clean;
          miter -equiv -flatten -make_assert gold $top miter; hierarchy -top miter;
          sat -verify -prove-asserts miter"
else
  cat > check.v <<V
module check (input wire [$((aw-1)):0] a_i, input wire [$((bw-1)):0] b_i,
              input wire [$((accw-1)):0] s_i, input wire [$((accw-1)):0] c_i, output wire ok);
  wire [$((accw-1)):0] s_o, c_o;
  wire [$((accw-1)):0] prod = $sa * $sb;
  $top u_dut (.a_i(a_i), .b_i(b_i), .s_i(s_i), .c_i(c_i), .s_o(s_o), .c_o(c_o));
  assign ok = (s_o + c_o) == (s_i + c_i + prod);
endmodule
V
  script="read_verilog $(tr '\n' ' ' < files.f) check.v; hierarchy -top check; proc; flatten; opt_clean;
          sat -verify -prove ok 1 check"
fi
start=$(date +%s)
if yosys -q -l "$work/yosys.log" -p "$script" >/dev/null 2>&1; then
  echo "formal: PROVED $top ($kind) in $(( $(date +%s) - start )) s"
else
  grep -E 'failed|FAIL|ERROR' "$work/yosys.log" | head -5
  echo "formal: NOT proved: $top (see $work/yosys.log)"; exit 1
fi
