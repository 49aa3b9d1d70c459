// Bit-slice (spec §3 "Bit-slice", §4 OPT3): a column of N = cols PEs fed by one sparse
// encoder of the A stream (valid/ready handshake, M and K software, N hardware), in two
// PE variants so that the paper's comparison can be made on one interface:
//
// laconic (the baseline, after Laconic, Sharify et al., ISCA 2019): both operands are Booth
// terms (arith::booth_terms: each non-zero radix-4 Booth digit is +-2^e). The shared encoder
// (build_sparse_encoder, Booth, gated) emits A's terms; each PE Booth-encodes its own B on
// the handshake and walks its terms; one term pair per cycle adds +-2^(ea+eb) (a one-hot
// shift, arith::term_pair_net) to a binary accumulator. The column runs in lock step, as
// Laconic's PEs do: an A term stays on the broadcast until every PE has issued its last B
// term against it (adv = AND of the PEs' last flags), so an operand takes
// nnz(A) * max(1, max_j nnz(B_j)) cycles (one if A = 0) and a PE with fewer B terms idles.
// The cost of the lock step: idle PE cycles (the column waits for its densest B) and an
// N-input AND in the encoder's advance path; per-PE ready would need a FIFO of A terms per
// PE and per-PE completion tracking, more area than the PEs themselves.
//
// opt3 (the paper's bit-weight version): B bit-parallel, A as its non-zero EN-T digits one
// per cycle into a carry-save accumulator: the OPT4C column of opt3_column.hpp as it is.
//
// Default size: the spec gives no bit-slice array size, so N = 16 PEs.
#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/opt3_column.hpp"
#include "arch/registry.hpp"
#include "arith/booth_terms.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {
namespace {

using namespace ir;

int a_digits(const DesignConfig& c) { return arith::booth_digit_count(c.a_width, c.is_signed); }
int b_digits(const DesignConfig& c) { return arith::booth_digit_count(c.b_width, c.is_signed); }

const Module& build_laconic_pe(Design& d, const DesignConfig& c) {
  Module& m = d.add_module(canonical_name(c) + "_pe");
  describe_module(m,
                  "Laconic PE: B Booth-encoded on the handshake; per cycle one (A term, B term) pair adds "
                  "+-2^(ea+eb) to a binary accumulator; the B terms restart for every A term.");
  const int NA = a_digits(c), NB = b_digits(c), ACC = c.acc_width, WB = c.b_width;
  m.input("clk_i", 1);
  auto b_i = m.input("b_i", WB, "B[k][n0+j], encoded and latched when take_i");
  auto take_i = m.input("take_i", 1);
  auto step_i = m.input("step_i", 1);
  auto clr_i = m.input("clr_i", 1);
  auto adv_i = m.input("adv_i", 1, "the column moves to the next A term: restart the B terms");
  auto pos_i = m.input("pos_i", NA, "A term: one-hot Booth digit position");
  auto two_i = m.input("two_i", 1);
  auto neg_i = m.input("neg_i", 1);
  auto last_o = m.output("last_o", 1, "this cycle's B term is the last against the current A term (or there is none)");
  auto acc_o = m.output("acc_o", ACC, "binary accumulator");

  // Booth encoder of B: non-zero digit mask and |d| = 2 / negative per digit.
  auto e = emit_digit_codes(m, b_i, "b", arith::Encoding::Booth, c.is_signed);

  auto mask_q = m.reg("mask_q", NB);
  auto two_q = m.reg("two_q", NB);
  auto neg_q = m.reg("neg_q", NB);
  auto pend_q = m.reg("pend_q", NB);  // B terms still to pair with the current A term
  m.update(mask_q, e[0], take_i);
  m.update(two_q, e[1], take_i);
  m.update(neg_q, e[2], take_i);
  auto low = m.wire("low", band(pend_q, add(bnot(pend_q), constant(NB, 1))));
  auto rest = m.wire("rest", band(pend_q, bnot(low)));
  m.update(pend_q, mux(take_i, e[0], mux(adv_i, mask_q, rest)));
  m.assign(last_o, eq(rest, constant(NB, 0)));

  arith::BitNet pair = arith::term_pair_net(NA, NB, ACC);
  mark_unused_positions(m, pos_i, c);
  auto b_two = m.wire("b_two", reduce_or(band(low, two_q)));
  auto b_neg = m.wire("b_neg", reduce_or(band(low, neg_q)));
  auto addend = emit::emit_bitnet(m, pair, "t_", {pos_i, two_i, neg_i, low, b_two, b_neg})[0];
  auto acc_q = m.reg("acc_q", ACC);
  auto acc_in = m.wire("acc_in", band(acc_q, replicate(ACC, bnot(clr_i))));
  m.update(acc_q, acc_add(m, "acc_sum", acc_in, addend, c), step_i);
  m.assign(acc_o, acc_q);
  return m;
}

Design build_laconic(const DesignConfig& c) {
  require_no_pipeline(c);
  Design d;
  const Module& enc = build_sparse_encoder(d, c, arith::Encoding::Booth, true);
  const Module& pe = build_laconic_pe(d, c);
  const int C = c.cols, ACC = c.acc_width;
  const ColumnTop t = build_column_top(
      d, c, enc, a_digits(c),
      fmt::format("Bit-slice (Laconic baseline): a lock-step column of {} term-pair-serial PEs sharing one sparse "
                  "Booth encoder of the A stream.", c.cols),
      true);
  Module& m = *t.m;

  m.wire("acc", C * ACC);
  Body& cols = m.generate_for("j", C, "g_col");
  cols.instances.push_back(column_pe(pe, t, {{"adv_i", t.adv},
                                               {"last_o", slice("lasts", Param{}, {{"j", {}}})},
                                               {"acc_o", column_pe_slice(t, "acc")}}));

  // Binary accumulators: the cycle after the last term pair they hold the results.
  column_readout(m, t.res, c, [&] { return ref("acc", C * ACC); });
  d.top = canonical_name(c);
  return d;
}

Design build(const DesignConfig& c) {
  if (c.pe == "laconic") return build_laconic(c);
  return build_opt3_column(c, fmt::format("Bit-slice (paper's bit-weight version): a column of {} OPT3 PEs sharing "
                                          "one sparse EN-T encoder of the A stream.", c.cols));
}

Timing laconic_timing(const DesignConfig& c) {
  Timing t = opt3_column_timing(c);  // same handshake, read-out and latency structure
  t.dataflow = "output-stationary column; A streamed through one shared sparse Booth encoder; Laconic "
               "term-pair-serial PEs in lock step";
  t.serial_digits = "booth";
  t.a_digit_positions = a_digits(c);
  t.b_digit_positions = b_digits(c);
  t.doc["digits"] = "each non-zero radix-4 Booth digit of A and of B is one term +-2^e; a PE adds one term pair per "
                    "cycle";
  t.doc["ready"] = "an operand taken at edge T makes a_ready_o=1 again in cycle T + cycles, cycles = 1 when A = 0, else "
                   "nnz(A) * max(1, max_j nnz(B[k][n0+j])) (Booth terms; columns beyond N count as B = 0): each A "
                   "term stays until every PE has paired it with its last B term (lock step)";
  t.doc["latency"] = "variable: with the last operand taken at edge T, the result row is on c_o (c_valid_o=1) in cycle "
                     "T + 2 + cycles (cycles as in ready; the term-pair cycles, the accumulator update, the result "
                     "register)";
  t.readout_adder_cycles = 0;
  t.step_cycles_max = a_digits(c) * b_digits(c);
  t.latency_last_result_cycles = 2 + t.step_cycles_max;
  return t;
}

Timing timing(const DesignConfig& c) {
  if (c.pe == "laconic") return laconic_timing(c);
  Timing t = opt3_column_timing(c);
  t.dataflow = "output-stationary column; A streamed through one shared sparse EN-T encoder (OPT3 PEs)";
  return t;
}

}  // namespace

