// The pure parts of the static timing step of `tpegen synth`: choosing the input driver
// and output load for a liberty file, writing the OpenSTA Tcl script and reading its
// report back. Unit-tested with captured OpenSTA 2.0.17 output
// (generator/tests/synth_flow_test.cpp).
//
// OpenSTA 2.0.17 (Debian `opensta`, binary `sta`) facts this relies on, measured here:
// - It keeps going after an error and exits 0, so the log is searched for "Error".
// - Its Verilog reader rejects a concatenation on the left of `assign`; Yosys writes those
//   unless `write_verilog -simple-lhs` is used. The parse error then turns the instantiated
//   PE module into a black box and the report looks plausible but is wrong, so a "Creating
//   black box" warning is treated as an error too.
// - The hierarchical Yosys netlist links (`link_design TOP`) and paths run through
//   submodule instances ("g_row[0].g_col[1].u_pe/_1142_/D"), so no flattening is needed.
// - `set_ideal_network` is accepted but changes nothing; `set_false_path -from rst_ni` is
//   what removes the unbuffered-reset recovery paths (see sta_script()).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liberty/library.hpp"

namespace tpegen::synth {

inline constexpr const char* kStaScriptFile = "sta.tcl";
inline constexpr const char* kStaLogFile = "sta.log";
inline constexpr double kDefaultClockPeriodNs = 10.0;
inline constexpr double kMaxClockPeriodNs = 1e6;
/// Static switching activity for report_power (there is no read_vcd/read_saif in 2.0.17):
/// toggles per clock cycle of every internal net, and of the primary inputs.
inline constexpr double kDefaultActivity = 0.1;
inline constexpr double kDefaultInputActivity = 0.2;

/// Throws ConfigError naming `name` (the flag, or a sweep key) and the valid range
/// (0, kMaxClockPeriodNs] unless `ns` lies in it (NaN and infinities are rejected too).
void check_clock_period(double ns, const std::string& name = "--clock-period");

/// How the primary I/O of a design is loaded for one standard-cell library. Inputs are
/// driven by `drive_cell`'s output pin `drive_pin`; outputs see `output_load` in the
/// library's capacitance unit, four times the input capacitance of the same buffer
/// (the block's outputs drive four such buffers of the next block).
struct StaLibProfile {
  const char* library_prefix;  // matched against the start of the liberty `library (NAME)`
  const char* drive_cell;
  const char* drive_pin;
  double output_load;          // in the library's capacitive_load_unit
  const char* load_note;       // where the number comes from, for the report
};

/// The known libraries (liberty_choice.hpp): their drive cells and loads.
const std::vector<StaLibProfile>& sta_lib_profiles();

/// The profile for this library, when its name matches one and the drive cell exists in it
/// (dont_use or not: it only models what drives the block). For any other library there is no
/// sensible default: no driving cell and no output load.
std::optional<StaLibProfile> find_sta_profile(const liberty::Library& lib);

struct StaInputs {
  std::filesystem::path liberty;
  std::string netlist;                 // relative to the directory sta runs in
  std::string top;
  double period_ns = kDefaultClockPeriodNs;
  std::string clock_port = "clk_i";
  std::string reset_port = "rst_ni";   // asynchronous reset: false path from it (when present)
  std::optional<StaLibProfile> profile;  // none: no set_driving_cell / set_load
  double activity = kDefaultActivity;
  double input_activity = kDefaultInputActivity;
  std::map<std::string, double> port_activity;  // measured per input port (overrides input_activity)
  std::string activity_note = "static activity";  // where the activity figures come from, for the script
};

/// The OpenSTA script: read, link, constrain (ideal clock on clock_port, zero I/O delays,
/// driving cell and load from the profile, false path from the reset), path groups in2reg,
/// reg2reg, reg2out and in2out (report_checks prints the worst path of each), then report_checks
/// -path_delay max -format full -digits 3 -fields {fanout capacitance nets}, report_wns, report_tns and report_power at the
/// given static activity. Throws ConfigError when a name cannot be written in Tcl braces.
std::string sta_script(const StaInputs& in);

/// A net of a reported path with its load (report_checks -fields {fanout capacitance nets}).
struct StaNet {
  std::string name;
  std::string driver;           // the pin driving it, e.g. "u_fifo/_08151_/Q"
  long fanout = 0;
  double cap = 0;               // in the library's capacitive_load_unit
  double driver_delay_ns = 0;   // the driver's delay into this load
};

struct StaPath {
  std::string startpoint;
  std::string endpoint;
  std::string group;     // "reg2reg", "in2reg", "reg2out", "in2out", "clk", "**async_default**"
  double arrival_ns = 0;  // data arrival time
  std::optional<double> required_ns;
  double slack_ns = 0;
  std::vector<StaNet> nets;  // in path order (empty from a report without the fields)
};

struct StaReport {
  std::vector<StaPath> paths;             // in report order (one per path group)
  std::optional<double> wns_ns, tns_ns;   // report_wns / report_tns (0 when met)
  std::optional<double> power_w;          // report_power "Total" row, total column
  std::optional<double> internal_w, switching_w, leakage_w;
  std::vector<std::string> errors;        // "Error..." lines and "Creating black box" warnings

  /// The reported path with the smallest slack (null when there is none).
  const StaPath* worst() const;
};

StaReport parse_sta(const std::string& log);

/// 1000 / (period - slack): the fastest clock at which the worst path, setup time
/// included, still meets timing (ideal clock, no clock uncertainty).
double fmax_mhz(double period_ns, double slack_ns);

}  // namespace tpegen::synth
