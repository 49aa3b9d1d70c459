#include "liberty/table.hpp"

#include <algorithm>

namespace tpegen::liberty {

AxisPoint locate(const std::vector<double>& axis, double x) {
  if (axis.size() < 2) return {};
  size_t i = 0;
  while (i + 2 < axis.size() && x > axis[i + 1]) ++i;
  const double span = axis[i + 1] - axis[i];
  return {i, span != 0 ? (x - axis[i]) / span : 0};
}

double Table::at(double slew, double load) const {
  if (values.size() == 1) return values[0];
  if (values.empty()) return 0;
  const double x1 = index_1_is_load ? load : slew, x2 = index_2_is_load ? load : slew;
  const size_t n1 = std::max<size_t>(1, index_1.size()), n2 = std::max<size_t>(1, index_2.size());
  const AxisPoint p1 = locate(index_1, x1), p2 = locate(index_2, x2);
  const auto v = [&](size_t i, size_t j) { return values[std::min(i, n1 - 1) * n2 + std::min(j, n2 - 1)]; };
  const auto row = [&](size_t i) {
    const double lo = v(i, p2.lower);
    return n2 > 1 ? lo + p2.fraction * (v(i, p2.lower + 1) - lo) : lo;
  };
  const double lo = row(p1.lower);
  if (n1 < 2) return lo;
  return lo + p1.fraction * (row(p1.lower + 1) - lo);
}

}  // namespace tpegen::liberty
