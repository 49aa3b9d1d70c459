// Booth terms (arith/booth_terms.hpp), the Laconic baseline of the bit-slice architecture:
// the term decomposition exhaustively for every width 2..16 (int8 and uint8 included), the
// term-pair step net for every pair of terms, and the Laconic PE update (one term pair per
// cycle into a binary accumulator) against a*b.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "arith/booth_terms.hpp"
#include "arith/partial_products.hpp"
#include "test_bits.hpp"

using namespace tpegen;
using arith::Term;

namespace {

int nonzero_digits(int64_t a, int width, bool is_signed) {
  int n = 0;
  for (int d : arith::booth_digits(a, width, is_signed)) n += d != 0;
  return n;
}

// Inputs of term_pair_net for one term of A and one of B (nullptr: no term).
std::vector<uint64_t> pair_inputs(const Term* ta, const Term* tb) {
  auto pos = [](const Term* t) { return t ? uint64_t{1} << (t->exponent / 2) : 0; };
  auto two = [](const Term* t) { return t ? static_cast<uint64_t>(t->exponent & 1) : 0; };
  auto neg = [](const Term* t) { return t ? static_cast<uint64_t>(t->negative) : 0; };
  return {pos(ta), two(ta), neg(ta), pos(tb), two(tb), neg(tb)};
}

// The Laconic PE: one term pair per cycle, A's terms outside, B's inside; acc mod 2^width.
uint64_t laconic_product(const arith::BitNet& net, int64_t a, int64_t b, int wa, int wb, bool is_signed, int width) {
  uint64_t acc = 0;
  const auto ta = arith::booth_terms(a, wa, is_signed), tb = arith::booth_terms(b, wb, is_signed);
  for (const Term& x : ta)
    for (const Term& y : tb) acc = (acc + net.eval(pair_inputs(&x, &y))[0]) & mask(width);
  return acc;
}

}  // namespace

TEST_CASE("booth_terms: sum == value and count == non-zero Booth digits, every width 2..16") {
  for (bool is_signed : {true, false})
    for (int w = 2; w <= 16; ++w) {
      const int64_t lo = is_signed ? -(int64_t{1} << (w - 1)) : 0;
      const int64_t hi = is_signed ? (int64_t{1} << (w - 1)) - 1 : (int64_t{1} << w) - 1;
      const int nd = arith::booth_digit_count(w, is_signed);
      for (int64_t a = lo; a <= hi; ++a) {
        const auto t = arith::booth_terms(a, w, is_signed);
        int64_t sum = 0;
        int last = -1;
        bool ok = true;
        for (const Term& x : t) {
          sum += x.negative ? -(int64_t{1} << x.exponent) : (int64_t{1} << x.exponent);
          ok = ok && x.exponent > last && x.exponent < 2 * nd && (last < 0 || x.exponent / 2 != last / 2);  // one per digit
          last = x.exponent;
        }
        if (sum != a || static_cast<int>(t.size()) != nonzero_digits(a, w, is_signed) || !ok) {
          CAPTURE(w);
          CAPTURE(is_signed);
          CAPTURE(a);
          FAIL("bad Booth terms");
        }
      }
    }
}

TEST_CASE("booth_terms: int8 and uint8 examples and term counts") {
  CHECK(arith::booth_terms(0, 8, true).empty());
  CHECK(arith::booth_terms(-128, 8, true).size() == 1);  // -2 * 4^3
  CHECK(arith::booth_terms(-128, 8, true)[0].exponent == 7);
  CHECK(arith::booth_terms(-128, 8, true)[0].negative);
  CHECK(arith::booth_terms(255, 8, false).size() == 2);  // 256 - 1: unsigned needs the fifth digit
  CHECK(arith::booth_terms(255, 8, false)[1].exponent == 8);
  int most = 0;
  for (int a = -128; a < 128; ++a) most = std::max(most, static_cast<int>(arith::booth_terms(a, 8, true).size()));
  CHECK(most == 4);
}

TEST_CASE("term_pair_net: +-2^(ea+eb) mod 2^width for every pair of terms, 0 without a term") {
  for (int width : {6, 16, 32}) {
    const int nda = 4, ndb = 5;
    const arith::BitNet net = arith::term_pair_net(nda, ndb, width);
    for (int ea = 0; ea < 2 * nda; ++ea)
      for (int eb = 0; eb < 2 * ndb; ++eb)
        for (int na = 0; na < 2; ++na)
          for (int nb = 0; nb < 2; ++nb) {
            const Term x{ea, na == 1}, y{eb, nb == 1};
            const uint64_t p = ea + eb >= 64 ? 0 : uint64_t{1} << (ea + eb);
            const uint64_t want = ((na ^ nb) ? (~p + 1) : p) & mask(width);
            CHECK(net.eval(pair_inputs(&x, &y))[0] == want);
            CHECK(net.eval(pair_inputs(nullptr, &y))[0] == 0);
            CHECK(net.eval(pair_inputs(&x, nullptr))[0] == 0);
          }
  }
}

TEST_CASE("Laconic PE update: the term pairs of a and b add up to a*b (int8 exhaustive in a, sampled b)") {
  const arith::BitNet net = arith::term_pair_net(4, 4, 32);
  for (int a = -128; a < 128; ++a)
    for (int b = -128; b < 128; b += 7)
      REQUIRE(laconic_product(net, a, b, 8, 8, true, 32) == (static_cast<uint64_t>(a * b) & mask(32)));
  const arith::BitNet unet = arith::term_pair_net(5, 5, 20);
  for (int a = 0; a < 256; ++a)
    for (int b = 0; b < 256; b += 5)
      REQUIRE(laconic_product(unet, a, b, 8, 8, false, 20) == (static_cast<uint64_t>(a * b) & mask(20)));
  // Odd widths and a narrow wrapping accumulator (terms of weight >= width drop out).
  std::mt19937_64 rng(7);
  const arith::BitNet onet = arith::term_pair_net(3, 6, 12);
  for (int i = 0; i < 3000; ++i) {
    const int64_t a = static_cast<int64_t>(rng() % 32) - 16, b = static_cast<int64_t>(rng() % 2048) - 1024;
    REQUIRE(laconic_product(onet, a, b, 5, 11, true, 12) == (static_cast<uint64_t>(a * b) & mask(12)));
  }
}
