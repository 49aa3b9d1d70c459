// tpegen leaf cell: a DEPTH-stage delay line cleared by an asynchronous active-low reset
// (valid and enable signals, which must not come out of reset as X or 1).
module tpe_pipe_rst #(
  parameter WIDTH = 1,
  parameter DEPTH = 1  // >= 1; the generator wires a plain connection for zero stages
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire [WIDTH-1:0] d_i,
  output wire [WIDTH-1:0] q_o
);

  reg [WIDTH*DEPTH-1:0] stages_q;

  if (DEPTH == 1) begin : g_one
    always @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) stages_q <= {WIDTH{1'b0}};
      else stages_q <= d_i;
    end
  end else begin : g_many
    always @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) stages_q <= {WIDTH*DEPTH{1'b0}};
      else stages_q <= {stages_q[WIDTH*(DEPTH-1)-1:0], d_i};
    end
  end

  assign q_o = stages_q[WIDTH*DEPTH-1 -: WIDTH];

endmodule
