// The OPT3 column (see opt3_column.hpp and opt4c.cpp for the protocol).
#include "arch/opt3_column.hpp"

#include <fmt/format.h>

#include "arch/common.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {

using namespace ir;

namespace {

int digit_count(const DesignConfig& c) { return arith::ent_digit_count(c.a_width, c.is_signed); }

}  // namespace

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
                              booth ? "Booth" : "EN-T", gated ? ", each until adv_i" : ""),
                  c);
  const int ND = booth ? arith::booth_digit_count(c.a_width, c.is_signed) : digit_count(c);
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
                  "per non-zero digit; B latched on the encoder's handshake.",
                  c);
  const int ND = digit_count(c), ACC = c.acc_width, WB = c.b_width;
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
                           bool gated) {
  Module& m = d.add_module(canonical_name(c));
  describe_module(m, what, c);
  const int C = c.cols, WB = c.b_width, ACC = c.acc_width;
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a_i = m.input("a_i", c.a_width, "A[m][k]");
  auto a_valid_i = m.input("a_valid_i", 1, "a_i, b_i, first_i, last_i hold one k step", true);
  auto first_i = m.input("first_i", 1, "k = 0 of the dot products");
  auto last_i = m.input("last_i", 1, "the last k of the dot products");
  m.input("b_i", C * WB, "B[k][n0+j] for column j at bits [j*WB +: WB], taken with a_i");
  auto a_ready_o = m.output("a_ready_o", 1, "the k step is taken at this clock edge when a_valid_i", true);
  m.output("c_o", C * ACC, "C[m][n0+j] at bits [j*ACC +: ACC]");
  m.output("c_valid_o", 1, "c_o holds a new result row (one cycle)", true);

  ColumnTop t;
  t.m = &m;
  t.take = m.wire("take", 1);
  t.step = m.wire("step", 1);
  t.clr = m.wire("clr", 1);
  t.pos = m.wire("pos", nd);
  t.two = m.wire("two", 1);
  t.neg = m.wire("neg", 1);
  auto done = m.wire("done", 1);
  t.res = m.wire("res", 1);
  if (gated) {
    t.lasts = m.wire("lasts", C);
    // Lock step: the A digit advances when every PE is on its last B term.
    t.adv = m.wire("adv", eq(bnot(t.lasts), constant(C, 0)));
  }
  m.wire("unused_done", done);
  Instance e{enc.name(), "u_enc", {}, {}};
  e.conns = {{"clk_i", ref("clk_i", 1)}, {"rst_ni", ref("rst_ni", 1)}, {"a_i", a_i},
             {"a_valid_i", a_valid_i},   {"first_i", first_i},         {"last_i", last_i}};
  if (gated) e.conns.emplace_back("adv_i", t.adv);
  const std::vector<std::pair<std::string, ExprP>> outs = {
      {"a_ready_o", a_ready_o}, {"take_o", t.take}, {"step_o", t.step}, {"clr_o", t.clr}, {"pos_o", t.pos},
      {"two_o", t.two},         {"neg_o", t.neg},   {"done_o", done},   {"res_o", t.res}};
  for (auto& o : outs) e.conns.push_back(o);
  m.instance(std::move(e));
  return t;
}

Instance column_pe(const Module& pe, const ColumnTop& t, const DesignConfig& c,
                   std::vector<std::pair<std::string, ExprP>> more) {
  Instance p{pe.name(), "u_pe", {}, {}};
  p.conns = {{"clk_i", ref("clk_i", 1)},
             {"b_i", slice("b_i", {{"j", c.b_width}}, 0, c.b_width)},
             {"take_i", t.take},
             {"step_i", t.step},
             {"clr_i", t.clr},
             {"pos_i", t.pos},
             {"two_i", t.two},
             {"neg_i", t.neg}};
  for (auto& x : more) p.conns.push_back(std::move(x));
  return p;
}

