// Expanding a sweep config (base + grid + points) into design points.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "sweep/run_keys.hpp"

namespace tpegen::sweep {

/// Turns a design JSON object (the keys of `tpegen --config`) into a resolved config;
/// throws ConfigError for an invalid combination. Injected so that this module does not
/// depend on the CLI (cmd_sweep passes apply_json + resolve).
using Resolver = std::function<DesignConfig(const nlohmann::json& design)>;

/// The top-level keys of a sweep file and what each holds.
struct SweepFileKey {
  const char* key;
  const char* meaning;
};
const std::vector<SweepFileKey>& sweep_file_keys();


struct Point {
  std::string name;             // canonical_name of the resolved config plus run_suffix(run) ("" when skipped)
  nlohmann::json design;        // base + grid values / explicit point, as given, without the run keys
  nlohmann::json run = nlohmann::json::object();  // the run keys given for this point
  std::optional<DesignConfig> resolved;
  std::string skipped;          // why the point is invalid (resolved is empty then)
};

/// Expands {"base": {...}, "grid": {"key": [values...]}, "points": [{...}]}: the cartesian
/// product of the grid keys (in key order) applied on top of base, then each explicit point
/// on top of base. Points resolving to the same design are kept once. Throws ConfigError
/// when the file itself is malformed (not an object, unknown top-level key, grid value
/// not a non-empty array, ...); an invalid design combination is a skipped point.
std::vector<Point> expand(const std::string& config_text, const std::string& origin, const Resolver& resolve_design);


}  // namespace tpegen::sweep
