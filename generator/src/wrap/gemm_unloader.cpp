// The unloader of `--wrap axi-gemm` (AXI_DESIGN.md §6): C row by row onto the output stream.
// Element (m, n) is in column memory n % C at {m / R, m % R, n / C}; counters replace the
// divisions. One element per cycle goes into its lane of the beat register (its EC-byte
// container, sign- or zero-extended); a beat leaves when full or at a row's end, with the
// lanes past the row zero (`--inject-bug gemm_pad` leaves them stale). tlast on C's last beat.
// This packer is element-serial: at most EC bytes per cycle (a beat per cycle only when
// EC = bus bytes); the segment packer of the design comes with the strips.
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
  const int IW = arch::index_width(R), JW = arch::index_width(C), TW = std::max(1, g.c_tile_bits);
  const int UW = std::max(1, g.c_group_bits), SLW = arch::index_width(PC);
  UnloaderOut o;
  // ---- S0: element counters ----
  auto row = m.reg("ul_row_q", SW), col = m.reg("ul_col_q", SW);
  auto i = m.reg("ul_tile_row_q", IW), u = m.reg("ul_group_q", UW);
  auto j = m.reg("ul_lane_q", JW), t = m.reg("ul_tile_q", TW);
  auto done = m.reg("ul_done_q", 1);
  auto v1 = m.reg("ul_valid_s1_q", 1);
  auto consume = m.wire("ul_consume", 1);
  auto advance = m.wire("ul_advance", bor(bnot(v1), consume));
  auto issue = m.wire("ul_issue", band(band(band(in.go, advance), bnot(done)), bnot(job.aborting)));
  auto last_col = m.wire("ul_last_col", eq(col, job.n_last));
  auto last_row = m.wire("ul_last_row", eq(row, job.m_last));
  auto i_wrap = m.wire("ul_tile_row_wrap", is_const(i, static_cast<uint64_t>(R - 1)));
  auto j_wrap = m.wire("ul_lane_wrap", is_const(j, static_cast<uint64_t>(C - 1)));
  auto upd = bor(job.start, issue);
  auto row_end = band(issue, last_col);
  m.update_with_reset(col, mux(bor(job.start, last_col), k(SW, 0), inc(col)), 0, upd);
  m.update_with_reset(j, mux(bor(bor(job.start, last_col), j_wrap), k(JW, 0), inc(j)), 0, upd);
  m.update_with_reset(t, mux(bor(job.start, last_col), k(TW, 0), inc_if(t, j_wrap)), 0, upd);
  m.update_with_reset(row, mux(job.start, k(SW, 0), inc(row)), 0, bor(job.start, row_end));
  m.update_with_reset(i, mux(bor(job.start, i_wrap), k(IW, 0), inc(i)), 0, bor(job.start, row_end));
  m.update_with_reset(u, mux(job.start, k(UW, 0), inc(u)), 0, bor(job.start, band(row_end, i_wrap)));
  m.update_with_reset(done, mux(job.start, one_bit(false), bor(done, band(row_end, last_row))), 0);
  o.re = advance;
  o.raddr = m.wire("ul_raddr", join({low(u, g.c_group_bits), low(i, g.c_row_bits), low(t, g.c_tile_bits)}));

  // ---- S1: the memories' read register; lane, slot and ends alongside ----
  auto slot1 = m.reg("ul_slot_s1_q", SLW);
  auto eob1 = m.reg("ul_beat_end_s1_q", 1), eop1 = m.reg("ul_packet_end_s1_q", 1);
  // ABORT drops the element in the read register: it must not leave after the job.
  m.update_with_reset(v1, mux(bor(job.start, job.aborting), one_bit(false), issue), 0,
                      bor(bor(job.start, job.aborting), advance));
  ExprP element = in.rdata[0];
  if (C > 1) {  // the column memory of the element
    auto j1 = m.reg("ul_lane_s1_q", JW);
    m.update(j1, j, advance);
    element = m.wire("ul_element", select(j1, in.rdata));
  }
  int lgpc = 0;
  while ((1 << lgpc) < PC) ++lgpc;
  auto slot = lgpc == 0 ? k(SLW, 0) : resize(bits(col, 0, lgpc), SLW, false);
  m.update(slot1, slot, advance);
  m.update(eob1, bor(last_col, is_const(slot, static_cast<uint64_t>(PC - 1))), advance);
  m.update(eop1, band(last_col, last_row), advance);
  auto widened = m.wire("ul_element_wide", EB == ACC ? element : resize(element, EB, c.is_signed));

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
    auto write = band(consume, is_const(slot1, static_cast<uint64_t>(s)));
    auto cleared = keep_stale ? lane : mux(sent, k(EB, 0), lane);
    m.update_with_reset(lane, mux(close, k(EB, 0), mux(write, widened, cleared)), 0);
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
