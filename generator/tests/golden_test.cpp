// Unit tests of the golden GEMM model and the operand stimulus (model/golden), and of the
// exact accumulator width they rely on (config/design_config.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/design_config.hpp"
#include "golden/gemm.hpp"
#include "golden/stimulus.hpp"

using namespace tpegen::golden;

namespace {

// Random matrix drawn directly from a std::mt19937_64 (not through OperandSource).
Matrix random_matrix(std::mt19937_64& rng, int rows, int cols, int64_t lo, int64_t hi) {
  std::uniform_int_distribution<int64_t> dist(lo, hi);
  Matrix m(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) m.at(r, c) = dist(rng);
  return m;
}

// Plain triple loop in int64 (no overflow for the sizes used here).
std::vector<int64_t> naive_gemm(const Matrix& a, const Matrix& b) {
  std::vector<int64_t> c;
  for (int m = 0; m < a.rows; ++m)
    for (int n = 0; n < b.cols; ++n) {
      int64_t s = 0;
      for (int k = 0; k < a.cols; ++k) s += a.at(m, k) * b.at(k, n);
      c.push_back(s);
    }
  return c;
}

Matrix from_rows(const std::vector<std::vector<int64_t>>& rows) {
  Matrix m(static_cast<int>(rows.size()), static_cast<int>(rows.front().size()));
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c) m.at(r, c) = rows[static_cast<size_t>(r)][static_cast<size_t>(c)];
  return m;
}

// Does v fit a `width`-bit two's-complement (or unsigned) value? width <= 62 here.
bool fits(int64_t v, int width, bool is_signed) {
  if (is_signed) return v >= -(int64_t{1} << (width - 1)) && v <= (int64_t{1} << (width - 1)) - 1;
  return v >= 0 && v <= (int64_t{1} << width) - 1;
}

}  // namespace

TEST_CASE("gemm matches a naive int64 reference on random matrices") {
  std::mt19937_64 rng(12345);
  struct Case {
    int m, k, n, width;
    bool is_signed;
  };
  const Case cases[] = {{1, 1, 1, 8, true},  {5, 7, 3, 8, true},   {4, 16, 9, 8, false},
                        {3, 33, 2, 16, true}, {6, 5, 4, 16, false}, {8, 8, 8, 2, true}};
  for (const Case& t : cases) {
    CAPTURE(t.m);
    CAPTURE(t.k);
    CAPTURE(t.n);
    CAPTURE(t.width);
    const int64_t lo = t.is_signed ? -(int64_t{1} << (t.width - 1)) : 0;
    const int64_t hi = t.is_signed ? (int64_t{1} << (t.width - 1)) - 1 : (int64_t{1} << t.width) - 1;
    const Matrix a = random_matrix(rng, t.m, t.k, lo, hi);
    const Matrix b = random_matrix(rng, t.k, t.n, lo, hi);
    const std::vector<int64_t> ref = naive_gemm(a, b);

    // A 64-bit accumulator holds every sum: the raw bits are the two's complement of the sum.
    const std::vector<uint64_t> c64 = gemm(a, b, 64);
    REQUIRE(c64.size() == ref.size());
    for (size_t i = 0; i < ref.size(); ++i) CHECK(static_cast<int64_t>(c64[i]) == ref[i]);

    // A 40-bit accumulator is exact too for these sizes: sign-extending gives the sum back,
    // and the raw value never has bits above bit 39.
    const std::vector<uint64_t> c40 = gemm(a, b, 40);
    for (size_t i = 0; i < ref.size(); ++i) {
      CHECK(c40[i] < (uint64_t{1} << 40));
      if (t.is_signed)
        CHECK(sign_extend(c40[i], 40) == ref[i]);
      else
        CHECK(c40[i] == static_cast<uint64_t>(ref[i]));
    }

    // A 12-bit accumulator keeps the sum modulo 2^12.
    const std::vector<uint64_t> c12 = gemm(a, b, 12);
    for (size_t i = 0; i < ref.size(); ++i) {
      const int64_t mod = ((ref[i] % 4096) + 4096) % 4096;
      CHECK(c12[i] == static_cast<uint64_t>(mod));
    }
  }
}

