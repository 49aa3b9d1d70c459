// tpegen leaf cell: a first-in first-out buffer of WIDTH-bit entries, stored in a tpe_sdp_ram of
// 2^AW words, whose output is that memory's read register: data_o is the oldest entry while
// valid_o is high, straight from a flip-flop, so no read multiplexer sits between the FIFO and
// its reader. count_o counts every entry held (in the memory or in the read register); an entry
// reaches the read register two cycles after its push. The user never pushes when count_o is
// 2^AW nor pops while valid_o is low (the AXI wrapper reserves room before it issues a step).
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
  output wire             valid_o,
  output wire [AW:0]      count_o
);

  reg [AW-1:0] wr_q, rd_q;
  reg [AW:0] stored_q;  // entries in the memory, not yet read into the read register
  reg [AW:0] count_q;
  reg out_valid_q;
  localparam [AW-1:0] ONE = 1;
  localparam [AW:0] ONE_COUNT = 1;

  // Read the next entry when the read register is empty or being popped.
  wire read = (stored_q != {(AW+1){1'b0}}) && (!out_valid_q || pop_i);
  wire [AW:0] push_count = push_i ? ONE_COUNT : {(AW+1){1'b0}};
  wire [AW:0] read_count = read ? ONE_COUNT : {(AW+1){1'b0}};
  wire [AW:0] pop_count = pop_i ? ONE_COUNT : {(AW+1){1'b0}};

  tpe_sdp_ram #(.WIDTH(WIDTH), .AW(AW)) u_ram (
    .clk_i(clk_i),
    .we_i(push_i),
    .waddr_i(wr_q),
    .wdata_i(data_i),
    .re_i(read),
    .raddr_i(rd_q),
    .rdata_o(data_o)
  );

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wr_q <= {AW{1'b0}};
      rd_q <= {AW{1'b0}};
      stored_q <= {(AW+1){1'b0}};
      count_q <= {(AW+1){1'b0}};
      out_valid_q <= 1'b0;
    end else begin
      if (push_i) wr_q <= wr_q + ONE;
      if (read) rd_q <= rd_q + ONE;
      stored_q <= stored_q + push_count - read_count;
      count_q <= count_q + push_count - pop_count;
      if (read) out_valid_q <= 1'b1;
      else if (pop_i) out_valid_q <= 1'b0;
    end
  end

  assign valid_o = out_valid_q;
  assign count_o = count_q;

endmodule
