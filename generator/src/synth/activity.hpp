// Switching activity from a simulation: toggles per bit per clock cycle, read from the VCD
// file that `tpegen sim --vcd` writes (Verilator --trace of the real GEMM workload). OpenSTA
// 2.0.17 has no read_vcd/read_saif, so `tpegen synth --activity sim` feeds it the measured
// figures through set_power_activity: the mean toggle rate of the RTL signal bits that toggle
// at all as the global activity, and each input port's own rate. Bits that never change are
// left out: they are mostly constants (the unused bits of the word-level arithmetic's
// vectors), which synthesis removes, and counting them would make a design look quieter the
// more of them its RTL has. Documented estimate: gate-level nets are assumed to toggle like the
// RTL signals on average (no glitches, no per-net rates).
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tpegen::synth {

struct VcdSignal {
  std::string scope;   // dotted scope path, e.g. "TOP.tpe_cube_mac_r2c2d2_s8x8_acc32"
  std::string name;    // first name the VCD gives this identifier code
  int width = 1;
  uint64_t toggles = 0;      // bit transitions after the first value
  uint64_t active_bits = 0;  // bits that changed at least once
};

struct VcdActivity {
  std::vector<VcdSignal> signals;  // one per identifier code (aliases counted once)
  uint64_t last_time = 0;
};

/// The --activity modes: "static" (a fixed activity per net), "sim" (measured) and "gate"
/// (measured per cell on the netlist, synth/gate_activity.hpp).
inline const std::vector<std::string> kActivityModes = {"static", "sim", "gate"};
/// Throws ConfigError naming `name` (the flag, or a sweep key) for any other value.
void check_activity_mode(const std::string& mode, const std::string& name = "--activity");
/// The help of --gate-delay (synth, sweep, gate-power).
inline constexpr const char* kGateDelayHelp =
    "the cells' delays in the gate-level run: unit (default: one unit per cell) or liberty (each cell "
    "output's cell_rise/cell_fall at 0.1 ns slew and a fanout-2 load)";
/// Operands of the activity run by default (the paper's OPT3 figures use normal data).
inline constexpr const char* kDefaultActivityDist = "normal:0:30";

/// --gate-delay: unit (one unit per cell) or liberty (each cell's delay from its tables).
inline const std::vector<std::string> kGateDelayModes = {"unit", "liberty"};
/// Throws ConfigError naming the flag and the valid values.
void check_gate_delay(const std::string& mode, const std::string& name = "--gate-delay");
/// A gate delay other than unit only with activity gate; the names are the flags' or, in a
/// sweep, the keys'. Throws ConfigError naming both.
void check_gate_delay_activity(const std::string& gate_delay, const std::string& activity,
                               const std::string& gate_delay_name = "--gate-delay",
                               const std::string& activity_name = "--activity");
/// The activity run's operands (golden::Distribution's spellings). Throws ConfigError naming
/// the flag (or sweep key) and the parser's reason.
void check_activity_dist(const std::string& dist, const std::string& name = "--activity-dist");
/// --gate-slice: 0 (the whole design) or 1..256, and only with activity gate. Throws
/// ConfigError naming the flag (or sweep key) and the valid range.
void check_gate_slice(int slice, const std::string& activity, const std::string& slice_name = "--gate-slice",
                      const std::string& activity_name = "--activity");

/// Reads a VCD (scopes, $var, value changes); x and z count as 0. Throws std::runtime_error
/// naming the line when the text is not a VCD.
VcdActivity parse_vcd(std::istream& in);

struct ActivityEstimate {
  uint64_t cycles = 0;
  uint64_t bits = 0;                   // signal bits traced, clock and reset excluded
  uint64_t active_bits = 0;            // of those, the bits that toggled: the global figure's base
  double global = 0;                   // toggles per active bit per cycle
  double input = 0;                    // mean over the data/control input port bits
  std::map<std::string, double> ports; // per top-level input port (clock and reset excluded)
};

/// Toggle rates over `cycles` clock cycles. `inputs` are the design's input port names;
/// `clock` and `reset` are left out of every figure (OpenSTA derives the clock's own).
ActivityEstimate estimate_activity(const VcdActivity& vcd, uint64_t cycles, const std::vector<std::string>& inputs,
                                   const std::string& clock = "clk_i", const std::string& reset = "rst_ni");

/// The busy fraction of a simulated workload: its useful MACs over what the design does in as
/// many cycles at its peak rate (the manifest's timing.peak_macs_per_cycle). nullopt when a
/// figure is missing (zero).
std::optional<double> workload_utilization(uint64_t macs, uint64_t cycles, double peak_macs_per_cycle);
/// ", utilization 49 %" for an energy line ("" when unknown).
std::string utilization_text(const std::optional<double>& utilization);

/// Reads "activity window: cycles C, macs X" from the harness output; false when absent.
bool parse_activity_window(const std::string& sim_output, uint64_t& cycles, uint64_t& macs);

}  // namespace tpegen::synth
