// The collector of `--wrap axi-gemm` for systolic-ws (AXI_DESIGN.md §6: Block with one row):
// c_valid_o marks one row of C tile (the row's sum over the K round, its partial sum included)
// on c_o, rows in issue order: strip by strip, K round by K round, column tile by column tile,
// the strip's rows. Each goes into the one C memory (tile_n lanes per word) at {row m, tile
// t}, the cycle it comes: every K round overwrites the round before, whose partial sum the
// sequencer has read, and the last round leaves C for the unloader. The cursor follows the
// sequencer's loops and never counts cycles. `--inject-bug gemm_collect` zeroes the last
// column's lanes (the test must then fail).

#include <algorithm>

#include "arch/common.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

CollectorOut add_ws_collector(Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                              const DesignConfig& c, const GemmJob& job, const ExprP& c_o, const ExprP& c_valid_o,
                              const ExprP& re, const ExprP& raddr) {
  const int R = d.weight_rows, C = d.tile_n, ACC = c.acc_width, SW = job.size_bits;
  const int IW = arch::index_width(R), TW = std::max(1, g.c_tile_bits);
  CollectorOut o;
  auto r = m.reg("wsc_row_q", IW), t = m.reg("wsc_tile_q", TW), done = m.reg("wsc_done_q", 1);
  auto kq = m.reg("wsc_k_q", SW), m_base = m.reg("wsc_m_base_q", SW);
  auto got = m.wire("wsc_result", band(c_valid_o, bnot(done)));
  auto row_m = m.wire("wsc_row_m", add(m_base, resize(r, SW, false)));
  auto last_r = m.wire("wsc_last_row", bor(is_const(r, static_cast<uint64_t>(R - 1)), eq(row_m, job.m_last)));
  auto last_t = m.wire("wsc_last_tile", eq(t, resize(job.tn_last, TW, false)));
  auto last_k = m.wire("wsc_last_k", lt_const(m, "wsc_k_rest_lt_r", sub(job.k_last, kq), static_cast<uint64_t>(R)));
  auto last_strip = m.wire("wsc_last_strip", lt_const(m, "wsc_m_rest_lt_r", sub(job.m_last, m_base), static_cast<uint64_t>(R)));
  auto pass_end = m.wire("wsc_pass_end", band(got, last_r));
  auto round_end = m.wire("wsc_round_end", band(pass_end, last_t));
  auto strip_end = m.wire("wsc_strip_end", band(round_end, last_k));
  m.update_with_reset(r, mux(bor(job.start, last_r), k(IW, 0), inc(r)), 0, bor(job.start, got));
  m.update_with_reset(t, mux(bor(job.start, last_t), k(TW, 0), inc(t)), 0, bor(job.start, pass_end));
  m.update_with_reset(kq, mux(bor(job.start, last_k), k(SW, 0), add(kq, k(SW, static_cast<uint64_t>(R)))), 0,
                      bor(job.start, round_end));
  m.update_with_reset(m_base, mux(job.start, k(SW, 0), add(m_base, k(SW, static_cast<uint64_t>(R)))), 0,
                      bor(job.start, strip_end));
  m.update_with_reset(done, mux(job.start, one_bit(false), bor(done, band(strip_end, last_strip))), 0);

  auto wdata = c_o;
  if (c.inject_bug == "gemm_collect") wdata = C == 1 ? k(ACC, 0) : join({k(ACC, 0), bits(c_o, 0, (C - 1) * ACC)});
  auto waddr = m.wire("wsc_waddr", join({low(row_m, g.c_group_bits), low(t, g.c_tile_bits)}));
  auto rdata = sdp_ram(m, "u_c", C * ACC, g.c_addr_bits(), m.wire("wsc_we", got), waddr, m.wire("wsc_wdata", wdata),
                       re, raddr);
  for (int j = 0; j < C; ++j) o.rdata.push_back(bits(rdata, j * ACC, ACC));
  o.done = m.wire("collect_done", done);
  return o;
}

}  // namespace tpegen::wrap
