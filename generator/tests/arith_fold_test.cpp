// Constant folding of BitNet cells: an HA/FA/4:2 with a constant, repeated or complementary
// input becomes gates (or smaller cells) with the same value, and whole trees come out with
// no cell that has a constant input, computing what the unfolded tree computes.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "arith/compressor_tree.hpp"
#include "arith/partial_products.hpp"
#include "emit/bitnet_to_ir.hpp"
#include "test_bits.hpp"
#include "test_step_net.hpp"

using namespace tpegen::arith;

namespace {

// Operand choices for one cell input: 0, 1, x, y, z, w, ~x (indices into `pick`).
constexpr int kChoices = 7;
NodeId pick(BitNet& net, const std::vector<NodeId>& v, int k) {
  switch (k) {
    case 0: return net.zero();
    case 1: return net.one();
    case 6: return net.bnot(v[0]);
    default: return v[static_cast<size_t>(k - 2)];
  }
}
int value_of(int k, uint64_t xyzw) { return k == 0 ? 0 : k == 1 ? 1 : k == 6 ? int(~xyzw & 1) : int((xyzw >> (k - 2)) & 1); }

bool has_const_input(const BitNet& net) {
  for (const auto& c : net.cells())
    for (auto in : c.in)
      if (net.is_const(in)) return true;
  return false;
}

int adder_cost(const BitNet& net) {
  int c = 0;
  for (const auto& cell : net.cells())
    c += cell.kind == CellKind::HalfAdder ? 1 : cell.kind == CellKind::FullAdder ? 2 : 4;
  return c;
}

}  // namespace

TEST_CASE("fold: HA and FA with every mix of 0, 1, equal and complementary inputs (exhaustive)") {
  for (int n = 2; n <= 3; ++n)
    for (int combo = 0; combo < (n == 2 ? kChoices * kChoices : kChoices * kChoices * kChoices); ++combo) {
      BitNet net;
      const auto v = net.add_input("v", 4);
      std::vector<int> ks;
      for (int i = 0, c = combo; i < n; ++i, c /= kChoices) ks.push_back(c % kChoices);
      std::vector<NodeId> in;
      for (int k : ks) in.push_back(pick(net, v, k));
      const auto o = n == 2 ? net.half_adder(in[0], in[1], 1) : net.full_adder(in[0], in[1], in[2], 1);
      int vars = 0, ones = 0;
      bool any_dup = false;
      for (size_t i = 0; i < ks.size(); ++i) {
        vars += ks[i] >= 2;
        ones += ks[i] == 1;
        for (size_t j = i + 1; j < ks.size(); ++j)
          any_dup = any_dup || (ks[i] >= 2 && ks[i] == ks[j]) || (ks[i] == 2 && ks[j] == 6) || (ks[i] == 6 && ks[j] == 2);
      }
      // A cell only for 3 distinct signals (FA) or 2 plus a 0 (HA); then exactly one.
      const bool cell = !any_dup && (vars == 3 || (vars == 2 && ones == 0));
      CHECK(net.cells().size() == (cell ? 1U : 0U));
      if (cell) CHECK(net.cells()[0].kind == (vars == 3 ? CellKind::FullAdder : CellKind::HalfAdder));
      net.add_output("o", {o[0], o[1]});
      for (uint64_t x = 0; x < 16; ++x) {
        int expect = 0;
        for (int k : ks) expect += value_of(k, x);
        CHECK(static_cast<int>(net.eval({x})[0]) == expect);
      }
    }
}

TEST_CASE("fold: FA(a, b, 1) is XNOR and OR; FA(a, b, 0) is a half adder") {
  BitNet net;
  const auto v = net.add_input("v", 2);
  const auto o = net.full_adder(v[0], net.one(), v[1], 3);
  CHECK(net.cells().empty());
  const Node& s = net.nodes()[static_cast<size_t>(o[0])];
  REQUIRE(s.op == NodeOp::Not);
  CHECK(net.nodes()[static_cast<size_t>(s.in[0])].op == NodeOp::Xor);
  CHECK(net.nodes()[static_cast<size_t>(o[1])].op == NodeOp::Or);
  CHECK(s.level == 3);  // gates keep their cell's level (pipeline cuts)
  const auto h = net.full_adder(v[0], v[1], net.zero(), 2);
  REQUIRE(net.cells().size() == 1);
  CHECK(net.cells()[0].kind == CellKind::HalfAdder);
  CHECK(net.cells()[0].level == 2);
  (void)h;
  BitNet raw;
  raw.set_fold_cells(false);
  const auto r = raw.add_input("r", 2);
  raw.full_adder(r[0], raw.one(), r[1], 1);
  CHECK(raw.cells().size() == 1);
}

