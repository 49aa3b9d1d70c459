// Drives the OPT4 columns (opt4c with any rows, opt4e, bitslice --pe opt3) through
// column_stream.hpp: an operand A[m][k] takes max(1, nnz) cycles, nnz = its non-zero EN-T
// digits (harness/step_cost.hpp, independent of the generator), and a lock-step k step of several
// operands takes the maximum of theirs; it prints the average partial products (non-zero EN-T
// digits) per A operand and the cycles per operand (OPT3's figure of merit, spec §4) and per
// k step.
#pragma once

#include "harness/column_stream.hpp"

namespace tb {

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  return run_column_gemm(s, a, b, [](const tpegen::golden::Matrix& am, const tpegen::golden::Matrix&, int m, int k, int) {
    return ent_operand_cost(am, m, k);
  });
}

inline void max_dims(int& m, int& k, int& n) { column_max_dims(m, k, n, 40); }

/// Printed by the harness before its closing line.
inline void driver_report() { column_report("partial products"); }

}  // namespace tb
