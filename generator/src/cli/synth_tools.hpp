// What `tpegen synth` and `tpegen sweep` both settle before any work: the liberty file and
// whether OpenSTA runs, with the tools they need on PATH (a clear error otherwise).
#pragma once

#include <string>

#include "cli/cli_fwd.hpp"

#include "synth/sta_flow.hpp"
#include "synth/synth_flow.hpp"

namespace tpegen::cli {

struct SynthTools {
  synth::LibertyChoice lib;  // path empty: generic cells only (origin says why)
  bool timing = false;       // OpenSTA timing and power run
};

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

/// Liberty from --liberty, TPEGEN_LIBERTY or the default library (sky130hd) (none with
/// --no-liberty); timing needs a liberty file and no --no-timing. Throws ConfigError when
/// yosys, or sta with timing, is not on PATH.
SynthTools find_synth_tools(const std::string& liberty, bool no_liberty, bool no_timing);

}  // namespace tpegen::cli
