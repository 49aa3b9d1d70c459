// An inverter chain and a register bank of sky130hd cells: every net toggles once per cycle
// when d_i and q_i do (check_gate_power.sh compares its energy with OpenSTA's report_power).
module chain(clk_i, d_i, q_i, y_o, q_o);
  input clk_i;
  input d_i;
  input [3:0] q_i;
  output y_o;
  output [3:0] q_o;
  wire n1, n2, n3, n4, n5, n6, n7;
  sky130_fd_sc_hd__inv_1 i1 (.A(d_i), .Y(n1));
  sky130_fd_sc_hd__inv_1 i2 (.A(n1), .Y(n2));
  sky130_fd_sc_hd__inv_1 i3 (.A(n2), .Y(n3));
  sky130_fd_sc_hd__inv_1 i4 (.A(n3), .Y(n4));
  sky130_fd_sc_hd__inv_1 i5 (.A(n4), .Y(n5));
  sky130_fd_sc_hd__inv_1 i6 (.A(n5), .Y(n6));
  sky130_fd_sc_hd__inv_1 i7 (.A(n6), .Y(n7));
  sky130_fd_sc_hd__inv_1 i8 (.A(n7), .Y(y_o));
  sky130_fd_sc_hd__dfxtp_1 r0 (.CLK(clk_i), .D(q_i[0]), .Q(q_o[0]));
  sky130_fd_sc_hd__dfxtp_1 r1 (.CLK(clk_i), .D(q_i[1]), .Q(q_o[1]));
  sky130_fd_sc_hd__dfxtp_1 r2 (.CLK(clk_i), .D(q_i[2]), .Q(q_o[2]));
  sky130_fd_sc_hd__dfxtp_1 r3 (.CLK(clk_i), .D(q_i[3]), .Q(q_o[3]));
endmodule
