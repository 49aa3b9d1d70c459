// The power data of a liberty file, for the gate-level energy model (`synth --activity gate`):
// pin capacitances, internal energy per transition (the internal_power tables looked up at a
// nominal input slew and the actual output load), leakage, which cells are sequential, and the
// cells' delays (cell_rise/cell_fall) for a gate-level simulation with liberty delays.
// Units are converted to SI (farads, joules, watts, volts). It is a view of liberty::Library
// (liberty/library.hpp) and keeps every cell, dont_use ones included: the netlist it prices may
// contain them (a dont_use cell is never chosen for new logic: see find_clock_gate_cell).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liberty/library.hpp"

namespace tpegen::synth {

struct PinPower {
  bool input = false, output = false, clock = false;
  std::string gate_role;  // integrated clock-gating cells: "clock", "enable", "out" or "test
  double cap_f = 0;  // input pin capacitance
  // Output pins: one entry per internal_power group tied to an input (related_pin).
  struct Arc {
    std::string related;
    std::optional<liberty::Table> rise, fall;  // liberty units
  };
  std::vector<Arc> arcs;
  // Input pins: internal_power groups of the pin itself (e.g. a flip-flop's clock pin).
  std::vector<Arc> own;
  // Output pins: the cell_rise/cell_fall tables of each timing group (one per related pin).
  std::vector<Arc> delays;
};

struct CellPower {
  bool sequential = false;  // liberty::Cell::sequential (the one definition)
  std::string clock_gate;   // clock_gating_integrated_cell (e.g. "latch_posedge"); empty: none
  double area = 0;
  bool usable_for_new_logic = true;  // liberty::usable_for_new_logic (false: dont_use)
  double leakage_w = 0;     // cell_leakage_power
  std::map<std::string, PinPower> pins;
};

struct LibertyPower {
  double voltage_v = 0;
  double cap_unit_f = 0;     // one capacitive_load_unit in farads
  double time_unit_s = 0;    // one time_unit in seconds
  double energy_unit_j = 0;  // internal_power table unit: cap unit x volt unit^2
  std::map<std::string, CellPower> cells;
  // The first wire_load model (in sky130hd "Small"): cap per length x fanout_length(fanout).
  double wire_cap_per_length = 0, wire_slope = 0;
  std::map<int, double> fanout_length;

  /// Estimated wire capacitance (F) of a net with `fanout` sinks (0 without a wire_load model).
  double wire_cap_f(int fanout) const;

  /// Internal energy (J) of one transition of `pin`'s output, averaged over its arcs and
  /// rise/fall, at input slew `slew_s` and output load `load_f`.
  double output_energy_j(const CellPower& c, const std::string& pin, double slew_s, double load_f) const;
  /// Internal energy (J) of one transition of input `pin` (0 when it has no table).
  double input_energy_j(const CellPower& c, const std::string& pin, double slew_s) const;
  /// Propagation delay (s) to output `pin`: cell_rise and cell_fall averaged over its timing
  /// arcs, at input slew `slew_s` and output load `load_f` (0 when it has no timing table).
  double output_delay_s(const CellPower& c, const std::string& pin, double slew_s, double load_f) const;
  /// Every output pin's delay ("cell/pin" -> whole picoseconds, at least 1) at input slew
  /// `slew_s` and a nominal load of two typical sinks: twice the median input pin capacitance
  /// of the library plus the wire estimate for fanout 2. Pins without timing tables are left out.
  std::map<std::string, int> nominal_delays_ps(double slew_s) const;
};

/// An integrated clock-gating cell: gclk = clk & (enable latched while clk is low).
struct ClockGateCell {
  std::string name, clock_pin, enable_pin, out_pin, test_pin;  // test_pin: "" when it has none
};

/// The cell's clock-gating pins, when it is a "latch_posedge*" integrated clock-gating cell
/// with clock, enable and output pins.
std::optional<ClockGateCell> clock_gate_pins(const std::string& name, const CellPower& cell);

/// The smallest usable "latch_posedge" clock-gating cell (test pin, if any, tied to 0), or
/// nullopt when the library has none (e.g. sky130hd's dont_use-marked ones only).
std::optional<ClockGateCell> find_clock_gate_cell(const LibertyPower& lib);

/// Verilog of `tpe_clock_gate` (rtl_templates/tpe_clock_gate.v's ports) as one `cell`.
std::string clock_gate_map_verilog(const ClockGateCell& cell);

/// The power view of a parsed library. Throws std::runtime_error when it lacks the units or
/// voltage the energy model needs.
LibertyPower read_liberty_power(const liberty::Library& lib);

}  // namespace tpegen::synth
