// tpegen leaf cell: a latch-based clock gate, the behaviour of a liberty's integrated
// clock-gating cell (clock_gating_integrated_cell "latch_posedge"). The enable is captured
// while the clock is low, so gclk_o cannot glitch. `tpegen synth` maps it to the liberty's
// cell (sky130 dlclkp, nangate45 CLKGATE). Copied verbatim into designs built with --clock-gate.
module tpe_clock_gate (
  input  wire clk_i,
  input  wire en_i,
  output wire gclk_o
);

  reg en_q;

  // Verilog-2005 has no always_latch; the latch is the point of the cell.
  /* verilator lint_off LATCH */
  always @(clk_i or en_i)
    if (!clk_i) en_q = en_i;
  /* verilator lint_on LATCH */

  assign gclk_o = clk_i & en_q;

endmodule
