// tpegen leaf cell: half adder (a + b = 2*c_o + s_o).
module tpe_ha (
  input  wire a_i,
  input  wire b_i,
  output wire s_o,
  output wire c_o
);
  assign s_o = a_i ^ b_i;
  assign c_o = a_i & b_i;
endmodule
