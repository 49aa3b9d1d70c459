#include "arch/clock_gating.hpp"

#include <map>
#include <vector>

#include <fmt/format.h>

#include "emit/verilog_emitter.hpp"

namespace tpegen::arch {

using namespace ir;

namespace {

void gate_module(Design& d, Module& m, bool stuck_on) {
  // Groups in order of first appearance, keyed by the enable's text (one net or expression).
  std::vector<std::string> order;
  std::map<std::string, std::vector<size_t>> groups;
  std::map<std::string, int> bits;
  auto& regs = m.registers();
  for (size_t i = 0; i < regs.size(); ++i) {
    if (!regs[i].enable || !regs[i].clock.empty()) continue;
    const std::string key = emit::emit_expr(regs[i].enable, &m);
    if (!groups.count(key)) order.push_back(key);
    groups[key].push_back(i);
    bits[key] += m.width_of(regs[i].reg);
  }
  int n = 0;
  for (const std::string& key : order) {
    if (bits[key] < kMinGatedBits) continue;
    if (!d.find_extern("tpe_clock_gate"))
      d.add_extern({"tpe_clock_gate",
                    "tpe_clock_gate.v",
                    {{"clk_i", PortDir::In}, {"en_i", PortDir::In}, {"gclk_o", PortDir::Out}}});
    const std::string gclk = fmt::format("cg_clk{}", n);
    const ExprP enable = regs[groups[key].front()].enable;
    m.wire(gclk, 1);
    m.instance({"tpe_clock_gate", fmt::format("u_cg{}", n), {}, {{"clk_i", ref(m.clock, 1)}, {"en_i", stuck_on ? constant(1, 1) : enable},
                                                                  {"gclk_o", ref(gclk, 1)}}});
    for (size_t i : groups[key]) {
      regs[i].clock = gclk;
      regs[i].enable = nullptr;
    }
    ++n;
  }
}

}  // namespace

void gate_clocks(Design& d, bool stuck_on) {
  for (auto& m : d.modules()) gate_module(d, *m, stuck_on);
}

}  // namespace tpegen::arch
