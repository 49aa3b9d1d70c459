// Multipliers from the bit-heap library: every encoding x signedness x (WA, WB) in 2..8
// exhaustively, product in a WA+WB-bit heap and sign-extended in a 32-bit heap, through
// every tree (Dadda, Wallace, with and without 4:2) and every final adder; random 12x12
// and 16x16.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "test_bits.hpp"
#include "test_trees.hpp"

using namespace tpegen::arith;

namespace {

// Bit-sliced evaluation of a BitNet: 64 input patterns per pass (lane l of every node's
// word is its value for pattern l). Cross-checked against BitNet::eval below.
std::vector<std::vector<uint64_t>> eval64(const BitNet& net, const std::vector<std::vector<uint64_t>>& in) {
  const auto& nodes = net.nodes();
  const size_t lanes = in.empty() ? 0 : in[0].size();
  std::vector<uint64_t> v(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    auto x = [&](size_t k) { return v[static_cast<size_t>(n.in[k])]; };
    uint64_t r = 0;
    switch (n.op) {
      case NodeOp::Const0: r = 0; break;
      case NodeOp::Const1: r = ~uint64_t{0}; break;
      case NodeOp::Input:
        for (size_t l = 0; l < lanes; ++l) r |= ((in[static_cast<size_t>(n.input)][l] >> n.bit) & 1U) << l;
        break;
      case NodeOp::Not: r = ~x(0); break;
      case NodeOp::And: r = x(0) & x(1); break;
      case NodeOp::Or: r = x(0) | x(1); break;
      case NodeOp::Xor: r = x(0) ^ x(1); break;
      case NodeOp::Mux: r = (x(0) & x(1)) | (~x(0) & x(2)); break;
      case NodeOp::CellOut: {
        const Cell& c = net.cells()[static_cast<size_t>(n.cell)];
        auto ci = [&](size_t k) { return v[static_cast<size_t>(c.in[k])]; };
        auto maj = [](uint64_t a, uint64_t b, uint64_t d) { return (a & b) | (a & d) | (b & d); };
        if (c.kind == CellKind::HalfAdder) r = n.cell_out == 0 ? ci(0) ^ ci(1) : ci(0) & ci(1);
        else if (c.kind == CellKind::FullAdder) r = n.cell_out == 0 ? ci(0) ^ ci(1) ^ ci(2) : maj(ci(0), ci(1), ci(2));
        else {
          const uint64_t s1 = ci(0) ^ ci(1) ^ ci(2);
          r = n.cell_out == 0 ? s1 ^ ci(3) ^ ci(4) : n.cell_out == 1 ? maj(s1, ci(3), ci(4)) : maj(ci(0), ci(1), ci(2));
        }
        break;
      }
    }
    v[i] = r;
  }
  std::vector<std::vector<uint64_t>> out(net.outputs().size(), std::vector<uint64_t>(lanes, 0));
  for (size_t o = 0; o < out.size(); ++o) {
    const auto& bits = net.output_bits()[o];
    for (size_t k = 0; k < bits.size(); ++k) {
      const uint64_t word = v[static_cast<size_t>(bits[k])];
      for (size_t l = 0; l < lanes; ++l) out[o][l] |= ((word >> l) & 1U) << k;
    }
  }
  return out;
}

const AdderKind kAdders[] = {AdderKind::Ripple,   AdderKind::KoggeStone, AdderKind::BrentKung,
                             AdderKind::Sklansky, AdderKind::Timing};
constexpr int kAdderCount = 5;
const Encoding kEncodings[] = {Encoding::And, Encoding::Booth, Encoding::Ent};

BitNet multiplier(Encoding enc, bool s, int wa, int wb, int width, const TreeOptions& opt, AdderKind adder,
                  CarrySave* cs_out = nullptr) {
  BitNet net;
  const auto a = net.add_input("a", wa);
  const auto b = net.add_input("b", wb);
  BitHeap heap(width);
  add_product(heap, net, enc, a, b, s);
  const CarrySave cs = compress(heap, net, opt);
  net.add_output("p", final_adder(net, cs.sum, cs.carry, adder));
  if (cs_out) *cs_out = cs;
  return net;
}

std::string describe(Encoding enc, bool s, int wa, int wb, int width, const char* tree, AdderKind adder) {
  return std::string(to_string(enc)) + (s ? " signed " : " unsigned ") + std::to_string(wa) + "x" +
         std::to_string(wb) + " heap " + std::to_string(width) + " " + tree + " " + to_string(adder);
}

}  // namespace

