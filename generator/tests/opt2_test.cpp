// OPT2 (arch/opt2_common.hpp): the row encoder's digits, and the unit step BitNet (per-weight
// compressor trees + final tree with the carry-save accumulator) evaluated against
// s + c + sum_k a_k*b_k (mod 2^acc) on exhaustive small and random inputs; configuration checks.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "arch/design_name.hpp"
#include "arch/opt2_common.hpp"
#include "arch/resolve.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "config/design_config.hpp"
#include "test_bits.hpp"

using namespace tpegen;

namespace {

DesignConfig opt2_cfg(const std::string& enc, int wa, int wb, bool is_signed, int acc, const std::string& tree = "dadda",
                      bool use_42 = false) {
  DesignConfig c;
  c.arch = "mac-tree";
  c.pe = "opt2";
  c.a_width = wa;
  c.b_width = wb;
  c.is_signed = is_signed;
  c.acc_width = acc;
  c.encoding = arith::parse_encoding(enc);
  c.tree = arith::parse_tree(tree);
  c.use_42 = use_42;
  c.final_adder = arith::AdderKind::BrentKung;
  return c;
}

// Checks one step of the unit: products (a_k, b_k) raw bit patterns, accumulator s, c.
struct StepChecker {
  DesignConfig c;
  int K;
  arith::BitNet enc, step, step_nofirst;
  StepChecker(const DesignConfig& cfg, int k)
      : c(cfg), K(k), enc(arch::opt2_encoder_net(cfg)), step(arch::opt2_step_net(cfg, k, true)),
        step_nofirst(arch::opt2_step_net(cfg, k, false)) {}

  // Returns true when the net's result matches the arithmetic.
  bool check(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, uint64_t s, uint64_t cy, bool first,
             bool with_first = true) const {
    std::vector<uint64_t> in;
    int64_t dot = 0;
    for (int k = 0; k < K; ++k) {
      const auto d = enc.eval({a[static_cast<size_t>(k)]});
      in.insert(in.end(), {d[0], d[1], d[2], b[static_cast<size_t>(k)]});
      dot += value_of(a[static_cast<size_t>(k)], c.a_width, c.is_signed) *
             value_of(b[static_cast<size_t>(k)], c.b_width, c.is_signed);
    }
    if (with_first) in.push_back(first ? 1 : 0);
    in.push_back(s);
    in.push_back(cy);
    const auto out = (with_first ? step : step_nofirst).eval(in);
    const uint64_t base = first && with_first ? 0 : s + cy;
    return ((out[0] + out[1]) & mask(c.acc_width)) == ((base + static_cast<uint64_t>(dot)) & mask(c.acc_width));
  }
};

}  // namespace

TEST_CASE("OPT2 encoder digits equal booth_digits / ent_digits (exhaustive)") {
  for (const char* enc : {"booth", "ent"})
    for (bool sg : {true, false})
      for (int wa : {2, 3, 7, 8, 9}) {
        const DesignConfig c = opt2_cfg(enc, wa, 8, sg, 32);
        const arith::BitNet net = arch::opt2_encoder_net(c);
        const int nd = arch::opt2_digit_count(c);
        for (uint64_t a = 0; a < (uint64_t{1} << wa); ++a) {
          const auto o = net.eval({a});
          const int64_t v = value_of(a, wa, sg);
          const auto want = std::string(enc) == "booth" ? arith::booth_digits(v, wa, sg) : arith::ent_digits(v, wa, sg);
          REQUIRE(static_cast<int>(want.size()) == nd);
          for (int i = 0; i < nd; ++i) {
            const int one = (o[0] >> i) & 1, two = (o[1] >> i) & 1, neg = (o[2] >> i) & 1;
            const int got = (neg ? -1 : 1) * (one ? 1 : two ? 2 : 0);
            CHECK_MESSAGE(got == want[static_cast<size_t>(i)],
                          fmt::format("{} {} w{} a={} digit {}", enc, sg ? "s" : "u", wa, v, i));
            CHECK(!(one && two));
          }
        }
      }
}

TEST_CASE("OPT2 per-weight tree width") {
  // int8 signed, K = 16: |sum| <= 16 * 256 = 4096 needs 14 bits, plus the headroom bit.
  CHECK(arch::opt2_weight_tree_width(opt2_cfg("booth", 8, 8, true, 32), 16) == 15);
  CHECK(arch::opt2_weight_tree_width(opt2_cfg("booth", 8, 8, false, 32), 1) == 11);
}

