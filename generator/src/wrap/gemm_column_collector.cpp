// The Columns collector of `--wrap axi-gemm` (AXI_DESIGN.md §6), for systolic-os: column j
// gives the R rows of each tile in order on c_o[j] with c_valid_o[j], tiles in issue order.
// Each column keeps its own cursor (tile row i, column tile t, row group u) and writes its
// memory at {u, i, t}; it relies on that order only, never on cycle counts, so pipeline
// registers and drain variants need nothing of their own. `--inject-bug gemm_collect` drops
// the last column's writes (the test must then fail).
#include <fmt/format.h>

#include "arch/common.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

CollectorOut add_column_collector(Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                                  const DesignConfig& c, const GemmJob& job, const ExprP& c_o, const ExprP& c_valid_o,
                                  const ExprP& re, const ExprP& raddr) {
  const int R = d.tile_m, C = d.tile_n, ACC = c.acc_width;
  const int IW = arch::index_width(R), TW = std::max(1, g.c_tile_bits), UW = std::max(1, g.c_group_bits);
  CollectorOut o;
  ExprP all_done = one_bit(true);
  for (int j = 0; j < C; ++j) {
    const std::string p = fmt::format("col{}_", j);
    auto i = m.reg(p + "row_q", IW), t = m.reg(p + "tile_q", TW), u = m.reg(p + "group_q", UW);
    auto done = m.reg(p + "done_q", 1);
    auto got = m.wire(p + "result", band(bits(c_valid_o, j, 1), bnot(done)));
    auto last_i = m.wire(p + "last_row", is_const(i, static_cast<uint64_t>(R - 1)));
    auto last_t = m.wire(p + "last_tile", eq(t, resize(job.tn_last, TW, false)));
    auto last_u = m.wire(p + "last_group", eq(u, resize(job.tm_last, UW, false)));
    auto upd = bor(job.start, got);
    m.update_with_reset(i, mux(bor(job.start, last_i), k(IW, 0), inc(i)), 0, upd);
    auto tile_end = band(got, last_i);
    m.update_with_reset(t, mux(bor(job.start, last_t), k(TW, 0), inc(t)), 0, bor(job.start, tile_end));
    m.update_with_reset(u, mux(job.start, k(UW, 0), inc(u)), 0, bor(job.start, band(tile_end, last_t)));
    m.update_with_reset(done, mux(job.start, one_bit(false), bor(done, band(band(tile_end, last_t), last_u))), 0);
    const bool dropped = c.inject_bug == "gemm_collect" && j == C - 1;
    auto we = dropped ? one_bit(false) : got;
    auto waddr = m.wire(p + "waddr", join({low(u, g.c_group_bits), low(i, g.c_row_bits), low(t, g.c_tile_bits)}));
    o.rdata.push_back(sdp_ram(m, fmt::format("u_c{}", j), ACC, g.c_addr_bits(), m.wire(p + "we", we), waddr,
                              bits(c_o, j * ACC, ACC), re, raddr));
    all_done = band(all_done, done);
  }
  o.done = m.wire("collect_done", all_done);
  return o;
}

}  // namespace tpegen::wrap
