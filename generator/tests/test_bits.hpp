// Bit-pattern helpers shared by the arithmetic unit tests.
#pragma once

#include <cstdint>

/// The low w bits set (w up to 64).
inline uint64_t mask(int w) { return w >= 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1; }

/// The value of the low `width` bits of raw: two's complement when is_signed.
inline int64_t value_of(uint64_t raw, int width, bool is_signed) {
  raw &= mask(width);
  if (is_signed && ((raw >> (width - 1)) & 1U)) return static_cast<int64_t>(raw) - (int64_t{1} << width);
  return static_cast<int64_t>(raw);
}
