// The input side of `--wrap axi-gemm` (AXI_DESIGN.md §1): one packet of B's K rows, then A's
// M rows, each row from a beat boundary and zero-padded to whole beats; tlast on the last
// beat of A. A beat is one buffer word: row r's beat b goes to bank r % banks, sub-RAM
// b % sub_rams, word b / sub_rams of the slot of r / banks (OperandGeometry::write). The
// sub-RAM and word counters serve both operands; the banks of B (its k rows, for tile_k > 1)
// have counters of their own.
#include <algorithm>

#include "arch/common.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

namespace {

/// The P lanes of a beat narrowed from their containers to `lane_bits`.
ExprP narrow_lanes(const ExprP& tdata, const OperandGeometry& g, int bytes) {
  std::vector<ExprP> msb_first;
  for (int l = g.lanes_per_beat - 1; l >= 0; --l) msb_first.push_back(bits(tdata, l * 8 * bytes, g.lane_bits));
  return join(msb_first);
}

}  // namespace

LoaderOut add_stream_loader(Module& m, const GemmGeometry& g, const GemmJob& job, const ExprP& loading) {
  const int BW = g.bus_bytes * 8, SW = job.size_bits;
  auto tdata = m.input("s_axis_tdata", BW, "input beat: B's rows, then A's, each row padded to whole beats");
  auto tvalid = m.input("s_axis_tvalid", 1, "input beat valid", true);
  auto tready = m.output("s_axis_tready", 1, "input beat taken");
  auto tlast = m.input("s_axis_tlast", 1, "the last beat of A (the job's last input beat)");
  m.assign(tready, band(loading, bnot(job.aborting)));
  LoaderOut o;
  o.take = m.wire("in_take", band(tvalid, tready));

  // Beats per row - 1: (K - 1) / P_A for A, (N - 1) / P_B for B (P a power of two: a slice).
  auto beats_last = [&](const std::string& name, const ExprP& size_last, int lgp) {
    if (lgp == 0) return size_last;
    if (lgp >= SW) return k(SW, 0);
    return m.wire(name, resize(bits(size_last, lgp, SW - lgp), SW, false));
  };
  auto rb_a_last = beats_last("in_a_beats_last", job.k_last, log2_of(g.a.lanes_per_beat));
  auto rb_b_last = beats_last("in_b_beats_last", job.n_last, log2_of(g.b.lanes_per_beat));

  auto in_b = m.reg("in_b_q", 1);  // B rows still coming
  auto row = m.reg("in_row_q", SW), beat = m.reg("in_beat_q", SW);
  const int SA = g.a.sub_rams, SB = g.b.sub_rams;
  const int SUBW = arch::index_width(std::max(SA, SB)), BANKW = arch::index_width(g.a.banks);
  auto sub = m.reg("in_sub_q", SUBW), word = m.reg("in_word_q", std::max({1, g.b.slot_bits, SA > 1 ? g.a.slot_bits : 0}));
  auto bank = m.reg("in_bank_q", BANKW), group = m.reg("in_group_q", std::max(1, g.a.group_bits));
  auto last_beat = m.wire("in_last_beat", eq(beat, mux(in_b, rb_b_last, rb_a_last)));
  auto last_row = m.wire("in_last_row", eq(row, mux(in_b, job.k_last, job.m_last)));
  auto sub_wrap = m.wire("in_sub_wrap", SA == 1 ? is_const(sub, static_cast<uint64_t>(SB - 1))
                                                : mux(in_b, is_const(sub, static_cast<uint64_t>(SB - 1)),
                                                      is_const(sub, static_cast<uint64_t>(SA - 1))));
  auto bank_wrap = m.wire("in_bank_wrap", is_const(bank, static_cast<uint64_t>(g.a.banks - 1)));
  auto row_end = m.wire("in_row_end", band(o.take, last_beat));
  auto final_beat = m.wire("in_final_beat", band(band(bnot(in_b), last_beat), last_row));
  auto upd = bor(job.start, o.take);
  m.update_with_reset(in_b, mux(job.start, one_bit(true), mux(band(row_end, last_row), one_bit(false), in_b)), 0, upd);
  m.update_with_reset(beat, mux(bor(job.start, last_beat), k(SW, 0), inc(beat)), 0, upd);
  m.update_with_reset(row, mux(bor(job.start, band(last_beat, last_row)), k(SW, 0), inc_if(row, last_beat)), 0, upd);
  m.update_with_reset(sub, mux(bor(bor(job.start, last_beat), sub_wrap), k(SUBW, 0), inc(sub)), 0, upd);
  m.update_with_reset(word, mux(bor(job.start, last_beat), k(word->width, 0), inc_if(word, sub_wrap)), 0, upd);
  auto a_row_end = band(row_end, bnot(in_b));
  m.update_with_reset(bank, mux(bor(job.start, band(a_row_end, bank_wrap)), k(BANKW, 0), inc_if(bank, a_row_end)), 0,
                      bor(job.start, a_row_end));
  m.update_with_reset(group, mux(job.start, k(group->width, 0), inc_if(group, band(a_row_end, bank_wrap))), 0,
                      bor(job.start, a_row_end));

  ExprP b_bank, b_group = row;
  if (g.b.banks > 1) {
    const int BBW = arch::index_width(g.b.banks);
    b_bank = m.reg("in_b_bank_q", BBW);
    b_group = m.reg("in_b_group_q", std::max(1, g.b.group_bits));
    auto b_row_end = m.wire("in_b_row_end", band(row_end, in_b));
    auto b_bank_wrap = m.wire("in_b_bank_wrap", is_const(b_bank, static_cast<uint64_t>(g.b.banks - 1)));
    m.update_with_reset(b_bank, mux(bor(job.start, b_bank_wrap), k(BBW, 0), inc(b_bank)), 0, bor(job.start, b_row_end));
    m.update_with_reset(b_group, mux(job.start, k(b_group->width, 0), inc_if(b_group, b_bank_wrap)), 0,
                        bor(job.start, b_row_end));
  }
  o.b = {m.wire("in_b_go", band(o.take, in_b)), b_bank, sub,
         m.wire("in_b_addr", join({low(b_group, g.b.group_bits), low(word, g.b.slot_bits)})),
         m.wire("in_b_data", narrow_lanes(tdata, g.b, g.eb))};
  o.a = {m.wire("in_a_go", band(o.take, bnot(in_b))), bank, SA > 1 ? sub : nullptr,
         m.wire("in_a_addr", join({low(group, g.a.group_bits), low(SA > 1 ? word : beat, g.a.slot_bits)})),
         m.wire("in_a_data", narrow_lanes(tdata, g.a, g.ea))};
  o.done = m.wire("in_done", band(o.take, final_beat));
  o.early_last = m.wire("in_early_last", band(band(o.take, tlast), bnot(final_beat)));
  o.missing_last = m.wire("in_missing_last", band(o.done, bnot(tlast)));
  // Bits of the bus beyond the lanes (containers wider than the operand) are not used.
  m.wire("unused_in_tdata", tdata);
  return o;
}

}  // namespace tpegen::wrap
