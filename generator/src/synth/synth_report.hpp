// The result of one `tpegen synth` run (ASIC or FPGA target): what --json writes and what
// the sweep reads back, in one place. to_json writes the keys documented in docs/flows.md;
// from_json reads them (a report of an older tpegen with missing keys reads as unknowns).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "synth/fmax_search.hpp"
#include "synth/gate_report.hpp"

namespace tpegen::synth {

struct ReportPath {
  double arrival_ns = 0, slack_ns = 0;
  std::string startpoint, endpoint;
};

/// How fmax is defined in every report and table (docs/flows.md): the clock the
/// register-to-register paths meet, setup time included.
inline constexpr const char* kFmaxDefinition = "1000 / (clock period - slack of the reg2reg path group)";

/// A critical path dominated by high-fanout nets (synth/high_fanout.hpp) and, when the design
/// was mapped again with buffering, the unbuffered netlist's figures (the report's own figures
/// are then the buffered netlist's).
struct HighFanoutReport {
  std::string net, driver, path_group;
  long fanout = 0;
  double arrival_ns = 0, share = 0;
  bool buffered = false;
  std::optional<double> unbuffered_area_um2, unbuffered_fmax_mhz, unbuffered_critical_path_ns;
  std::string unbuffered_netlist, buffered_dir;
};

struct SynthReport {
  std::string version, top;
  std::string target = "asic";  // asic | ice40 | ecp5 | xilinx7 | gowin
  nlohmann::json config = nlohmann::json::object();
  std::string work_dir, yosys_log;
  double yosys_seconds = 0;
  long cells = -1;  // generic cells (asic) or mapped FPGA cells

  // ASIC: generic CMOS estimate and the liberty mapping.
  std::optional<long> transistors;
  bool transistors_exact = true;
  std::map<std::string, long> generic_cell_types;
  std::optional<std::string> liberty, netlist;
  std::string liberty_origin;
  std::optional<double> area_um2;
  std::optional<double> memory_area_um2;  // of area_um2: the tpe_sdp_ram memories (SRAM macro candidates)
  bool area_exact = true;
  std::optional<long> lib_cells;
  std::map<std::string, long> lib_cell_types;

  // Timing: OpenSTA (asic) or nextpnr (ice40); timing_skipped says why there is none.
  std::optional<std::string> timing_skipped;
  std::optional<double> clock_period_ns;
  std::optional<ReportPath> worst;  // the path with the least slack
  std::string worst_group;
  std::map<std::string, ReportPath> path_groups;
  std::optional<double> wns_ns, tns_ns;
  std::optional<double> fmax_mhz;  // asic: kFmaxDefinition; ice40: nextpnr's post-route fmax
  std::string fmax_definition;
  std::optional<double> power_mw;
  nlohmann::json power_breakdown_mw = nullptr;
  std::string activity_source;  // static | sim | gate
  // energy_per_mac_pj: activity sim: from the global rate; activity gate: gate->breakdown.total(),
  // with the global-rate figure of the same run kept beside it.
  std::optional<double> activity, input_activity, energy_per_mac_pj, energy_per_mac_pj_global_activity;
  std::optional<GateReport> gate;  // activity gate: the per-cell energy model's result
  // activity sim/gate: the workload's busy fraction (useful MACs / (cycles x peak MACs per cycle)).
  std::optional<double> utilization;
  std::optional<double> macs_per_cycle;  // the manifest's, for the static (rough) energy estimate
  nlohmann::json activity_detail = nullptr;  // activity_ports, activity_bits, activity_active_bits, activity_sim
  std::optional<std::string> drive_cell;
  std::optional<double> output_load;
  std::optional<std::string> sta_log;
  std::optional<double> sta_seconds;
  std::vector<FmaxStep> fmax_steps;        // --fmax-search: the first run, then each re-synthesis
  std::optional<HighFanoutReport> high_fanout;

  // FPGA targets.
  std::optional<std::string> device;
  std::string synth_command;
  long lut = 0, ff = 0, carry = 0, dsp = 0, bram = 0, other_cells = 0;
  std::map<std::string, long> fpga_cell_types;
  nlohmann::json pnr = nullptr;
  std::optional<std::string> pnr_skipped;

  /// The best step of the fmax search (nullptr without one).
  const FmaxStep* best_fmax_step() const;
};

nlohmann::json to_json(const SynthReport& r);
/// nullopt when `j` is not a synth report (no integer `cells`).
std::optional<SynthReport> synth_report_from_json(const nlohmann::json& j);

}  // namespace tpegen::synth
