// tpegen leaf cell: a DEPTH-stage delay line without reset (data paths, skew buffers).
// Copied verbatim into every generated design that uses it.
module tpe_pipe #(
  parameter WIDTH = 1,
  parameter DEPTH = 1  // >= 1; the generator wires a plain connection for zero stages
) (
  input  wire             clk_i,
  input  wire [WIDTH-1:0] d_i,
  output wire [WIDTH-1:0] q_o
);

  reg [WIDTH*DEPTH-1:0] stages_q;

  if (DEPTH == 1) begin : g_one
    always @(posedge clk_i) stages_q <= d_i;
  end else begin : g_many
    always @(posedge clk_i) stages_q <= {stages_q[WIDTH*(DEPTH-1)-1:0], d_i};
  end

  assign q_o = stages_q[WIDTH*DEPTH-1 -: WIDTH];

endmodule
