// The host side of an AXI4-Lite transaction (and the reset) of a Verilated design with s_axi_* ports, shared
// by the hosts of both AXI wrappers (axi_sim.hpp, axi_gemm_host.hpp). `clock` advances the
// design one cycle and serves whatever else the host drives (the streams).
#pragma once

#include <cstdint>

namespace tb {

/// Reset of a wrapped design: every handshake input of the AXI4-Lite slave and both streams
/// at 0 (Verilator starts inputs random), then rst_ni low for two cycles.
template <typename Hw, typename Clock>
void reset_axi_design(Hw& hw, Clock&& clock) {
  hw.s_axi_awvalid = hw.s_axi_wvalid = hw.s_axi_bready = hw.s_axi_arvalid = hw.s_axi_rready = 0;
  hw.s_axi_awprot = hw.s_axi_arprot = 0;
  hw.s_axis_tvalid = hw.s_axis_tlast = hw.m_axis_tready = 0;
  hw.clk_i = 0;
  hw.rst_ni = 0;
  hw.eval();
  clock();
  clock();
  hw.rst_ni = 1;
  hw.eval();
}

/// A write: address and data together, then the response; returns BRESP.
template <typename Hw, typename Clock>
uint32_t lite_write(Hw& hw, Clock&& clock, uint32_t addr, uint32_t data, uint32_t strobes) {
  hw.s_axi_awaddr = static_cast<uint8_t>(addr);
  hw.s_axi_wdata = data;
  hw.s_axi_wstrb = static_cast<uint8_t>(strobes);
  hw.s_axi_awvalid = hw.s_axi_wvalid = 1;
  hw.s_axi_bready = 0;
  for (bool taken = false; !taken;) {
    hw.eval();
    taken = hw.s_axi_awready && hw.s_axi_wready;
    clock();
  }
  hw.s_axi_awvalid = hw.s_axi_wvalid = 0;
  hw.s_axi_bready = 1;
  uint32_t bresp = 0;
  for (bool resp = false; !resp;) {
    hw.eval();
    resp = hw.s_axi_bvalid;
    bresp = hw.s_axi_bresp;
    clock();
  }
  hw.s_axi_bready = 0;
  return bresp;
}

/// A read; returns RDATA and, when `resp_out` is given, RRESP.
template <typename Hw, typename Clock>
uint32_t lite_read(Hw& hw, Clock&& clock, uint32_t addr, uint32_t* resp_out) {
  hw.s_axi_araddr = static_cast<uint8_t>(addr);
  hw.s_axi_arvalid = 1;
  hw.s_axi_rready = 0;
  for (bool taken = false; !taken;) {
    hw.eval();
    taken = hw.s_axi_arready;
    clock();
  }
  hw.s_axi_arvalid = 0;
  hw.s_axi_rready = 1;
  uint32_t v = 0;
  for (bool resp = false; !resp;) {
    hw.eval();
    resp = hw.s_axi_rvalid;
    v = hw.s_axi_rdata;
    if (resp_out) *resp_out = hw.s_axi_rresp;
    clock();
  }
  hw.s_axi_rready = 0;
  return v;
}

}  // namespace tb
