// tpegen leaf cell: a simple dual-port memory of 2^AW words of WIDTH bits with one write port
// and one registered read port (rdata_o holds the word read at the last clock edge with re_i
// high, and keeps it while re_i is low). Written the way FPGA synthesis infers block RAM
// (iCE40 SB_RAM40_4K, Xilinx RAMB); an ASIC flow can put an SRAM macro with the same ports in
// its place (the manifest's "memories" lists every instance). Users never read the word being
// written in the same cycle, so its read-during-write behaviour does not matter.
module tpe_sdp_ram #(
  parameter WIDTH = 1,
  parameter AW = 1  // log2 of the number of words, >= 1
) (
  input  wire             clk_i,
  input  wire             we_i,
  input  wire [AW-1:0]    waddr_i,
  input  wire [WIDTH-1:0] wdata_i,
  input  wire             re_i,
  input  wire [AW-1:0]    raddr_i,
  output reg  [WIDTH-1:0] rdata_o
);

  reg [WIDTH-1:0] mem_q [0:(1<<AW)-1];

  always @(posedge clk_i) begin
    if (we_i) mem_q[waddr_i] <= wdata_i;
    if (re_i) rdata_o <= mem_q[raddr_i];
  end

endmodule
