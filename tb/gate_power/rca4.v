// 4-bit ripple-carry adder of sky130hd full-adder cells: a known glitch count (check_gate_power.sh).
module rca4(clk_i, a_i, b_i, s_o);
  input clk_i;
  input [3:0] a_i;
  input [3:0] b_i;
  output [4:0] s_o;
  wire c1, c2, c3;
  sky130_fd_sc_hd__fa_1 u0 (.A(a_i[0]), .B(b_i[0]), .CIN(1'b0), .COUT(c1), .SUM(s_o[0]));
  sky130_fd_sc_hd__fa_1 u1 (.A(a_i[1]), .B(b_i[1]), .CIN(c1), .COUT(c2), .SUM(s_o[1]));
  sky130_fd_sc_hd__fa_1 u2 (.A(a_i[2]), .B(b_i[2]), .CIN(c2), .COUT(c3), .SUM(s_o[2]));
  sky130_fd_sc_hd__fa_1 u3 (.A(a_i[3]), .B(b_i[3]), .CIN(c3), .COUT(s_o[4]), .SUM(s_o[3]));
endmodule
