// The Liberty data model every reader of a .lib file uses: units, wire load, cells with their
// area, dont_use, leakage, whether they are sequential, and pins with direction, capacitance,
// function, timing arcs (delay and transition tables) and internal power tables. Numbers stay in
// the library's units (Units converts to SI). Which cells a reader may pick is the reader's
// decision (usable_for_new_logic, below): the model keeps every cell, dont_use ones
// included, because a netlist may contain them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liberty/table.hpp"

namespace tpegen::liberty {

struct Group;

enum class Direction { unknown, input, output, inout, internal };

/// A timing group of an output pin: delays and output transitions from `related_pin`.
struct TimingArc {
  std::string related_pin;  // as written ("A", or "A B" for several)
  std::optional<Table> cell_rise, cell_fall, rise_transition, fall_transition;
};

/// An internal_power group: `power` (both edges) is stored in rise and fall alike.
struct PowerArc {
  std::string related_pin;  // "" for an input pin's own energy
  std::optional<Table> rise, fall;
};

struct Pin {
  std::string name;
  Direction direction = Direction::unknown;
  double capacitance = 0;  // capacitive_load_unit
  std::string function;    // "" when it has none
  bool clock = false;      // `clock : true`
  std::string clock_gate_role;  // ICG pins: "clock", "enable", "out", "test"; else ""
  std::vector<TimingArc> timing;
  std::vector<PowerArc> internal_power;
  int line = 0;

  bool is_input() const { return direction == Direction::input || direction == Direction::inout; }
  bool is_output() const { return direction == Direction::output || direction == Direction::inout; }
};

struct Cell {
  std::string name;
  double area = 0;
  bool dont_use = false;
  /// The one definition: a cell holding state. It has an ff, ff_bank, latch, latch_bank or
  /// statetable group, or is an integrated clock-gating cell (clock_gating_integrated_cell).
  bool sequential = false;
  bool flip_flop = false;            // an ff or ff_bank group (what Yosys dfflibmap maps registers to)
  std::string clock_gating;          // clock_gating_integrated_cell value, e.g. "latch_posedge"; "" if none
  double leakage_power = 0;          // cell_leakage_power, leakage_power_unit
  std::vector<Pin> pins;             // in file order
  int line = 0;

  const Pin* pin(const std::string& name) const;
};

/// The library's units as SI factors: one time_unit in seconds, and so on.
struct Units {
  double time_s = 1e-9;
  double capacitance_f = 0;  // capacitive_load_unit; 0 when the library has none
  double voltage_v = 1;
  double leakage_power_w = 1e-9;
};

/// The first wire_load group (in sky130hd "Small").
struct WireLoad {
  double capacitance = 0, slope = 0;    // per unit length
  std::map<int, double> fanout_length;  // fanout -> length
};

struct Library {
  std::string name;    // library (NAME)
  std::string source;  // the path (or label) it was read from
  Units units;
  double nom_voltage = 0;  // nom_voltage, else the first operating_conditions voltage (voltage units)
  std::optional<WireLoad> wire_load;
  std::vector<Cell> cells;  // in file order

  const Cell* cell(const std::string& name) const;

 private:
  friend Library build_library(const Group& library_group, const std::string& source);
  std::map<std::string, size_t> by_name_;
};

/// The model of a parsed library group. Throws liberty::Error "source:line: why".
Library build_library(const Group& library_group, const std::string& source);

/// Text to model (parse_group_tree + build_library): for files use load_library (cache.hpp).
Library parse_library(const std::string& text, const std::string& source);

/// The one dont_use decision: a reader that picks cells to build new logic from (the delay
/// model's gates, the clock-gating cell --clock-gate inserts) takes only cells for which this
/// is true, i.e. not dont_use. Readers that price an existing netlist use every cell.
bool usable_for_new_logic(const Cell& c);

}  // namespace tpegen::liberty
