// The OPT3 column (see opt3_column.hpp and opt4c.cpp for the protocol).
#include "arch/opt3_column.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/design_name.hpp"
#include "arch/schedule_base.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {

using namespace ir;

double expected_step_cycles(int operands) {
  // Share of int8 normal(0,30) operands that occupy an encoder 1, 2, 3, 4 cycles, cumulated.
  constexpr double kCumulative[] = {0.1593, 0.5565, 0.9361, 1.0};
  double e = 0, below = 0;
  for (int k = 1; k <= 4; ++k) {
    const double at_most = std::pow(kCumulative[k - 1], operands);
    e += k * (at_most - below);
    below = at_most;
  }
  return e;
}

double variable_latency_macs(int operands, int cols, std::string* note) {
  // A lock-step k step lasts as long as its slowest operand.
  const double cycles = expected_step_cycles(operands);
  if (note)
    *note = fmt::format("estimate: rows*cols*depth/{:.2f} ({:.2f} cycles per step of {} operands, {})", cycles,
                        cycles, operands, kMacsEstimateData);
  return operands * static_cast<double>(cols) / cycles;
}

int ent_digit_positions(const DesignConfig& c) { return arith::ent_digit_count(c.a_width, c.is_signed); }

void require_no_pipeline(const DesignConfig& c) {
  // a_ready_o would describe a past state of the encoder.
  if (c.in_regs != 0)
    throw ConfigError(fmt::format("invalid --in-regs = {}: architecture {} has a valid/ready handshake; valid range is 0..0", c.in_regs, c.arch));
  if (c.out_regs != 0)
    throw ConfigError(fmt::format("invalid --out-regs = {}: architecture {} has a valid/ready handshake; valid range is 0..0", c.out_regs, c.arch));
}

std::vector<ExprP> emit_digit_codes(Module& m, const ExprP& x, const std::string& name, arith::Encoding encoding,
                                    bool is_signed) {
  arith::BitNet net;
  auto bits_in = net.add_input(name, x->width);
  const auto digits = encoding == arith::Encoding::Booth ? arith::booth_encode(net, bits_in, is_signed)
                                                         : arith::ent_encode(net, bits_in, is_signed);
  std::vector<arith::NodeId> nz, two, neg;
  for (auto& dg : digits) {
    nz.push_back(net.bor(dg.one, dg.two));
    two.push_back(dg.two);
    neg.push_back(dg.neg);
  }
  net.add_output("nz", nz);
  net.add_output("two", two);
  net.add_output("neg", neg);
  return emit::emit_bitnet(m, net, "e_", {x});
}

ExprP reduce_or(const ExprP& v) { return bnot(eq(v, constant(v->width, 0))); }

void mark_unused_positions(Module& m, const ExprP& pos_i, const DesignConfig& c) {
  const int used = (c.acc_width + 1) / 2, nd = pos_i->width;  // position p has weight 4^p
  if (used < nd) m.wire("unused_pos", bits(pos_i, used, nd - used));
}

