#include "wrap/axi_lite.hpp"

#include <algorithm>

namespace tpegen::wrap {

using namespace ir;

namespace {

constexpr uint64_t kOkay = 0, kSlvErr = 2;

/// Whether `idx` (a word index) names a register with the given property (for writes: one
/// that takes a write now).
ExprP decode(Module& m, const std::string& name, const ExprP& idx, const std::vector<LiteRegister>& regs,
             bool (*wanted)(const LiteRegister&), bool write = false) {
  ExprP hit = constant(1, 0);
  for (auto& r : regs) {
    if (!wanted(r)) continue;
    ExprP at = eq(idx, constant(idx->width, static_cast<uint64_t>(r.offset / 4)));
    hit = bor(hit, write && r.write_ok ? band(at, r.write_ok) : at);
  }
  return m.wire(name, hit);
}

}  // namespace

LiteIrq irq_registers(Module& m) { return {m.reg("irq_enable_q", 2), m.reg("irq_status_q", 2)}; }

void drive_irq(Module& m, const LiteSlave& lite, const LiteIrq& irq, const ExprP& events, const ExprP& irq_o) {
  auto enable_next = m.wire("irq_enable_next", lite.merged(resize(irq.enable, 32, false)));
  m.wire("unused_irq_enable_next", bits(enable_next, 2, 30));
  m.update_with_reset(irq.enable, bits(enable_next, 0, 2), 0, lite.write_at(kIrqEnableOffset));
  auto irq_events = m.wire("irq_events", events);
  auto cleared = m.wire("irq_cleared", mux(lite.write_at(kIrqStatusOffset), bits(lite.wdata, 0, 2), constant(2, 0)));
  m.update_with_reset(irq.status, bor(band(irq.status, bnot(cleared)), irq_events), 0);
  m.assign(irq_o, bnot(eq(band(irq.status, irq.enable), constant(2, 0))));
}

int lite_address_bits(const std::vector<LiteRegister>& regs) {
  int top = 0;
  for (auto& r : regs) top = std::max(top, r.offset);
  int bits = 3;  // at least two words
  while ((1 << bits) <= top) ++bits;
  return bits;
}

ExprP LiteSlave::write_at(int offset) const {
  return band(wr_go, eq(wr_idx, constant(idx_bits, static_cast<uint64_t>(offset / 4))));
}

ExprP LiteSlave::merged(const ExprP& old) const { return bor(band(old, bnot(byte_en)), wdata); }

LiteSlave add_axi_lite_slave(Module& m, const std::vector<LiteRegister>& regs) {
  const int AB = lite_address_bits(regs), IB = AB - 2;
  auto awaddr = m.input("s_axi_awaddr", AB, "AXI4-Lite write address (byte address of a 32-bit register)");
  auto awprot = m.input("s_axi_awprot", 3, "AXI4-Lite write protection (not used: every access is allowed)");
  auto awvalid = m.input("s_axi_awvalid", 1, "AXI4-Lite write address valid", true);
  auto awready = m.output("s_axi_awready", 1, "AXI4-Lite write address ready");
  auto wdata = m.input("s_axi_wdata", 32, "AXI4-Lite write data");
  auto wstrb = m.input("s_axi_wstrb", 4, "AXI4-Lite write strobes: bit b writes byte b");
  auto wvalid = m.input("s_axi_wvalid", 1, "AXI4-Lite write data valid", true);
  auto wready = m.output("s_axi_wready", 1, "AXI4-Lite write data ready");
  auto bresp = m.output("s_axi_bresp", 2, "AXI4-Lite write response: OKAY, or SLVERR (unmapped, misaligned, read-only)");
  auto bvalid_o = m.output("s_axi_bvalid", 1, "AXI4-Lite write response valid", true);
  auto bready = m.input("s_axi_bready", 1, "AXI4-Lite write response ready");
  auto araddr = m.input("s_axi_araddr", AB, "AXI4-Lite read address");
  auto arprot = m.input("s_axi_arprot", 3, "AXI4-Lite read protection (not used)");
  auto arvalid = m.input("s_axi_arvalid", 1, "AXI4-Lite read address valid", true);
  auto arready = m.output("s_axi_arready", 1, "AXI4-Lite read address ready");
  auto rdata_o = m.output("s_axi_rdata", 32, "AXI4-Lite read data (0 with SLVERR)");
  auto rresp = m.output("s_axi_rresp", 2, "AXI4-Lite read response: OKAY, or SLVERR (unmapped, misaligned, write-only)");
  auto rvalid_o = m.output("s_axi_rvalid", 1, "AXI4-Lite read data valid", true);
  auto rready = m.input("s_axi_rready", 1, "AXI4-Lite read data ready");
  m.wire("unused_prot", concat({awprot, arprot}));

  // One write (address and data together) and one read at a time.
  auto bvalid = m.reg("bvalid_q", 1), berr = m.reg("berr_q", 1);
  auto rvalid = m.reg("rvalid_q", 1), rerr = m.reg("rerr_q", 1);
  auto rdata = m.reg("rdata_q", 32);
  auto wr_accept = m.wire("wr_accept", band(band(awvalid, wvalid), bnot(bvalid)));
  auto rd_accept = m.wire("rd_accept", band(arvalid, bnot(rvalid)));
  m.assign(awready, wr_accept);
  m.assign(wready, wr_accept);
  m.assign(arready, bnot(rvalid));
  m.assign(bvalid_o, bvalid);
  m.assign(rvalid_o, rvalid);
  m.assign(bresp, mux(berr, constant(2, kSlvErr), constant(2, kOkay)));
  m.assign(rresp, mux(rerr, constant(2, kSlvErr), constant(2, kOkay)));
  m.assign(rdata_o, rdata);

  auto wr_idx = m.wire("wr_idx", bits(awaddr, 2, IB));
  auto rd_idx = m.wire("rd_idx", bits(araddr, 2, IB));
  auto wr_aligned = m.wire("wr_aligned", eq(bits(awaddr, 0, 2), constant(2, 0)));
  auto rd_aligned = m.wire("rd_aligned", eq(bits(araddr, 0, 2), constant(2, 0)));
  auto wr_mapped = decode(m, "wr_mapped", wr_idx, regs, [](const LiteRegister& r) { return r.writable; }, true);
  auto rd_mapped = decode(m, "rd_mapped", rd_idx, regs, [](const LiteRegister& r) { return r.read != nullptr; });
  auto wr_ok = m.wire("wr_ok", band(wr_aligned, wr_mapped));
  auto rd_ok = m.wire("rd_ok", band(rd_aligned, rd_mapped));
  m.update_with_reset(bvalid, mux(wr_accept, constant(1, 1), mux(bready, constant(1, 0), bvalid)), 0);
  m.update_with_reset(rvalid, mux(rd_accept, constant(1, 1), mux(rready, constant(1, 0), rvalid)), 0);
  m.update_with_reset(berr, bnot(wr_ok), 0, wr_accept);
  m.update_with_reset(rerr, bnot(rd_ok), 0, rd_accept);

  ExprP value = constant(32, 0);
  for (auto it = regs.rbegin(); it != regs.rend(); ++it)
    if (it->read) value = mux(eq(rd_idx, constant(IB, static_cast<uint64_t>(it->offset / 4))), it->read, value);
  m.update(rdata, m.wire("rd_value", mux(rd_ok, value, constant(32, 0))), rd_accept);

  LiteSlave s;
  std::vector<ExprP> enables;  // msb first
  for (int b = 3; b >= 0; --b) enables.push_back(replicate(8, bits(wstrb, b, 1)));
  s.byte_en = m.wire("wr_byte_en", concat(enables));
  s.wdata = m.wire("wr_data", band(wdata, s.byte_en));
  s.wr_go = m.wire("wr_go", band(wr_accept, wr_ok));
  s.wr_idx = wr_idx;
  s.idx_bits = IB;
  return s;
}

}  // namespace tpegen::wrap
