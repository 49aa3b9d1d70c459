// The run keys of a sweep point: keys that set how a point is measured rather than what is
// built (clock_period, fmax_search, activity, gate_delay, gate_slice, activity_dist, target,
// device). One table row per key drives everything a key takes part in: the value check, the
// point's name suffix, the settings over the command line's defaults, the `tpegen synth` flags
// of the point's run, the cache key and the Slurm plan. A new key is one row.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "synth/activity.hpp"
#include "synth/sta_flow.hpp"

namespace tpegen::sweep {

/// A point's run keys over the command line's defaults.
struct RunSettings {
  double clock_period_ns = synth::kDefaultClockPeriodNs;
  int fmax_search = 0;
  std::string activity = "static";
  std::string target = "asic";      // asic or an FPGA family (tpegen synth --target)
  std::string device;               // ice40 part, "" = default
  std::string gate_delay = "unit";  // activity gate: unit | liberty
  int gate_slice = 0;               // activity gate: measured on the design capped at N (0: whole)
  std::string activity_dist = synth::kDefaultActivityDist;  // operands of the activity run

  bool fpga() const { return target != "asic"; }
};

/// One run key: its name in a sweep file, the `tpegen synth` (and `tpegen sweep`) flag it stands
/// for, and how it is checked, named, applied, passed on and cached.
struct RunKey {
  const char* key;   // "clock_period"
  const char* flag;  // "--clock-period"
  /// Throws ConfigError naming the key when `v` has the wrong JSON type or value.
  void (*check)(const nlohmann::json& v);
  /// Its part of the point's name suffix ("p5" for clock_period 5).
  std::string (*suffix)(const nlohmann::json& v);
  /// Sets it in settings / reads it back (the Slurm plan's and the round trip's JSON value).
  void (*set)(RunSettings& s, const nlohmann::json& v);
  nlohmann::json (*get)(const RunSettings& s);
  /// The value of the flag in the point's synth run, "" when the run omits it.
  std::string (*arg)(const RunSettings& s, bool timing);
  /// Whether it enters the cache key (of a point measured with timing, or an FPGA point).
  bool (*cached)(const RunSettings& s);
};

/// The table, in the order of names, flags and the docs.
const std::vector<RunKey>& run_keys();

/// Run keys may appear in base, grid and points like design keys; absent ones take the CLI's.
bool is_run_key(const std::string& key);

/// Checks every run key of `run` (ConfigError naming the key), and target with device.
void check_run_keys(const nlohmann::json& run);

/// "@p5_fs3_sim" for {clock_period 5, fmax_search 3, activity sim}, "" for no run keys.
std::string run_suffix(const nlohmann::json& run);

/// `defaults` (the command line's) with the point's run keys applied.
RunSettings run_settings(const nlohmann::json& run, const RunSettings& defaults);

/// The `tpegen synth` flags of a point's run (without --no-timing, which the caller adds).
std::vector<std::string> run_synth_args(const RunSettings& s, bool timing);

/// The run's part of the cache key: empty for an ASIC point without timing; unchanged for
/// every key that existed when caches were first written, so that they stay valid.
nlohmann::json run_cache_inputs(const RunSettings& s, bool timing);

/// Every key's value (the Slurm plan), and back.
nlohmann::json run_settings_to_json(const RunSettings& s);
RunSettings run_settings_from_json(const nlohmann::json& j);

}  // namespace tpegen::sweep
