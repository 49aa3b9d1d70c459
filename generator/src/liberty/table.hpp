// A Liberty lookup table (NLDM delay, transition or internal power) and its one interpolation.
// Numbers stay in the library's own units.
#pragma once

#include <cstddef>
#include <vector>

namespace tpegen::liberty {

struct Table {
  // The axes, from the table's index_1/index_2 or else its template's; empty when absent.
  std::vector<double> index_1, index_2;
  // Which axis is the output load (a template variable naming a capacitance); the other is the
  // input slew (a transition time).
  bool index_1_is_load = false, index_2_is_load = true;
  std::vector<double> values;  // row-major: index_1 outer, index_2 inner

  /// Bilinear interpolation, linear extrapolation beyond the ends; a one-value table is that
  /// value. Along each axis the segment is the first one whose upper end is >= x (the last one
  /// beyond the axis); within a row index_2 is interpolated first, then index_1.
  double at(double slew, double load) const;
};

/// Position of x on an axis: the segment's lower index and the fraction along it.
struct AxisPoint {
  size_t lower = 0;
  double fraction = 0;
};
AxisPoint locate(const std::vector<double>& axis, double x);

}  // namespace tpegen::liberty
