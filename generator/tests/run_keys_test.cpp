// The sweep's run-key table (sweep/run_keys): every row round-trips JSON -> settings -> synth
// flags -> JSON, and the cache inputs keep the form caches were written with.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "sweep/run_keys.hpp"

using nlohmann::json;
using namespace tpegen;
using namespace tpegen::sweep;

namespace {

// A value of each key other than its default, and a run in which its flag is passed.
const std::map<std::string, json>& sample_values() {
  static const std::map<std::string, json> v = {
      {"clock_period", 5.5},        {"fmax_search", 3},      {"activity", "gate"}, {"gate_delay", "liberty"},
      {"gate_slice", 4},            {"activity_dist", "uniform"}, {"target", "ice40"}, {"device", "up5k"},
  };
  return v;
}

json context_for(const std::string& key) {
  if (key == "target" || key == "device") return json{{"target", "ice40"}};
  return json{{"activity", "gate"}};  // every ASIC key is passed on in a gate-level run
}

// The run keys a synth command line sets, read back through the table's flags.
json flags_to_run(const std::vector<std::string>& args) {
  json run = json::object();
  for (size_t i = 0; i + 1 < args.size(); i += 2)
    for (const RunKey& k : run_keys())
      if (args[i] == k.flag) {
        RunSettings s;
        const std::string& v = args[i + 1];
        // The flag's text read as the key's JSON type (the type of its default's value).
        const json value = k.get(RunSettings{}).is_string() ? json(v) : json::parse(v);
        k.set(s, value);
        run[k.key] = k.get(s);
      }
  return run;
}

}  // namespace

TEST_CASE("run keys: every row round-trips JSON -> settings -> synth flags -> JSON") {
  REQUIRE(run_keys().size() == sample_values().size());
  for (const RunKey& k : run_keys()) {
    CAPTURE(k.key);
    REQUIRE(sample_values().count(k.key) == 1);
    json run = context_for(k.key);
    run[k.key] = sample_values().at(k.key);
    CHECK_NOTHROW(check_run_keys(run));
    const RunSettings s = run_settings(run, RunSettings{});
    CHECK(k.get(s) == run.at(k.key));
    const json back = flags_to_run(run_synth_args(s, true));
    REQUIRE(back.contains(k.key));
    CHECK(back.at(k.key) == run.at(k.key));
    // The Slurm plan's JSON carries every key.
    CHECK(run_settings_to_json(run_settings_from_json(run_settings_to_json(s))) == run_settings_to_json(s));
    CHECK(is_run_key(k.key));
    CHECK(run_suffix(json{{k.key, run.at(k.key)}}).rfind("@", 0) == 0);
  }
  CHECK_FALSE(is_run_key("rows"));
}

TEST_CASE("run keys: checks name the key") {
  CHECK_THROWS_WITH_AS(check_run_keys(json{{"fmax_search", "3"}}), "invalid fmax_search = \"3\": expected an integer",
                       ConfigError);
  CHECK_THROWS_WITH_AS(check_run_keys(json{{"clock_period", "fast"}}),
                       "invalid clock_period = \"fast\": expected a number of ns", ConfigError);
  CHECK_THROWS_AS(check_run_keys(json{{"device", "up5k"}}), ConfigError);  // a device needs an FPGA target
}

TEST_CASE("run keys: names and flags of a point's run") {
  CHECK(run_suffix(json{{"clock_period", 5}, {"fmax_search", 3}, {"activity", "sim"},
                        {"activity_dist", "normal:0:60"}}) == "@p5_fs3_sim_dist-normal_0_60");
  RunSettings s;
  s.activity = "sim";
  CHECK(run_synth_args(s, true) == std::vector<std::string>{"--clock-period", "10", "--fmax-search", "0", "--activity",
                                                            "sim", "--activity-dist", "normal:0:30"});
  CHECK(run_synth_args(s, false).empty());  // the caller adds --no-timing
  RunSettings f;
  f.target = "ice40";
  CHECK(run_synth_args(f, true) == std::vector<std::string>{"--clock-period", "10", "--target", "ice40"});
  CHECK(run_synth_args(f, false) == std::vector<std::string>{"--target", "ice40"});
}

TEST_CASE("run keys: the cache inputs keep the form caches were written with") {
  RunSettings s;  // static activity, no gate settings
  CHECK(run_cache_inputs(s, false) == json::object());
  CHECK(run_cache_inputs(s, true) == json{{"fmax_search", 0}, {"activity", "static"}});
  s.activity = "gate";
  s.gate_delay = "liberty";
  s.gate_slice = 2;
  CHECK(run_cache_inputs(s, true) == json{{"fmax_search", 0},
                                          {"activity", "gate"},
                                          {"gate_delay", "liberty"},
                                          {"gate_slice", 2},
                                          {"activity_mean", "toggling bits"}});
  s.activity = "sim";
  s.activity_dist = "uniform";
  CHECK(run_cache_inputs(s, true) ==
        json{{"fmax_search", 0}, {"activity", "sim"}, {"activity_dist", "uniform"}, {"activity_mean", "toggling bits"}});
  RunSettings f;
  f.target = "ice40";
  f.fmax_search = 2;  // not an FPGA flow's setting: not in its key
  CHECK(run_cache_inputs(f, false) == json{{"target", "ice40"}, {"device", ""}});
  CHECK(run_cache_inputs(f, true) == json{{"target", "ice40"}, {"device", ""}});
}
