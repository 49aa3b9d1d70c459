// Digit sets of the encodings (spec §2): the pure reference functions, exhaustively, the
// EN-T / Booth non-zero digit statistics on int8 normal data, and the hardware encoders
// against the reference functions.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "arith/partial_products.hpp"
#include "golden/stimulus.hpp"

using namespace tpegen::arith;

namespace {

int64_t lo_of(int w, bool s) { return s ? -(int64_t{1} << (w - 1)) : 0; }
int64_t hi_of(int w, bool s) { return s ? (int64_t{1} << (w - 1)) - 1 : (int64_t{1} << w) - 1; }

int64_t digits_value(const std::vector<int>& d) {
  int64_t v = 0, p = 1;
  for (int x : d) {
    v += x * p;
    p *= 4;
  }
  return v;
}

}  // namespace

TEST_CASE("booth_digits: exhaustive widths 2..12, signed and unsigned") {
  CHECK(booth_digit_count(8, true) == 4);
  CHECK(booth_digit_count(7, true) == 4);
  CHECK(booth_digit_count(8, false) == 5);
  CHECK(booth_digit_count(7, false) == 4);
  long checked = 0;
  for (int w = 2; w <= 12; ++w)
    for (bool s : {false, true})
      for (int64_t a = lo_of(w, s); a <= hi_of(w, s); ++a) {
        const auto d = booth_digits(a, w, s);
        bool ok = static_cast<int>(d.size()) == booth_digit_count(w, s) && digits_value(d) == a;
        for (int x : d) ok = ok && x >= -2 && x <= 2;
        if (!ok) FAIL_CHECK("booth_digits(" << a << ", " << w << ", " << s << ")");
        ++checked;
      }
  CHECK(checked == 2 * (8192 - 4));  // sum over w = 2..12 of 2^w, for both signednesses
  // Raw bit patterns are read as width-bit values too.
  CHECK(booth_digits(0x80, 8, true) == booth_digits(-128, 8, true));
  CHECK(booth_digits(-128, 8, true) == std::vector<int>{0, 0, 0, -2});
  CHECK(booth_digits(255, 8, false) == std::vector<int>{-1, 0, 0, 0, 1});
}

TEST_CASE("ent_digits: exhaustive widths 2..12, signed and unsigned") {
  CHECK(ent_digit_count(8, true) == 4);
  CHECK(ent_digit_count(7, true) == 4);
  CHECK(ent_digit_count(8, false) == 5);
  CHECK(ent_digit_count(7, false) == 4);
  for (int w = 2; w <= 12; ++w)
    for (bool s : {false, true})
      for (int64_t a = lo_of(w, s); a <= hi_of(w, s); ++a) {
        const auto d = ent_digits(a, w, s);
        bool ok = static_cast<int>(d.size()) == ent_digit_count(w, s) && digits_value(d) == a;
        for (size_t i = 0; i < d.size(); ++i) {
          // Magnitude digit (before the sign): {-1, 0, 1, 2}.
          const int mag = a < 0 ? -d[i] : d[i];
          ok = ok && mag >= -1 && mag <= 2;
          if (a == 0) ok = ok && d[i] == 0;
        }
        if (!ok) FAIL_CHECK("ent_digits(" << a << ", " << w << ", " << s << ")");
      }
  // Examples: 127 = 2*64 - 1 -> magnitude groups 3,3,3,1 -> -1,0,0,2; -128 -> 0,0,0,-2.
  CHECK(ent_digits(127, 8, true) == std::vector<int>{-1, 0, 0, 2});
  CHECK(ent_digits(-128, 8, true) == std::vector<int>{0, 0, 0, -2});
  CHECK(ent_digits(-7, 8, true) == std::vector<int>{1, -2, 0, 0});
  CHECK(ent_digits(255, 8, false) == std::vector<int>{-1, 0, 0, 0, 1});
}

TEST_CASE("EN-T vs Booth: mean non-zero digits on int8 normal(0, sigma) (spec §2)") {
  const int sigmas[] = {10, 20, 30, 40, 50};
  const double ent_expected[] = {1.77, 2.12, 2.34, 2.49, 2.59};
  const double booth_expected[] = {1.93, 2.30, 2.53, 2.67, 2.76};
  const int samples = 200000;
  for (int i = 0; i < 5; ++i) {
    tpegen::golden::OperandSource src(
        1, tpegen::golden::Distribution::parse("normal:0:" + std::to_string(sigmas[i])));
    long ent = 0, booth = 0;
    for (int k = 0; k < samples; ++k) {
      const int64_t a = src.next(8, true);
      for (int d : ent_digits(a, 8, true)) ent += d != 0;
      for (int d : booth_digits(a, 8, true)) booth += d != 0;
    }
    const double e = static_cast<double>(ent) / samples, b = static_cast<double>(booth) / samples;
    MESSAGE("sigma " << sigmas[i] << ": EN-T " << e << " (spec " << ent_expected[i] << "), Booth " << b << " (spec "
                     << booth_expected[i] << ")");
    CHECK(std::fabs(e - ent_expected[i]) <= 0.05);
    CHECK(std::fabs(b - booth_expected[i]) <= 0.05);
    CHECK(e < b);
  }
}

namespace {

// Hardware encoder -> digit values for every input of the given width (via BitNet::eval).
void check_encoder(bool ent, int w, bool s) {
  BitNet net;
  const auto a = net.add_input("a", w);
  const std::vector<Digit> digits = ent ? ent_encode(net, a, s) : booth_encode(net, a, s);
  const int n = ent ? ent_digit_count(w, s) : booth_digit_count(w, s);
  REQUIRE(static_cast<int>(digits.size()) == n);
  std::vector<NodeId> one, two, neg;
  for (const auto& d : digits) {
    one.push_back(d.one);
    two.push_back(d.two);
    neg.push_back(d.neg);
  }
  net.add_output("one", one);
  net.add_output("two", two);
  net.add_output("neg", neg);
  for (uint64_t raw = 0; raw < (uint64_t{1} << w); ++raw) {
    const auto out = net.eval({raw});
    const auto expected = ent ? ent_digits(static_cast<int64_t>(raw), w, s) : booth_digits(static_cast<int64_t>(raw), w, s);
    bool ok = true;
    for (int i = 0; i < n; ++i) {
      const int o = static_cast<int>((out[0] >> i) & 1U), t = static_cast<int>((out[1] >> i) & 1U),
                g = static_cast<int>((out[2] >> i) & 1U);
      const int mag = o ? 1 : t ? 2 : 0;
      const int value = g ? -mag : mag;
      ok = ok && !(o && t) && !(g && mag == 0) && value == expected[static_cast<size_t>(i)];
    }
    if (!ok) FAIL_CHECK((ent ? "ent" : "booth") << "_encode width " << w << (s ? " signed" : " unsigned") << " input " << raw);
  }
}

}  // namespace

TEST_CASE("booth_encode / ent_encode == booth_digits / ent_digits, exhaustive widths 2..10") {
  for (int w = 2; w <= 10; ++w)
    for (bool s : {false, true}) {
      check_encoder(false, w, s);
      check_encoder(true, w, s);
    }
}

TEST_CASE("parse_encoding") {
  CHECK(parse_encoding("and") == Encoding::And);
  CHECK(parse_encoding("booth") == Encoding::Booth);
  CHECK(parse_encoding("ent") == Encoding::Ent);
  CHECK(std::string(to_string(Encoding::Ent)) == "ent");
  CHECK_THROWS_AS(parse_encoding("Booth"), std::invalid_argument);
}
