// tpegen leaf cell: a first-in first-out buffer of 2^AW entries of WIDTH bits with a
// combinational read port (data_o is the oldest entry while count_o > 0). The user never
// pushes when full nor pops when empty (the AXI wrapper reserves room before it issues a step).
module tpe_fifo #(
  parameter WIDTH = 1,
  parameter AW = 1  // log2 of the depth, >= 1
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire             push_i,
  input  wire [WIDTH-1:0] data_i,
  input  wire             pop_i,
  output wire [WIDTH-1:0] data_o,
  output wire [AW:0]      count_o
);

  reg [WIDTH-1:0] mem_q [0:(1<<AW)-1];
  reg [AW-1:0] wr_q, rd_q;
  reg [AW:0] count_q;
  localparam [AW-1:0] ONE = 1;

  always @(posedge clk_i) begin
    if (push_i) mem_q[wr_q] <= data_i;
  end

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wr_q <= {AW{1'b0}};
      rd_q <= {AW{1'b0}};
      count_q <= {(AW+1){1'b0}};
    end else begin
      if (push_i) wr_q <= wr_q + ONE;
      if (pop_i) rd_q <= rd_q + ONE;
      count_q <= count_q + {{AW{1'b0}}, push_i} - {{AW{1'b0}}, pop_i};
    end
  end

  assign data_o = mem_q[rd_q];
  assign count_o = count_q;

endmodule