TEST_CASE("gemm: result layout is row-major and dimension mismatches throw") {
  // [1 2 3; 4 5 6] * [7 8; 9 10; 11 12] = [58 64; 139 154]
  const Matrix a = from_rows({{1, 2, 3}, {4, 5, 6}});
  const Matrix b = from_rows({{7, 8}, {9, 10}, {11, 12}});
  const std::vector<uint64_t> c = gemm(a, b, 32);
  CHECK(c == std::vector<uint64_t>{58, 64, 139, 154});
  CHECK_THROWS_AS(gemm(a, a, 32), std::invalid_argument);  // 2x3 * 2x3
}

TEST_CASE("gemm wraps modulo 2^acc_width with a narrow accumulator") {
  // 100*2 + 100*1 = 300 = 256 + 44: an 8-bit accumulator holds 44.
  CHECK(gemm(from_rows({{100, 100}}), from_rows({{2}, {1}}), 8) == std::vector<uint64_t>{44});
  // 127 + 1 = 128 = 0x80, which an 8-bit signed accumulator reads as -128.
  const auto c = gemm(from_rows({{127, 1}}), from_rows({{1}, {1}}), 8);
  CHECK(c == std::vector<uint64_t>{0x80});
  CHECK(sign_extend(c[0], 8) == -128);
  // (-128) * (-128) = 16384 = 64 * 256: wraps to 0.
  CHECK(gemm(from_rows({{-128}}), from_rows({{-128}}), 8) == std::vector<uint64_t>{0});
  // -3 * 5 = -15 = 256 - 15 = 241 = 0xF1.
  CHECK(gemm(from_rows({{-3}}), from_rows({{5}}), 8) == std::vector<uint64_t>{0xF1});
  // Intermediate overflow does not matter, only the final sum:
  // 120*1 + 120*1 + (-120)*1 = 120, although 240 overflows an 8-bit signed value.
  const auto d = gemm(from_rows({{120, 120, -120}}), from_rows({{1}, {1}, {1}}), 8);
  CHECK(sign_extend(d[0], 8) == 120);
  // Several outputs wrap independently: [200 -1] * [1 0; 1 1] = [199 -1]
  const auto e = gemm(from_rows({{200, -1}}), from_rows({{1, 0}, {1, 1}}), 8);
  CHECK(e == std::vector<uint64_t>{199, 255});
}

TEST_CASE("sign_extend, to_acc, operand_min/max at widths 2, 8, 16") {
  // Width 2: 00 01 10 11 = 0 1 -2 -1.
  CHECK(sign_extend(0, 2) == 0);
  CHECK(sign_extend(1, 2) == 1);
  CHECK(sign_extend(2, 2) == -2);
  CHECK(sign_extend(3, 2) == -1);
  CHECK(sign_extend(0b111, 2) == -1);  // bits above the width are ignored
  CHECK(sign_extend(0b101, 2) == 1);
  CHECK(operand_min(2, true) == -2);
  CHECK(operand_max(2, true) == 1);
  CHECK(operand_min(2, false) == 0);
  CHECK(operand_max(2, false) == 3);
  CHECK(to_acc(-1, 2) == 3);
  CHECK(to_acc(-2, 2) == 2);
  CHECK(to_acc(5, 2) == 1);

  CHECK(sign_extend(0x7F, 8) == 127);
  CHECK(sign_extend(0x80, 8) == -128);
  CHECK(sign_extend(0xFF, 8) == -1);
  CHECK(sign_extend(0x1FF, 8) == -1);
  CHECK(sign_extend(0x100, 8) == 0);
  CHECK(operand_min(8, true) == -128);
  CHECK(operand_max(8, true) == 127);
  CHECK(operand_min(8, false) == 0);
  CHECK(operand_max(8, false) == 255);
  CHECK(to_acc(-1, 8) == 255);
  CHECK(to_acc(-128, 8) == 0x80);
  CHECK(to_acc(300, 8) == 44);

  CHECK(sign_extend(0x7FFF, 16) == 32767);
  CHECK(sign_extend(0x8000, 16) == -32768);
  CHECK(sign_extend(0xFFFF, 16) == -1);
  CHECK(sign_extend(0x12345, 16) == 0x2345);
  CHECK(operand_min(16, true) == -32768);
  CHECK(operand_max(16, true) == 32767);
  CHECK(operand_min(16, false) == 0);
  CHECK(operand_max(16, false) == 65535);
  CHECK(to_acc(-1, 16) == 0xFFFF);
  CHECK(to_acc(-32768, 16) == 0x8000);

  CHECK(sign_extend(~uint64_t{0}, 64) == -1);
  CHECK(to_acc(-1, 64) == ~uint64_t{0});
  CHECK(low_mask(64) == ~uint64_t{0});
  CHECK(low_mask(1) == 1);

  // Round trip over every value of the operand range.
  for (int w : {2, 8, 16}) {
    CAPTURE(w);
    bool signed_ok = true, unsigned_ok = true;
    for (int64_t v = operand_min(w, true); v <= operand_max(w, true); ++v) {
      const uint64_t raw = to_acc(v, w);
      signed_ok &= raw < (uint64_t{1} << w) && sign_extend(raw, w) == v;
    }
    for (int64_t v = operand_min(w, false); v <= operand_max(w, false); ++v)
      unsigned_ok &= to_acc(v, w) == static_cast<uint64_t>(v);
    CHECK(signed_ok);
    CHECK(unsigned_ok);
  }
}

