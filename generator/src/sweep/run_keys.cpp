#include "sweep/run_keys.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "config/design_config.hpp"  // ConfigError
#include "synth/fmax_search.hpp"
#include "synth/fpga_flow.hpp"

namespace tpegen::sweep {
namespace {

using nlohmann::json;

ConfigError wrong_type(const char* key, const json& v, const char* what) {
  return ConfigError(fmt::format("invalid {} = {}: expected {}", key, v.dump(), what));
}

std::string str(const json& v) { return v.get<std::string>(); }

bool gate(const RunSettings& s) { return !s.fpga() && s.activity == "gate"; }

}  // namespace

const std::vector<RunKey>& run_keys() {
  static const std::vector<RunKey> keys = {
      {"clock_period", "--clock-period",
       [](const json& v) {
         if (!v.is_number()) throw wrong_type("clock_period", v, "a number of ns");
         synth::check_clock_period(v.get<double>(), "clock_period");
       },
       [](const json& v) { return fmt::format("p{:g}", v.get<double>()); },
       [](RunSettings& s, const json& v) { s.clock_period_ns = v.get<double>(); },
       [](const RunSettings& s) { return json(s.clock_period_ns); },
       [](const RunSettings& s, bool timing) { return timing ? fmt::format("{}", s.clock_period_ns) : std::string(); },
       // The clock period is a cache input of its own (CacheInputs::clock_period_ns).
       [](const RunSettings&) { return false; }},
      {"fmax_search", "--fmax-search",
       [](const json& v) {
         if (!v.is_number_integer()) throw wrong_type("fmax_search", v, "an integer");
         synth::check_fmax_search(v.get<int>(), "fmax_search");
       },
       [](const json& v) { return fmt::format("fs{}", v.get<int>()); },
       [](RunSettings& s, const json& v) { s.fmax_search = v.get<int>(); },
       [](const RunSettings& s) { return json(s.fmax_search); },
       // The FPGA flows take no fmax search or activity.
       [](const RunSettings& s, bool timing) {
         return timing && !s.fpga() ? std::to_string(s.fmax_search) : std::string();
       },
       [](const RunSettings& s) { return !s.fpga(); }},
      {"activity", "--activity",
       [](const json& v) {
         if (!v.is_string()) throw wrong_type("activity", v, "a string");
         synth::check_activity_mode(str(v), "activity");
       },
       [](const json& v) { return str(v); },
       [](RunSettings& s, const json& v) { s.activity = str(v); },
       [](const RunSettings& s) { return json(s.activity); },
       [](const RunSettings& s, bool timing) { return timing && !s.fpga() ? s.activity : std::string(); },
       [](const RunSettings& s) { return !s.fpga(); }},
      {"gate_delay", "--gate-delay",
       [](const json& v) {
         if (!v.is_string()) throw wrong_type("gate_delay", v, "a string");
         synth::check_gate_delay(str(v), "gate_delay");
       },
       [](const json& v) { return "delay-" + str(v); },
       [](RunSettings& s, const json& v) { s.gate_delay = str(v); },
       [](const RunSettings& s) { return json(s.gate_delay); },
       [](const RunSettings& s, bool timing) { return timing && gate(s) ? s.gate_delay : std::string(); },
       [](const RunSettings& s) { return gate(s) && s.gate_delay != "unit"; }},
      {"gate_slice", "--gate-slice",
       [](const json& v) {
         if (!v.is_number_integer()) throw wrong_type("gate_slice", v, "an integer");
         synth::check_gate_slice(v.get<int>(), "gate", "gate_slice");  // its activity is checked per point
       },
       [](const json& v) { return fmt::format("slice{}", v.get<int>()); },
       [](RunSettings& s, const json& v) { s.gate_slice = v.get<int>(); },
       [](const RunSettings& s) { return json(s.gate_slice); },
       [](const RunSettings& s, bool timing) {
         return timing && gate(s) && s.gate_slice > 0 ? std::to_string(s.gate_slice) : std::string();
       },
       [](const RunSettings& s) { return gate(s) && s.gate_slice > 0; }},
      {"activity_dist", "--activity-dist",
       [](const json& v) {
         if (!v.is_string()) throw wrong_type("activity_dist", v, "a string");
         synth::check_activity_dist(str(v), "activity_dist");
       },
       [](const json& v) {  // "normal:0:30" -> "dist-normal_0_30" (names become file names)
         std::string d = str(v);
         std::replace(d.begin(), d.end(), ':', '_');
         return "dist-" + d;
       },
       [](RunSettings& s, const json& v) { s.activity_dist = str(v); },
       [](const RunSettings& s) { return json(s.activity_dist); },
       [](const RunSettings& s, bool timing) {
         return timing && !s.fpga() && s.activity != "static" ? s.activity_dist : std::string();
       },
       [](const RunSettings& s) {
         return !s.fpga() && s.activity != "static" && s.activity_dist != synth::kDefaultActivityDist;
       }},
      {"target", "--target",
       [](const json& v) {
         if (!v.is_string()) throw wrong_type("target", v, "a string");
       },
       [](const json& v) { return str(v); },
       [](RunSettings& s, const json& v) { s.target = str(v); },
       [](const RunSettings& s) { return json(s.target); },
       [](const RunSettings& s, bool) { return s.fpga() ? s.target : std::string(); },
       [](const RunSettings& s) { return s.fpga(); }},
      {"device", "--device",
       [](const json& v) {
         if (!v.is_string()) throw wrong_type("device", v, "a string");
       },
       [](const json& v) { return str(v); },
       [](RunSettings& s, const json& v) { s.device = str(v); },
       [](const RunSettings& s) { return json(s.device); },
       [](const RunSettings& s, bool) { return s.fpga() ? s.device : std::string(); },
       // Part of an FPGA point's key even when it is the default ("").
       [](const RunSettings& s) { return s.fpga(); }},
  };
  return keys;
}

bool is_run_key(const std::string& key) {
  for (const RunKey& k : run_keys())
    if (key == k.key) return true;
  return false;
}

void check_run_keys(const json& run) {
  for (const RunKey& k : run_keys())
    if (run.contains(k.key)) k.check(run.at(k.key));
  if (run.contains("target") || run.contains("device"))
    synth::check_target(run.value("target", std::string("asic")), run.value("device", std::string()), "target",
                        "device");
}

std::string run_suffix(const json& run) {
  std::string s;
  for (const RunKey& k : run_keys())
    if (run.contains(k.key)) s += "_" + k.suffix(run.at(k.key));
  return s.empty() ? s : "@" + s.substr(1);
}

RunSettings run_settings(const json& run, const RunSettings& defaults) {
  RunSettings s = defaults;
  for (const RunKey& k : run_keys())
    if (run.contains(k.key)) k.set(s, run.at(k.key));
  return s;
}

std::vector<std::string> run_synth_args(const RunSettings& s, bool timing) {
  std::vector<std::string> args;
  for (const RunKey& k : run_keys()) {
    const std::string v = k.arg(s, timing);
    if (!v.empty()) args.insert(args.end(), {k.flag, v});
  }
  return args;
}

json run_cache_inputs(const RunSettings& s, bool timing) {
  json in = json::object();
  if (!s.fpga() && !timing) return in;
  for (const RunKey& k : run_keys())
    if (k.cached(s)) in[k.key] = k.get(s);
  // The measured global rate averages over the bits that toggle (was: every traced bit).
  if (!s.fpga() && s.activity != "static") in["activity_mean"] = "toggling bits";
  return in;
}

json run_settings_to_json(const RunSettings& s) {
  json j = json::object();
  for (const RunKey& k : run_keys()) j[k.key] = k.get(s);
  return j;
}

RunSettings run_settings_from_json(const json& j) { return run_settings(j, RunSettings{}); }

}  // namespace tpegen::sweep
