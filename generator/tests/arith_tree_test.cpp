// BitNet / BitHeap basics, compressor trees (value preservation, carry-save rows, OPT1
// step, classic Dadda / Wallace cell counts, 4:2 wiring) and final adders.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "test_bits.hpp"
#include "test_step_net.hpp"
#include "test_trees.hpp"

using namespace tpegen::arith;

namespace {

struct CellCount {
  int ha = 0, fa = 0, c42 = 0, max_level = 0;
};
CellCount count_cells(const BitNet& net) {
  CellCount c;
  for (const auto& cell : net.cells()) {
    if (cell.kind == CellKind::HalfAdder) ++c.ha;
    if (cell.kind == CellKind::FullAdder) ++c.fa;
    if (cell.kind == CellKind::Compressor42) ++c.c42;
    c.max_level = std::max(c.max_level, cell.level);
  }
  for (const auto& n : net.nodes()) c.max_level = std::max(c.max_level, n.level);  // gates of folded cells
  return c;
}

}  // namespace

TEST_CASE("BitNet: constants, folding, cells, eval") {
  BitNet net;
  REQUIRE(net.nodes().size() == 2);
  CHECK(net.nodes()[0].op == NodeOp::Const0);
  CHECK(net.nodes()[1].op == NodeOp::Const1);
  const auto x = net.add_input("x", 2);
  const NodeId a = x[0], b = x[1], z = net.zero(), o = net.one();
  CHECK(net.band(a, z) == z);
  CHECK(net.band(a, o) == a);
  CHECK(net.bor(a, o) == o);
  CHECK(net.bor(z, a) == a);
  CHECK(net.bxor(a, z) == a);
  CHECK(net.bxor(a, a) == z);
  CHECK(net.bnot(o) == z);
  CHECK(net.bnot(net.bnot(a)) == a);
  const Node& na = net.nodes()[static_cast<size_t>(net.bxor(o, a))];
  CHECK((na.op == NodeOp::Not && na.in[0] == a));
  CHECK(net.mux(o, a, b) == a);
  CHECK(net.mux(z, a, b) == b);
  CHECK(net.mux(a, b, b) == b);
  CHECK(net.is_const(z));
  CHECK(!net.is_const(a));
  const size_t before = net.nodes().size();
  const NodeId m = net.mux(a, b, net.bnot(b));
  CHECK(net.nodes().size() > before);
  net.add_output("m", {m, net.band(a, b), net.bor(a, b), net.bxor(a, b)});
  for (uint64_t v = 0; v < 4; ++v) {
    const uint64_t av = v & 1U, bv = v >> 1;
    const uint64_t expect = (av ? bv : 1 - bv) | (av & bv) << 1 | (av | bv) << 2 | (av ^ bv) << 3;
    CHECK(net.eval({v})[0] == expect);
  }
  CHECK_THROWS(net.eval({}));
}

TEST_CASE("BitNet cells: HA, FA, 4:2 truth tables; cout independent of cin") {
  BitNet net;
  const auto x = net.add_input("x", 5);
  const auto ha = net.half_adder(x[0], x[1], 1);
  const auto fa = net.full_adder(x[0], x[1], x[2], 1);
  const auto c = net.compressor42(x[0], x[1], x[2], x[3], x[4], 1);
  for (auto id : ha) CHECK(net.nodes()[static_cast<size_t>(id)].op == NodeOp::CellOut);
  REQUIRE(net.cells().size() == 3);
  CHECK(net.cells()[2].kind == CellKind::Compressor42);
  CHECK(net.cells()[2].out.size() == 3);
  net.add_output("ha", {ha[0], ha[1]});
  net.add_output("fa", {fa[0], fa[1]});
  net.add_output("c42", {c[0], c[1], c[2]});
  for (uint64_t v = 0; v < 32; ++v) {
    const auto out = net.eval({v});
    const int b0 = v & 1, b1 = (v >> 1) & 1, b2 = (v >> 2) & 1, b3 = (v >> 3) & 1, b4 = (v >> 4) & 1;
    CHECK(static_cast<int>(out[0] & 1) + 2 * static_cast<int>(out[0] >> 1) == b0 + b1);
    CHECK(static_cast<int>(out[1] & 1) + 2 * static_cast<int>(out[1] >> 1) == b0 + b1 + b2);
    const int s = out[2] & 1, cy = (out[2] >> 1) & 1, co = (out[2] >> 2) & 1;
    CHECK(s + 2 * (cy + co) == b0 + b1 + b2 + b3 + b4);
    const auto flipped = net.eval({v ^ 16U});  // toggle cin
    CHECK(((flipped[2] >> 2) & 1) == static_cast<uint64_t>(co));
  }
}

