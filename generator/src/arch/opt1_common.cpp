#include "arch/opt1_common.hpp"

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {

using namespace arith;

BitNet opt1_step_net(const DesignConfig& c, int products, bool with_first, const DelayModel* delays) {
  BitNet net;
  std::vector<std::vector<NodeId>> as, bs;
  for (int i = 0; i < products; ++i) {
    as.push_back(net.add_input(fmt::format("a{}", i), c.a_width));
    bs.push_back(net.add_input(fmt::format("b{}", i), c.b_width));
  }
  const NodeId first = with_first ? net.add_input("first", 1)[0] : net.zero();
  auto s = net.add_input("s", c.acc_width);
  auto cy = net.add_input("c", c.acc_width);
  BitHeap heap(c.acc_width);
  const Encoding enc = *c.encoding;
  for (int i = 0; i < products; ++i)
    add_product(heap, net, enc, as[static_cast<size_t>(i)], bs[static_cast<size_t>(i)], c.is_signed);
  const NodeId keep = net.bnot(first);
  for (int k = 0; k < c.acc_width; ++k) {
    heap.add_bit(k, net.band(keep, s[static_cast<size_t>(k)]), net);
    heap.add_bit(k, net.band(keep, cy[static_cast<size_t>(k)]), net);
  }
  TreeOptions opt;
  opt.kind = *c.tree;
  opt.use_42 = c.use_42;
  opt.delays = delays;
  CarrySave cs = compress(heap, net, opt);
  net.add_output("s_next", cs.sum);
  net.add_output("c_next", cs.carry);
  return net;
}

ir::ExprP readout_adder(ir::Module& m, const std::string& prefix, const ir::ExprP& s, const ir::ExprP& c,
                        const DesignConfig& cfg) {
  const AdderKind kind = *cfg.final_adder;
  if (kind == AdderKind::Behavioral || !cfg.inject_bug.empty()) return acc_add(m, prefix + "sum", s, c, cfg);
  BitNet net;
  auto x = net.add_input("x", cfg.acc_width);
  auto y = net.add_input("y", cfg.acc_width);
  net.add_output("sum", final_adder(net, x, y, kind));
  return emit::emit_bitnet(m, net, prefix, {s, c})[0];
}

void declare_opt1_templates(ir::Design& d) { emit::declare_arith_templates(d); }

}  // namespace tpegen::arch
