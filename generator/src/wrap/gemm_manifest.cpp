// The manifest's "axi_gemm" object of an `--wrap axi-gemm` design: the host layout, the
// limits, every memory (tpe_sdp_ram instances an ASIC flow may replace) and the registers.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arch/registry.hpp"
#include "wrap/gemm_subsystem.hpp"

namespace tpegen::wrap {

nlohmann::json axi_gemm_manifest(const GemmGeometry& g, const DesignConfig& c) {
  nlohmann::json regs = nlohmann::json::array();
  for (auto& r : axi_gemm_registers())
    regs.push_back({{"name", r.name}, {"offset", r.offset}, {"access", r.access}, {"doc", r.doc}});
  nlohmann::json mems = nlohmann::json::array();
  auto operand = [&](const char* name, const OperandGeometry& o, const char* purpose) {
    for (int b = 0; b < o.banks; ++b)
      for (int s = 0; s < o.sub_rams; ++s)
        mems.push_back({{"instance", fmt::format("u_{}_b{}_s{}", name, b, s)},
                        {"module", "tpe_sdp_ram"},
                        {"words", 1 << o.addr_bits()},
                        {"width", o.lanes_per_beat * o.lane_bits},
                        {"read_latency", 1},
                        {"purpose", purpose}});
  };
  operand("abuf", g.a, "A buffer: bank b holds rows r % banks == b, one beat per word");
  operand("bbuf", g.b, "B buffer: bank b holds rows k % banks == b, sub-RAM s beats b % sub_rams == s of a row");
  if (!g.c_columns)
    mems.push_back({{"instance", "u_c"},
                    {"module", "tpe_sdp_ram"},
                    {"words", 1 << g.c_addr_bits()},
                    {"width", c.cols * c.acc_width},
                    {"read_latency", 1},
                    {"purpose", design_schedule(c).order == golden::Order::MInner
                                    ? "C memory: one row of a result tile per word, and the partial sums of "
                                      "earlier K rounds (systolic-ws)"
                                    : "C memory: one row of a result tile per word"}});
  else
    for (int j = 0; j < c.cols; ++j)
      mems.push_back({{"instance", fmt::format("u_c{}", j)},
                      {"module", "tpe_sdp_ram"},
                      {"words", 1 << g.c_addr_bits()},
                      {"width", c.acc_width},
                      {"read_latency", 1},
                      {"purpose", "C memory of engine column " + std::to_string(j)}});
  return {{"bus_width", c.axis_width},
          {"layout", "input packet: B's K rows, then A's M rows; output packet: C's M rows; row-major, each row "
                     "from a beat boundary, zero-padded to whole beats, elements little-endian in their containers"},
          {"element_bytes", {{"a", g.ea}, {"b", g.eb}, {"c", g.ec}}},
          {"in_beats", "K*ceil(N*B_BYTES/BUS_BYTES) + M*ceil(K*A_BYTES/BUS_BYTES)"},
          {"out_beats", "M*ceil(N*C_BYTES/BUS_BYTES)"},
          {"limits", {{"m", g.m_limit}, {"k", g.k_limit}, {"n", g.n_limit}, {"max_k", g.max_k}}},
          {"limits_doc", "this stage keeps whole matrices on chip: M, K and N up to the limits (the registers "
                         "M_LIMIT, K_LIMIT, N_LIMIT); larger jobs are refused with ERROR.SIZE"},
          {"acc_wrap", c.acc_wrap},
          {"memories", mems},
          {"registers", regs}};
}

}  // namespace tpegen::wrap
