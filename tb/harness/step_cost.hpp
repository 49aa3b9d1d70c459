// The cycles and partial products of one A operand on the valid/ready columns (opt4c, opt4e,
// bitslice), computed from the digit or term counts independently of the generator: the
// hand drivers (column_stream.hpp) and the schedule driver check a_ready_o and every
// result's cycle against it.
//   OPT3 columns: an operand takes max(1, nnz) cycles, nnz = its non-zero EN-T digits.
//   Laconic: 1 cycle when A = 0, else nnz(A) * max(1, max_j nnz(B[k][n0+j])) in Booth terms
//   (lock step; columns beyond N are B = 0).
#pragma once

#include <algorithm>
#include <cstdint>

#include "golden/gemm.hpp"
#include "tb_params.h"

namespace tb {

/// Work of one operand A[m][k]: the cycles the encoder is busy with it and the partial
/// products (or term pairs) a PE adds for it, on average over the column.
struct StepCost {
  int cycles = 1;
  double products = 0;
};

/// Non-zero EN-T digits of a (spec §2): sign-magnitude, radix-4 groups of |a| scanned with
/// a carry (3 -> -1 carry 1, 4 -> 0 carry 1), the top group taking its value as is.
inline int ent_nonzero_digits(int64_t a) {
  const int n = tpe::kSigned ? (tpe::kAWidth + 1) / 2 : tpe::kAWidth / 2 + 1;
  const uint64_t m = static_cast<uint64_t>(a < 0 ? -a : a);
  int carry = 0, count = 0;
  for (int i = 0; i < n; ++i) {
    const int v = static_cast<int>((m >> (2 * i)) & 3U) + carry;
    int digit = v;
    carry = 0;
    if (i < n - 1 && v == 3) {
      digit = -1;
      carry = 1;
    } else if (i < n - 1 && v == 4) {
      digit = 0;
      carry = 1;
    }
    count += digit != 0;
  }
  return count;
}

/// Non-zero radix-4 Booth digits of a W-bit value (spec §2): d_i = -2 x[2i+1] + x[2i] + x[2i-1],
/// x[-1] = 0, x sign-extended (signed, ceil(W/2) digits) or zero-extended (unsigned, W/2 + 1).
inline int booth_nonzero_digits(int64_t v, int width) {
  const int n = tpe::kSigned ? (width + 1) / 2 : width / 2 + 1;
  auto bit = [&](int i) -> int {
    if (i < 0) return 0;
    if (i >= width) return tpe::kSigned && v < 0 ? 1 : 0;
    return static_cast<int>((static_cast<uint64_t>(v) >> i) & 1U);
  };
  int count = 0;
  for (int i = 0; i < n; ++i) count += (-2 * bit(2 * i + 1) + bit(2 * i) + bit(2 * i - 1)) != 0;
  return count;
}

inline StepCost ent_operand_cost(const tpegen::golden::Matrix& am, int m, int k) {
  const int nnz = ent_nonzero_digits(am.at(m, k));
  return StepCost{std::max(1, nnz), static_cast<double>(nnz)};
}

inline StepCost laconic_operand_cost(const tpegen::golden::Matrix& am, const tpegen::golden::Matrix& bm, int m, int k,
                                     int n0) {
  const int na = booth_nonzero_digits(am.at(m, k), tpe::kAWidth);
  int most = 0, sum = 0;
  for (int j = 0; j < tpe::kCols; ++j) {
    const int n = n0 + j;
    const int nb = n < bm.cols ? booth_nonzero_digits(bm.at(k, n), tpe::kBWidth) : 0;
    most = std::max(most, nb);
    sum += nb;
  }
  return StepCost{na == 0 ? 1 : na * std::max(1, most), static_cast<double>(na) * sum / tpe::kCols};
}

/// The design's cost of A[m][k] against B[k][n0..n0+cols).
inline StepCost operand_cost(const tpegen::golden::Matrix& am, [[maybe_unused]] const tpegen::golden::Matrix& bm, int m,
                             int k, [[maybe_unused]] int n0) {
#if TPE_SERIAL_BOOTH  // Booth terms of A and B (laconic); else EN-T digits of A
  return laconic_operand_cost(am, bm, m, k, n0);
#else
  return ent_operand_cost(am, m, k);
#endif
}

}  // namespace tb
