// Drives the OPT4 columns (opt4c with any rows, opt4e, bitslice --pe opt3) through
// column_stream.hpp: an operand A[m][k] takes max(1, nnz) cycles, nnz = its non-zero EN-T
// digits (computed here independently of the generator), and a lock-step k step of several
// operands takes the maximum of theirs; it prints the average partial products (non-zero EN-T
// digits) per A operand and the cycles per operand (OPT3's figure of merit, spec §4) and per
// k step.
#pragma once

#include "harness/column_stream.hpp"

namespace tb {

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

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  return run_column_gemm(s, a, b, [](const tpegen::golden::Matrix& am, const tpegen::golden::Matrix&, int m, int k, int) {
    const int nnz = ent_nonzero_digits(am.at(m, k));
    return StepCost{std::max(1, nnz), static_cast<double>(nnz)};
  });
}

inline void max_dims(int& m, int& k, int& n) { column_max_dims(m, k, n, 40); }

/// Printed by the harness before its closing line.
inline void driver_report() { column_report("partial products"); }

}  // namespace tb
