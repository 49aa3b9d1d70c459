// Small IR helpers shared by the `--wrap axi-gemm` builders (counters, compares, memories).
#pragma once

#include <string>
#include <vector>

#include "ir/module.hpp"

namespace tpegen::wrap::gemm_ir {

inline ir::ExprP one_bit(bool v) { return ir::constant(1, v ? 1 : 0); }
inline ir::ExprP k(int width, uint64_t v) { return ir::constant(width, v); }
inline ir::ExprP is_const(const ir::ExprP& x, uint64_t v) { return ir::eq(x, ir::constant(x->width, v)); }
/// x + 1 when `inc`, same width.
inline ir::ExprP inc_if(const ir::ExprP& x, const ir::ExprP& inc) { return ir::add(x, ir::resize(inc, x->width, false)); }
inline ir::ExprP inc(const ir::ExprP& x) { return ir::add(x, ir::constant(x->width, 1)); }
inline ir::ExprP is_zero(const ir::ExprP& x) { return ir::eq(x, ir::constant(x->width, 0)); }
inline ir::ExprP nonzero(const ir::ExprP& x) { return ir::bnot(is_zero(x)); }
/// The smallest b with 2^b >= p.
inline int log2_of(int p) {
  int b = 0;
  while ((1 << b) < p) ++b;
  return b;
}

/// x < value (x unsigned), as a named wire.
ir::ExprP lt_const(ir::Module& m, const std::string& name, const ir::ExprP& x, uint64_t value);
/// a < b (unsigned, same width), as a named wire.
ir::ExprP lt(ir::Module& m, const std::string& name, const ir::ExprP& a, const ir::ExprP& b);
/// {parts} msb first, leaving out null and zero-width parts (a 1-bit 0 when nothing is left).
ir::ExprP join(const std::vector<ir::ExprP>& msb_first);
/// The low `width` bits of x (zero-extended when x is narrower); nullptr when width is 0.
ir::ExprP low(const ir::ExprP& x, int width);
/// One tpe_sdp_ram instance; rdata is a wire of `width` bits named `<name>_rdata`.
ir::ExprP sdp_ram(ir::Module& m, const std::string& name, int width, int addr_bits, const ir::ExprP& we,
                  const ir::ExprP& waddr, const ir::ExprP& wdata, const ir::ExprP& re, const ir::ExprP& raddr);
/// Declares the tpe_sdp_ram leaf cell (rtl_templates/tpe_sdp_ram.v) in `d`.
void declare_sdp_ram(ir::Design& d);
/// Lanes of `lanes` (count x W bits) zeroed where `keep` (count bits) is 0, as a named wire.
ir::ExprP masked(ir::Module& m, const std::string& name, const ir::ExprP& lanes, const ir::ExprP& keep, int count, int W);
/// Thermometer code, a named wire: bit i = (left > i), for i < count.
ir::ExprP thermometer(ir::Module& m, const std::string& name, const ir::ExprP& left, int count);
/// choices[sel] (a chain of equality muxes; choices[0] when sel is out of range).
ir::ExprP select(const ir::ExprP& sel, const std::vector<ir::ExprP>& choices);

}  // namespace tpegen::wrap::gemm_ir
