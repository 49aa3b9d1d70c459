// `tpegen synth --activity sim`: runs the design's own golden-GEMM regression (`tpegen sim
// --vcd`) on a realistic workload and turns the dumped signals into switching activity
// for OpenSTA's power report, plus the cycles and useful MACs of the run for energy per MAC.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "synth/activity.hpp"
#include "synth/asic_run.hpp"

namespace tpegen::synth {

struct ActivityWorkload {
  std::string dist = kDefaultActivityDist;
  int trials = 3;                    // random GEMMs of a few tiles each ...
  uint64_t min_cycles = 1000;        // ... and more until this many cycles (small arrays finish fast)
  uint64_t seed = 1;
  int duty = 100;                    // percent of cycles with data (tpegen sim --duty)
};

/// Throws ConfigError unless 1 <= duty <= 100 (`flag` names it).
void check_duty(int duty, const char* flag);


/// Throws ConfigError for a bad workload (names the flag and the valid range).
void check_workload(const ActivityWorkload& w);

/// Runs `exe sim` on `config` in work/activity, reads the VCD, deletes it (it can be large;
/// `keep_vcd`: kept and named in the result, for --activity gate) and returns the estimate. `manifest` gives the input ports. Throws std::runtime_error when
/// the simulation fails or its output cannot be read.
SimActivity measure_activity(const std::filesystem::path& exe, const nlohmann::json& config,
                             const nlohmann::json& manifest, const std::filesystem::path& work,
                             const ActivityWorkload& w, bool keep_vcd = false);

}  // namespace tpegen::synth