const Module& build_sparse_encoder(Design& d, const DesignConfig& c, arith::Encoding encoding, bool gated) {
  const bool booth = encoding == arith::Encoding::Booth;
  Module& m = d.add_module(canonical_name(c) + "_enc");
  describe_module(m,
                  fmt::format("Sparse {} encoder: takes A on a valid/ready handshake, emits its non-zero digits one "
                              "per cycle as (one-hot position, two, neg){}; a zero operand takes one cycle without a digit.",
                              booth ? "Booth" : "EN-T", gated ? ", each until adv_i" : ""));
  const int ND = booth ? arith::booth_digit_count(c.a_width, c.is_signed) : ent_digit_positions(c);
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a_i = m.input("a_i", c.a_width, "A operand");
  auto a_valid_i = m.input("a_valid_i", 1, "a_i/first_i/last_i hold an operand", true);
  auto first_i = m.input("first_i", 1, "the operand is k = 0 of a dot product");
  auto last_i = m.input("last_i", 1, "the operand is the last k of a dot product");
  ExprP adv_i = gated ? m.input("adv_i", 1, "every PE issues its last B term this cycle: move to the next digit") : nullptr;
  auto a_ready_o = m.output("a_ready_o", 1, "the operand is taken at this clock edge when a_valid_i", true);
  auto take_o = m.output("take_o", 1, "handshake: PEs latch their B operand");
  auto step_o = m.output("step_o", 1, "a digit cycle: PEs update their accumulators");
  auto clr_o = m.output("clr_o", 1, "first cycle of a first operand: PEs drop their accumulators");
  auto pos_o = m.output("pos_o", ND, "one-hot position w of the digit (weight 4^w); 0: no digit");
  auto two_o = m.output("two_o", 1, "|digit| = 2 (else 1)");
  auto neg_o = m.output("neg_o", 1, "digit < 0");
  auto done_o = m.output("done_o", 1, "this cycle emits the operand's last digit");
  auto res_o = m.output("res_o", 1, "done_o of a last operand: results resolve next cycle");

  // Combinational encoder of the incoming operand.
  auto enc = emit_digit_codes(m, a_i, "a", encoding, c.is_signed);

  auto busy_q = m.reg("busy_q", 1);
  auto mask_q = m.reg("mask_q", ND);
  auto two_q = m.reg("two_q", ND);
  auto neg_q = m.reg("neg_q", ND);
  auto first_q = m.reg("first_q", 1);
  auto last_q = m.reg("last_q", 1);

  // Lowest pending digit (one-hot) and the digits after it.
  auto low = m.wire("low", band(mask_q, add(bnot(mask_q), constant(ND, 1))));
  auto rest = m.wire("rest", band(mask_q, bnot(low)));
  auto rest_zero = m.wire("rest_zero", eq(rest, constant(ND, 0)));
  // fin: the operand's last cycle (gated: its last digit is held until adv_i; a zero
  // operand, mask_q = 0 while busy, ends at once).
  ExprP fin = rest_zero;
  if (gated) fin = m.wire("fin", band(rest_zero, bor(adv_i, eq(mask_q, constant(ND, 0)))));
  auto ready = m.wire("ready", bor(bnot(busy_q), fin));
  auto take = m.wire("take", band(a_valid_i, ready));
  auto sel = m.wire("sel", band(low, replicate(ND, busy_q)));
  auto done = m.wire("done", band(busy_q, fin));

  m.update_with_reset(busy_q, bor(take, band(busy_q, bnot(fin))), 0);
  m.update(mask_q, mux(take, enc[0], gated ? mux(adv_i, rest, mask_q) : rest));
  m.update(two_q, enc[1], take);
  m.update(neg_q, enc[2], take);
  m.update(first_q, mux(take, first_i, constant(1, 0)));
  m.update(last_q, last_i, take);

  m.assign(a_ready_o, ready);
  m.assign(take_o, take);
  m.assign(step_o, busy_q);
  m.assign(clr_o, band(busy_q, first_q));
  m.assign(pos_o, sel);
  m.assign(two_o, reduce_or(band(sel, two_q)));
  m.assign(neg_o, reduce_or(band(sel, neg_q)));
  m.assign(done_o, done);
  m.assign(res_o, band(done, last_q));
  return m;
}

