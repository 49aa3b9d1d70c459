// Drives the bit-slice Laconic column (bitslice --pe laconic) through column_stream.hpp. A
// step A[m][k] takes 1 cycle when A = 0, else nnz(A) * max(1, max_j nnz(B[k][n0+j])) cycles
// (lock step; nnz = non-zero radix-4 Booth digits, i.e. Booth terms, computed here
// independently of the generator; columns beyond N are B = 0). It prints the average term
// pairs a PE adds and the cycles per A operand.
#pragma once

#include "harness/column_stream.hpp"

namespace tb {

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

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  return run_column_gemm(s, a, b, [](const tpegen::golden::Matrix& am, const tpegen::golden::Matrix& bm, int m, int k,
                                     int n0) {
    const int na = booth_nonzero_digits(am.at(m, k), tpe::kAWidth);
    int most = 0, sum = 0;
    for (int j = 0; j < tpe::kCols; ++j) {
      const int nb = booth_nonzero_digits(at_or_zero(bm, k, n0 + j), tpe::kBWidth);
      most = std::max(most, nb);
      sum += nb;
    }
    return StepCost{na == 0 ? 1 : na * std::max(1, most), static_cast<double>(na) * sum / tpe::kCols};
  });
}

/// A short K: a Laconic step takes about 8 cycles (int8, normal data, N = 16) against OPT3's
/// 2, so more, shorter dot products keep the checked elements per second up.
inline void max_dims(int& m, int& k, int& n) { column_max_dims(m, k, n, 12); }

/// Printed by the harness before its closing line.
inline void driver_report() { column_report("term pairs"); }

}  // namespace tb
