// tpegen leaf cell: 4:2 compressor, x1 + x2 + x3 + x4 + cin = s_o + 2*(c_o + cout_o).
// cout_o does not depend on cin_i, so the cout of one column feeds the cin of the next
// column in the same level without a carry ripple (two full adders, Oklobdzija 1996).
module tpe_c42 (
  input  wire x1_i,
  input  wire x2_i,
  input  wire x3_i,
  input  wire x4_i,
  input  wire cin_i,
  output wire s_o,
  output wire c_o,
  output wire cout_o
);
  wire s1;
  assign s1 = x1_i ^ x2_i ^ x3_i;
  assign cout_o = (x1_i & x2_i) | (x1_i & x3_i) | (x2_i & x3_i);
  assign s_o = s1 ^ x4_i ^ cin_i;
  assign c_o = (s1 & x4_i) | (s1 & cin_i) | (x4_i & cin_i);
endmodule
