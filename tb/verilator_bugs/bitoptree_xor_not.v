// Reduced from tpegen's systolic-ws OPT1 3x3 u7x5 wallace design (README "Known tool bugs").
// In Verilator 5.006 the bit-op-tree optimization (V3Const) folds r into an XOR reduction
// and gets its polarity wrong (r = ~d[1] ^ d[0] ^ (a & b) comes out inverted) because p[3:2]
// become constant 0 only per instance, after the port connection {2'b00, d} is substituted
// into the module it did not inline. -fno-const-bit-op-tree gives the right result.
module bitoptree_sub (
  input  wire [3:0] p,
  input  wire       a,
  input  wire       b,
  output wire       r
);
  /*verilator no_inline_module*/  // tpegen's PEs are too big to be inlined
  assign r = ~(p[1] ^ p[3]) ^ ((p[0] | p[2]) ^ (a & b));
endmodule

module bitoptree_tb;
  reg [1:0] d;
  reg a, b;
  wire r;
  integer n, bad;
  bitoptree_sub u_sub (.p({2'b00, d}), .a(a), .b(b), .r(r));
  initial begin
    bad = 0;
    for (n = 0; n < 16; n = n + 1) begin
      {a, b, d} = n[3:0];
      #1;
      if (r !== (~d[1] ^ d[0] ^ (a & b))) begin
        bad = bad + 1;
        $display("d=%b a=%b b=%b: r=%b, expected %b", d, a, b, r, ~d[1] ^ d[0] ^ (a & b));
      end
    end
    if (bad != 0) $display("FAIL: %0d of 16 input combinations wrong", bad);
    else $display("PASS: 16 input combinations");
    $finish;
  end
endmodule