namespace {

const Module& build_pe(Design& d, const DesignConfig& c) {
  Module& m = d.add_module(canonical_name(c) + "_pe");
  describe_module(m,
                  "OPT3 PE: {sum, carry} += (+-B or +-2B) * 4^pos through one full-adder row (3:2 CSA) "
                  "per non-zero digit; B latched on the encoder's handshake.");
  const int ND = ent_digit_positions(c), ACC = c.acc_width, WB = c.b_width;
  m.input("clk_i", 1);
  auto b_i = m.input("b_i", WB, "B[k][n0+j], latched when take_i");
  auto take_i = m.input("take_i", 1);
  auto step_i = m.input("step_i", 1);
  auto clr_i = m.input("clr_i", 1);
  auto pos_i = m.input("pos_i", ND);
  auto two_i = m.input("two_i", 1);
  auto neg_i = m.input("neg_i", 1);
  auto s_o = m.output("s_o", ACC, "carry-save accumulator: sum");
  auto c_o = m.output("c_o", ACC, "carry-save accumulator: carry");

  auto b_q = m.reg("b_q", WB);
  m.update(b_q, b_i, take_i);
  // |digit| * B in WB+1 bits, extended to the accumulator.
  auto mag = m.wire("mag", mux(two_i, concat({b_q, constant(1, 0)}), resize(b_q, WB + 1, c.is_signed)));
  auto x = m.wire("x", resize(mag, ACC, c.is_signed));
  ExprP shifted;
  for (int p = 0; p < ND && 2 * p < ACC; ++p) {
    ExprP v = p == 0 ? x : concat({bits(x, 0, ACC - 2 * p), constant(2 * p, 0)});
    ExprP t = band(v, replicate(ACC, bits(pos_i, p, 1)));
    shifted = shifted ? bor(shifted, t) : t;
  }
  auto pp = m.wire("pp", bxor(shifted, replicate(ACC, neg_i)));

  auto s_q = m.reg("s_q", ACC);
  auto c_q = m.reg("c_q", ACC);
  auto keep = replicate(ACC, bnot(clr_i));
  auto s_in = m.wire("s_in", band(s_q, keep));
  auto c_in = m.wire("c_in", band(c_q, keep));
  // One full-adder row: sum = s ^ c ^ pp, carry = majority(s, c, pp) << 1 (+ neg at bit 0).
  auto fa_s = m.wire("fa_s", bxor(bxor(s_in, c_in), pp));
  auto fa_c = m.wire("fa_c", bor(bor(band(s_in, c_in), band(s_in, pp)), band(c_in, pp)));
  ExprP carry = ACC > 1 ? concat({bits(fa_c, 0, ACC - 1), neg_i}) : neg_i;
  m.update(s_q, fa_s, step_i);
  m.update(c_q, carry, step_i);
  if (ACC > 1) m.wire("unused_fa_c", bits(fa_c, ACC - 1, 1));
  if (ACC < WB + 1) m.wire("unused_mag", bits(mag, ACC, WB + 1 - ACC));  // narrow wrapping accumulator
  mark_unused_positions(m, pos_i, c);
  m.assign(s_o, s_q);
  m.assign(c_o, c_q);
  return m;
}

}  // namespace

