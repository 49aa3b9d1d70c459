#include "cli/synth_tools.hpp"

#include <cstdlib>

#include <CLI/CLI.hpp>

#include "cli/help_format.hpp"
#include "config/design_config.hpp"
#include "synth/activity.hpp"
#include "synth/fmax_search.hpp"
#include "synth/sta_flow.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"

namespace tpegen::cli {

void add_synth_run_flags(CLI::App& app, SynthRunFlags& f, bool sweep) {
  auto key = [&](const char* k) {
    return sweep ? std::string("every point's default (point key ") + k + "): " : std::string();
  };
  auto* lib = app.add_option("--liberty", f.liberty,
                             "standard-cell library for mapping, area, timing and power: a name, " +
                                 synth::known_library_names() +
                                 ", or a liberty file (default: $TPEGEN_LIBERTY, else sky130hd; names are looked up in "
                                 "$TPEGEN_PDK_DIR, the build's pdk/ and a shared/pdk folder beside the source tree)");
  app.add_flag("--no-liberty", f.no_liberty, "generic cells only: no standard-cell mapping, area, timing or power")
      ->excludes(lib);
  app.add_option("--clock-period", f.clock_period_ns,
                 key("clock_period") + "clock period in ns for static timing with OpenSTA (default 10; > 0)");
  app.add_flag("--no-timing", f.no_timing, "skip static timing and power (OpenSTA; with --target ice40: nextpnr)");
  app.add_option("--fmax-search", f.fmax_search,
                 key("fmax_search") + "after the first run, re-synthesize up to N times with a tighter delay target "
                                      "(abc -D, 0.85x the best period so far) until the clock stops improving; "
                                      "reports the best fmax and its area (0..10, default 0)");
  app.add_option("--activity", f.activity,
                 key("activity") + "switching activity for power: static (0.1 per net, default), sim (measured "
                                   "by a Verilator run of the GEMM workload; also reports energy per MAC) or gate "
                                   "(that run replayed on the netlist in Icarus Verilog: per-cell, glitch-aware "
                                   "energy per MAC and its breakdown)")
      ->type_name(one_of(synth::kActivityModes));
  app.add_option("--gate-delay", f.gate_delay, key("gate_delay") + "with --activity gate: " + synth::kGateDelayHelp)
      ->type_name(one_of(synth::kGateDelayModes));
}

void check_synth_run_flags(const SynthRunFlags& f) {
  synth::check_clock_period(f.clock_period_ns);
  synth::check_fmax_search(f.fmax_search);
  synth::check_activity_mode(f.activity);
  synth::check_gate_delay(f.gate_delay);
}

}  // namespace tpegen::cli
