// An operand buffer of `--wrap axi-gemm` (AXI_DESIGN.md §4): banks of sub-RAMs that a beat
// writes one word at a time and a step reads all at one address; a lane multiplexer per bank
// picks the slice out of the word. Transposition is the banking: a column slice across rows
// comes from the banks side by side.
#include <fmt/format.h>

#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

std::vector<ExprP> add_operand_buffer(Module& m, const std::string& name, const OperandGeometry& g,
                                      const BufferWrite& w, const ExprP& raddr, const ExprP& group_q) {
  const int W = g.lane_bits, P = g.lanes_per_beat, AB = g.addr_bits();
  const int slice_bits = g.slice_cols * W;
  std::vector<ExprP> out;
  for (int b = 0; b < g.banks; ++b) {
    std::vector<ExprP> subs_msb_first;
    for (int s = 0; s < g.sub_rams; ++s) {
      ExprP we = w.go;
      if (g.banks > 1) we = band(we, is_const(w.bank, static_cast<uint64_t>(b)));
      if (g.sub_rams > 1) we = band(we, is_const(w.sub, static_cast<uint64_t>(s)));
      const std::string ram = fmt::format("u_{}_b{}_s{}", name, b, s);
      auto rdata = sdp_ram(m, ram, P * W, AB, m.wire(ram + "_we", we), w.addr, w.data, one_bit(true), raddr);
      subs_msb_first.insert(subs_msb_first.begin(), rdata);
    }
    auto word = m.wire(fmt::format("{}_word{}", name, b), join(subs_msb_first));
    std::vector<ExprP> groups;
    for (int k = 0; k < g.slice_groups(); ++k) groups.push_back(bits(word, k * slice_bits, slice_bits));
    out.push_back(m.wire(fmt::format("{}_slice{}", name, b), group_q ? select(group_q, groups) : groups[0]));
  }
  return out;
}

}  // namespace tpegen::wrap