TEST_CASE("exact_acc_width: hand-derived cases") {
  using tpegen::exact_acc_width;
  // int8 x int8, K = 1: the products span [-128*127, (-128)*(-128)] = [-16256, 16384];
  // 16384 > 2^14 - 1 needs 16 bits signed.
  CHECK(exact_acc_width(8, 8, true, 1) == 16);
  // uint8 x uint8, K = 1: 255 * 255 = 65025 < 2^16.
  CHECK(exact_acc_width(8, 8, false, 1) == 16);
  // uint8, K = 2: 130050 >= 2^16, < 2^17.
  CHECK(exact_acc_width(8, 8, false, 2) == 17);
  // int8, K = 2: 32768 > 2^15 - 1.
  CHECK(exact_acc_width(8, 8, true, 2) == 17);
  // int8, K = 65536: 16384 * 65536 = 2^30 > 2^30 - 1, so 31 bits are one short.
  CHECK(exact_acc_width(8, 8, true, 65536) == 32);
  // ... but K = 65535: 16384 * 65535 = 2^30 - 16384 and -16256 * 65535 > -2^30 fit 31 bits.
  CHECK(exact_acc_width(8, 8, true, 65535) == 31);
  // 2-bit signed, K = 1: operands -2..1, products {-2, -1, 0, 1, 2, 4}: 4 needs 4 bits.
  CHECK(exact_acc_width(2, 2, true, 1) == 4);
  // 2-bit unsigned, K = 1: 3 * 3 = 9 needs 4 bits.
  CHECK(exact_acc_width(2, 2, false, 1) == 4);
  // int16, K = 1: (-32768)^2 = 2^30 needs 32 bits signed.
  CHECK(exact_acc_width(16, 16, true, 1) == 32);
  // uint16, K = 1: (2^16 - 1)^2 < 2^32, >= 2^31.
  CHECK(exact_acc_width(16, 16, false, 1) == 32);
  // int16, K = 2^24: 2^30 * 2^24 = 2^54 needs 56 bits signed.
  CHECK(exact_acc_width(16, 16, true, 1 << 24) == 56);
  // uint16, K = 2^24: (2^16 - 1)^2 * 2^24 is in [2^55, 2^56).
  CHECK(exact_acc_width(16, 16, false, 1 << 24) == 56);
  // Mixed widths: int4 x int8, K = 1: products in [-8*127, (-8)*(-128)] = [-1016, 1024]: 12 bits.
  CHECK(exact_acc_width(4, 8, true, 1) == 12);
  CHECK(exact_acc_width(8, 4, true, 1) == 12);
}

