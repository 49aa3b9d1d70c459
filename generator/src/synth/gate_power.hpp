// Energy per instance from gate-level transition counts (synth/gate_sim.hpp) and the
// liberty's power data (synth/liberty_power.hpp), over the flattened netlist (Yosys JSON):
//   switching = transitions of the output net x C/2 x V^2, C = the sink pins' capacitance
//               + the output load on top-level outputs + a wire estimate (the liberty's first
//               wire_load model for the net's fanout; none in the library: 0);
//   internal  = transitions of each output x its internal_power tables (arcs and rise/fall
//               averaged, at the nominal input slew and the net's load), plus transitions of
//               each input pin x that pin's own tables (a flip-flop's clock pin, D pins);
//   leakage   = cell_leakage_power x time.
// Classes: clock (clock pins of sequential cells, the clock net, clock-gating cells and their
// gated clocks), sequential (the rest of the flip-flops' energy and their output nets),
// combinational (the other cells, their nets and the nets of the data input ports), leakage; glitch = the combinational energy of the
// transitions beyond the functional (settled, once per cycle) ones.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "synth/gate_sim.hpp"
#include "synth/liberty_power.hpp"

namespace tpegen::synth {

inline constexpr double kNominalSlewNs = 0.1;  // input slew at which internal_power tables are read

struct EnergySplit {
  double clock = 0, sequential = 0, combinational = 0, glitch = 0, leakage = 0;  // joules
  double total() const { return clock + sequential + combinational + leakage; }
  void add(const EnergySplit& o);
};

/// The cells' energy by component, as OpenSTA's report_power columns split it (the nets of
/// the input ports, driven by no cell, are not in it; they are the "ports" block).
struct EnergyComponents {
  double internal = 0, switching = 0, leakage = 0;  // joules
};

struct GatePower {
  EnergySplit energy;                         // over the simulated window
  EnergyComponents components;                // the cells' part of `energy` by component
  EnergySplit functional;                     // the same with functional (zero-delay) counts
  std::map<std::string, EnergySplit> blocks;  // by block (first hierarchy level; "top" for the glue)
  std::map<std::string, int> block_instances;
  uint64_t cells = 0, nets = 0;
  uint64_t transitions = 0, functional_transitions = 0;  // over cell outputs
  uint64_t unknown_cells = 0;  // cell types the liberty does not have (counted at zero)
};

struct GatePowerInputs {
  double period_s = 0;
  uint64_t cycles = 0;
  double output_load_f = 0;  // per top-level output port bit
  bool wire_estimate = true;
  std::string clock = "clk_i";
  // Block of a first-level instance name (e.g. "g_row[0].g_col[1].u_pe" -> its module);
  // instances not listed keep their own name.
  std::map<std::string, std::string> block_of;
};

/// `flat`: Yosys write_json of the flattened netlist with `top`. `input_toggles`: per input
/// port bit ("name[i]", or "name"), the clock excluded (it toggles twice per cycle).
GatePower gate_power(const nlohmann::json& flat, const std::string& top, const LibertyPower& lib,
                     const GateCounts& counts, const std::map<std::string, uint64_t>& input_toggles,
                     const GatePowerInputs& in);

}  // namespace tpegen::synth
