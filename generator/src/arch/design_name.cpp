#include "arch/design_name.hpp"

#include <fmt/format.h>

#include "arch/pe_traits.hpp"
#include "arch/registry.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"

namespace tpegen {

const char* final_adder_token(arith::AdderKind k) {
  using arith::AdderKind;
  return k == AdderKind::KoggeStone ? "ks" : k == AdderKind::BrentKung ? "bk"
         : k == AdderKind::Ripple   ? "rca" : k == AdderKind::Sklansky ? "sk"
         : k == AdderKind::Timing   ? "ta" : "add";
}

std::string canonical_name(const DesignConfig& c) {
  const ArchDescriptor& arch = find_arch(c.arch);
  std::string name = "tpe_" + c.arch + "_" + c.pe + "_";
  if (is_bit_weight_pe(c.pe))
    name += fmt::format("{}_{}{}_{}_", arith::to_string(*c.encoding), arith::to_string(*c.tree), c.use_42 ? "42" : "",
                        final_adder_token(*c.final_adder));
  for (auto& ch : name)
    if (ch == '-') ch = '_';
  if (dim_named(arch.rows, c.rows)) name += fmt::format("r{}", c.rows);
  if (dim_named(arch.cols, c.cols)) name += fmt::format("c{}", c.cols);
  if (dim_named(arch.depth, c.depth)) name += fmt::format("d{}", c.depth);
  name += fmt::format("_{}{}x{}_acc{}", c.is_signed ? "s" : "u", c.a_width, c.b_width, c.acc_width);
  if (c.acc_wrap) name += "w";
  if (c.in_regs) name += fmt::format("_i{}", c.in_regs);
  if (c.out_regs) name += fmt::format("_o{}", c.out_regs);
  // The default (buffered) keeps the names it always had.
  if (c.drain == "shift") name += "_dshift";
  if (c.drain == "resolved") name += "_dres";
  if (c.view == "behavioral") name += "_beh";
  if (c.clock_gate) name += "_cg";
  if (!c.inject_bug.empty()) name += "_bug_" + c.inject_bug;
  return name;
}

std::string top_name(const DesignConfig& c) {
  return canonical_name(c) + (c.wrap == "axi" ? "_axi" : c.wrap == "axi-gemm" ? "_axi_gemm" : "");
}

}  // namespace tpegen
