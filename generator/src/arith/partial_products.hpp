// Partial-product generation into a bit heap: AND array (Baugh-Wooley when signed),
// radix-4 modified Booth, and EN-T (sign-magnitude + radix-4 recoding, spec §2).
// Booth and EN-T are split into an encoder (A -> digits) and a selector (digit x B ->
// bits), so one encoder can serve many PEs (OPT2/OPT4).
// References: A. D. Booth 1951; O. L. MacSorley 1961 (radix-4); Baugh & Wooley 1973;
// Wu et al., EN-T, ICCD 2024.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "arith/bitheap.hpp"

namespace tpegen::arith {

enum class Encoding { And, Booth, Ent };

/// Parses "and", "booth", "ent"; throws std::invalid_argument otherwise.
Encoding parse_encoding(const std::string& s);
const char* to_string(Encoding e);

/// One radix-4 digit as hardware signals: value = (neg ? -1 : +1) * (one ? 1 : two ? 2 : 0).
/// one and two are never both 1; neg is 0 whenever the digit is 0.
struct Digit {
  NodeId one = 0, two = 0, neg = 0;
};

// ---- pure digit functions (the specification the hardware encoders are tested against) ----
/// Radix-4 Booth digits of a `width`-bit value (LSB digit first), each in {-2..2};
/// sum_i d_i 4^i == a. Unsigned values get one more digit.
std::vector<int> booth_digits(int64_t a, int width, bool is_signed);
/// EN-T digits (spec §2): sign-magnitude, magnitude recoded in {-1,0,1,2} with a carry
/// scan; the sign applied to every digit. sum_i d_i 4^i == a.
std::vector<int> ent_digits(int64_t a, int width, bool is_signed);
int booth_digit_count(int width, bool is_signed);
int ent_digit_count(int width, bool is_signed);

// ---- hardware encoders and selector ----
std::vector<Digit> booth_encode(BitNet& net, const std::vector<NodeId>& a, bool is_signed);
std::vector<Digit> ent_encode(BitNet& net, const std::vector<NodeId>& a, bool is_signed);
/// Adds sum_i digit_i * B * 4^i * 2^weight to the heap (B signed or unsigned).
void add_digit_products(BitHeap& heap, BitNet& net, const std::vector<Digit>& digits,
                        const std::vector<NodeId>& b, bool b_signed, int weight = 0);
/// Adds A * B * 2^weight as an AND array (Baugh-Wooley when signed).
void add_and_array(BitHeap& heap, BitNet& net, const std::vector<NodeId>& a, const std::vector<NodeId>& b,
                   bool is_signed, int weight = 0);
/// Adds A * B with the chosen encoding (A is the encoded operand).
void add_product(BitHeap& heap, BitNet& net, Encoding enc, const std::vector<NodeId>& a,
                 const std::vector<NodeId>& b, bool is_signed, int weight = 0);

}  // namespace tpegen::arith
