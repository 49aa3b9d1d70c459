// OPT2 (spec §4, "OPT2 array"): the `w` loop is swapped outside `k`. The A operand of a grid
// row is encoded once (radix-4 Booth or EN-T digits {0, +-1, +-2}) and the digit signals are
// broadcast to the row's units; a unit only selects {0, +-B, +-2B} per digit. For each digit
// position w the `depth` selected partial products of that weight are reduced by their own
// small compressor tree; the per-weight carry-save pairs, shifted by 4^w, and the
// carry-save accumulator (sum, carry) go through a final tree; one CPA at read-out.
//
// Per-weight tree (width Wp = n + 1, n = two's-complement bits of +-depth*max|d*B|): it
// reduces U = V + 2^(Wp-1) (V = sum_k d_w(a_k) * b_k, so 2^(Wp-2) <= U < 3*2^(Wp-2)) to
// (s, c) with s + c = U + j*2^Wp, j in {0, 1}. Because of the headroom bit, j is the carry
// out of the top two bits alone: j = s1&c1 | (s1^c1)&s0&c0 (s1, c1 bits Wp-1; s0, c0 bits
// Wp-2). The final heap then receives s, c, ~j at 2^Wp and constants for the bias, so the
// per-weight sums need no carry-propagate adder and no sign extension of a carry-save pair.
// The AND encoding (radix-2 digits) is not offered for OPT2: --encoding must be booth or ent.
#pragma once

#include "arith/bitnet.hpp"
#include "config/design_config.hpp"

namespace tpegen::arch {

/// Digits per A operand (Booth and EN-T have the same count).
int opt2_digit_count(const DesignConfig& c);

/// Width Wp of one per-weight compressor tree over `products` selected partial products.
int opt2_weight_tree_width(const DesignConfig& c, int products);

/// Encoder of one A operand: input a (a_width bits); outputs one, two, neg (one bit per
/// digit, digit i at bit i): digit = (neg ? -1 : 1) * (one ? 1 : two ? 2 : 0).
arith::BitNet opt2_encoder_net(const DesignConfig& c);

/// One OPT2 accumulation step of a unit over `products` products:
///   inputs  one0, two0, neg0, b0, one1, two1, neg1, b1, ... (digit vectors, b_width),
///           [first (1 bit)], s, c (acc_width each)
///   outputs s_next, c_next with s_next + c_next == s + c + sum_k a_k*b_k (mod 2^acc_width),
/// where (one_k, two_k, neg_k) are the encoder's digits of a_k. With `with_first`, s and c
/// count as zero when first = 1.
arith::BitNet opt2_step_net(const DesignConfig& c, int products, bool with_first);

}  // namespace tpegen::arch
