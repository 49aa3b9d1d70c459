#include "arch/readout_adder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arith/final_adder.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {

namespace {

bool is_plus(const DesignConfig& cfg) {
  return *cfg.final_adder == arith::AdderKind::Behavioral || !cfg.inject_bug.empty() || cfg.view == "behavioral";
}

// tpe_readout_adder_w32_timing: the function and what its structure depends on (the adders
// are timed with the builtin delays, so width and kind fix the netlist).
std::string module_name(const DesignConfig& cfg) {
  std::string kind = arith::to_string(*cfg.final_adder);
  std::replace(kind.begin(), kind.end(), '-', '_');
  return fmt::format("tpe_readout_adder_w{}_{}", cfg.acc_width, kind);
}

const ir::Module& build_module(ir::Design& d, const DesignConfig& cfg) {
  const int W = cfg.acc_width;
  ir::Module& m = d.add_module(module_name(cfg));
  describe_module(m, fmt::format("Read-out adder: sum_o = s_i + c_i mod 2^{}, a {} adder (--final-adder) that "
                                 "resolves a carry-save pair.", W, arith::to_string(*cfg.final_adder)));
  auto s = m.input("s_i", W, "sum of the carry-save pair");
  auto c = m.input("c_i", W, "carry of the carry-save pair");
  auto sum = m.output("sum_o", W);
  arith::BitNet net;
  auto x = net.add_input("x", W);
  auto y = net.add_input("y", W);
  net.add_output("sum", arith::final_adder(net, x, y, *cfg.final_adder));
  m.assign(sum, emit::emit_bitnet(m, net, "", {s, c})[0]);
  return m;
}

}  // namespace

ir::ExprP ReadoutAdder::place(ir::Module& m, const std::string& prefix, const ir::ExprP& s, const ir::ExprP& c,
                              const ir::Role& role) {
  if (is_plus(cfg_)) {
    m.blocks.push_back({role, prefix});
    return acc_add(m, prefix + "sum", s, c, cfg_);
  }
  if (!module_) {
    const ir::Module* built = design_.find_module(module_name(cfg_));  // another unit of the design built it
    module_ = built ? built : &build_module(design_, cfg_);
  }
  auto sum = m.wire(prefix + "sum", cfg_.acc_width);
  const std::string name = prefix.size() > 1 && prefix.back() == '_' ? prefix.substr(0, prefix.size() - 1) : prefix;
  m.instance({module_->name(), "u_" + name, {}, {{"s_i", s}, {"c_i", c}, {"sum_o", sum}}, role});
  return sum;
}

}  // namespace tpegen::arch
