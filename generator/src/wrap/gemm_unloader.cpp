// The unloader of `--wrap axi-gemm` (AXI_DESIGN.md §6): C row by row onto the output stream.
// Element (m, n) is lane n % C of the C memories' word {m / R, m % R, n / C} (column memory
// n % C for systolic-os, lane n % C of the one memory for the dot grids); counters replace the
// divisions. All C memories read one word together, and each cycle a chunk of
// G = gcd(C, P) elements (P = elements per beat, G a power of two) goes into its lanes of the
// beat register: a chunk never straddles a tile or a beat, so one multiplexer of C/G chunks
// and one of P/G slots suffice. A beat leaves when full or at a row's end, its lanes past
// the row zero (the beat register is cleared when a beat leaves; `--inject-bug gemm_pad`
// leaves it stale); tlast on C's last beat. So a beat
// goes out every P/G cycles: one per cycle when P divides C; the byte gearbox of the design
// for the other shapes comes later.
#include <numeric>

#include <fmt/format.h>

#include "arch/common.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;


UnloaderOut add_unloader(Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d, const DesignConfig& c,
                         const GemmJob& job, const UnloaderIn& in) {
  const int R = d.tile_m, C = d.tile_n, SW = job.size_bits, ACC = c.acc_width, EB = g.ec * 8;
  const int PC = g.bus_bytes / g.ec;  // element lanes per beat
  const int G = std::gcd(C, PC), LG = log2_of(G), CH = C / G, SL = PC / G;  // chunk, chunks per tile, per beat
  const int IW = arch::index_width(R), JW = arch::index_width(CH), TW = std::max(1, g.c_tile_bits);
  const int UW = std::max(1, g.c_group_bits), SLW = arch::index_width(SL);
  UnloaderOut o;
  // ---- S0: chunk counters (col: the chunk's first column, a multiple of G) ----
  auto row = m.reg("ul_row_q", SW), col = m.reg("ul_col_q", SW);
  auto i = m.reg("ul_tile_row_q", IW), u = m.reg("ul_group_q", UW);
  auto j = m.reg("ul_chunk_q", JW), t = m.reg("ul_tile_q", TW);
  auto done = m.reg("ul_done_q", 1);
  auto v1 = m.reg("ul_valid_s1_q", 1);
  auto consume = m.wire("ul_consume", 1);
  auto advance = m.wire("ul_advance", bor(bnot(v1), consume));
  auto issue = m.wire("ul_issue", band(band(band(in.go, advance), bnot(done)), bnot(job.aborting)));
  // The chunk holds column N-1: the same chunk index.
  auto chunk_of = [&](const ExprP& x) { return LG == 0 ? x : bits(x, LG, SW - LG); };
  auto last_col = m.wire("ul_last_col", eq(chunk_of(col), chunk_of(job.n_last)));
  if (LG > 0) m.wire("unused_ul_n_last_low", bits(job.n_last, 0, LG));  // other blocks may not need them either
  auto last_row = m.wire("ul_last_row", eq(row, job.m_last));
  auto i_wrap = m.wire("ul_tile_row_wrap", is_const(i, static_cast<uint64_t>(R - 1)));
  auto j_wrap = m.wire("ul_chunk_wrap", is_const(j, static_cast<uint64_t>(CH - 1)));
  auto upd = bor(job.start, issue);
  auto row_end = band(issue, last_col);
  m.update_with_reset(col, mux(bor(job.start, last_col), k(SW, 0), add(col, k(SW, static_cast<uint64_t>(G)))), 0, upd);
  m.update_with_reset(j, mux(bor(bor(job.start, last_col), j_wrap), k(JW, 0), inc(j)), 0, upd);
  m.update_with_reset(t, mux(bor(job.start, last_col), k(TW, 0), inc_if(t, j_wrap)), 0, upd);
  m.update_with_reset(row, mux(job.start, k(SW, 0), inc(row)), 0, bor(job.start, row_end));
  m.update_with_reset(i, mux(bor(job.start, i_wrap), k(IW, 0), inc(i)), 0, bor(job.start, row_end));
  m.update_with_reset(u, mux(job.start, k(UW, 0), inc(u)), 0, bor(job.start, band(row_end, i_wrap)));
  m.update_with_reset(done, mux(job.start, one_bit(false), bor(done, band(row_end, last_row))), 0);
  o.re = advance;
  o.raddr = m.wire("ul_raddr", join({low(u, g.c_group_bits), low(i, g.c_row_bits), low(t, g.c_tile_bits)}));

  // ---- S1: the memories' read register; chunk, slot, lane mask and ends alongside ----
  auto eob1 = m.reg("ul_beat_end_s1_q", 1), eop1 = m.reg("ul_packet_end_s1_q", 1);
  // ABORT drops the chunk in the read register: it must not leave after the job.
  m.update_with_reset(v1, mux(bor(job.start, job.aborting), one_bit(false), issue), 0,
                      bor(bor(job.start, job.aborting), advance));
  const int lgpc = log2_of(PC);
  auto slot = lgpc == LG ? k(SLW, 0) : resize(bits(col, LG, lgpc - LG), SLW, false);
  m.update(eob1, bor(last_col, is_const(slot, static_cast<uint64_t>(SL - 1))), advance);
  m.update(eop1, band(last_col, last_row), advance);
  ExprP slot1;
  if (SL > 1) {
    slot1 = m.reg("ul_slot_s1_q", SLW);
    m.update(slot1, slot, advance);
  }
  // Lanes of the row's last chunk past column N-1 need no mask: the sequencer fed B = 0 on
  // those columns, so their results are 0.
  std::vector<ExprP> chunks;
  for (int ch = 0; ch < CH; ++ch) {
    std::vector<ExprP> msb_first;
    for (int l = G - 1; l >= 0; --l) msb_first.push_back(in.rdata[static_cast<size_t>(ch * G + l)]);
    chunks.push_back(join(msb_first));
  }
  ExprP chunk;
  if (CH > 1) {  // the chunk's columns
    auto j1 = m.reg("ul_chunk_s1_q", JW);
    m.update(j1, j, advance);
    chunk = m.wire("ul_chunk", select(j1, chunks));
  } else {
    chunk = m.wire("ul_chunk", chunks[0]);
  }
  std::vector<ExprP> lanes;  // widened, masked, lane l of the chunk
  for (int l = 0; l < G; ++l) {
    auto e = m.wire(fmt::format("ul_elem{}", l), bits(chunk, l * ACC, ACC));
    auto wide = EB == ACC ? e : resize(e, EB, c.is_signed);
    lanes.push_back(EB == ACC ? e : m.wire(fmt::format("ul_elem{}_wide", l), wide));
  }

  // ---- the beat register and the output stream ----
  auto ov = m.reg("ul_out_valid_q", 1), ol = m.reg("ul_out_last_q", 1), open = m.reg("ul_packet_open_q", 1);
  auto sent = m.wire("ul_sent", band(ov, in.tready));
  m.assign(consume, band(band(v1, bor(bnot(ov), sent)), bnot(job.aborting)));
  // ABORT in the middle of a packet: one zero beat with tlast closes it.
  auto close = m.wire("ul_close", band(band(job.aborting, open), bor(bnot(ov), band(sent, bnot(ol)))));
  const bool keep_stale = c.inject_bug == "gemm_pad";
  std::vector<ExprP> beat_msb_first;
  for (int s = PC - 1; s >= 0; --s) {
    auto lane = m.reg(fmt::format("ul_beat{}_q", s), EB);
    auto write = slot1 ? band(consume, is_const(slot1, static_cast<uint64_t>(s / G))) : consume;
    auto cleared = keep_stale ? lane : mux(sent, k(EB, 0), lane);
    m.update_with_reset(lane, mux(close, k(EB, 0), mux(write, lanes[static_cast<size_t>(s % G)], cleared)), 0);
    beat_msb_first.push_back(lane);
  }
  auto fills = m.wire("ul_beat_filled", band(consume, eob1));
  m.update_with_reset(ov, mux(bor(fills, close), one_bit(true), mux(sent, one_bit(false), ov)), 0);
  m.update_with_reset(ol, mux(close, one_bit(true), eop1), 0, bor(fills, close));
  m.update_with_reset(open, mux(job.start, one_bit(false), mux(sent, bnot(ol), open)), 0);
  o.tdata = m.wire("ul_tdata", join(beat_msb_first));
  o.tvalid = ov;
  o.tlast = ol;
  o.sent = sent;
  o.finished = m.wire("ul_finished", band(sent, ol));
  o.idle = m.wire("ul_idle", band(bnot(ov), bnot(open)));
  return o;
}

}  // namespace tpegen::wrap
