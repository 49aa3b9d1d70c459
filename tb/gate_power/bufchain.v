// Inverters and buffers of several drive strengths in a chain: every net toggles when d_i does,
// which is also what OpenSTA derives from an input activity, so check_gate_power.sh compares the
// combinational internal and switching power with its report_power.
module bufchain(clk_i, d_i, y_o);
  input clk_i;
  input d_i;
  output y_o;
  wire n1, n2, n3, n4, n5, n6, n7;
  sky130_fd_sc_hd__inv_1 i1 (.A(d_i), .Y(n1));
  sky130_fd_sc_hd__inv_1 i2 (.A(n1), .Y(n2));
  sky130_fd_sc_hd__buf_1 i3 (.A(n2), .X(n3));
  sky130_fd_sc_hd__inv_2 i4 (.A(n3), .Y(n4));
  sky130_fd_sc_hd__inv_1 i5 (.A(n4), .Y(n5));
  sky130_fd_sc_hd__inv_4 i6 (.A(n5), .Y(n6));
  sky130_fd_sc_hd__buf_2 i7 (.A(n6), .X(n7));
  sky130_fd_sc_hd__inv_1 i8 (.A(n7), .Y(y_o));
endmodule
