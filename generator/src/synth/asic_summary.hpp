// The "key: value" lines `tpegen synth` prints last for an ASIC run (for people and scripts),
// built from its report so that tests can check them without running the tools.
#pragma once

#include <string>

#include "synth/synth_report.hpp"

namespace tpegen::synth {

/// The whole summary, one "key: value" line each (a note line where timing is not met).
std::string asic_summary(const SynthReport& r);

/// The energy_per_mac_pj line, naming the activity model that produced the figure and, for a
/// simulated workload, its utilization; a static estimate says it is rough. "" when there is
/// no figure (no timing, or a static run without MACs per cycle).
std::string energy_line(const SynthReport& r);

}  // namespace tpegen::synth
