// The ASIC flow of `tpegen synth`: Yosys mapping to the liberty's cells, OpenSTA timing and
// power (with the activity of a Verilator run, or gate level on the netlist or on a slice of
// the design), high-fanout buffering, the fmax search, then the report and its summary.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/design_config.hpp"
#include "output/design_files.hpp"
#include "synth/synth_activity.hpp"
#include "synth/tools.hpp"

namespace tpegen::synth {

struct AsicFlowOptions {
  std::filesystem::path work;         // the claimed work folder, the design written in it
  std::vector<std::string> rtl;       // its Verilog files, relative to work
  std::string json;                   // --json report file, "" for none
  bool no_liberty = false;
  bool no_timing = false;
  double clock_period_ns = 10.0;
  int fmax_search = 0;
  std::string activity = "static";    // static | sim | gate
  std::string gate_delay = "unit";
  ActivityWorkload workload;
  int gate_slice = 0;
  std::optional<DesignConfig> slice;  // --gate-slice: the smaller design measured at gate level
};

/// A symbolic link work/cells.lib to the liberty file (replacing an older one); returns its
/// name relative to the work folder, the one the tools' scripts use. The tools see the liberty
/// under a plain name: ABC splits its script at ';' and Yosys/OpenSTA scripts would need quoting.
std::filesystem::path link_into_work(const std::filesystem::path& work, const std::filesystem::path& liberty);

/// Runs the flow in o.work, prints its progress and summary, writes o.json; throws
/// std::runtime_error naming the log when a tool fails.
void run_asic_flow(const DesignConfig& c, const DesignFiles& files, const SynthTools& tools, const AsicFlowOptions& o);

}  // namespace tpegen::synth
