#include "arch/opt1_common.hpp"

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arith/compressor_tree.hpp"
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

std::vector<ir::ExprP> opt1_step(ir::Module& m, const DesignConfig& c, int products, bool with_first,
                                 const std::string& prefix, const std::vector<ir::ExprP>& inputs) {
  if (c.view != "behavioral") return emit::emit_bitnet(m, opt1_step_net(c, products, with_first), prefix, inputs);
  const size_t n = static_cast<size_t>(products);
  const ir::ExprP& s = inputs.at(2 * n + (with_first ? 1 : 0));
  const ir::ExprP& cy = inputs.at(2 * n + (with_first ? 2 : 1));
  ir::ExprP acc = m.wire(prefix + "acc", ir::add(s, cy));
  if (with_first) acc = m.wire(prefix + "acc_kept", ir::mux(inputs[2 * n], ir::constant(c.acc_width, 0), acc));
  for (size_t i = 0; i < n; ++i) {
    auto prod = product_to_acc(m, fmt::format("{}prod{}", prefix, i), inputs[2 * i], inputs[2 * i + 1], c);
    acc = m.wire(fmt::format("{}sum{}", prefix, i), ir::add(acc, prod));
  }
  return {m.wire(prefix + "s_next", acc), m.wire(prefix + "c_next", ir::constant(c.acc_width, 0))};
}

}  // namespace tpegen::arch
