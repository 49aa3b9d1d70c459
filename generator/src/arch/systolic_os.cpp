// Output-stationary systolic array (spec §3): R x C PEs; row i of A enters the left edge
// skewed by i cycles, column j of B the top edge skewed by j cycles (skew buffers are
// inside the array, so the caller presents one unskewed A column and B row per cycle).
// Each PE multiplies, accumulates locally and forwards A (with valid/first/last) right
// and B down. Drain `buffered`: on `last` a PE captures its result into a drain register;
// drain registers of a column form a chain that shifts towards row 0 and leaves at the top
// edge while the accumulators already compute the next tile. Drain `shift`: no drain
// registers; after `last` the accumulators themselves form that chain until the PE's next
// `first` (the next tile waits for the chain to empty: first_after_last_cycles).
// PE `opt1` keeps the accumulator and the drain chain in carry-save form (sum, carry):
// one compressor tree per PE and cycle, one registered read-out adder per column.
#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/opt1_common.hpp"
#include "arch/registry.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {
namespace {

using namespace ir;

// Width of a drain-chain slot: the result, or its carry-save pair (sum low, carry high).
int drain_width(const DesignConfig& c) { return c.pe == "opt1" ? 2 * c.acc_width : c.acc_width; }

const Module& build_pe(Design& d, const DesignConfig& c) {
  Module& m = d.add_module(canonical_name(c) + "_pe");
  describe_module(m, c.pe == "opt1"
                         ? "Output-stationary OPT1 PE: {sum, carry} = compress(pp(a*b), sum, carry); drain chain up."
                         : "Output-stationary PE: acc += a * b; forwards a right and b down; drain chain up.",
                  c);
  const int acc = drain_width(c);
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a_i = m.input("a_i", c.a_width);
  auto b_i = m.input("b_i", c.b_width);
  auto valid_i = m.input("valid_i", 1);
  auto first_i = m.input("first_i", 1);
  auto last_i = m.input("last_i", 1);
  auto drain_i = m.input("drain_i", acc, "result shifting up from the PE below");
  auto drain_valid_i = m.input("drain_valid_i", 1);
  auto a_o = m.output("a_o", c.a_width);
  auto b_o = m.output("b_o", c.b_width);
  auto valid_o = m.output("valid_o", 1);
  auto first_o = m.output("first_o", 1);
  auto last_o = m.output("last_o", 1);
  auto drain_o = m.output("drain_o", acc);
  auto drain_valid_o = m.output("drain_valid_o", 1);

  auto acc_q = m.reg("acc_q", acc);
  // Shift drain: shift_q = "the last valid step ended a tile", so acc_q holds (or passes
  // up) results; the PE leaves the chain when the next tile's first step arrives.
  const bool shift = c.drain == "shift";
  ExprP shifting;
  if (shift) {
    auto shift_q = m.reg("shift_q", 1);
    m.update_with_reset(shift_q, mux(valid_i, last_i, shift_q), 0);
    shifting = m.wire("shifting", band(shift_q, bnot(valid_i)));
  }
  ExprP acc_d;
  if (c.pe == "opt1") {
    // acc_q = {carry, sum}; the compressor tree replaces the multiplier and the adder.
    // No enable on the 2 x acc_width state: a bubble (valid_i = 0) feeds a = 0 and no
    // `first`, so the tree adds 0 and the pair keeps its value (not its bit pattern).
    // first_i clears by gating the feedback inside the tree (opt1_step_net).
    auto a_g = m.wire("a_g", mux(valid_i, a_i, constant(c.a_width, 0)));
    auto first_g = m.wire("first_g", band(valid_i, first_i));
    auto next = opt1_step(m, c, 1, true, "t_", {a_g, b_i, first_g, bits(acc_q, 0, c.acc_width),
                                                bits(acc_q, c.acc_width, c.acc_width)});
    acc_d = m.wire("acc_d", concat({next[1], next[0]}));
    // Shifting, the pair moves up as a pair; the column's read-out adder resolves it.
    m.update(acc_q, shift ? mux(shifting, drain_i, acc_d) : acc_d);
  } else {
    auto prod = product_to_acc(m, "prod", a_i, b_i, c);
    auto sum = acc_add(m, "acc_sum", acc_q, prod, c);
    acc_d = m.wire("acc_d", mux(first_i, prod, sum));
    if (shift)
      m.update(acc_q, mux(shifting, drain_i, acc_d), bor(valid_i, shifting));
    else
      m.update(acc_q, acc_d, valid_i);
  }

  // drain_valid_q: the drain slot (drain_q, or acc_q when shifting) holds a result.
  auto capture = m.wire("capture", band(valid_i, last_i));
  ExprP drain_slot = acc_q;
  if (!shift) {
    drain_slot = m.reg("drain_q", acc);
    m.update(drain_slot, mux(capture, acc_d, drain_i));
  }
  auto drain_valid_q = m.reg("drain_valid_q", 1);
  m.update_with_reset(drain_valid_q, bor(capture, shift ? band(shifting, drain_valid_i) : drain_valid_i), 0);

  auto a_q = m.reg("a_q", c.a_width);
  auto b_q = m.reg("b_q", c.b_width);
  auto valid_q = m.reg("valid_q", 1);
  auto first_q = m.reg("first_q", 1);
  auto last_q = m.reg("last_q", 1);
  m.update(a_q, a_i);
  m.update(b_q, b_i);
  m.update_with_reset(valid_q, valid_i, 0);
  m.update(first_q, first_i);
  m.update(last_q, last_i);
  m.assign(a_o, a_q);
  m.assign(b_o, b_q);
  m.assign(valid_o, valid_q);
  m.assign(first_o, first_q);
  m.assign(last_o, last_q);
  m.assign(drain_o, drain_slot);
  m.assign(drain_valid_o, drain_valid_q);
  return m;
}

Design build(const DesignConfig& c) {
  Design d;
  declare_templates(d);
  const Module& pe = build_pe(d, c);
  Module& m = d.add_module(core_name(c));
  describe_module(m, fmt::format("Output-stationary systolic array, {} x {} PEs.", c.rows, c.cols), c);
  const int R = c.rows, C = c.cols, WA = c.a_width, WB = c.b_width, ACC = c.acc_width, DW = drain_width(c);
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a_i = m.input("a_i", R * WA, "A[m0+i][k] for row i at bits [i*WA +: WA]");
  auto b_i = m.input("b_i", C * WB, "B[k][n0+j] for column j at bits [j*WB +: WB]");
  auto valid_i = m.input("valid_i", 1, "a_i/b_i carry one k step", true);
  auto first_i = m.input("first_i", 1, "this k step starts a new output tile");
  auto last_i = m.input("last_i", 1, "this k step ends the output tile");
  auto c_o = m.output("c_o", C * ACC, "column j result at bits [j*ACC +: ACC]");
  auto c_valid_o = m.output("c_valid_o", C, "bit j: c_o column j holds a result", true);

  // Horizontal links: PE(i,j) reads slot i*(C+1)+j and drives slot i*(C+1)+j+1.
  const int H = R * (C + 1), V = (R + 1) * C;
  auto a_h = m.wire("a_h", H * WA);
  auto valid_h = m.wire("valid_h", H);
  auto first_h = m.wire("first_h", H);
  auto last_h = m.wire("last_h", H);
  auto b_v = m.wire("b_v", V * WB);           // PE(i,j) reads slot i*C+j, drives (i+1)*C+j
  auto drain_v = m.wire("drain_v", V * DW);  // PE(i,j) reads slot (i+1)*C+j, drives i*C+j
  auto drain_valid_v = m.wire("drain_valid_v", V);

  for (int i = 0; i < R; ++i) {
    const int slot = i * (C + 1);
    m.assign(slice("a_h", slot * WA, WA), delay(m, fmt::format("a_skew_{}", i), bits(a_i, i * WA, WA), i, false));
    auto fl = delay(m, fmt::format("fl_skew_{}", i), concat({first_i, last_i}), i, false);
    m.assign(slice("first_h", slot, 1), bits(fl, 1, 1));
    m.assign(slice("last_h", slot, 1), bits(fl, 0, 1));
    m.assign(slice("valid_h", slot, 1), delay(m, fmt::format("valid_skew_{}", i), valid_i, i, true));
  }
  for (int j = 0; j < C; ++j) {
    m.assign(slice("b_v", j * WB, WB), delay(m, fmt::format("b_skew_{}", j), bits(b_i, j * WB, WB), j, false));
    m.assign(slice("drain_v", (R * C + j) * DW, DW), constant(DW, 0));
    m.assign(slice("drain_valid_v", R * C + j, 1), constant(1, 0));
  }
  if (c.pe == "opt1") {
    // One registered read-out adder per column resolves the carry-save results.
    auto c_q = m.reg("c_q", C * ACC);
    auto c_valid_q = m.reg("c_valid_q", C);
    std::vector<ExprP> sums;
    for (int j = C - 1; j >= 0; --j)
      sums.push_back(readout_adder(m, fmt::format("ro{}_", j), slice("drain_v", j * DW, ACC),
                                   slice("drain_v", j * DW + ACC, ACC), c));
    m.update(c_q, concat(sums));
    m.update_with_reset(c_valid_q, bits(drain_valid_v, 0, C), 0);
    m.assign(c_o, c_q);
    m.assign(c_valid_o, c_valid_q);
  } else {
    m.assign(c_o, bits(drain_v, 0, C * ACC));
    m.assign(c_valid_o, bits(drain_valid_v, 0, C));
  }

  // Signals leaving the right and bottom edges feed nothing.
  std::vector<ExprP> edge;
  for (int i = 0; i < R; ++i) {
    const int slot = i * (C + 1) + C;
    edge.push_back(slice("a_h", slot * WA, WA));
    edge.push_back(slice("valid_h", slot, 1));
    edge.push_back(slice("first_h", slot, 1));
    edge.push_back(slice("last_h", slot, 1));
  }
  edge.push_back(slice("b_v", R * C * WB, C * WB));
  m.wire("unused_edge", concat(edge));

  Body& rows = m.generate_for("i", R, "g_row");
  Body& cols = nested_for(rows, "j", C, "g_col");
  // h(): slot of the horizontal links (extra = 1: the PE's right neighbour);
  // v(): slot of the vertical links (extra_rows = 1: the row below).
  auto h = [&](const char* net, int w, int extra) {
    return slice(net, {{"i", (C + 1) * w}, {"j", w}}, extra * w, w);
  };
  auto v = [&](const char* net, int w, int extra_rows) {
    return slice(net, {{"i", C * w}, {"j", w}}, extra_rows * C * w, w);
  };
  Instance pe_inst{pe.name(), "u_pe", {}, {}};
  pe_inst.conns = {{"clk_i", ref("clk_i", 1)},         {"rst_ni", ref("rst_ni", 1)},
                   {"a_i", h("a_h", WA, 0)},           {"b_i", v("b_v", WB, 0)},
                   {"valid_i", h("valid_h", 1, 0)},    {"first_i", h("first_h", 1, 0)},
                   {"last_i", h("last_h", 1, 0)},      {"drain_i", v("drain_v", DW, 1)},
                   {"drain_valid_i", v("drain_valid_v", 1, 1)},
                   {"a_o", h("a_h", WA, 1)},           {"b_o", v("b_v", WB, 1)},
                   {"valid_o", h("valid_h", 1, 1)},    {"first_o", h("first_h", 1, 1)},
                   {"last_o", h("last_h", 1, 1)},      {"drain_o", v("drain_v", DW, 0)},
                   {"drain_valid_o", v("drain_valid_v", 1, 0)}};
  cols.instances.push_back(std::move(pe_inst));
  wrap_in_pipeline(d, m, c);
  d.top = canonical_name(c);
  return d;
}

nlohmann::json timing(const DesignConfig& c) {
  const int readout = c.pe == "opt1" ? 1 : 0;  // the registered read-out adder
  const int io = c.in_regs + c.out_regs + readout;
  nlohmann::json t = {
      {"dataflow", "output-stationary"},
      {"feed",
       "each cycle with valid_i=1 carries one k step: a_i[i] = A[m0+i][k], b_i[j] = B[k][n0+j]; "
       "first_i marks k = 0 and last_i the final k of an output tile (both on the same cycle when K = 1); "
       "rows/columns beyond the matrix are fed as 0. Skewing is internal."},
      {"k_range", "any K >= 1 (software); accumulators hold sums of up to max_k products exactly"},
      {"tile_spacing_cycles", 2 * c.rows - 1},
      {"tile_spacing", "the cycles carrying last_i of consecutive tiles must be at least 2*rows-1 apart "
                       "(idle cycles with valid_i=0 pad short tiles) so drained results never collide"},
      {"results", "column j emits the R rows of a tile in order 0..R-1 on c_o[j*ACC +: ACC] with c_valid_o[j]=1; "
                  "row i of column j appears 2*i + j + 1 + readout + in_regs + out_regs cycles after the cycle that "
                  "carried last_i"},
      {"readout_adder_cycles", readout},
      {"latency_first_result_cycles", 1 + io},
      {"latency_last_result_cycles", 2 * (c.rows - 1) + (c.cols - 1) + 1 + io},
      {"macs_per_cycle", c.rows * c.cols},
  };
  // Buffered (the default) adds no keys, so its manifests stay as they were.
  if (c.drain == "shift") {
    // Row r's result passes PE row i in the cycle 2r - i + j + 1 after last_i; row i may
    // overwrite it in that cycle, so row i's first step waits until 2(R-1) - i + j + 1:
    // 2R-1 cycles after last_i at row 0, where the skew delays first_i least.
    t["drain"] = "shift: no drain registers; after last_i the accumulators of a column shift the results up";
    t["first_after_last_cycles"] = 2 * c.rows - 1;
    t["first_after_last"] = "the cycle carrying first_i of the next tile must come at least 2*rows-1 cycles after "
                            "the cycle carrying last_i of the previous tile (a bubble of 2*rows-2 idle cycles "
                            "with valid_i=0), while the accumulators shift the results out";
  }
  return t;
}

}  // namespace

ArchDescriptor describe_systolic_os() {
  ArchDescriptor d{"systolic-os",
          "output-stationary systolic array: R x C PEs, A skewed from the left, B from the top, "
          "results drain up the columns",
          {true, 16, 1, "PE rows R: output rows computed per tile (M is tiled by R)"},
          {true, 16, 1, "PE columns C: output columns per tile (N is tiled by C)"},
          {false, 0, 1, "unused (K is software: any length streams through)"},
          {{"mac", "baseline: a*b product sized exactly, + into a binary accumulator"},
           {"opt1", "OPT1: partial products + carry-save accumulator in one compressor tree, CPA per column at read-out"}},
          build,
          timing};
  d.sim_driver = [](const DesignConfig&) { return std::string("TPE_ARCH_SYSTOLIC_OS"); };
  d.macs_per_cycle = [](const DesignConfig& c, std::string*) { return static_cast<double>(c.rows) * c.cols; };
  return d;
}

}  // namespace tpegen::arch
