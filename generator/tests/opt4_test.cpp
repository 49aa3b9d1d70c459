// OPT4 family (arch/opt3_column.hpp, arch/opt4e.cpp): the OPT4E PE step BitNet (E selected digit partial
// products and the carry-save accumulator through one CSA tree) evaluated against
// (first ? 0 : s + c) + sum_e digit_e * B_e * 4^pos_e (mod 2^acc) on random and extreme
// inputs, the EN-T digits as the encoder emits them; configuration and naming checks.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include <fmt/format.h>

#include "arch/opt3_column.hpp"
#include "arch/opt4e.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "arith/partial_products.hpp"
#include "config/design_config.hpp"
#include "test_bits.hpp"

using namespace tpegen;

namespace {

DesignConfig opt4e_cfg(int wa, int wb, bool is_signed, int acc, int E) {
  DesignConfig c;
  c.arch = "opt4e";
  c.pe = "opt3";
  c.depth = E;
  c.a_width = wa;
  c.b_width = wb;
  c.is_signed = is_signed;
  c.acc_width = acc;
  return c;
}

// One digit stream of the PE: position (-1: no digit), |d| = 2, negative, B raw bits.
struct Digit {
  int pos = -1;
  bool two = false, neg = false;
  uint64_t b = 0;
};

// Net result vs arithmetic for one step.
bool step_ok(const DesignConfig& c, const arith::BitNet& net, const std::vector<Digit>& ds, uint64_t s, uint64_t cy,
             bool first) {
  std::vector<uint64_t> in;
  uint64_t want = first ? 0 : s + cy;
  for (const Digit& d : ds) {
    const bool on = d.pos >= 0;
    in.insert(in.end(), {on ? uint64_t{1} << d.pos : 0, on && d.two ? 1U : 0U, on && d.neg ? 1U : 0U, d.b});
    if (!on) continue;
    const int64_t v = (d.neg ? -1 : 1) * (d.two ? 2 : 1) * value_of(d.b, c.b_width, c.is_signed);
    want += static_cast<uint64_t>(v) << (2 * d.pos);  // mod 2^64, then mod 2^acc
  }
  in.insert(in.end(), {first ? 1U : 0U, s, cy});
  const auto out = net.eval(in);
  return ((out[0] + out[1]) & mask(c.acc_width)) == (want & mask(c.acc_width));
}

}  // namespace

TEST_CASE("OPT4E PE step: random digits, extremes, several widths and depths") {
  struct P {
    int wa, wb;
    bool sg;
    int acc, E;
  };
  const P ps[] = {{8, 8, true, 32, 4},   {8, 8, false, 32, 4}, {8, 8, true, 32, 1},   {7, 5, false, 20, 3},
                  {12, 6, true, 40, 2},  {6, 10, false, 24, 5}, {16, 16, true, 64, 4}, {16, 16, false, 48, 8},
                  {2, 2, true, 6, 3},    {8, 8, true, 12, 4},   {5, 11, true, 16, 2}};
  std::mt19937_64 rng(4242);
  for (const P& p : ps) {
    const DesignConfig c = opt4e_cfg(p.wa, p.wb, p.sg, p.acc, p.E);
    const arith::BitNet net = arch::opt4e_step_net(c, p.E);
    const int nd = arch::ent_digit_positions(c);
    const uint64_t b_ext[] = {p.sg ? uint64_t{1} << (p.wb - 1) : mask(p.wb), p.sg ? mask(p.wb - 1) : mask(p.wb), 0,
                              mask(p.wb), 1};
    int bad = 0;
    for (int t = 0; t < 1500; ++t) {
      std::vector<Digit> ds(static_cast<size_t>(p.E));
      for (Digit& d : ds) {
        d.pos = static_cast<int>(rng() % static_cast<uint64_t>(nd + 1)) - 1;
        d.two = rng() & 1U;
        d.neg = rng() & 2U;
        d.b = t % 3 == 0 ? b_ext[rng() % 5] : rng() & mask(p.wb);
        if (t % 7 == 0) {  // extreme digit: the largest weight, -2 * most negative B
          d.pos = nd - 1;
          d.two = d.neg = true;
        }
      }
      const uint64_t s = t % 11 == 0 ? mask(p.acc) : rng() & mask(p.acc);
      const uint64_t cy = t % 13 == 0 ? mask(p.acc) : rng() & mask(p.acc);
      bad += !step_ok(c, net, ds, s, cy, t % 5 == 0);
    }
    CHECK_MESSAGE(bad == 0, fmt::format("{}x{} {} acc{} E={}", p.wa, p.wb, p.sg ? "s" : "u", p.acc, p.E));
  }
}

