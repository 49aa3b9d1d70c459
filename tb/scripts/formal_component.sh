#!/usr/bin/env bash
# Formal check of a stand-alone component with Yosys SAT:
#   multiplier: the generated netlist is equivalent to `p = a * b` (miter, all inputs);
#   opt1-step:  s_o + c_o == s_i + c_i + a*b (mod 2^acc) holds for all inputs;
#   opt4e-step: s_o + c_o == (first ? 0 : s_i + c_i) + sum_e (neg ? -1 : 1) * (two ? 2 : 1) * b_e
#               * 4^pos_e (mod 2^acc) for every legal input (each pos one-hot or 0, no neg
#               without a digit: what the sparse encoders emit).
# usage: formal_component.sh TPEGEN WORKDIR [tpegen arith flags...]
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2; shift 2
rm -rf "$work"
"$tpegen" arith "$@" -o "$work/design" >/dev/null
cd "$work/design"
# Top-level fields of the manifest, else those of its config (a_width, signed, ...).
field() { "$manifest_field" manifest.json "$1|config.$1"; }
top=$(field top); kind=$(field kind); aw=$(field a_width); bw=$(field b_width); accw=$(field acc_width)
if [ "$(field signed)" = true ]; then sa='$signed(a_i)'; sb='$signed(b_i)'; else sa='a_i'; sb='b_i'; fi
p=$((aw + bw))
if [ "$kind" = multiplier ]; then
  cat > gold.v <<V
module gold (input wire [$((aw-1)):0] a_i, input wire [$((bw-1)):0] b_i, output wire [$((p-1)):0] p_o);
  assign p_o = $sa * $sb;
endmodule
V
  script="read_verilog $(grep -v '^//' files.f | tr '\n' ' ') gold.v; proc; opt_clean;
          miter -equiv -flatten -make_assert gold $top miter; hierarchy -top miter;
          sat -verify -prove-asserts miter"
elif [ "$kind" = opt4e-step ]; then
  e=$(field streams); nd=$(field digit_positions)
  if [ "$(field signed)" = true ]; then sg="1'b1"; else sg="1'b0"; fi
  cat > check.v <<V
module check (input wire [$((e*nd-1)):0] pos_i, input wire [$((e-1)):0] two_i, input wire [$((e-1)):0] neg_i,
              input wire [$((e*bw-1)):0] b_i, input wire first_i,
              input wire [$((accw-1)):0] s_i, input wire [$((accw-1)):0] c_i, output wire ok);
  wire [$((accw-1)):0] s_o, c_o;
  $top u_dut (.pos_i(pos_i), .two_i(two_i), .neg_i(neg_i), .b_i(b_i), .first_i(first_i), .s_i(s_i), .c_i(c_i),
              .s_o(s_o), .c_o(c_o));
  reg [$((accw-1)):0] want, term;
  reg legal;
  reg [$((nd-1)):0] p;
  reg [$((bw-1)):0] b;
  integer k, w;
  always @* begin
    want = first_i ? {$accw{1'b0}} : s_i + c_i;
    legal = 1'b1;
    for (k = 0; k < $e; k = k + 1) begin
      p = pos_i[k*$nd +: $nd];
      b = b_i[k*$bw +: $bw];
      if ((p & (p - 1'b1)) != 0 || (p == 0 && neg_i[k])) legal = 1'b0;
      term = {{$accw{$sg & b[$((bw-1))]}}, b};
      if (two_i[k]) term = term << 1;
      for (w = 0; w < $nd; w = w + 1) if (p[w]) term = term << (2 * w);
      if (neg_i[k]) term = -term;
      if (p != 0) want = want + term;
    end
  end
  assign ok = !legal || (s_o + c_o) == want;
endmodule
V
  script="read_verilog $(grep -v '^//' files.f | tr '\n' ' ') check.v; hierarchy -top check; proc; flatten; opt_clean;
          sat -verify -prove ok 1 check"
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
  script="read_verilog $(grep -v '^//' files.f | tr '\n' ' ') check.v; hierarchy -top check; proc; flatten; opt_clean;
          sat -verify -prove ok 1 check"
fi
start=$(date +%s)
if yosys -q -l "$work/yosys.log" -p "$script" >/dev/null 2>&1; then
  echo "formal: PROVED $top ($kind) in $(( $(date +%s) - start )) s"
else
  grep -E 'failed|FAIL|ERROR' "$work/yosys.log" | head -5
  echo "formal: NOT proved: $top (see $work/yosys.log)"; exit 1
fi
