// --gate-slice N: the gate-level energy of an array too large to simulate at gate level,
// measured on a slice of it, the same design with every dimension capped at N.
#pragma once

#include <filesystem>
#include <string>

#include "synth/synth_activity.hpp"
#include "config/design_config.hpp"
#include "synth/gate_report.hpp"

namespace tpegen::synth {

/// The design with each of its architecture's dimensions (rows, cols, depth) capped at n.
DesignConfig slice_config(const DesignConfig& c, int n);

struct SliceRun {
  std::filesystem::path exe, work;  // this tpegen; the slice's own synth folder
  std::filesystem::path liberty;    // the liberty file as given (absolute)
  double clock_period_ns = 0;
  std::string gate_delay;
  ActivityWorkload workload;
};

/// Runs `tpegen synth --activity gate` on `slice` (synthesis, activity run and gate-level
/// replay in run.work) and returns its gate-level report, named after the slice. Throws
/// std::runtime_error naming the log when the run fails.
GateReport run_gate_slice(const DesignConfig& slice, const SliceRun& run);

}  // namespace tpegen::synth
