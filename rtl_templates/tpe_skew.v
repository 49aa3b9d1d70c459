// tpegen leaf cell: skew (or deskew) buffers of a systolic array's edge, without reset (data).
// Lane k of LANES lanes of WIDTH bits is delayed by k cycles, or by LANES-1-k with
// REVERSE = 1, through tpe_pipe; lane k of q_o is at [k*WIDTH +: WIDTH] like lane k of d_i.
module tpe_skew #(
  parameter WIDTH   = 1,
  parameter LANES   = 1,
  parameter REVERSE = 0
) (
  input  wire                   clk_i,
  input  wire [LANES*WIDTH-1:0] d_i,
  output wire [LANES*WIDTH-1:0] q_o
);

  genvar k;

  for (k = 0; k < LANES; k = k + 1) begin : g_lane
    localparam DEPTH = REVERSE ? LANES - 1 - k : k;
    if (DEPTH == 0) begin : g_wire
      assign q_o[k*WIDTH +: WIDTH] = d_i[k*WIDTH +: WIDTH];
    end else begin : g_pipe
      tpe_pipe #(
        .WIDTH(WIDTH),
        .DEPTH(DEPTH)
      ) u_pipe (
        .clk_i(clk_i),
        .d_i(d_i[k*WIDTH +: WIDTH]),
        .q_o(q_o[k*WIDTH +: WIDTH])
      );
    end
  end

endmodule
