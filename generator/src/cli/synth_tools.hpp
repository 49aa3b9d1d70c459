// What `tpegen synth` and `tpegen sweep` both settle before any work: the liberty file and
// whether OpenSTA runs, with the tools they need on PATH (a clear error otherwise).
#pragma once

#include <string>

#include "cli/cli_fwd.hpp"

#include "synth/sta_flow.hpp"
#include "synth/synth_flow.hpp"
#include "synth/tools.hpp"

namespace tpegen::cli {

using synth::SynthTools;

/// The flags `synth` and `sweep` share (for sweep: every point's defaults, which the
/// points' run keys override).
struct SynthRunFlags {
  std::string liberty;
  bool no_liberty = false;
  double clock_period_ns = synth::kDefaultClockPeriodNs;
  bool no_timing = false;
  int fmax_search = 0;              // re-syntheses with a tighter delay target (0: none)
  std::string activity = "static";  // static | sim | gate (synth/activity.hpp)
  std::string gate_delay = "unit";  // activity gate: unit | liberty (synth/gate_activity.hpp)
};

/// Adds --liberty, --no-liberty, --clock-period, --no-timing, --fmax-search, --activity and
/// --gate-delay.
void add_synth_run_flags(CLI::App& app, SynthRunFlags& f, bool sweep);

/// Their range checks (one ConfigError line each), before any work.
void check_synth_run_flags(const SynthRunFlags& f);

}  // namespace tpegen::cli