TEST_CASE("BitHeap: bits, constants, signed numbers") {
  BitNet net;
  const auto x = net.add_input("x", 5);
  BitHeap heap(8);
  heap.add_bit(2, net.one(), net);
  heap.add_bit(3, net.zero(), net);
  heap.add_bit(9, x[0], net);
  CHECK(heap.constant() == 4);
  CHECK(heap.bit_count() == 0);
  heap.add_constant(~uint64_t{0});  // -1
  CHECK(heap.constant() == 3);
  heap.add_number(x, 1, true, net);  // 2 * signed x
  CHECK(heap.max_height() == 1);
  for (uint64_t v = 0; v < 32; ++v) {
    const int64_t sx = v >= 16 ? static_cast<int64_t>(v) - 32 : static_cast<int64_t>(v);
    CHECK(heap_value(heap, net, {v}) == (static_cast<uint64_t>(3 + 2 * sx) & 0xffU));
  }
  heap.materialize_constant(net);
  CHECK(heap.constant() == 0);
  CHECK(heap.columns()[0].size() == 1);
  CHECK(heap_value(heap, net, {5}) == 13);
  // Sign bit at or beyond the width: it and its constant vanish.
  BitHeap top(4);
  top.add_number(x, 0, true, net);
  CHECK(top.constant() == 0);
  CHECK(top.bit_count() == 4);
  CHECK_THROWS(BitHeap(0));
  CHECK_THROWS(BitHeap(65));
}

TEST_CASE("compress: heap value preserved, carry-save rows sum to it (random heaps)") {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 24; ++trial) {
    const TreeOptions& opt = kAllTrees[trial % kTreeCount].opt;
    BitNet net;
    const auto in = net.add_input("in", 40);
    const int width = 6 + static_cast<int>(rng() % 30);
    BitHeap heap(width);
    const int nbits = 20 + static_cast<int>(rng() % 200);
    for (int k = 0; k < nbits; ++k) {
      const NodeId p = in[rng() % 40], q = in[rng() % 40];
      const NodeId bit = (k % 3 == 0) ? net.band(p, q) : (k % 3 == 1) ? net.bxor(p, q) : p;
      heap.add_bit(static_cast<int>(rng() % static_cast<uint64_t>(width + 2)), bit, net);
    }
    heap.add_number({in[1], in[2], in[3], in[4]}, static_cast<int>(rng() % 8), true, net);
    heap.add_constant(rng());
    std::vector<uint64_t> samples;
    std::vector<uint64_t> before;
    for (int i = 0; i < 20; ++i) {
      samples.push_back(rng() & mask(40));
      before.push_back(heap_value(heap, net, {samples.back()}));
    }
    const int height = heap.max_height();
    const CarrySave cs = compress(heap, net, opt);
    REQUIRE(static_cast<int>(cs.sum.size()) == width);
    REQUIRE(static_cast<int>(cs.carry.size()) == width);
    CHECK(cs.levels == count_cells(net).max_level);
    if (height <= 1) CHECK(cs.levels == 0);
    for (const auto& cell : net.cells()) CHECK((cell.level >= 1 && cell.level <= cs.levels));
    net.add_output("s", cs.sum);
    net.add_output("c", cs.carry);
    for (size_t i = 0; i < samples.size(); ++i) {
      CHECK(heap_value(heap, net, {samples[i]}) == before[i]);
      const auto out = net.eval({samples[i]});
      CHECK(((out[0] + out[1]) & mask(width)) == before[i]);
    }
  }
}

