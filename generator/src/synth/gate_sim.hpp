// The gate-level activity simulation of `synth --activity gate`: the synthesized netlist, with
// behavioural cell models that Yosys writes from the liberty file, replays the port values of
// the RTL activity run (Verilator VCD) in Icarus Verilog with one unit of delay per cell, so
// that glitches happen. Every cell output counts its transitions twice: all of them
// (glitches included) and the functional ones (its settled value sampled once per cycle
// differs from the previous cycle's), so the glitch share is the difference.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <string>
#include <vector>

namespace tpegen::synth {

struct PortSpec {
  std::string name;
  int width = 1;
  bool input = true;
};

/// The top-level port values of a Verilator trace (tb/harness/model.hpp: time 2c holds the
/// inputs of cycle c before its clock edge, 2c+1 the outputs after it), one binary string per
/// cycle (ports concatenated in `ports` order, MSB first), clock left out.
struct PortTrace {
  std::vector<PortSpec> inputs, outputs;
  std::vector<std::string> in_rows, out_rows;
};

/// Reads the ports of the outermost VCD scope. Throws std::runtime_error when a port is missing.
PortTrace sample_ports(std::istream& vcd, const std::vector<PortSpec>& ports, const std::string& clock);

/// Toggles of each input port bit over the trace ("name[i]" or "name" for 1-bit ports),
/// counting the change from the last prelude value (reset held low, first inputs) too.
std::map<std::string, uint64_t> input_toggles(const PortTrace& t, const std::string& reset);

/// Adds to the Yosys cell models (write_verilog of a liberty read without -lib): a delay on
/// every output assignment (`delays`["cell/pin"] where given, else `TPE_CELL_DELAY), zero
/// initial state for every reg (flip-flops without reset would otherwise hold x), and per
/// output the two transition counters, written by the testbench's `report` event.
/// `from_delays` (optional): how many of the outputs got their delay from `delays`, of `outputs`.
struct ModelDelays {
  int outputs = 0, from_delays = 0;
};
std::string instrument_models(const std::string& models_v, const std::map<std::string, int>& delays = {},
                              ModelDelays* count = nullptr);

/// The testbench: resets for two cycles, replays `stim_in.mem` one row per clock period, checks
/// the outputs against `stim_out.mem` just before the next row (handshake outputs, *valid_o and
/// *ready_o, always; the others only in cycles where the trace has a valid bit set, when there
/// is a *valid_o output), writes counts.txt.
std::string gate_testbench(const std::string& top, const PortTrace& t, const std::string& clock,
                           const std::string& reset, int period_units, int cell_delay_units);

struct PinToggles {
  uint64_t all = 0, functional = 0;
};

struct GateCounts {
  std::map<std::string, PinToggles> pins;  // "cell instance/pin" (instance as in the flat netlist)
  uint64_t cycles = 0, mismatches = 0;
};

/// Reads counts.txt. Throws std::runtime_error when the summary line is missing.
GateCounts parse_gate_counts(std::istream& in);

}  // namespace tpegen::synth
