#include "wrap/gemm_ir.hpp"

namespace tpegen::wrap::gemm_ir {

using namespace ir;

ExprP lt_const(Module& m, const std::string& name, const ExprP& x, uint64_t value) {
  const int w = x->width;
  if (w < 63 && value >= (uint64_t{1} << w)) return m.wire(name, constant(1, 1));
  if (value == 0) return m.wire(name, constant(1, 0));
  // only the borrow is used: the name keeps lint quiet about the difference bits
  auto diff = m.wire(name + "_diff_unused", sub(concat({constant(1, 0), x}), constant(w + 1, value)));
  return m.wire(name, bits(diff, w, 1));
}

ExprP lt(Module& m, const std::string& name, const ExprP& a, const ExprP& b) {
  const int w = a->width;
  auto diff = m.wire(name + "_diff_unused", sub(concat({constant(1, 0), a}), resize(b, w + 1, false)));
  return m.wire(name, bits(diff, w, 1));
}

ExprP join(const std::vector<ExprP>& msb_first) {
  std::vector<ExprP> parts;
  for (auto& p : msb_first)
    if (p && p->width > 0) parts.push_back(p);
  if (parts.empty()) return constant(1, 0);
  return parts.size() == 1 ? parts[0] : concat(parts);
}

ExprP low(const ExprP& x, int width) {
  if (width <= 0) return nullptr;
  if (x->width == width) return x;
  return x->width > width ? bits(x, 0, width) : resize(x, width, false);
}

ExprP sdp_ram(Module& m, const std::string& name, int width, int addr_bits, const ExprP& we, const ExprP& waddr,
              const ExprP& wdata, const ExprP& re, const ExprP& raddr) {
  auto rdata = m.wire(name + "_rdata", width);
  Instance inst{"tpe_sdp_ram", name, {{"WIDTH", width}, {"AW", addr_bits}}, {}, {"fifo"}};
  inst.conns = {{"clk_i", ref("clk_i", 1)}, {"we_i", we},     {"waddr_i", waddr}, {"wdata_i", wdata},
                {"re_i", re},               {"raddr_i", raddr}, {"rdata_o", rdata}};
  m.instance(std::move(inst));
  return rdata;
}

void declare_sdp_ram(Design& d) {
  d.add_extern({"tpe_sdp_ram",
                "tpe_sdp_ram.v",
                {{"clk_i", PortDir::In},
                 {"we_i", PortDir::In},
                 {"waddr_i", PortDir::In},
                 {"wdata_i", PortDir::In},
                 {"re_i", PortDir::In},
                 {"raddr_i", PortDir::In},
                 {"rdata_o", PortDir::Out}}});
}

ExprP masked(Module& m, const std::string& name, const ExprP& lanes, const ExprP& keep, int count, int W) {
  std::vector<ExprP> msb_first;
  for (int i = count - 1; i >= 0; --i) msb_first.push_back(band(bits(lanes, i * W, W), replicate(W, bits(keep, i, 1))));
  return m.wire(name, join(msb_first));
}

ExprP thermometer(Module& m, const std::string& name, const ExprP& left, int count) {
  std::vector<ExprP> msb_first;
  for (int i = count - 1; i >= 0; --i)
    msb_first.push_back(bnot(lt_const(m, name + "_" + std::to_string(i), left, static_cast<uint64_t>(i) + 1)));
  return m.wire(name, join(msb_first));
}

ExprP select(const ExprP& sel, const std::vector<ExprP>& choices) {
  ExprP out = choices[0];
  for (size_t i = 1; i < choices.size(); ++i) out = mux(eq(sel, constant(sel->width, i)), choices[i], out);
  return out;
}

}  // namespace tpegen::wrap::gemm_ir
