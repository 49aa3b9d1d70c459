// The Block collector of `--wrap axi-gemm` (AXI_DESIGN.md §6), for the dot-product grids
// (cube, matrix2d, mac-tree): c_valid_o marks a whole tile_m x tile_n result on c_o, tiles in
// issue order, and c_o holds it until the next result (the schedule's result_hold keeps
// results tile_m cycles apart). Row i of the tile goes into the one C memory (tile_n lanes per
// word) i cycles after c_valid_o, through a tile_m:1 row multiplexer, at {row group u, i,
// column tile t}: the address the unloader reads, as for the column memories of systolic-os.
// `--inject-bug gemm_collect` zeroes the last column's lanes (the test must then fail).
#include <fmt/format.h>

#include "arch/common.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

CollectorOut add_block_collector(Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                                 const DesignConfig& c, const GemmJob& job, const ExprP& c_o, const ExprP& c_valid_o,
                                 const ExprP& re, const ExprP& raddr) {
  const int R = d.tile_m, C = d.tile_n, ACC = c.acc_width;
  const int IW = arch::index_width(R), TW = std::max(1, g.c_tile_bits), UW = std::max(1, g.c_group_bits);
  CollectorOut o;
  auto t = m.reg("blk_tile_q", TW), u = m.reg("blk_group_q", UW), done = m.reg("blk_done_q", 1);
  auto got = m.wire("blk_result", band(c_valid_o, bnot(done)));
  // Rows 1..R-1 of a tile follow row 0 (written in the cycle of c_valid_o) one per cycle.
  ExprP row = k(IW, 0), writing = got;
  if (R > 1) {
    auto busy = m.reg("blk_busy_q", 1), row_q = m.reg("blk_row_q", IW);
    row = m.wire("blk_row", mux(busy, row_q, k(IW, 0)));
    writing = m.wire("blk_writing", bor(got, busy));
    auto last = is_const(row, static_cast<uint64_t>(R - 1));
    m.update_with_reset(busy, mux(job.start, one_bit(false), band(writing, bnot(last))), 0);
    m.update_with_reset(row_q, mux(bor(job.start, last), k(IW, 0), inc(row)), 0, bor(job.start, writing));
  }
  auto tile_end = m.wire("blk_tile_end", band(writing, is_const(row, static_cast<uint64_t>(R - 1))));
  auto last_t = m.wire("blk_last_tile", eq(t, resize(job.tn_last, TW, false)));
  auto last_u = m.wire("blk_last_group", eq(u, resize(job.tm_last, UW, false)));
  m.update_with_reset(t, mux(bor(job.start, last_t), k(TW, 0), inc(t)), 0, bor(job.start, tile_end));
  m.update_with_reset(u, mux(job.start, k(UW, 0), inc(u)), 0, bor(job.start, band(tile_end, last_t)));
  m.update_with_reset(done, mux(job.start, one_bit(false), bor(done, band(band(tile_end, last_t), last_u))), 0);

  std::vector<ExprP> rows;
  const bool dropped = c.inject_bug == "gemm_collect";
  for (int i = 0; i < R; ++i) {
    auto r = bits(c_o, i * C * ACC, C * ACC);
    if (dropped) r = C == 1 ? k(ACC, 0) : join({k(ACC, 0), bits(r, 0, (C - 1) * ACC)});
    rows.push_back(r);
  }
  auto wdata = m.wire("blk_wdata", R > 1 ? select(row, rows) : rows[0]);
  auto waddr = m.wire("blk_waddr", join({low(u, g.c_group_bits), low(row, g.c_row_bits), low(t, g.c_tile_bits)}));
  auto rdata = sdp_ram(m, "u_c", C * ACC, g.c_addr_bits(), m.wire("blk_we", writing), waddr, wdata, re, raddr);
  for (int j = 0; j < C; ++j) o.rdata.push_back(bits(rdata, j * ACC, ACC));
  o.done = m.wire("collect_done", done);
  return o;
}

}  // namespace tpegen::wrap