TEST_CASE("exact_acc_width holds the extreme sums, one bit less does not (brute force)") {
  for (bool is_signed : {true, false}) {
    for (int wa = 2; wa <= 6; ++wa) {
      for (int wb = 2; wb <= 6; ++wb) {
        // Extreme products by enumeration of every operand pair.
        int64_t pmin = INT64_MAX, pmax = INT64_MIN;
        const int64_t alo = is_signed ? -(int64_t{1} << (wa - 1)) : 0, ahi = is_signed ? (int64_t{1} << (wa - 1)) - 1 : (int64_t{1} << wa) - 1;
        const int64_t blo = is_signed ? -(int64_t{1} << (wb - 1)) : 0, bhi = is_signed ? (int64_t{1} << (wb - 1)) - 1 : (int64_t{1} << wb) - 1;
        for (int64_t x = alo; x <= ahi; ++x)
          for (int64_t y = blo; y <= bhi; ++y) {
            pmin = std::min(pmin, x * y);
            pmax = std::max(pmax, x * y);
          }
        for (int k : {1, 2, 3, 7}) {
          CAPTURE(is_signed);
          CAPTURE(wa);
          CAPTURE(wb);
          CAPTURE(k);
          // The extreme sums of k products are k times the extreme products (repeat it).
          const int64_t smin = pmin * k, smax = pmax * k;
          const int w = tpegen::exact_acc_width(wa, wb, is_signed, k);
          CHECK(fits(smin, w, is_signed));
          CHECK(fits(smax, w, is_signed));
          CHECK_FALSE((fits(smin, w - 1, is_signed) && fits(smax, w - 1, is_signed)));
          // The golden model with that accumulator gives the extreme sums back.
          Matrix a(1, k), b(k, 1);
          for (int i = 0; i < k; ++i) {
            a.at(0, i) = is_signed ? alo : ahi;
            b.at(i, 0) = is_signed ? blo : bhi;
          }
          const uint64_t raw = gemm(a, b, w)[0];
          CHECK((is_signed ? sign_extend(raw, w) : static_cast<int64_t>(raw)) == smax);
        }
      }
    }
  }
}

TEST_CASE("Distribution::parse accepts the documented forms") {
  CHECK(Distribution::parse("uniform").kind == Distribution::Kind::Uniform);
  CHECK(Distribution::parse("extremes").kind == Distribution::Kind::Extremes);
  const Distribution n = Distribution::parse("normal:0:10");
  CHECK(n.kind == Distribution::Kind::Normal);
  CHECK(n.mean == 0.0);
  CHECK(n.sigma == 10.0);
  const Distribution n2 = Distribution::parse("normal:-3.5:0.25");
  CHECK(n2.kind == Distribution::Kind::Normal);
  CHECK(n2.mean == -3.5);
  CHECK(n2.sigma == 0.25);
}

TEST_CASE("Distribution::parse rejects malformed strings") {
  for (const char* s : {"", "Uniform", "uniform:1", "gauss", "extreme", "normal", "normal:", "normal:0",
                        "normal:0:", "normal::1", "normal:x:1", "normal:0:y", "normal:0:0", "normal:0:-1",
                        "normal:1:-0.5", " uniform"}) {
    const std::string spec = s;
    CAPTURE(spec);
    CHECK_THROWS_AS(Distribution::parse(spec), std::invalid_argument);
  }
}

TEST_CASE("Distribution::parse rejects trailing garbage and non-finite parameters") {
  // Not of the form normal:MEAN:STD, yet std::stod stops at the first bad character.
  for (const char* s : {"normal:0:10x", "normal:0:1:2", "normal:0x:1", "normal:0:nan", "normal:nan:1",
                        "normal:0:inf", "normal:inf:1"}) {
    const std::string spec = s;
    CAPTURE(spec);
    CHECK_THROWS_AS(Distribution::parse(spec), std::invalid_argument);
  }
}

TEST_CASE("OperandSource is deterministic per seed") {
  for (const std::string spec : {"uniform", "normal:0:10", "extremes"}) {
    CAPTURE(spec);
    const Distribution d = Distribution::parse(spec);
    OperandSource s1(42, d), s2(42, d), s3(43, d);
    std::vector<int64_t> v1, v2, v3;
    for (int i = 0; i < 1000; ++i) {
      const int w = 2 + i % 15;
      const bool sg = i % 3 != 0;
      v1.push_back(s1.next(w, sg));
      v2.push_back(s2.next(w, sg));
      v3.push_back(s3.next(w, sg));
    }
    CHECK(v1 == v2);
    CHECK(v1 != v3);  // another seed, another sequence
  }
  // Matrices too.
  OperandSource m1(7, Distribution::parse("uniform")), m2(7, Distribution::parse("uniform"));
  const Matrix a = m1.matrix(3, 4, 8, true), b = m2.matrix(3, 4, 8, true);
  CHECK(a.rows == 3);
  CHECK(a.cols == 4);
  CHECK(a.v.size() == 12);
  CHECK(a.v == b.v);
}

