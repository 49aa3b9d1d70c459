#include "arch/dot_grid.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/design_name.hpp"
#include "arch/opt1_common.hpp"
#include "arch/readout_adder.hpp"
#include "arch/opt2_common.hpp"
#include "arch/schedule_base.hpp"
#include "arith/partial_products.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {
namespace {

using namespace ir;

// Balanced adder tree over `leaves` (all lvalues); level l is min(w0 + l, acc) bits wide,
// so the tree is exact until it reaches the accumulator width and modular after.
ExprP adder_tree(Module& m, std::vector<ExprP> leaves, const DesignConfig& c) {
  int level = 0;
  while (leaves.size() > 1) {
    ++level;
    const int w = std::min(leaves.front()->width + 1, c.acc_width);
    std::vector<ExprP> next;
    for (size_t n = 0; n < leaves.size(); n += 2) {
      const std::string name = fmt::format("sum_l{}_{}", level, n / 2);
      if (n + 1 == leaves.size()) {
        next.push_back(m.wire(name, resize(leaves[n], w, c.is_signed)));
      } else {
        next.push_back(m.wire(name, add(resize(leaves[n], w, c.is_signed), resize(leaves[n + 1], w, c.is_signed))));
      }
    }
    leaves = std::move(next);
  }
  return leaves.front();
}

// The carry-save accumulator shared by the OPT1 and OPT2 units: `step` (inputs: the unit's
// operand vectors, then first, s, c; outputs s_next, c_next) updates (acc_s, acc_c) on
// valid. The cycle after `last` the accumulator still holds the tile's pair (a next first
// step overwrites it only at that cycle's end), so the read-out adder resolves it from there
// into c_q, which holds it until the next tile: no carry-save output pair (2 x ACC
// flip-flops fewer than capturing the pair on `last`), same timing.
using StepFn = std::function<std::vector<ExprP>(const std::vector<ExprP>&)>;
void carry_save_accumulator(Module& m, const StepFn& step, std::vector<ExprP> ins, const ExprP& valid_i,
                            const ExprP& first_i, const ExprP& last_i, const ExprP& c_o, const DesignConfig& c,
                            ReadoutAdder& adder) {
  const int ACC = c.acc_width;
  auto acc_s = m.reg("acc_s_q", ACC);
  auto acc_c = m.reg("acc_c_q", ACC);
  ins.push_back(first_i);
  ins.push_back(acc_s);
  ins.push_back(acc_c);
  auto next = step(ins);
  m.update(acc_s, next[0], valid_i);
  m.update(acc_c, next[1], valid_i);
  auto capture_q = m.reg("capture_q", 1);
  m.update(capture_q, band(valid_i, last_i));
  auto c_q = m.reg("c_q", ACC);
  m.update(c_q, adder.place(m, "ro_", acc_s, acc_c, {"readout"}), capture_q);
  m.assign(c_o, c_q);
}

// OPT1 unit: the partial products of all `depth` products and the carry-save accumulator
// share one compressor tree.
void build_opt1_dot_body(Module& m, const ExprP& a_i, const ExprP& b_i, const ExprP& valid_i, const ExprP& first_i,
                         const ExprP& last_i, const ExprP& c_o, const DesignConfig& c, ReadoutAdder& adder) {
  std::vector<ExprP> ins;
  for (int k = 0; k < c.depth; ++k) {
    ins.push_back(bits(a_i, k * c.a_width, c.a_width));
    ins.push_back(bits(b_i, k * c.b_width, c.b_width));
  }
  auto step = [&](const std::vector<ExprP>& in) { return opt1_step(m, c, c.depth, true, "t_", in); };
  carry_save_accumulator(m, step, std::move(ins), valid_i, first_i, last_i, c_o, c, adder);
}

// OPT2 unit: the row's A operands arrive as encoded digits (the encoder sits in the grid and
// serves the whole row); per digit weight the `depth` selected partial products have their own
// compressor tree, and the per-weight carry-save pairs plus the carry-save accumulator meet
// in a final tree (opt2_common.hpp).
void build_opt2_dot_body(Module& m, const ExprP& one_i, const ExprP& two_i, const ExprP& neg_i, const ExprP& b_i,
                         const ExprP& valid_i, const ExprP& first_i, const ExprP& last_i, const ExprP& c_o,
                         const DesignConfig& c, ReadoutAdder& adder) {
  const int ND = opt2_digit_count(c);
  std::vector<ExprP> ins;
  for (int k = 0; k < c.depth; ++k) {
    ins.push_back(bits(one_i, k * ND, ND));
    ins.push_back(bits(two_i, k * ND, ND));
    ins.push_back(bits(neg_i, k * ND, ND));
    ins.push_back(bits(b_i, k * c.b_width, c.b_width));
  }
  const arith::BitNet net = opt2_step_net(c, c.depth, true);
  auto step = [&](const std::vector<ExprP>& in) { return emit::emit_bitnet(m, net, "t_", in); };
  carry_save_accumulator(m, step, std::move(ins), valid_i, first_i, last_i, c_o, c, adder);
}

// OPT2 row encoder: the `depth` A operands of one grid row to Booth / EN-T digit signals.
// One operand's digit encoder as a module of its own, named by its encoding, signedness and
// width (built once per design, found by name after that): the row encoder instantiates it
// once per operand instead of repeating its logic.
const Module& digit_encoder(Design& d, const DesignConfig& c) {
  const arith::Encoding enc = *c.encoding;  // booth or ent (opt2_digit_count rejects and)
  const int ND = opt2_digit_count(c);
  const std::string name =
      fmt::format("tpe_digit_encoder_{}_{}{}", arith::to_string(enc), c.is_signed ? "s" : "u", c.a_width);
  if (const Module* built = d.find_module(name)) return *built;
  Module& m = d.add_module(name);
  describe_module(m, fmt::format("Digit encoder: a_i ({} bits, {}) as {} {} digits (one, two, neg).", c.a_width,
                                 c.is_signed ? "signed" : "unsigned", ND, arith::to_string(enc)));
  auto a_i = m.input("a_i", c.a_width);
  auto one_o = m.output("one_o", ND, "digit i is +-1, at [i]");
  auto two_o = m.output("two_o", ND, "digit i is +-2");
  auto neg_o = m.output("neg_o", ND, "digit i is negative");
  auto o = emit::emit_bitnet(m, opt2_encoder_net(c), "", {a_i});
  m.assign(one_o, o[0]);
  m.assign(two_o, o[1]);
  m.assign(neg_o, o[2]);
  return m;
}

const Module& build_opt2_encoder(Design& d, const DesignConfig& c) {
  const Module& digits = digit_encoder(d, c);
  Module& m = d.add_module(canonical_name(c) + "_enc");
  describe_module(m, fmt::format("OPT2 row encoder: {} A operands to {} digits each (one, two, neg), shared by "
                                 "the {} units of a grid row.", c.depth, opt2_digit_count(c), c.cols));
  const int K = c.depth, ND = opt2_digit_count(c);
  auto a_i = m.input("a_i", K * c.a_width, "a[k] at [k*WA +: WA]");
  auto one_o = m.output("d_one_o", K * ND, "digit i of a[k] is +-1, at [k*ND + i]");
  auto two_o = m.output("d_two_o", K * ND, "digit i of a[k] is +-2");
  auto neg_o = m.output("d_neg_o", K * ND, "digit i of a[k] is negative");
  for (int k = 0; k < K; ++k)
    m.instance({digits.name(), fmt::format("u_e{}", k), {},
                {{"a_i", bits(a_i, k * c.a_width, c.a_width)}, {"one_o", bits(one_o, k * ND, ND)},
                 {"two_o", bits(two_o, k * ND, ND)}, {"neg_o", bits(neg_o, k * ND, ND)}}});
  return m;
}

const Module& build_dot_unit(Design& d, const DesignConfig& c) {
  Module& m = d.add_module(canonical_name(c) + "_dot");
  describe_module(m, c.pe == "opt1"
                         ? fmt::format("OPT1 dot-product unit: {} products and the carry-save accumulator in one "
                                       "compressor tree, registered read-out adder.", c.depth)
                     : c.pe == "opt2"
                         ? fmt::format("OPT2 dot-product unit: selects {{0, +-B, +-2B}} per encoded digit, one "
                                       "compressor tree per digit weight over {} products, a final tree with the "
                                       "carry-save accumulator, registered read-out adder.", c.depth)
                         : fmt::format("Dot-product unit: {} multipliers, adder tree, accumulator.", c.depth));
  const int K = c.depth, ACC = c.acc_width;
  m.input("clk_i", 1);
  ReadoutAdder adder(d, c);
  if (c.pe == "opt2") {
    const int ND = opt2_digit_count(c);
    auto one_i = m.input("d_one_i", K * ND, "encoded a[k]: digit i is +-1, at [k*ND + i]");
    auto two_i = m.input("d_two_i", K * ND, "digit i of a[k] is +-2");
    auto neg_i = m.input("d_neg_i", K * ND, "digit i of a[k] is negative");
    auto b_i = m.input("b_i", K * c.b_width, "b[k] at [k*WB +: WB]");
    auto valid_i = m.input("valid_i", 1);
    auto first_i = m.input("first_i", 1);
    auto last_i = m.input("last_i", 1);
    auto c_o = m.output("c_o", ACC);
    build_opt2_dot_body(m, one_i, two_i, neg_i, b_i, valid_i, first_i, last_i, c_o, c, adder);
    return m;
  }
  auto a_i = m.input("a_i", K * c.a_width, "a[k] at [k*WA +: WA]");
  auto b_i = m.input("b_i", K * c.b_width, "b[k] at [k*WB +: WB]");
  auto valid_i = m.input("valid_i", 1);
  auto first_i = m.input("first_i", 1);
  auto last_i = m.input("last_i", 1);
  auto c_o = m.output("c_o", ACC);
  if (c.pe == "opt1") {
    build_opt1_dot_body(m, a_i, b_i, valid_i, first_i, last_i, c_o, c, adder);
    return m;
  }

  const int leaf_w = std::min(c.a_width + c.b_width, ACC);
  std::vector<ExprP> leaves;
  for (int k = 0; k < K; ++k) {
    auto p = m.wire(fmt::format("prod_{}", k),
                    mul(bits(a_i, k * c.a_width, c.a_width), bits(b_i, k * c.b_width, c.b_width),
                        c.a_width + c.b_width, c.is_signed));
    leaves.push_back(leaf_w == p->width ? p : m.wire(fmt::format("prod_{}_acc", k), resize(p, leaf_w, c.is_signed)));
  }
  auto tree = adder_tree(m, leaves, c);
  auto dot = m.wire("dot", resize(tree, ACC, c.is_signed));
  auto acc_q = m.reg("acc_q", ACC);
  auto sum = acc_add(m, "acc_sum", acc_q, dot, c);
  auto acc_d = m.wire("acc_d", mux(first_i, dot, sum));
  m.update(acc_q, acc_d, valid_i);
  auto c_q = m.reg("c_q", ACC);
  m.update(c_q, acc_d, m.wire("capture", band(valid_i, last_i)));
  m.assign(c_o, c_q);
  return m;
}

}  // namespace

