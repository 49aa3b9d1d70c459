// emit_bitnet_flat (the bit-level form, also behind emit_bitnet_pipelined): compressor cells
// become flat bit-level assigns (no module instances), and
// every net is named by reduction level and column, deterministically.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "arith/compressor_tree.hpp"
#include "emit/bitnet_to_ir.hpp"
#include "ir/module.hpp"

using namespace tpegen;

namespace {

// x + y + z (3 bits each) through a Dadda tree: one reduction level of cells.
arith::BitNet three_operand_net() {
  arith::BitNet net;
  const auto x = net.add_input("x", 3), y = net.add_input("y", 3), z = net.add_input("z", 3);
  arith::BitHeap heap(5);
  for (int k = 0; k < 3; ++k)
    for (const auto* v : {&x, &y, &z}) heap.add_bit(k, (*v)[static_cast<size_t>(k)], net);
  const arith::CarrySave cs = arith::compress(heap, net, {});
  net.add_output("s", cs.sum);
  net.add_output("c", cs.carry);
  return net;
}

std::vector<std::string> emit_names(const arith::BitNet& net) {
  ir::Module m("m");
  std::vector<ir::ExprP> ins = {m.input("x_i", 3), m.input("y_i", 3), m.input("z_i", 3)};
  const auto outs = emit::emit_bitnet_flat(m, net, "t_", ins);
  CHECK(outs.size() == 2);
  CHECK(m.body().instances.empty());  // cells are assigns, not tpe_fa instances
  std::vector<std::string> names;
  for (const auto& n : m.nets()) names.push_back(n.name);
  return names;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

}  // namespace

TEST_CASE("emit_bitnet_flat: cells as assigns, nets named by level and column") {
  const arith::BitNet net = three_operand_net();
  const auto names = emit_names(net);
  // Every cell's outputs are named after its level and column, e.g. t_fa_l1_c2_0_s.
  for (const auto& c : net.cells()) {
    CHECK(c.level == 1);
    bool named = false;
    for (int col = 0; col < 5; ++col)
      named = named || has(names, fmt::format("t_{}_l1_c{}_0_s", c.kind == arith::CellKind::FullAdder ? "fa" : "ha", col));
    CHECK(named);
  }
  CHECK(!net.cells().empty());
  CHECK(has(names, "t_s"));
  CHECK(has(names, "t_c"));
  for (const auto& n : names) {
    INFO(n);
    CHECK(n.find("_n") == std::string::npos);  // no node-number names (t_n123)
    CHECK(n.rfind("t_", 0) == 0);
  }
  CHECK(emit_names(three_operand_net()) == names);  // deterministic
}