TEST_CASE("OperandSource uses std::mt19937_64 as the standard specifies") {
  // The standard fixes the 10000th output of a default-seeded (5489) mt19937_64:
  // 9981545732273789042. A uniform 16-bit unsigned operand is that output mod 2^16.
  OperandSource s(5489, Distribution::parse("uniform"));
  for (int i = 0; i < 9999; ++i) s.next(16, false);
  CHECK(s.next(16, false) == static_cast<int64_t>(9981545732273789042ULL % 65536));
}

TEST_CASE("OperandSource stays within the operand range for every width and distribution") {
  for (const std::string spec : {"uniform", "normal:0:10", "normal:0:100000", "normal:50:3", "normal:-7.5:2", "extremes"}) {
    const Distribution d = Distribution::parse(spec);
    OperandSource src(2024, d);
    for (int w = 2; w <= 16; ++w) {
      for (bool sg : {true, false}) {
        CAPTURE(spec);
        CAPTURE(w);
        CAPTURE(sg);
        const int64_t lo = operand_min(w, sg), hi = operand_max(w, sg);
        int64_t seen_lo = INT64_MAX, seen_hi = INT64_MIN;
        bool in_range = true;
        for (int i = 0; i < 2000; ++i) {
          const int64_t x = src.next(w, sg);
          in_range &= x >= lo && x <= hi;
          seen_lo = std::min(seen_lo, x);
          seen_hi = std::max(seen_hi, x);
        }
        CHECK(in_range);
        if (d.kind == Distribution::Kind::Extremes || spec == "normal:0:100000") {
          // Both ends are reached (directly, or by clipping a very wide normal).
          CHECK(seen_lo == lo);
          CHECK(seen_hi == hi);
        }
        if (d.kind == Distribution::Kind::Uniform && w == 2) {
          CHECK(seen_lo == lo);
          CHECK(seen_hi == hi);
        }
      }
    }
  }
  // uniform_int stays within [lo, hi] and reaches both ends.
  OperandSource src(1, Distribution{});
  std::set<int> seen;
  for (int i = 0; i < 1000; ++i) {
    const int x = src.uniform_int(3, 9);
    REQUIRE(x >= 3);
    REQUIRE(x <= 9);
    seen.insert(x);
  }
  CHECK(seen.size() == 7);
}

TEST_CASE("OperandSource: extremes draws only the directed values") {
  OperandSource src(99, Distribution::parse("extremes"));
  for (bool sg : {true, false}) {
    const int w = 8;
    const std::set<int64_t> allowed = sg ? std::set<int64_t>{-128, -127, -1, 0, 1, 127}
                                         : std::set<int64_t>{0, 1, 255};
    std::set<int64_t> seen;
    for (int i = 0; i < 600; ++i) seen.insert(src.next(w, sg));
    CHECK(seen == allowed);
  }
}

TEST_CASE("OperandSource: normal:0:10 has mean ~0 and standard deviation ~10") {
  OperandSource src(31337, Distribution::parse("normal:0:10"));
  const int n = 20000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = static_cast<double>(src.next(16, true));
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(sum2 / n - mean * mean);
  // Standard error of the mean: 10 / sqrt(20000) ~ 0.07; of the sd: ~0.05.
  CHECK(std::fabs(mean) < 0.5);
  CHECK(std::fabs(sd - 10.0) < 0.5);

  // A shifted mean moves the sample mean.
  OperandSource src2(31337, Distribution::parse("normal:100:10"));
  double s2 = 0;
  for (int i = 0; i < n; ++i) s2 += static_cast<double>(src2.next(16, true));
  CHECK(std::fabs(s2 / n - 100.0) < 0.5);
}