TEST_CASE("OPT4E PE step: a dot product of whole operands through their EN-T digits") {
  // Feeds every digit of E operands (ent_digits, as the sparse encoders emit them: the
  // non-zero ones, one per stream and cycle, streams that ran out idle) and checks the
  // accumulated carry-save pair against sum_e a_e * b_e.
  std::mt19937_64 rng(99);
  for (bool sg : {true, false}) {
    const int E = 4, ACC = 32;
    const DesignConfig c = opt4e_cfg(8, 8, sg, ACC, E);
    const arith::BitNet net = arch::opt4e_step_net(c, E);
    int bad = 0;
    for (int t = 0; t < 300; ++t) {
      uint64_t s = rng() & mask(ACC), cy = rng() & mask(ACC);
      int64_t want = 0;
      std::vector<std::vector<int>> pending(E);  // non-zero digit positions per stream, lowest first
      std::vector<std::vector<int>> dig(E);
      std::vector<uint64_t> b(E);
      for (int e = 0; e < E; ++e) {
        const uint64_t a = rng() & 0xffU;
        b[e] = rng() & 0xffU;
        want += value_of(a, 8, sg) * value_of(b[e], 8, sg);
        dig[e] = arith::ent_digits(value_of(a, 8, sg), 8, sg);
        for (int w = 0; w < static_cast<int>(dig[e].size()); ++w)
          if (dig[e][static_cast<size_t>(w)] != 0) pending[e].push_back(w);
      }
      for (int cyc = 0, first = 1;; ++cyc, first = 0) {
        std::vector<Digit> ds(E);
        bool any = false;
        for (int e = 0; e < E; ++e) {
          if (static_cast<size_t>(cyc) >= pending[e].size()) continue;
          const int w = pending[e][static_cast<size_t>(cyc)], v = dig[e][static_cast<size_t>(w)];
          ds[e] = {w, v == 2 || v == -2, v < 0, b[e]};
          any = true;
        }
        if (!any && !first) break;
        const std::vector<uint64_t> in = [&] {
          std::vector<uint64_t> x;
          for (const Digit& d : ds)
            x.insert(x.end(), {d.pos >= 0 ? uint64_t{1} << d.pos : 0, d.pos >= 0 && d.two ? 1U : 0U,
                               d.pos >= 0 && d.neg ? 1U : 0U, d.b});
          x.insert(x.end(), {static_cast<uint64_t>(first), s, cy});
          return x;
        }();
        const auto out = net.eval(in);
        s = out[0];
        cy = out[1];
      }
      bad += ((s + cy) & mask(ACC)) != (static_cast<uint64_t>(want) & mask(ACC));
    }
    CHECK_MESSAGE(bad == 0, (sg ? "signed" : "unsigned"));
  }
}

TEST_CASE("OPT4 configuration and names") {
  DesignConfig c;
  c.arch = "opt4c";
  DesignConfig r = resolve(c);
  CHECK(r.rows == 1);
  CHECK(canonical_name(r) == "tpe_opt4c_opt3_c32_s8x8_acc32");  // rows left out at 1: the original name
  c.rows = 2;
  c.cols = 3;
  CHECK(canonical_name(resolve(c)) == "tpe_opt4c_opt3_r2c3_s8x8_acc32");
  c.rows = 257;
  CHECK_THROWS_WITH_AS(resolve(c), doctest::Contains("--rows = 257: valid range is 1..256"), ConfigError);
  c = DesignConfig{};
  c.arch = "opt4e";
  r = resolve(c);
  CHECK(r.pe == "opt3");
  CHECK(r.depth == 4);
  CHECK(canonical_name(r) == "tpe_opt4e_opt3_c32d4_s8x8_acc32");
  c.rows = 3;
  c.depth = 0;
  CHECK_THROWS_WITH_AS(resolve(c), doctest::Contains("--depth = 0: valid range is 1..256"), ConfigError);
  c.depth = 2;
  CHECK(canonical_name(resolve(c)) == "tpe_opt4e_opt3_r3c32d2_s8x8_acc32");
  c.in_regs = 1;
  CHECK_THROWS_WITH_AS(arch::opt3_column_timing(resolve(c), 2),
                       doctest::Contains("--in-regs = 1: architecture opt4e has a valid/ready handshake"), ConfigError);
}

TEST_CASE("OPT4 baselines: the same job with MAC PEs at the design's own sizes") {
  DesignConfig c;
  c.arch = "opt4c";
  auto b = baseline_of(c);  // unresolved: opt4c's default 32 columns, not systolic-os's 16
  REQUIRE(b);
  DesignConfig r = resolve(*b);
  CHECK(r.arch == "systolic-os");
  CHECK(r.pe == "mac");
  CHECK(r.rows == 1);
  CHECK(r.cols == 32);
  c.rows = 3;
  c.cols = 5;
  r = resolve(*baseline_of(c));
  CHECK(r.rows == 3);
  CHECK(r.cols == 5);
  c = DesignConfig{};
  c.arch = "opt4e";
  r = resolve(*baseline_of(c));  // N dot products of E terms per cycle: a multiplier-adder tree
  CHECK(r.arch == "mac-tree");
  CHECK(r.pe == "mac");
  CHECK(r.cols == 32);
  CHECK(r.depth == 4);
  c.rows = 2;
  c.cols = 6;
  c.depth = 3;
  r = resolve(*baseline_of(c));
  CHECK(r.arch == "matrix2d");
  CHECK(r.rows == 2);
  CHECK(r.cols == 6);
  CHECK(r.depth == 3);
  CHECK(!baseline_of(r));  // a baseline has none
}