TEST_CASE("OPT1 step: s' + c' == s + c + a*b (mod 2^20), int8 Booth, every tree") {
  std::mt19937_64 rng(20);
  for (const auto& [opt, name] : kAllTrees)
    for (Encoding enc : {Encoding::Booth, Encoding::Ent, Encoding::And}) {
      BitNet net;
      const CarrySave cs = build_step_net(net, enc, true, 20, opt);
      if (enc == Encoding::Booth)
        MESSAGE("OPT1 int8 booth acc20 " << name << ": " << cs.levels
                                         << " levels, HA " << count_cells(net).ha << ", FA " << count_cells(net).fa
                                         << ", 4:2 " << count_cells(net).c42);
      for (int i = 0; i < 3000; ++i) {
        const uint64_t av = rng() & 0xff, bv = rng() & 0xff, sv = rng() & mask(20), cv = rng() & mask(20);
        const int64_t p = static_cast<int64_t>(static_cast<int8_t>(av)) * static_cast<int8_t>(bv);
        const auto out = net.eval({av, bv, sv, cv});
        REQUIRE(((out[0] + out[1]) & mask(20)) == ((sv + cv + static_cast<uint64_t>(p)) & mask(20)));
      }
    }
}

TEST_CASE("Dadda 8x8 unsigned AND array (16-bit heap): 35 FA + 7 HA in 4 levels (Dadda 1965)") {
  auto build = [](const TreeOptions& opt, BitNet& net) {
    const auto a = net.add_input("a", 8);
    const auto b = net.add_input("b", 8);
    BitHeap heap(16);
    add_and_array(heap, net, a, b, false);
    CHECK(heap.max_height() == 8);
    CHECK(heap.bit_count() == 64);
    const CarrySave cs = compress(heap, net, opt);
    net.add_output("p", final_adder(net, cs.sum, cs.carry, AdderKind::Ripple));
    for (uint64_t x = 0; x < 256; x += 5)
      for (uint64_t y = 0; y < 256; y += 3) CHECK(net.eval({x, y})[0] == x * y);
    return cs;
  };
  {
    BitNet net;
    const CarrySave cs = build({TreeKind::Dadda, false}, net);
    CHECK(cs.levels == 4);  // 8 -> 6 -> 4 -> 3 -> 2
    CellCount cc;
    for (const auto& cell : net.cells()) {
      if (cell.level == 0) continue;  // the final ripple adder
      if (cell.kind == CellKind::HalfAdder) ++cc.ha;
      if (cell.kind == CellKind::FullAdder) ++cc.fa;
    }
    CHECK(cc.fa == 35);
    CHECK(cc.ha == 7);
    // Two rows: bit 0 alone, then two bits in columns 1..14 (a 14-bit final adder).
    int two_bit_columns = 0;
    for (int k = 0; k < 16; ++k) two_bit_columns += cs.sum[k] != net.zero() && cs.carry[k] != net.zero();
    CHECK(two_bit_columns == 14);
  }
  {
    BitNet net;
    const CarrySave cs = build({TreeKind::Wallace, false}, net);
    const CellCount cc = count_cells(net);  // includes the ripple adder's cells (level 0)
    int fa = 0, ha = 0;
    for (const auto& cell : net.cells())
      if (cell.level > 0) (cell.kind == CellKind::FullAdder ? fa : ha) += 1;
    MESSAGE("Wallace 8x8: " << cs.levels << " levels, " << fa << " FA, " << ha << " HA");
    CHECK(cs.levels == 4);
    CHECK(cc.c42 == 0);
  }
  {
    BitNet net;
    const CarrySave cs = build({TreeKind::Dadda, true}, net);
    int fa = 0, ha = 0, c42 = 0;
    for (const auto& cell : net.cells())
      if (cell.level > 0) (cell.kind == CellKind::FullAdder ? fa : cell.kind == CellKind::HalfAdder ? ha : c42) += 1;
    MESSAGE("Dadda+4:2 8x8: " << cs.levels << " levels, " << c42 << " 4:2, " << fa << " FA, " << ha << " HA");
    CHECK(cs.levels == 2);  // 8 -> 4 -> 2
    CHECK(c42 > 0);
  }
}

