#include "sweep/expand.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "arch/design_name.hpp"
#include "util/json_text.hpp"

namespace tpegen::sweep {

using nlohmann::json;

std::vector<Point> expand(const std::string& text, const std::string& origin, const Resolver& resolve_design) {
  const json j = parse_json_object(text, fmt::format("invalid sweep config '{}'", origin));
  std::vector<std::string> file_keys;
  for (const SweepFileKey& k : sweep_file_keys()) file_keys.push_back(k.key);
  for (auto& [key, v] : j.items()) {
    (void)v;
    if (std::find(file_keys.begin(), file_keys.end(), key) == file_keys.end())
      throw ConfigError(fmt::format("invalid sweep config '{}': unknown key '{}' (expected {})", origin, key,
                                    fmt::join(file_keys, ", ")));
  }
  const json base = j.value("base", json::object());
  const json grid = j.value("grid", json::object());
  const json points = j.value("points", json::array());
  if (!base.is_object()) throw ConfigError(fmt::format("invalid sweep config '{}': base is not an object", origin));
  if (!grid.is_object()) throw ConfigError(fmt::format("invalid sweep config '{}': grid is not an object", origin));
  if (!points.is_array()) throw ConfigError(fmt::format("invalid sweep config '{}': points is not an array", origin));

  std::vector<json> designs;
  if (!grid.empty()) {
    std::vector<std::pair<std::string, json>> axes;
    for (auto& [key, values] : grid.items()) {
      if (!values.is_array() || values.empty())
        throw ConfigError(
            fmt::format("invalid sweep config '{}': grid.{} is not a non-empty array of values", origin, key));
      axes.emplace_back(key, values);
    }
    std::vector<size_t> idx(axes.size(), 0);
    bool more = true;
    while (more) {
      json d = base;
      for (size_t a = 0; a < axes.size(); ++a) d[axes[a].first] = axes[a].second[idx[a]];
      designs.push_back(d);
      more = false;
      for (size_t a = axes.size(); a-- > 0;) {
        if (++idx[a] < axes[a].second.size()) {
          more = true;
          break;
        }
        idx[a] = 0;
      }
    }
  } else if (points.empty()) {
    designs.push_back(base);  // just the base design
  }
  for (size_t i = 0; i < points.size(); ++i) {
    if (!points[i].is_object())
      throw ConfigError(fmt::format("invalid sweep config '{}': points[{}] is not an object", origin, i));
    json d = base;
    for (auto& [key, v] : points[i].items()) d[key] = v;
    designs.push_back(d);
  }

  std::vector<Point> out;
  std::set<std::string> seen;
  for (const json& given : designs) {
    Point p;
    p.design = json::object();
    for (auto& [key, v] : given.items()) (is_run_key(key) ? p.run : p.design)[key] = v;
    try {
      check_run_keys(p.run);
      p.resolved = resolve_design(p.design);
      p.name = canonical_name(*p.resolved) + run_suffix(p.run);
    } catch (const ConfigError& e) {
      p.resolved.reset();
      p.skipped = e.what();
    }
    if (p.resolved && !seen.insert(p.name).second) continue;
    out.push_back(std::move(p));
  }
  return out;
}

const std::vector<SweepFileKey>& sweep_file_keys() {
  static const std::vector<SweepFileKey> keys = {
      {"base", "an object of design and run keys that every point starts from"},
      {"grid", "an object whose keys each map to an array of values: the points are every combination of them, "
               "each applied on top of base"},
      {"points", "an array of objects, each one more point (applied on top of base)"},
  };
  return keys;
}

}  // namespace tpegen::sweep
