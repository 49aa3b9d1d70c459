// `synth --activity gate`: runs the gate-level activity simulation (synth/gate_sim.hpp) on a
// synthesized netlist and turns its transition counts into energy (synth/gate_power.hpp).
// Tools: Yosys (flatten the netlist, write the cell models), Icarus Verilog (iverilog, vvp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "synth/gate_power.hpp"
#include "synth/gate_report.hpp"
#include "synth/gate_sim.hpp"

namespace tpegen::synth {

inline constexpr int kGatePeriodUnits = 2000;  // one clock period in cell delays: every path settles
inline constexpr int kGateCellDelay = 1;       // unit delay per cell
// With liberty delays the time unit is 1 ps and the replayed period 100 ns, whatever the clock:
// glitches depend only on the delays' ratios, energy only on the counts (leakage uses the
// real period), and every path settles before the outputs are compared.
inline constexpr int kGateLibertyPeriodPs = 100000;

struct GateRunInputs {
  std::filesystem::path work;     // the synth work folder (netlist.v, the cells.lib link)
  std::filesystem::path liberty;  // the liberty file, as the work folder's tools see it
  std::string top;
  std::vector<PortSpec> ports;
  std::filesystem::path vcd;  // the RTL activity run's trace
  uint64_t macs = 0;          // useful MACs of that run
  double period_ns = 0;
  double output_load = 0;     // per output port bit, in the liberty's capacitance unit
  std::string clock = "clk_i", reset = "rst_ni";
  bool liberty_delays = false;  // each cell's delay from its liberty tables instead of one unit
};

struct GateActivity {
  GatePower power;
  uint64_t cycles = 0, macs = 0, mismatches = 0;
  double period_ns = 0;
  double sim_seconds = 0;  // iverilog + vvp
  std::string cell_delay;  // how the cells were delayed, as the report names it
  std::filesystem::path dir;
  double pj_per_mac(double joules) const { return joules / static_cast<double>(macs) * 1e12; }
  double power_mw() const { return power.energy.total() / (period_ns * 1e-9 * static_cast<double>(cycles)) * 1e3; }
  /// The figures per MAC, as the reports carry them.
  GateReport report() const;
};

/// Throws std::runtime_error naming the tool and its log when a step fails.
GateActivity run_gate_activity(const GateRunInputs& in);

/// Models of the liberty's integrated clock-gating cells (latch_posedge kinds) that `netlist_v`
/// instantiates and `models_v` (Yosys's models) lacks: Yosys writes none for a statetable.
/// gclk = clk & (enable | test, latched while clk is low); postcontrol: clk & (latched enable
/// | test). In Yosys's model style, for instrument_models.
std::string clock_gate_models(const LibertyPower& lib, const std::string& netlist_v, const std::string& models_v);

/// First-level instances of `top` in a Yosys netlist and their modules ($paramod prefixes dropped).
std::map<std::string, std::string> top_instances(const std::string& netlist_v, const std::string& top);

}  // namespace tpegen::synth
