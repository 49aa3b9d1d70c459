// Cell delays for the arrival-driven ("timing") compressor tree and final adder, and the
// static arrival times of a BitNet's nodes under them.
//
// The numbers are pin-to-pin delays of the library's own cells (ns): the full adder and half
// adder cells (sum and carry paths differ, and so do the input pins), and the 2-input gates
// the partial products and adders are made of. arith/liberty_delays.hpp reads them from a
// liberty file; builtin_delays() is that reading of the project's default liberty (sky130hd),
// used wherever no liberty is given (the arrays' trees).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "arith/bitnet.hpp"

namespace tpegen::arith {

struct DelayModel {
  std::string source;                     // where the numbers come from (library or liberty path)
  std::string fa_cell, ha_cell;           // cells read; "" when composed from 2-input gates
  std::array<double, 3> fa_sum{}, fa_carry{};  // from inputs a, b, cin to sum / carry
  std::array<double, 2> ha_sum{}, ha_carry{};  // from inputs a, b
  double inv = 0, and2 = 0, or2 = 0, xor2 = 0, mux2 = 0;
};

/// sky130_fd_sc_hd tt 1.80 V (read from the dont_use liberty by delays_from_liberty; a unit
/// test checks that the two agree when the liberty is present).
const DelayModel& builtin_delays();

/// Arrival times (ns) of nodes [arr.size(), net.nodes().size()), appended to `arr`; inputs
/// and constants arrive at 0. Call it again after adding nodes: it continues where it stopped.
void extend_arrivals(const BitNet& net, const DelayModel& d, std::vector<double>& arr);

/// Arrival times of every node of the net.
std::vector<double> arrival_times(const BitNet& net, const DelayModel& d);

}  // namespace tpegen::arith
