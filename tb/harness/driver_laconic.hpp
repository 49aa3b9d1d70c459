// Drives the bit-slice Laconic column (bitslice --pe laconic) through column_stream.hpp. A
// step A[m][k] takes 1 cycle when A = 0, else nnz(A) * max(1, max_j nnz(B[k][n0+j])) cycles
// (lock step; nnz = non-zero radix-4 Booth digits, i.e. Booth terms, harness/step_cost.hpp,
// independent of the generator; columns beyond N are B = 0). It prints the average term
// pairs a PE adds and the cycles per A operand.
#pragma once

#include "harness/column_stream.hpp"

namespace tb {

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  return run_column_gemm(s, a, b, laconic_operand_cost);
}

/// A short K: a Laconic step takes about 8 cycles (int8, normal data, N = 16) against OPT3's
/// 2, so more, shorter dot products keep the checked elements per second up.
inline void max_dims(int& m, int& k, int& n) { column_max_dims(m, k, n, 12); }

/// Printed by the harness before its closing line.
inline void driver_report() { column_report("term pairs"); }

}  // namespace tb
