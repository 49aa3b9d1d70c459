// The library-level unit attributes (time_unit, capacitive_load_unit, voltage_unit,
// leakage_power_unit) as SI factors.
#pragma once

#include <string>

#include "liberty/group.hpp"
#include "liberty/library.hpp"

namespace tpegen::liberty {

/// "1ns" with base "s" -> 1e-9. Throws liberty::Error naming the line for an unknown prefix.
double unit_factor(const std::string& unit, const std::string& base, const std::string& source, int line);

/// Defaults when absent: 1ns, 1V, 1nW; no capacitive_load_unit: capacitance_f = 0.
Units read_units(const Group& library_group, const std::string& source);

}  // namespace tpegen::liberty
