// tpegen leaf cell: full adder / 3:2 compressor (a + b + c = 2*c_o + s_o).
module tpe_fa (
  input  wire a_i,
  input  wire b_i,
  input  wire c_i,
  output wire s_o,
  output wire c_o
);
  assign s_o = a_i ^ b_i ^ c_i;
  assign c_o = (a_i & b_i) | (a_i & c_i) | (b_i & c_i);
endmodule