ColumnTop build_column_top(Design& d, const DesignConfig& c, const Module& enc, int nd, const std::string& what,
                           bool gated, int per_row) {
  Module& m = d.add_module(canonical_name(c));
  describe_module(m, what);
  const int R = c.rows, E = per_row, Q = R * E, C = c.cols, WA = c.a_width, WB = c.b_width, ACC = c.acc_width;
  if (gated && Q != 1) throw std::logic_error("build_column_top: a gated (Laconic) column has one encoder");
  if (c.inject_bug == "lockstep" && Q == 1)
    throw ConfigError("invalid --inject-bug = 'lockstep': the design has one encoder (needs --rows or --depth > 1)");
  // Q = 1 keeps the single-encoder netlist (scalar control wires, no encoder loop).
  const bool single = Q == 1;
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  const std::string a_doc = single ? "A[m][k]"
                            : R == 1 ? "A[m][k0+e] at bits [e*WA +: WA]"
                            : E == 1 ? "A[m0+i][k] for row i at bits [i*WA +: WA]"
                                     : fmt::format("A[m0+i][k0+e] at bits [(i*{}+e)*WA +: WA]", E);
  auto a_i = m.input("a_i", Q * WA, a_doc);
  auto a_valid_i = m.input("a_valid_i", 1, "a_i, b_i, first_i, last_i hold one k step", true);
  auto first_i = m.input("first_i", 1, single ? "k = 0 of the dot products" : "the first k step of the dot products");
  auto last_i = m.input("last_i", 1, single ? "the last k of the dot products" : "the last k step of the dot products");
  m.input("b_i", C * E * WB,
          E == 1 ? "B[k][n0+j] for column j at bits [j*WB +: WB], taken with a_i"
                 : fmt::format("B[k0+e][n0+j] at bits [(j*{}+e)*WB +: WB], taken with a_i", E));
  auto a_ready_o = m.output("a_ready_o", 1, "the k step is taken at this clock edge when a_valid_i", true);
  m.output("c_o", R * C * ACC,
           R == 1 ? "C[m][n0+j] at bits [j*ACC +: ACC]" : fmt::format("C[m0+i][n0+j] at bits [(i*{}+j)*ACC +: ACC]", C));
  m.output("c_valid_o", 1, R == 1 ? "c_o holds a new result row (one cycle)" : "c_o holds a new result tile (one cycle)",
           true);

  ColumnTop t;
  t.m = &m;
  t.rows = R;
  t.per_row = E;
  // The slices of the PE loop are written with these names.
  t.acc = m.localparam("ACC", ACC, "result bits");
  t.wb = m.localparam("WB", WB, "B operand bits");
  if (R > 1) t.cols = m.localparam("COLS", C, "PEs per row");
  if (E > 1) t.e = m.localparam("E", E, "operands per row and k step");
  const ir::Param wa = single ? ir::Param{} : m.localparam("WA", WA, "A operand bits");
  auto take = m.wire(single ? "take" : "unused_take", Q);
  t.step = m.wire("step", Q);
  t.clr = m.wire("clr", Q);
  t.pos = m.wire("pos", Q * nd);
  t.two = m.wire("two", Q);
  t.neg = m.wire("neg", Q);
  auto done = m.wire("done", Q);
  auto res = m.wire("res", Q);
  if (gated) {
    t.lasts = m.wire("lasts", C);
    // Lock step: the A digit advances when every PE is on its last B term.
    t.adv = m.wire("adv", eq(bnot(t.lasts), constant(C, 0)));
  }
  m.wire("unused_done", done);
  ExprP ready = a_ready_o, go = a_valid_i;
  t.take = take;
  t.res = res;
  if (!single) {
    ready = m.wire("ready", Q);
    auto all_ready = m.wire("all_ready", eq(bnot(ready), constant(Q, 0)));
    // (--inject-bug lockstep, test only: every encoder takes on its own ready.)
    go = m.wire("go", c.inject_bug == "lockstep" ? a_valid_i : band(a_valid_i, all_ready));
    t.take = go;  // the encoders' own take_o equal go
    t.res = m.wire("res_all", band(all_ready, reduce_or(res)));
    m.assign(a_ready_o, all_ready);
  }
  // Encoder q serves A operand q of the step (row q / E, k offset q % E).
  auto at = [&](const ExprP& v, int w) { return single ? v : slice(v->net, {{"q", w}}, 0, w); };
  Instance e{enc.name(), "u_enc", {}, {}, {"encoder"}};
  e.conns = {{"clk_i", ref("clk_i", 1)}, {"rst_ni", ref("rst_ni", 1)}, {"a_i", single ? a_i : slice("a_i", wa, {{"q", {}}})},
             {"a_valid_i", go},          {"first_i", first_i},         {"last_i", last_i}};
  if (gated) e.conns.emplace_back("adv_i", t.adv);
  const std::vector<std::pair<std::string, ExprP>> outs = {
      {"a_ready_o", at(ready, 1)}, {"take_o", at(take, 1)}, {"step_o", at(t.step, 1)}, {"clr_o", at(t.clr, 1)},
      {"pos_o", at(t.pos, nd)},    {"two_o", at(t.two, 1)}, {"neg_o", at(t.neg, 1)},   {"done_o", at(done, 1)},
      {"res_o", at(res, 1)}};
  for (auto& o : outs) e.conns.push_back(o);
  if (single)
    m.instance(std::move(e));
  else
    m.generate_for("q", Q, "g_enc").instances.push_back(std::move(e));
  return t;
}

Body& column_pe_loop(const ColumnTop& t, const DesignConfig& c) {
  if (t.rows == 1) return t.m->generate_for("j", c.cols, "g_col");
  Body& rows = t.m->generate_for("i", t.rows, "g_row");
  rows.loops.push_back(GenerateFor{"j", c.cols, "g_col", {}});
  return rows.loops.back().body;
}

Instance column_pe(const Module& pe, const ColumnTop& t, std::vector<std::pair<std::string, ExprP>> more) {
  // Row i's E digit streams (all of them with one row).
  auto row = [&](const ExprP& v) {
    const int w = v->width / t.rows;
    return t.rows == 1 ? v : slice(v->net, {{"i", w}}, 0, w);
  };
  Instance p{pe.name(), "u_pe", {}, {}, {"pe"}};
  p.conns = {{"clk_i", ref("clk_i", 1)},
             {"b_i", slice("b_i", t.wb, {{"j", t.e}}, t.e)},
             {"take_i", t.take},
             {"step_i", row(t.step)},
             {"clr_i", row(t.clr)},
             {"pos_i", row(t.pos)},
             {"two_i", row(t.two)},
             {"neg_i", row(t.neg)}};
  for (auto& x : more) p.conns.push_back(std::move(x));
  return p;
}

