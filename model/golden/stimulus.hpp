// Operand distributions for the GEMM regression: uniform, normal(mean, sigma) rounded and
// clipped to the operand range, and directed extremes (most negative, zero, all ones,
// most positive, -1, 1). Deterministic for a given seed on every platform: the generator
// is std::mt19937_64 (fully specified by the standard) and the normal sampler is our own
// Box-Muller, not std::normal_distribution (whose algorithm is implementation-defined).
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "golden/gemm.hpp"

namespace tpegen::golden {

struct Distribution {
  enum class Kind { Uniform, Normal, Extremes } kind = Kind::Uniform;
  double mean = 0.0, sigma = 1.0;

  /// Parses "uniform", "normal:MEAN:STD" or "extremes"; throws std::invalid_argument.
  static Distribution parse(const std::string& s);
};

class OperandSource {
 public:
  OperandSource(uint64_t seed, Distribution d) : rng_(seed), dist_(d) {}

  /// One operand of a `width`-bit signed or unsigned value.
  int64_t next(int width, bool is_signed);

  /// Uniform integer in [lo, hi].
  int uniform_int(int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<uint64_t>(hi - lo + 1)); }

  Matrix matrix(int rows, int cols, int width, bool is_signed);

 private:
  double uniform01() { return (static_cast<double>(rng_() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
  double gaussian();

  std::mt19937_64 rng_;
  Distribution dist_;
};

}  // namespace tpegen::golden
