// The reports of a sweep: results.csv, results.md and its SVG plots.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config/design_config.hpp"

#include "sweep/expand.hpp"
#include "sweep/result.hpp"

namespace tpegen::sweep {

std::string to_csv(const std::vector<Result>& results);
std::string to_markdown(const std::vector<Result>& results, const std::vector<Point>& skipped);
std::string svg_area_fmax(const std::vector<Result>& results);
std::string svg_area_eff(const std::vector<Result>& results);
/// Energy per MAC by class (activity gate), one stacked bar per design point with a gate-level
/// breakdown: clock, sequential, combinational (settled, then its glitch part), leakage.
/// Empty when no point has one.
std::string svg_energy_breakdown(const std::vector<Result>& results);

}  // namespace tpegen::sweep