void column_readout(Module& m, const ExprP& res, const DesignConfig& c, const std::function<ExprP()>& result) {
  auto rd_q = m.reg("rd_q", 1);
  auto c_q = m.reg("c_q", c.cols * c.acc_width);
  auto c_valid_q = m.reg("c_valid_q", 1);
  auto value = result();
  m.update_with_reset(rd_q, res, 0);
  m.update(c_q, value, rd_q);
  m.update_with_reset(c_valid_q, rd_q, 0);
  m.assign(ref("c_o", c.cols * c.acc_width), c_q);
  m.assign(ref("c_valid_o", 1), c_valid_q);
}

Design build_opt3_column(const DesignConfig& c, const std::string& what) {
  require_no_pipeline(c);
  Design d;
  const Module& enc = build_sparse_encoder(d, c, arith::Encoding::Ent, false);
  const Module& pe = build_pe(d, c);
  const int C = c.cols, ACC = c.acc_width;
  const ColumnTop t = build_column_top(d, c, enc, digit_count(c), what, false);
  Module& m = *t.m;

  m.wire("acc_s", C * ACC);
  m.wire("acc_c", C * ACC);
  Body& cols = m.generate_for("j", C, "g_col");
  cols.instances.push_back(column_pe(pe, t, c, {{"s_o", slice("acc_s", {{"j", ACC}}, 0, ACC)},
                                               {"c_o", slice("acc_c", {{"j", ACC}}, 0, ACC)}}));

  // Read-out: the cycle after the last digit of a last operand, each column's sum + carry
  // goes through its adder into c_q (the accumulators may already take the next operand).
  column_readout(m, t.res, c, [&] {
    std::vector<ExprP> sums;
    for (int j = C - 1; j >= 0; --j)
      sums.push_back(acc_add(m, fmt::format("ro{}_sum", j), slice("acc_s", j * ACC, ACC), slice("acc_c", j * ACC, ACC), c));
    return concat(sums);
  });
  d.top = canonical_name(c);
  return d;
}

nlohmann::json opt3_column_timing(const DesignConfig& c) {
  require_no_pipeline(c);
  return {
      {"dataflow", "output-stationary column; A streamed through one shared sparse EN-T encoder (OPT4C of OPT3 PEs)"},
      {"feed",
       "valid/ready: present a_i = A[m][k], b_i[j] = B[k][n0+j], first_i (k = 0) and last_i (final k) with "
       "a_valid_i=1 and hold them until a cycle with a_ready_o=1: the step is taken at that clock edge. "
       "a_ready_o depends on registers only (never on a_valid_i). B is latched in the PEs on the same handshake. "
       "Columns beyond N are fed B = 0. Idle cycles (a_valid_i=0) are allowed anywhere."},
      {"k_range", "any K >= 1 (software), any M (software); accumulators hold sums of up to max_k products exactly"},
      {"digits_per_operand", fmt::format("EN-T digits of A: {} positions; the operand occupies the encoder for "
                                         "max(1, number of non-zero digits) cycles (a zero operand: one cycle "
                                         "without a partial product)", digit_count(c))},
      {"ready", "a_ready_o is 1 when the encoder is idle or emits the last digit of its operand, so operands "
                "follow each other without bubbles: an operand taken at edge T makes a_ready_o=1 again in "
                "cycle T + max(1, nnz)"},
      {"results", "one result row per dot product: c_o[j*ACC +: ACC] = C[m][n0+j] with c_valid_o=1 for one cycle, "
                  "held until the next row; rows leave in feed order"},
      {"latency", "variable: the result row appears 2 + max(1, nnz(A[m][K-1])) clock edges after the edge that took "
                  "the last operand (the digit cycles, the accumulator update and the registered read-out adder)"},
      {"readout_adder_cycles", 1},
      {"latency_first_result_cycles", 3},
      {"latency_first_result", "the minimum latency: last operand with at most one non-zero digit"},
      {"latency_max_cycles", 2 + std::max(1, digit_count(c))},
      {"macs_per_cycle", "cols / (average cycles per A operand): about cols/2 for int8 normal data"},
  };
}


}  // namespace tpegen::arch
