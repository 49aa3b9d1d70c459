#include "arch/readout_adder.hpp"

#include "arch/common.hpp"
#include "arith/final_adder.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {

ir::ExprP ReadoutAdder::place(ir::Module& m, const std::string& prefix, const ir::ExprP& s, const ir::ExprP& c,
                              const ir::Role& role) {
  if (!built_) {
    built_ = true;
    const bool plus = *cfg_.final_adder == arith::AdderKind::Behavioral || !cfg_.inject_bug.empty() ||
                      cfg_.view == "behavioral";
    if (!plus) {
      arith::BitNet net;
      auto x = net.add_input("x", cfg_.acc_width);
      auto y = net.add_input("y", cfg_.acc_width);
      net.add_output("sum", arith::final_adder(net, x, y, *cfg_.final_adder));
      net_ = std::move(net);
    }
  }
  m.blocks.push_back({role, prefix});
  if (!net_) return acc_add(m, prefix + "sum", s, c, cfg_);
  return emit::emit_bitnet(m, *net_, prefix, {s, c})[0];
}

}  // namespace tpegen::arch
