// The operand distributions (declared in stimulus.hpp). Compiled into tpegen and into the
// cached objects every Verilated model links (sim/model_cache): so it must not include
// tb_params.h.
#include "golden/stimulus.hpp"

#include <cmath>
#include <exception>
#include <stdexcept>

namespace tpegen::golden {
namespace {

// The whole of `text` as a finite number (std::stod alone accepts "10x" as 10, and "inf").
double number(const std::string& text, const std::string& whole) {
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (text.empty() || used != text.size() || !std::isfinite(v))
    throw std::invalid_argument("invalid --dist = '" + whole + "': expected normal:MEAN:STD with finite numbers");
  return v;
}

}  // namespace

Distribution Distribution::parse(const std::string& s) {
  Distribution d;
  if (s == "uniform") return d;
  if (s == "extremes") {
    d.kind = Kind::Extremes;
    return d;
  }
  if (s.rfind("normal:", 0) == 0) {
    const auto colon = s.find(':', 7);
    if (colon == std::string::npos) throw std::invalid_argument("--dist normal needs normal:MEAN:STD");
    d.kind = Kind::Normal;
    d.mean = number(s.substr(7, colon - 7), s);
    d.sigma = number(s.substr(colon + 1), s);
    if (!(d.sigma > 0)) throw std::invalid_argument("--dist normal: STD must be > 0");
    return d;
  }
  throw std::invalid_argument("invalid --dist = '" + s + "': valid values are uniform, normal:MEAN:STD, extremes");
}

int64_t OperandSource::next(int width, bool is_signed) {
  const int64_t lo = operand_min(width, is_signed), hi = operand_max(width, is_signed);
  switch (dist_.kind) {
    case Distribution::Kind::Uniform:
      return lo + static_cast<int64_t>(rng_() % static_cast<uint64_t>(hi - lo + 1));
    case Distribution::Kind::Normal: {
      const double x = std::llround(dist_.mean + dist_.sigma * gaussian());
      return static_cast<int64_t>(std::fmin(std::fmax(x, static_cast<double>(lo)), static_cast<double>(hi)));
    }
    case Distribution::Kind::Extremes: {
      // all-ones is -1 when signed and hi when unsigned: both are in the list.
      const int64_t picks[] = {lo, 0, hi, is_signed ? -1 : hi, 1, lo + 1};
      return picks[rng_() % 6];
    }
  }
  return 0;
}

Matrix OperandSource::matrix(int rows, int cols, int width, bool is_signed) {
  Matrix m(rows, cols);
  for (auto& x : m.v) x = next(width, is_signed);
  return m;
}

double OperandSource::gaussian() {
  const double u1 = uniform01(), u2 = uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

}  // namespace tpegen::golden