TEST_CASE("4:2 wiring: a cout feeds only a cin of the same level in the next column, or the next level") {
  for (const auto& opt : {TreeOptions{TreeKind::Dadda, true}, TreeOptions{TreeKind::Wallace, true}}) {
    BitNet net;
    net.set_fold_cells(false);  // the raw plan: folding would split a 4:2 with a constant into gates
    const auto a = net.add_input("a", 12);
    const auto b = net.add_input("b", 12);
    BitHeap heap(24);
    add_and_array(heap, net, a, b, true);
    compress(heap, net, opt);
    const auto& cells = net.cells();
    std::map<NodeId, int> cout_level;  // cout node -> level of its compressor
    for (const auto& c : cells)
      if (c.kind == CellKind::Compressor42) cout_level[c.out[2]] = c.level;
    int chained = 0;
    for (const auto& c : cells) {
      for (size_t k = 0; k < c.in.size(); ++k) {
        const auto it = cout_level.find(c.in[k]);
        if (it == cout_level.end()) continue;
        if (c.kind == CellKind::Compressor42 && k == 4 && c.level == it->second) {
          ++chained;
        } else {
          CHECK(c.level > it->second);  // a cout used as an ordinary bit: only in a later level
        }
      }
      // A cell never takes an output of its own level, except the cin chain above.
      for (size_t k = 0; k < c.in.size(); ++k) {
        const Node& n = net.nodes()[static_cast<size_t>(c.in[k])];
        if (n.op != NodeOp::CellOut) continue;
        const Cell& src = cells[static_cast<size_t>(n.cell)];
        if (src.level == c.level) CHECK((c.kind == CellKind::Compressor42 && k == 4 && n.cell_out == 2));
      }
    }
    CHECK(chained > 0);
  }
}

TEST_CASE("final adders: exhaustive w = 1..8, random 32 and 64") {
  for (AdderKind kind : {AdderKind::Ripple, AdderKind::KoggeStone, AdderKind::BrentKung, AdderKind::Sklansky,
                         AdderKind::Timing}) {
    for (int w = 1; w <= 8; ++w) {
      BitNet net;
      const auto x = net.add_input("x", w);
      const auto y = net.add_input("y", w);
      net.add_output("s", final_adder(net, x, y, kind));
      bool ok = true;
      for (uint64_t a = 0; a <= mask(w) && ok; ++a)
        for (uint64_t b = 0; b <= mask(w); ++b)
          if (net.eval({a, b})[0] != ((a + b) & mask(w))) {
            FAIL_CHECK(to_string(kind) << " w=" << w << " " << a << "+" << b);
            ok = false;
            break;
          }
    }
    std::mt19937_64 rng(3);
    for (int w : {32, 64}) {
      BitNet net;
      const auto x = net.add_input("x", w);
      const auto y = net.add_input("y", w);
      net.add_output("s", final_adder(net, x, y, kind));
      for (int i = 0; i < 10000; ++i) {
        uint64_t a = rng() & mask(w), b = rng() & mask(w);
        if (i % 3 == 0) b = (mask(w) - a + (i % 2)) & mask(w);  // long carry chains
        REQUIRE(net.eval({a, b})[0] == ((a + b) & mask(w)));
      }
    }
  }
  BitNet net;
  const auto x = net.add_input("x", 4);
  const auto y = net.add_input("y", 3);
  CHECK_THROWS_AS(final_adder(net, x, y, AdderKind::Ripple), std::invalid_argument);
  CHECK_THROWS_AS(final_adder(net, x, x, AdderKind::Behavioral), std::invalid_argument);
  CHECK(parse_adder("kogge-stone") == AdderKind::KoggeStone);
  CHECK(std::string(to_string(AdderKind::BrentKung)) == "brent-kung");
  CHECK_THROWS_AS(parse_adder("carry-select"), std::invalid_argument);
  CHECK(parse_tree("wallace") == TreeKind::Wallace);
  CHECK(parse_tree("timing") == TreeKind::Timing);
  CHECK(parse_adder("timing") == AdderKind::Timing);
  CHECK(parse_adder("sklansky") == AdderKind::Sklansky);
  CHECK_THROWS_AS(parse_tree("booth"), std::invalid_argument);
}