ExprP column_pe_slice(const ColumnTop& t, const std::string& name) {
  if (t.rows == 1) return slice(name, t.acc, {{"j", {}}});
  return slice(name, t.acc, {{"i", t.cols}, {"j", {}}});
}

void column_readout(Module& m, const ExprP& res, const DesignConfig& c, const std::function<ExprP()>& result) {
  const int W = c.rows * c.cols * c.acc_width;
  auto rd_q = m.reg("rd_q", 1);
  auto c_q = m.reg("c_q", W);
  auto c_valid_q = m.reg("c_valid_q", 1);
  auto value = result();
  m.update_with_reset(rd_q, res, 0);
  m.update(c_q, value, rd_q);
  m.update_with_reset(c_valid_q, rd_q, 0);
  m.assign(ref("c_o", W), c_q);
  m.assign(ref("c_valid_o", 1), c_valid_q);
}

Design build_column_design(const DesignConfig& c, const std::string& what, int per_row, const ColumnPeBuilder& build_pe) {
  require_no_pipeline(c);
  Design d;
  const Module& enc = build_sparse_encoder(d, c, arith::Encoding::Ent, false);
  const Module& pe = build_pe(d, c);
  const int P = c.rows * c.cols, ACC = c.acc_width;
  const ColumnTop t = build_column_top(d, c, enc, ent_digit_positions(c), what, false, per_row);
  Module& m = *t.m;

  m.wire("acc_s", P * ACC);
  m.wire("acc_c", P * ACC);
  column_pe_loop(t, c).instances.push_back(
      column_pe(pe, t, {{"s_o", column_pe_slice(t, "acc_s")}, {"c_o", column_pe_slice(t, "acc_c")}}));

  // Read-out: the cycle after the last digit of a last step, each PE's sum + carry goes
  // through its adder into c_q (the accumulators may already take the next operand).
  column_readout(m, t.res, c, [&] {
    std::vector<ExprP> sums;
    for (int p = P - 1; p >= 0; --p) {
      sums.push_back(acc_add(m, fmt::format("ro{}_sum", p), slice("acc_s", p * ACC, ACC), slice("acc_c", p * ACC, ACC), c));
      m.blocks.push_back({{"readout"}, fmt::format("ro{}_sum", p)});
    }
    return concat(sums);
  });
  d.top = canonical_name(c);
  return d;
}

Design build_opt3_column(const DesignConfig& c, const std::string& what) {
  return build_column_design(c, what, 1, build_pe);
}