TEST_CASE("bit-sliced evaluator agrees with BitNet::eval") {
  std::mt19937_64 rng(7);
  for (Encoding enc : kEncodings)
    for (const auto& t : kAllTrees) {
      const BitNet net = multiplier(enc, true, 7, 6, 20, t.opt, AdderKind::BrentKung);
      std::vector<std::vector<uint64_t>> in(2, std::vector<uint64_t>(64));
      for (int l = 0; l < 64; ++l) {
        in[0][static_cast<size_t>(l)] = rng() & mask(7);
        in[1][static_cast<size_t>(l)] = rng() & mask(6);
      }
      const auto out = eval64(net, in);
      for (size_t l = 0; l < 64; ++l) CHECK(out[0][l] == net.eval({in[0][l], in[1][l]})[0]);
    }
}

TEST_CASE("multipliers: every encoding, signedness, 2 <= WA, WB <= 8 exhaustive, all trees and adders") {
  long nets = 0, vectors = 0;
  int turn = 0;
  for (Encoding enc : kEncodings)
    for (bool s : {false, true})
      for (int wa = 2; wa <= 8; ++wa)
        for (int wb = 2; wb <= 8; ++wb)
          for (int width : {wa + wb, 32})
            for (const auto& t : kAllTrees) {
              const AdderKind adder = kAdders[turn++ % kAdderCount];
              const BitNet net = multiplier(enc, s, wa, wb, width, t.opt, adder);
              ++nets;
              const uint64_t na = uint64_t{1} << wa, nb = uint64_t{1} << wb, total = na * nb;
              bool ok = true;
              std::vector<std::vector<uint64_t>> in(2, std::vector<uint64_t>(64));
              for (uint64_t base = 0; base < total && ok; base += 64) {
                for (uint64_t l = 0; l < 64; ++l) {
                  const uint64_t idx = (base + l) % total;
                  in[0][l] = idx % na;
                  in[1][l] = idx / na;
                }
                const auto out = eval64(net, in);
                for (size_t l = 0; l < 64 && base + l < total; ++l) {
                  const int64_t p = value_of(in[0][l], wa, s) * value_of(in[1][l], wb, s);
                  if (out[0][l] != (static_cast<uint64_t>(p) & mask(width))) {
                    FAIL_CHECK(describe(enc, s, wa, wb, width, t.name, adder)
                               << ": a=" << in[0][l] << " b=" << in[1][l] << " got " << out[0][l]);
                    ok = false;
                    break;
                  }
                  ++vectors;
                }
              }
            }
  MESSAGE(nets << " multiplier nets, " << vectors << " exhaustive vectors");
  CHECK(nets == 3 * 2 * 49 * 2 * kTreeCount);
}

TEST_CASE("multipliers: random 12x12 and 16x16 (10k pairs each, BitNet::eval)") {
  // Every tree meets every adder once over the 12 nets (turn % 6 and turn % 5 cover all 30 pairs
  // over 30 turns; 12 turns cover 12 of them, each tree twice and each adder at least twice).
  std::mt19937_64 rng(2025);
  int turn = 0;
  for (int w : {12, 16})
    for (Encoding enc : kEncodings)
      for (bool s : {false, true}) {
        const auto& t = kAllTrees[turn % kTreeCount];
        const AdderKind adder = kAdders[turn % kAdderCount];
        const int width = (turn % 2) ? 2 * w : 64;
        ++turn;
        const BitNet net = multiplier(enc, s, w, w, width, t.opt, adder);
        int bad = 0;
        for (int i = 0; i < 10000; ++i) {
          // Every fourth pair takes an extreme value for a.
          uint64_t a = rng() & mask(w);
          const uint64_t b = rng() & mask(w);
          if (i % 4 == 0) a = (i / 4) % 2 ? uint64_t{1} << (w - 1) : mask(w);
          const int64_t p = value_of(a, w, s) * value_of(b, w, s);
          if (net.eval({a, b})[0] != (static_cast<uint64_t>(p) & mask(width))) ++bad;
        }
        CHECK_MESSAGE(bad == 0, describe(enc, s, w, w, width, t.name, adder));
      }
}

TEST_CASE("add_digit_products: digits x B at a weight, B of the other signedness") {
  // A signed (Booth / EN-T digits), B unsigned, at weight 3, heap 24 bits.
  for (bool ent : {false, true}) {
    BitNet net;
    const auto a = net.add_input("a", 6);
    const auto b = net.add_input("b", 7);
    BitHeap heap(24);
    add_digit_products(heap, net, ent ? ent_encode(net, a, true) : booth_encode(net, a, true), b, false, 3);
    const CarrySave cs = compress(heap, net, {});
    net.add_output("p", final_adder(net, cs.sum, cs.carry, AdderKind::KoggeStone));
    for (uint64_t x = 0; x < 64; ++x)
      for (uint64_t y = 0; y < 128; ++y) {
        const int64_t p = value_of(x, 6, true) * static_cast<int64_t>(y) * 8;
        REQUIRE(net.eval({x, y})[0] == (static_cast<uint64_t>(p) & mask(24)));
      }
  }
}