TEST_CASE("OPT2 unit step: exhaustive 4x4, one and two products") {
  for (const char* enc : {"booth", "ent"})
    for (bool sg : {true, false}) {
      const DesignConfig c = opt2_cfg(enc, 4, 4, sg, 12);
      for (int K : {1, 2}) {
        StepChecker chk(c, K);
        std::mt19937_64 rng(7);
        int bad = 0;
        for (uint64_t x = 0; x < (uint64_t{1} << (8 * K)); ++x) {
          std::vector<uint64_t> a, b;
          for (int k = 0; k < K; ++k) {
            a.push_back((x >> (8 * k)) & 15U);
            b.push_back((x >> (8 * k + 4)) & 15U);
          }
          const uint64_t s = rng() & mask(12), cy = rng() & mask(12);
          bad += !chk.check(a, b, s, cy, (x & 3U) == 0);
        }
        CHECK_MESSAGE(bad == 0, fmt::format("{} {} K={}", enc, sg ? "signed" : "unsigned", K));
      }
    }
}

TEST_CASE("OPT2 unit step: random inputs, extremes, several widths, trees and depths") {
  struct P {
    const char* enc;
    int wa, wb;
    bool sg;
    int acc, K;
    const char* tree;
    bool c42;
  };
  const P ps[] = {{"booth", 8, 8, true, 32, 16, "dadda", false}, {"ent", 8, 8, true, 32, 16, "wallace", true},
                  {"booth", 8, 8, false, 32, 16, "dadda", true},  {"ent", 8, 8, false, 24, 4, "dadda", false},
                  {"booth", 7, 5, false, 20, 5, "wallace", false}, {"ent", 5, 11, true, 30, 3, "dadda", true},
                  {"booth", 16, 16, true, 64, 8, "dadda", false},  {"ent", 16, 16, false, 48, 2, "wallace", true},
                  {"booth", 2, 2, true, 8, 7, "dadda", false},     {"ent", 3, 9, false, 16, 1, "dadda", false}};
  std::mt19937_64 rng(2025);
  for (const P& p : ps) {
    const DesignConfig c = opt2_cfg(p.enc, p.wa, p.wb, p.sg, p.acc, p.tree, p.c42);
    StepChecker chk(c, p.K);
    int bad = 0;
    for (int t = 0; t < 600; ++t) {
      std::vector<uint64_t> a, b;
      for (int k = 0; k < p.K; ++k) {
        // Mix uniform values with the extremes (most negative, most positive, 0, -1).
        const int mode = static_cast<int>(rng() % 4);
        const auto pick = [&](int w) -> uint64_t {
          if (mode == 0) return rng() & mask(w);
          const uint64_t ext[] = {p.sg ? uint64_t{1} << (w - 1) : mask(w), p.sg ? mask(w - 1) : mask(w), 0, mask(w)};
          return ext[rng() % 4];
        };
        a.push_back(pick(p.wa));
        b.push_back(pick(p.wb));
      }
      const uint64_t s = rng() & mask(p.acc), cy = rng() & mask(p.acc);
      bad += !chk.check(a, b, s, cy, t % 5 == 0);
      bad += !chk.check(a, b, s, cy, false, false);
    }
    CHECK_MESSAGE(bad == 0, fmt::format("{} {}x{} {} acc{} K={}", p.enc, p.wa, p.wb, p.sg ? "s" : "u", p.acc, p.K));
  }
}

TEST_CASE("OPT2 configuration") {
  DesignConfig c;
  c.arch = "cube";
  c.pe = "opt2";
  const DesignConfig r = resolve(c);
  CHECK(r.encoding == arith::Encoding::Booth);
  CHECK(canonical_name(r) == "tpe_cube_opt2_booth_timing_ta_r8c8d8_s8x8_acc32");
  c.encoding = arith::Encoding::And;
  CHECK_THROWS_WITH_AS(resolve(c), doctest::Contains("--encoding = 'and' for --pe opt2: valid values are booth, ent"),
                       ConfigError);
  c.encoding = arith::Encoding::Ent;
  c.arch = "matrix2d";
  CHECK_NOTHROW(resolve(c));
  c.arch = "mac-tree";
  CHECK_NOTHROW(resolve(c));
  c.arch = "systolic-os";
  CHECK_THROWS_WITH_AS(resolve(c), doctest::Contains("--pe = 'opt2'"), ConfigError);
}