Design build_dot_grid(const DesignConfig& c, const DotGridStyle& style) {
  Design d;
  declare_templates(d);
  const bool opt2 = c.pe == "opt2";
  const Module* enc = opt2 ? &build_opt2_encoder(d, c) : nullptr;
  const Module& unit = build_dot_unit(d, c);
  Module& m = d.add_module(core_name(c));
  describe_module(m, style.what);
  const int Mt = c.rows, Kt = c.depth, Nt = c.cols, WA = c.a_width, WB = c.b_width, ACC = c.acc_width;
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  m.input("a_i", Mt * Kt * WA, "A tile: A[m0+i][k0+k] at [(i*depth+k)*WA +: WA]");
  auto b_i = m.input("b_i", Kt * Nt * WB, "B tile: B[k0+k][n0+j] at [(k*cols+j)*WB +: WB]");
  ExprP w_load_i;
  if (style.held_weights) w_load_i = m.input("w_load_i", 1, "load b_i into the weight register", true);
  auto valid_i = m.input("valid_i", 1, "a_i (and b_i) carry one K tile", true);
  auto first_i = m.input("first_i", 1, "first K tile of an output tile");
  auto last_i = m.input("last_i", 1, "last K tile of an output tile");
  m.output("c_o", Mt * Nt * ACC, "C[m0+i][n0+j] at [(i*cols+j)*ACC +: ACC]");
  auto c_valid_o = m.output("c_valid_o", 1, "c_o holds a finished output tile", true);

  ExprP b = b_i;
  if (style.held_weights) {
    auto w_q = m.reg("w_q", Kt * Nt * WB);
    m.update(w_q, b_i, w_load_i);
    b = w_q;
  }
  // The slices of the grid loops are written with these names.
  const Param ncols = m.localparam("COLS", Nt, "units per grid row");
  const Param depth = m.localparam("DEPTH", Kt, "dot-product length");
  const Param wa = m.localparam("WA", WA, "A operand bits"), wb = m.localparam("WB", WB, "B operand bits");
  const Param acc = m.localparam("ACC", ACC, "result bits"), one{};

  // Column j of B made contiguous for unit (i, j): bt[(j*depth+k)*WB +: WB] = B[k][j].
  m.wire("b_cols", Kt * Nt * WB);
  Body& tj = m.generate_for("j", Nt, "g_bcol");
  Body& tk = nested_for(tj, "k", Kt, "g_bk");
  tk.assigns.push_back({slice("b_cols", wb, {{"j", depth}, {"k", one}}), slice(b->net, wb, {{"k", ncols}, {"j", one}})});

  // Valid follows the result: one register, plus one for the OPT1/OPT2 read-out adder.
  m.assign(c_valid_o, delay(m, "c_valid", band(valid_i, last_i), c.pe == "opt1" || opt2 ? 2 : 1, true));

  // OPT2: one encoder per grid row; its digits are broadcast to the row's units.
  const int ND = opt2 ? opt2_digit_count(c) : 0;
  if (opt2) {
    m.wire("dig_one", Mt * Kt * ND);
    m.wire("dig_two", Mt * Kt * ND);
    m.wire("dig_neg", Mt * Kt * ND);
  }
  Body& rows = m.generate_for("i", Mt, "g_row");
  Body& cols = nested_for(rows, "j", Nt, "g_col");
  Instance u{unit.name(), "u_dot", {}, {}, {"pe"}};
  auto b_col = slice("b_cols", wb, {{"j", depth}}, depth);  // b_cols[j*DEPTH*WB +: DEPTH*WB]
  auto c_ij = slice("c_o", acc, {{"i", ncols}, {"j", one}});
  if (opt2) {
    const Param nd = m.localparam("ND", ND, "radix-4 digits per A operand");
    auto digits = [&](const char* net) { return slice(net, nd, {{"i", depth}}, depth); };
    rows.instances.push_back({enc->name(), "u_enc", {}, {{"a_i", slice("a_i", wa, {{"i", depth}}, depth)},
                                                         {"d_one_o", digits("dig_one")},
                                                         {"d_two_o", digits("dig_two")},
                                                         {"d_neg_o", digits("dig_neg")}},
                                 {"encoder"}});
    u.conns = {{"clk_i", ref("clk_i", 1)}, {"d_one_i", digits("dig_one")}, {"d_two_i", digits("dig_two")},
               {"d_neg_i", digits("dig_neg")}, {"b_i", b_col}, {"valid_i", valid_i},
               {"first_i", first_i}, {"last_i", last_i}, {"c_o", c_ij}};
  } else {
    u.conns = {{"clk_i", ref("clk_i", 1)}, {"a_i", slice("a_i", wa, {{"i", depth}}, depth)},
               {"b_i", b_col}, {"valid_i", valid_i}, {"first_i", first_i}, {"last_i", last_i}, {"c_o", c_ij}};
  }
  cols.instances.push_back(std::move(u));
  wrap_in_pipeline(d, m, c);
  d.top = canonical_name(c);
  return d;
}

