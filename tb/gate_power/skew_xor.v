// Two paths of two cells each from d_i into an XOR: with one unit of delay per cell both
// arrive together and the XOR never moves; with the liberty's delays the slow path (a delay
// gate) arrives ~0.5 ns later and the XOR pulses on every toggle of d_i (check_gate_power.sh).
module skew_xor(clk_i, d_i, y_o);
  input clk_i;
  input d_i;
  output y_o;
  wire fast1, fast2, slow1, slow2;
  sky130_fd_sc_hd__buf_1 f1 (.A(d_i), .X(fast1));
  sky130_fd_sc_hd__buf_1 f2 (.A(fast1), .X(fast2));
  sky130_fd_sc_hd__dlygate4sd3_1 s1 (.A(d_i), .X(slow1));
  sky130_fd_sc_hd__buf_1 s2 (.A(slow1), .X(slow2));
  sky130_fd_sc_hd__xor2_1 x (.A(fast2), .B(slow2), .X(y_o));
endmodule
