#include "sweep/expand.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "synth/activity.hpp"
#include "synth/fmax_search.hpp"
#include "synth/fpga_flow.hpp"
#include "synth/sta_flow.hpp"
#include "util/json_text.hpp"

namespace tpegen::sweep {
namespace {

using nlohmann::json;

// Run keys with the values the synth flags accept (ConfigError naming the key otherwise).
void check_run_keys(const json& run) {
  auto wrong_type = [](const char* key, const json& v, const char* what) {
    return ConfigError(fmt::format("invalid {} = {}: expected {}", key, v.dump(), what));
  };
  if (run.contains("clock_period")) {
    const json& v = run.at("clock_period");
    if (!v.is_number()) throw wrong_type("clock_period", v, "a number of ns");
    synth::check_clock_period(v.get<double>(), "clock_period");
  }
  if (run.contains("fmax_search")) {
    const json& v = run.at("fmax_search");
    if (!v.is_number_integer()) throw wrong_type("fmax_search", v, "an integer");
    synth::check_fmax_search(v.get<int>(), "fmax_search");
  }
  if (run.contains("activity")) {
    const json& v = run.at("activity");
    if (!v.is_string()) throw wrong_type("activity", v, "a string");
    synth::check_activity_mode(v.get<std::string>(), "activity");
  }
  if (run.contains("gate_delay")) {
    const json& v = run.at("gate_delay");
    if (!v.is_string()) throw wrong_type("gate_delay", v, "a string");
    synth::check_gate_delay(v.get<std::string>(), "gate_delay");
  }
  if (run.contains("gate_slice")) {
    const json& v = run.at("gate_slice");
    if (!v.is_number_integer()) throw wrong_type("gate_slice", v, "an integer");
    synth::check_gate_slice(v.get<int>(), "gate", "gate_slice");  // its activity is checked per point
  }
  if (run.contains("activity_dist")) {
    const json& v = run.at("activity_dist");
    if (!v.is_string()) throw wrong_type("activity_dist", v, "a string");
    synth::check_activity_dist(v.get<std::string>(), "activity_dist");
  }
  for (const char* key : {"target", "device"})
    if (run.contains(key) && !run.at(key).is_string()) throw wrong_type(key, run.at(key), "a string");
  if (run.contains("target") || run.contains("device")) {
    synth::check_target(run.value("target", std::string("asic")), run.value("device", std::string()), "target",
                        "device");
  }
}

}  // namespace

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

const std::vector<RunKey>& run_keys() {
  static const std::vector<RunKey> keys = {
      {"clock_period", "--clock-period"}, {"fmax_search", "--fmax-search"},   {"activity", "--activity"},
      {"gate_delay", "--gate-delay"},     {"gate_slice", "--gate-slice"},     {"activity_dist", "--activity-dist"},
      {"target", "--target"},             {"device", "--device"},
  };
  return keys;
}

bool is_run_key(const std::string& key) {
  for (const RunKey& k : run_keys())
    if (key == k.key) return true;
  return false;
}

std::string run_suffix(const json& run) {
  std::string s;
  if (run.contains("clock_period")) s += fmt::format("_p{:g}", run.at("clock_period").get<double>());
  if (run.contains("fmax_search")) s += fmt::format("_fs{}", run.at("fmax_search").get<int>());
  if (run.contains("activity")) s += "_" + run.at("activity").get<std::string>();
  if (run.contains("gate_delay")) s += "_delay-" + run.at("gate_delay").get<std::string>();
  if (run.contains("gate_slice")) s += fmt::format("_slice{}", run.at("gate_slice").get<int>());
  if (run.contains("activity_dist")) {  // "normal:0:30" -> "dist-normal_0_30" (names become file names)
    std::string d = run.at("activity_dist").get<std::string>();
    std::replace(d.begin(), d.end(), ':', '_');
    s += "_dist-" + d;
  }
  if (run.contains("target")) s += "_" + run.at("target").get<std::string>();
  if (run.contains("device")) s += "_" + run.at("device").get<std::string>();
  return s.empty() ? s : "@" + s.substr(1);
}

}  // namespace tpegen::sweep