TEST_CASE("fold: 4:2 with constants is two folded full adders; cout never depends on cin") {
  for (int combo = 0; combo < kChoices * kChoices * kChoices * 2; ++combo) {
    // x1..x3 from the choices, x4 a plain input, cin 0 or an input.
    BitNet net;
    const auto v = net.add_input("v", 4);
    const auto cin_in = net.add_input("cin", 1);
    std::vector<int> ks;
    for (int i = 0, c = combo; i < 3; ++i, c /= kChoices) ks.push_back(c % kChoices);
    const bool cin_zero = combo / (kChoices * kChoices * kChoices) == 0;
    const NodeId cin = cin_zero ? net.zero() : cin_in[0];
    const auto o = net.compressor42(pick(net, v, ks[0]), pick(net, v, ks[1]), pick(net, v, ks[2]), v[3], cin, 1);
    const bool any_const = cin_zero || ks[0] < 2 || ks[1] < 2 || ks[2] < 2;
    int c42 = 0;
    for (const auto& c : net.cells()) c42 += c.kind == CellKind::Compressor42;
    CHECK(c42 == (any_const ? 0 : 1));
    CHECK(!has_const_input(net));
    net.add_output("o", {o[0], o[1], o[2]});
    for (uint64_t x = 0; x < 32; ++x) {
      int expect = ((x >> 3) & 1) + (cin_zero ? 0 : int(x >> 4));
      for (int k : ks) expect += value_of(k, x & 15U);
      const uint64_t out = net.eval({x & 15U, x >> 4})[0];
      CHECK(static_cast<int>((out & 1) + 2 * (((out >> 1) & 1) + ((out >> 2) & 1))) == expect);
      CHECK(((net.eval({x & 15U, (x >> 4) ^ 1U})[0] >> 2) & 1) == ((out >> 2) & 1));
    }
  }
}

TEST_CASE("fold: OPT1 step trees have no cell with a constant input, fewer cells, same sums") {
  const TreeOptions trees[] = {{TreeKind::Dadda, false}, {TreeKind::Wallace, false}, {TreeKind::Dadda, true},
                               {TreeKind::Wallace, true}};
  std::mt19937_64 rng(15);
  for (const auto& opt : trees)
    for (Encoding enc : {Encoding::Booth, Encoding::Ent, Encoding::And})
      for (bool is_signed : {true, false}) {
        BitNet folded, raw;
        raw.set_fold_cells(false);
        build_step_net(folded, enc, is_signed, 24, opt);
        build_step_net(raw, enc, is_signed, 24, opt);
        CHECK(!has_const_input(folded));
        // Cost in half-adder units (a 4:2 is two full adders): folding never adds any.
        const int fc = adder_cost(folded), rc = adder_cost(raw);
        CHECK(fc <= rc);
        if (enc == Encoding::Booth && is_signed) CHECK(fc < rc);  // sign-extension constants fold
        for (int i = 0; i < 400; ++i) {
          const std::vector<uint64_t> in = {rng() & 0xff, rng() & 0xff, rng() & mask(24), rng() & mask(24)};
          const auto f = folded.eval(in), r = raw.eval(in);
          REQUIRE(((f[0] + f[1]) & mask(24)) == ((r[0] + r[1]) & mask(24)));
        }
      }
}

TEST_CASE("fold: a folded cell's gates are after a pipeline cut below their level") {
  BitNet net;
  const auto v = net.add_input("v", 2);
  const auto o = net.full_adder(v[0], v[1], net.one(), 2);
  net.add_output("o", {o[0], o[1]});
  const auto late1 = tpegen::emit::late_nodes(net, 1);
  const auto late2 = tpegen::emit::late_nodes(net, 2);
  CHECK(late1[static_cast<size_t>(o[1])]);
  CHECK(!late2[static_cast<size_t>(o[1])]);
  CHECK(!late1[static_cast<size_t>(v[0])]);
}