golden::ScheduleDescriptor dot_grid_schedule(const DesignConfig& c, const DotGridStyle& style) {
  golden::ScheduleDescriptor d = schedule_base(dot_grid_timing(c, style));
  d.order = golden::Order::KInner;
  d.tile_m = d.strip_rows = d.result_rows = c.rows;
  d.tile_n = c.cols;
  d.tile_k = c.depth;
  d.a = {c.rows, c.depth};
  d.b = {c.depth, c.cols, false, style.held_weights};
  // "w_load_i=1 copies b_i into the weight register at the end of the cycle; a_i multiplies
  // with the register's value": the next step's B loads while this step computes.
  d.weights = style.held_weights ? golden::Weights::NextStep : golden::Weights::WithStep;
  // c_o holds a tile until the next one: a collector writing its rows one per cycle needs that long.
  d.result_hold = c.rows;
  return d;
}

ArchDescriptor with_dot_grid_sim(ArchDescriptor d, const DotGridStyle& style) {
  d.driver = "dot_grid";
  d.held_weights = style.held_weights;
  d.schedule = [style](const DesignConfig& c) { return dot_grid_schedule(c, style); };
  d.axi_gemm = true;  // KInner, fixed latency, B with its step (NextStep for held weights)
  return d;
}

Timing dot_grid_timing(const DesignConfig& c, const DotGridStyle& style) {
  const int readout = c.pe == "opt1" || c.pe == "opt2" ? 1 : 0;  // the registered read-out adder
  const int io = c.in_regs + c.out_regs + readout;
  Timing t;
  t.dataflow = "dot-product grid";
  t.doc["feed"] = "one K tile per cycle with valid_i=1: a_i = A[m0..m0+rows)[k0..k0+depth), b_i = "
                  "B[k0..)[n0..n0+cols); first_i on the first K tile and last_i on the last of an output tile "
                  "(both on the same cycle when K <= depth); K and M/N beyond the matrix are fed as 0";
  t.doc["results"] = "c_o = the rows x cols output tile with c_valid_o=1, 1 + readout cycles after last_i (plus "
                     "pipeline stages); c_o holds until the next tile finishes";
  t.readout_adder_cycles = readout;
  t.latency_first_result_cycles = t.latency_last_result_cycles = 1 + io;
  t.peak_macs_per_cycle = c.rows * c.cols * c.depth;
  if (style.held_weights)
    t.doc["weights"] = "w_load_i=1 copies b_i into the weight register at the end of the cycle; a_i multiplies with "
                       "the register's value (so a tile may be loaded one cycle and used from the next on)";
  return t;
}

}  // namespace tpegen::arch