Timing opt3_column_timing(const DesignConfig& c, int per_row) {
  require_no_pipeline(c);
  const int R = c.rows, E = per_row, Q = R * E, ND = ent_digit_positions(c);
  // One encoder (Q = 1) keeps the single column's wording; R rows of E encoders work in lock
  // step (build_column_top).
  const bool single = Q == 1;
  const std::string a_feed = single   ? "a_i = A[m][k]"
                             : R == 1 ? fmt::format("a_i[e*WA +: WA] = A[m][k0+e] (e < {})", E)
                             : E == 1 ? fmt::format("a_i[i*WA +: WA] = A[m0+i][k] (i < {})", R)
                                      : fmt::format("a_i[(i*{0}+e)*WA +: WA] = A[m0+i][k0+e] (i < {1}, e < {0})", E, R);
  const std::string b_feed = E == 1 ? "b_i[j] = B[k][n0+j]" : fmt::format("b_i[(j*{0}+e)*WB +: WB] = B[k0+e][n0+j]", E);
  Timing t;
  t.protocol = "valid_ready";
  t.dataflow = single ? "output-stationary column; A streamed through one shared sparse EN-T encoder (OPT4C of OPT3 PEs)"
                      : fmt::format("output-stationary columns; {} row(s) of A, {} operand(s) of a row per step, "
                                    "each operand through its own sparse EN-T encoder, {} encoders in lock step",
                                    R, E, Q);
  t.doc["feed"] =
      fmt::format("valid/ready: present {}, {}, {} with a_valid_i=1 and hold them until a cycle with a_ready_o=1: the "
                  "step is taken at that clock edge. a_ready_o depends on registers only (never on a_valid_i). B is "
                  "latched in the PEs on the same handshake. Columns beyond N are fed B = 0{}{}. Idle cycles "
                  "(a_valid_i=0) are allowed anywhere; first_i and last_i are only read with a taken step.",
                  a_feed, b_feed,
                  single ? "first_i (k = 0) and last_i (final k; both on one step when K = 1)"
                         : "first_i (first k step) and last_i (final k step; both on one step when there is one)",
                  R > 1 ? ", rows beyond M A = 0" : "",
                  E > 1 ? fmt::format(", and a K that is not a multiple of {} is padded with A = B = 0", E) : "");
  t.doc["k_range"] = E == 1 ? "any K >= 1 (software), any M (software); accumulators hold sums of up to max_k products "
                              "exactly"
                            : fmt::format("any K >= 1 (software, ceil(K/{}) steps), any M (software); accumulators "
                                          "hold sums of up to max_k products exactly", E);
  t.serial_digits = "ent";
  t.a_digit_positions = ND;
  t.doc["digits"] = fmt::format("{} for max(1, number of non-zero EN-T digits) cycles (a zero operand: one cycle "
                                "without a partial product)",
                                single ? "the operand occupies the encoder" : "an operand occupies its encoder");
  t.doc["ready"] = single ? "a_ready_o is 1 when the encoder is idle or emits the last digit of its operand, so "
                            "operands follow each other without bubbles: an operand taken at edge T makes a_ready_o=1 "
                            "again in cycle T + max(1, nnz)"
                          : fmt::format("the {0} encoders work in lock step: a_ready_o is 1 when every encoder is "
                                        "idle or emits the last digit of its operand, so a step taken at edge T makes "
                                        "a_ready_o=1 again in cycle T + L, L = max over the step's {0} operands of "
                                        "max(1, nnz)", Q);
  t.step_cycles_min = 1;
  t.step_cycles_max = std::max(1, ND);
  t.doc["results"] = R == 1 ? "one result row per dot product: c_o[j*ACC +: ACC] = C[m][n0+j] with c_valid_o=1 for "
                              "one cycle, held until the next row; rows leave in feed order"
                            : fmt::format("one result tile per {} rows: c_o[(i*{}+j)*ACC +: ACC] = C[m0+i][n0+j] with "
                                          "c_valid_o=1 for one cycle, held until the next tile; tiles leave in feed "
                                          "order", R, c.cols);
  t.doc["latency"] = single ? "variable: with the last operand taken at edge T, the result row is on c_o (c_valid_o=1) "
                              "in cycle T + 2 + max(1, nnz(A[m][K-1])) (the digit cycles, the accumulator update and "
                              "the registered read-out adder)"
                            : "variable: with the last step taken at edge T, the result is on c_o (c_valid_o=1) in "
                              "cycle T + 2 + L, L as for ready (the L digit cycles, the accumulator update and the "
                              "registered read-out adder)";
  t.readout_adder_cycles = 1;
  t.latency_first_result_cycles = 2 + t.step_cycles_min;
  t.latency_last_result_cycles = 2 + t.step_cycles_max;
  t.peak_macs_per_cycle = static_cast<double>(Q) * c.cols;  // every operand with at most one non-zero digit
  return t;
}

golden::ScheduleDescriptor opt3_column_schedule(const DesignConfig& c, const Timing& t, int per_row) {
  golden::ScheduleDescriptor d = schedule_base(t);
  d.order = golden::Order::KInner;
  d.tile_m = d.strip_rows = d.result_rows = c.rows;
  d.tile_n = c.cols;
  d.tile_k = per_row;
  d.a = {c.rows, per_row};
  d.b = {per_row, c.cols, true, true};  // B[k0+e][n0+j] at j*E + e, latched on the handshake
  // Handshakes do not bound how soon results follow each other: a tile of R rows must stay on
  // c_o for R cycles (a collector writing a row per cycle) even after a short step.
  if (c.rows > 1) d.result_hold = c.rows + t.step_cycles_max - t.step_cycles_min;
  return d;
}

}  // namespace tpegen::arch
