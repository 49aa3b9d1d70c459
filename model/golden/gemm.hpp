// Golden GEMM model with the accumulator semantics of the generated hardware:
// C[m][n] = sum_k A[m][k] * B[k][n] modulo 2^acc_width (two's complement), where A and B
// hold W-bit signed or unsigned values. With an exact accumulator (the default) the
// modulo never bites; with --acc-wrap it is what the hardware computes.
// Used by the generator, the unit tests and the Verilator harness (gemm() in gemm.cpp).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tpegen::golden {

struct Matrix {
  int rows = 0, cols = 0;
  std::vector<int64_t> v;  // row-major
  Matrix() = default;
  Matrix(int r, int c) : rows(r), cols(c), v(static_cast<size_t>(r) * static_cast<size_t>(c), 0) {}
  int64_t& at(int r, int c) { return v[static_cast<size_t>(r) * static_cast<size_t>(cols) + static_cast<size_t>(c)]; }
  int64_t at(int r, int c) const {
    return v[static_cast<size_t>(r) * static_cast<size_t>(cols) + static_cast<size_t>(c)];
  }
};

/// Mask of the low `width` bits (width 1..64).
inline uint64_t low_mask(int width) { return width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1; }

/// Smallest and largest operand of a `width`-bit signed or unsigned value.
inline int64_t operand_min(int width, bool is_signed) { return is_signed ? -(int64_t{1} << (width - 1)) : 0; }
inline int64_t operand_max(int width, bool is_signed) {
  return is_signed ? (int64_t{1} << (width - 1)) - 1 : (int64_t{1} << width) - 1;
}

/// The hardware's view of a value: its low acc_width bits.
inline uint64_t to_acc(int64_t value, int acc_width) { return static_cast<uint64_t>(value) & low_mask(acc_width); }

/// Signed (two's complement) interpretation of the low `width` bits of raw.
inline int64_t sign_extend(uint64_t raw, int width) {
  if (width >= 64) return static_cast<int64_t>(raw);
  const uint64_t m = uint64_t{1} << (width - 1);
  raw &= low_mask(width);
  return static_cast<int64_t>((raw ^ m) - m);
}

/// C = A * B with every element reduced modulo 2^acc_width (returned as raw acc bits).
/// Arithmetic is done modulo 2^64 (unsigned, so overflow is defined), then masked: the
/// same result as an acc_width-bit accumulator whatever the order of the additions.
std::vector<uint64_t> gemm(const Matrix& a, const Matrix& b, int acc_width);

}  // namespace tpegen::golden
