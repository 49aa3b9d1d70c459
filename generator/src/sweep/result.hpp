// One design point's result: from a synth report, to and from JSON, the derived figures and
// the link to its baseline.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "synth/gate_report.hpp"

namespace tpegen::sweep {

struct Result {
  std::string name;
  nlohmann::json config;        // resolved config (config_to_json)
  bool ok = false;
  bool cached = false;
  std::string error;            // when !ok
  long long cells = -1;
  long long transistors = -1;
  std::optional<double> area_um2;
  std::optional<double> fmax_mhz;          // tpegen synth's fmax_mhz (synth::kFmaxDefinition; FPGA: nextpnr's)
  std::optional<double> fmax_reg2reg_mhz;  // synth::kFmaxDefinition from the report's reg2reg group
  std::optional<double> critical_path_ns;
  std::optional<double> power_mw;
  std::optional<double> clock_period_ns;  // at which power was measured
  std::optional<double> macs_per_cycle;
  std::string macs_note;        // where macs_per_cycle came from when it is an estimate
  nlohmann::json run = nlohmann::json::object();  // the point's run keys (baselines must match them)
  std::string activity_source;  // "static", "sim" or "gate"
  std::optional<double> energy_per_mac_pj;  // measured (activity sim/gate): energy of the run / its useful MACs
  std::optional<double> utilization;        // activity sim/gate: the workload's busy fraction
  // Set when a high-fanout net dominated the unbuffered netlist's fmax path: its fmax and the
  // net (area and fmax above are then the buffered netlist's; synth/high_fanout.hpp).
  std::optional<double> fmax_unbuffered_mhz;
  std::string high_fanout_net;
  std::optional<synth::EnergyBreakdown> energy_breakdown;  // activity gate: pJ/MAC by class
  std::map<std::string, synth::BlockEnergy> energy_blocks;  // activity gate: pJ/MAC by block (module)
  std::optional<double> fmax_search_mhz;    // best clock of --fmax-search, and the area it costs
  std::optional<double> fmax_search_area_um2;
  /// FPGA targets (tpegen synth --target): {"target", "device", "lut", "ff", "carry", "dsp",
  /// "bram"} from the report; null for asic. fmax_mhz is then nextpnr-ice40's (or none).
  nlohmann::json fpga = nullptr;
  int baseline = -1;            // index of the baseline result (link_baselines), not stored

  /// The fmax ratios, efficiency and plots use: reg2reg when known (the unbuffered netlist's
  /// port fan-out otherwise dominates cube/matrix2d), else worst.
  /// With an fmax search, its best clock (reg2reg too).
  std::optional<double> fmax() const {
    return fmax_search_mhz ? fmax_search_mhz : fmax_reg2reg_mhz ? fmax_reg2reg_mhz : fmax_mhz;
  }
  /// The area that goes with fmax(): the searched netlist's when there was a search.
  std::optional<double> fmax_area() const { return fmax_search_mhz ? fmax_search_area_um2 : area_um2; }
  std::string arch() const;
  std::string pe() const;
};

/// Builds a result from the report `tpegen synth --json` writes and the design's manifest
/// (for timing.macs_per_cycle; may be null, then the architecture's formula is used).
Result result_from_report(const std::string& name, const nlohmann::json& report, const nlohmann::json& manifest);

/// MACs per cycle from a result's config (arch, pe, rows, cols, depth): the architecture
/// descriptor's macs_per_cycle (arch_macs_per_cycle), e.g. rows*cols for the systolic arrays,
/// an estimate with *note for the variable-latency designs; rows*cols*depth for an unknown arch.
double macs_per_cycle_formula(const nlohmann::json& config, std::string* note = nullptr);

nlohmann::json result_to_json(const Result& r);
/// nullopt for anything that is not a result written by result_to_json.
std::optional<Result> result_from_json(const nlohmann::json& j);

/// Derived figures of one result (nullopt when an input is missing).
struct Derived {
  std::optional<double> area_eff;     // GMAC/s per mm² at fmax
  std::optional<double> energy_pj;    // pJ per MAC at the clock period power was measured at
  bool energy_rough = false;          // energy_pj from static activity, every cycle busy: a rough estimate
};
Derived derive(const Result& r);

/// Ratios of a bit-weight design to its baseline.
struct Ratios {
  std::optional<double> area, fmax, area_eff, energy;
};

/// The resolved config (config_to_json) of the design a config is compared against, or
/// nullopt for a baseline itself. Injected (cmd_sweep uses the registry's baseline_of).
using BaselineOf = std::function<std::optional<nlohmann::json>(const nlohmann::json& config)>;
/// Sets each result's `baseline`: the ok result whose config equals its baseline's (PE options
/// aside when the PE matches) and whose run keys are the same.
void link_baselines(std::vector<Result>& results, const BaselineOf& baseline_of);
/// results[i].baseline.
int find_baseline(const std::vector<Result>& results, size_t i);
Ratios ratios(const Result& opt, const Result& base);

}  // namespace tpegen::sweep
