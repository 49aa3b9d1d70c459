// Booth terms (Laconic, Sharify et al., ISCA 2019; spec §3 "Bit-slice"): every non-zero
// radix-4 Booth digit d_i of a value is one signed power of two, +-2^(2i) for |d_i| = 1 and
// +-2^(2i+1) for |d_i| = 2, so value = sum of its terms and a product a*b = sum over term
// pairs of +-2^(ea+eb): one shift and add per pair.
#pragma once

#include <cstdint>
#include <vector>

#include "arith/bitnet.hpp"

namespace tpegen::arith {

struct Term {
  int exponent = 0;       // the term is (negative ? -1 : 1) * 2^exponent
  bool negative = false;
};

/// The Booth terms of a `width`-bit value (booth_digits, lowest first; unsigned values have
/// one digit more): sum == a, count == number of non-zero Booth digits.
std::vector<Term> booth_terms(int64_t a, int width, bool is_signed);

/// The hardware of one term-pair step: inputs "pos_a" (one-hot Booth digit position of A's
/// term, nda bits; 0: no term), "two_a" (|digit| = 2), "neg_a", the same for B ("pos_b",
/// ndb bits, "two_b", "neg_b"); output "addend" = +-2^(ea+eb) as a `width`-bit two's-
/// complement number (0 when either term is absent; weights >= width drop out, mod 2^width).
/// The exponent one-hots are multiplied as one-hots (a shifter) and a negative term is the
/// thermometer of ones from 2^e upwards (-2^e), so no +1 carry-in is needed.
BitNet term_pair_net(int nda, int ndb, int width);

}  // namespace tpegen::arith