ArchDescriptor describe_bitslice() {
  ArchDescriptor d{"bitslice",
          "Bit-slice: a column of N PEs fed by one sparse encoder of the A stream (valid/ready, variable latency): "
          "Laconic baseline (Booth terms of A and B, one term pair per cycle, lock step) or the paper's OPT3 "
          "version (B bit-parallel, one non-zero EN-T digit of A per cycle)",
          {false, 0, 1, "fixed 1: one column (M is software: rows of A stream through the encoder)"},
          {true, 16, 1, "PEs N in the column: output columns per tile (N is tiled by N)"},
          {false, 0, 1, "unused (K is software: any length streams through)"},
          {{"laconic", "Laconic baseline: Booth terms of A (shared) and B (per PE), one term pair +-2^(ea+eb) per "
                       "cycle into a binary accumulator, lock-step column",
            "laconic"},
           {"opt3", "OPT3 PE: latched B, +-B/+-2B select, shift by 4^pos, 3:2 CSA into a carry-save accumulator"}},
          build,
          timing};
  // "": the first PE variant, laconic.
  d.schedule = [](const DesignConfig& c) { return opt3_column_schedule(c, timing(c)); };
  d.driver = "opt4c";  // the OPT3 column's; the laconic PE names its own
  d.macs_per_cycle = [](const DesignConfig& c, std::string* note) {
    if (!c.pe.empty() && c.pe != "laconic") return variable_latency_macs(c.rows, c.cols, note);
    // Cycles per int8 operand measured at sigma = 30, N = 16 (`make bitslice-table`).
    if (note) *note = fmt::format("estimate: cols/9.9 (Laconic lock step, {})", kMacsEstimateData);
    return c.cols / 9.9;
  };
  return d;
}

}  // namespace tpegen::arch
