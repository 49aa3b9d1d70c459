// The result of the gate-level energy model (`synth --activity gate`, `tpegen gate-power`) as
// SynthReport carries it: energy per MAC, its breakdown (clock, sequential, combinational and
// its glitch part, leakage), the energy of each block, and the run's counts; its JSON (both
// ways) and its "key: value" lines.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace tpegen::synth {

/// The keys of energy_breakdown_pj_per_mac, in the order of EnergyBreakdown::values() (and of
/// the sweep's CSV columns).
inline constexpr std::array<const char*, 5> kBreakdownKeys = {"clock", "sequential", "combinational", "glitch",
                                                              "leakage"};

/// pJ per MAC by class. glitch is the part of combinational due to glitches; the other four
/// sum to the total.
struct EnergyBreakdown {
  double clock = 0, sequential = 0, combinational = 0, glitch = 0, leakage = 0;
  double total() const { return clock + sequential + combinational + leakage; }
  std::array<double, 5> values() const { return {clock, sequential, combinational, glitch, leakage}; }
  bool operator==(const EnergyBreakdown& o) const { return values() == o.values(); }
};

nlohmann::json breakdown_json(const EnergyBreakdown& e);
/// nullopt unless `j` is an object with the five keys as numbers.
std::optional<EnergyBreakdown> breakdown_from_json(const nlohmann::json& j);

struct BlockEnergy {
  EnergyBreakdown split;  // pJ/MAC
  int instances = 0;
};

/// energy_blocks_pj_per_mac: each block's breakdown plus "total" and "instances"; and back
/// (entries without the five keys are left out; not an object: none).
nlohmann::json blocks_json(const std::map<std::string, BlockEnergy>& blocks);
std::map<std::string, BlockEnergy> blocks_from_json(const nlohmann::json& j);

/// GateReport::cell_delay of a run at unit delay.
inline constexpr const char* kUnitDelayText = "unit (1 per cell)";

struct GateReport {
  EnergyBreakdown breakdown;                 // pJ/MAC; its total is energy_per_mac_pj
  // The cells' energy (pJ/MAC) by OpenSTA's report_power components; the input ports' nets
  // (block "ports") are not in it.
  double internal_pj = 0, switching_pj = 0, leakage_pj = 0;
  std::map<std::string, BlockEnergy> blocks;  // by first-level instance's module; "top", "ports"
  uint64_t cycles = 0, macs = 0;
  double power_mw = 0;
  double zero_delay_energy_per_mac_pj = 0;  // functional transitions only
  uint64_t transitions = 0, functional_transitions = 0;  // over cell outputs, at unit delay
  uint64_t output_mismatches = 0;  // cycles whose netlist outputs differ from the RTL run's
  uint64_t cells = 0, nets = 0, unknown_cells = 0;
  double nominal_slew_ns = 0;
  std::string cell_delay = kUnitDelayText;  // the gate-level simulation's cell delays
  double seconds = 0;  // iverilog + vvp
  std::string dir;     // the gate-level run's files
  std::string slice;   // --gate-slice: the slice design the figures come from ("": the design itself)
  std::optional<double> utilization;  // the workload's busy fraction (workload_utilization), when known
  double glitch_share() const;
};

/// The JSON fields: energy_per_mac_pj, energy_breakdown_pj_per_mac, energy_blocks_pj_per_mac,
/// energy_components_pj_per_mac, activity_gate (docs/flows.md).
nlohmann::json gate_json(const GateReport& g);
/// nullopt unless `j` holds energy_breakdown_pj_per_mac and activity_gate.
std::optional<GateReport> gate_from_json(const nlohmann::json& j);

/// "key: value" lines for the synth summary (energy_per_mac_pj, energy_breakdown_pj_per_mac, ...).
std::string gate_summary(const GateReport& g);

}  // namespace tpegen::synth
