#include "synth/sta_flow.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "util/text.hpp"

namespace tpegen::synth {
namespace {

// A word in Tcl braces is taken literally; only braces, backslashes and newlines break it.
std::string braced(const std::string& s, const char* what) {
  if (s.empty() || s.find_first_of("{}\\\n\r") != std::string::npos)
    throw ConfigError(fmt::format("cannot pass {} '{}' to OpenSTA: it is empty or contains a brace, "
                                  "backslash or newline",
                                  what, s));
  return "{" + s + "}";
}

std::optional<double> to_double(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (*end != '\0') return std::nullopt;
  return d;
}

// "   9.607   data arrival time" -> 9.607 (first number of the line).
std::optional<double> leading_number(const std::string& line) {
  std::istringstream in(line);
  std::string tok;
  if (!(in >> tok)) return std::nullopt;
  return to_double(tok);
}

// "Startpoint: u_b/_0_ (rising edge-triggered ...)" -> "u_b/_0_".
std::string first_word_after(const std::string& line, const char* key) {
  std::istringstream in(line.substr(std::string(key).size()));
  std::string w;
  in >> w;
  return w;
}

// A net line of a path: "  581    2.737      u_fifo/rd_q[0] (net)" (fanout, load, name).
bool read_net_line(const std::string& line, StaNet& net) {
  const std::string tail = " (net)";
  if (line.size() < tail.size() || line.compare(line.size() - tail.size(), tail.size(), tail) != 0) return false;
  std::istringstream in(line);
  std::string fanout, cap;
  if (!(in >> fanout >> cap >> net.name)) return false;
  const auto f = to_double(fanout), c = to_double(cap);
  if (!f || !c) return false;
  net.fanout = static_cast<long>(*f);
  net.cap = *c;
  return true;
}

// A pin line: "[slew] delay time ^|v pin (cell)": sets the pin and its delay (the number
// before the time).
bool read_pin_line(const std::string& line, std::string& pin, double& delay) {
  std::istringstream in(line);
  std::vector<double> numbers;
  for (std::string tok; in >> tok;) {
    if (tok == "^" || tok == "v") {
      if (numbers.size() < 2 || !(in >> pin)) return false;
      delay = numbers[numbers.size() - 2];
      return true;
    }
    const auto v = to_double(tok);
    if (!v) return false;
    numbers.push_back(*v);
  }
  return false;
}

}  // namespace

void check_clock_period(double ns, const std::string& name) {
  if (!std::isfinite(ns) || ns <= 0 || ns > kMaxClockPeriodNs)
    throw ConfigError(fmt::format("invalid {} = '{}': the clock period in ns must be > 0 and "
                                  "<= {:.0f}",
                                  name, ns, kMaxClockPeriodNs));
}

const std::vector<StaLibProfile>& sta_lib_profiles() {
  static const std::vector<StaLibProfile> profiles = {
      {"sky130_fd_sc_hd", "sky130_fd_sc_hd__buf_2", "X", 0.0069, "4 x sky130_fd_sc_hd__buf_2 A (0.001727 pF)"},
      {"NangateOpenCellLibrary", "BUF_X2", "Z", 7.1, "4 x BUF_X2 A (1.779 fF)"},
      {"sg13g2_stdcell", "sg13g2_buf_2", "X", 0.0105, "4 x sg13g2_buf_2 A (0.002622 pF)"},
  };
  return profiles;
}

std::optional<StaLibProfile> find_sta_profile(const liberty::Library& lib) {
  for (const StaLibProfile& p : sta_lib_profiles())
    if (starts_with(lib.name, p.library_prefix) && lib.cell(p.drive_cell)) return p;
  return std::nullopt;
}

std::string sta_script(const StaInputs& in) {
  const std::string clk = braced(in.clock_port, "clock port");
  std::string s = fmt::format(
      "# Written by tpegen synth for OpenSTA 2.0.17 (run: sta -no_splash -exit {0}).\n"
      "# Errors do not stop OpenSTA or change its exit status: tpegen searches the log for them.\n"
      "read_liberty {1}\n"
      "read_verilog {2}\n"
      "link_design {3}\n\n"
      "# Ideal clock (no clock tree yet), zero external I/O delay: register-to-register paths\n"
      "# and paths from/to the ports get the whole period.\n"
      "create_clock -name clk -period {4} [get_ports {5}]\n"
      "set tpegen_inputs [delete_from_list [all_inputs] [get_ports {5}]]\n"
      "set_input_delay 0 -clock clk $tpegen_inputs\n"
      "set_output_delay 0 -clock clk [all_outputs]\n",
      kStaScriptFile, braced(in.liberty.string(), "liberty file"), braced(in.netlist, "netlist"),
      braced(in.top, "top module"), in.period_ns, clk);
  if (in.profile) {
    braced(in.profile->drive_cell, "drive cell");  // checks only: the names go into braces below
    braced(in.profile->drive_pin, "drive pin");
    s += fmt::format(
        "# Realistic I/O: a {0} drives every input; every output drives {2:g} ({3}).\n"
        "set_driving_cell -lib_cell {{{0}}} -pin {{{1}}} $tpegen_inputs\n"
        "set_load {2:g} [all_outputs]\n",
        in.profile->drive_cell, in.profile->drive_pin, in.profile->output_load, in.profile->load_note);
  } else {
    s += "# Unknown library: ideal input drivers and no output load (no sensible default cell).\n";
  }
  const std::string rst = braced(in.reset_port, "reset port");
  s += fmt::format(
      "# The asynchronous reset reaches every resettable flop through one unbuffered net (no\n"
      "# buffer tree before placement), which gives a meaningless recovery violation of several ns\n"
      "# on large arrays. set_ideal_network does not help in this OpenSTA version; a false path does.\n"
      "if {{[llength [get_ports -quiet {0}]]}} {{ set_false_path -from [get_ports {0}] }}\n\n"
      "# One worst path per group, so that register-to-register logic is reported apart from\n"
      "# paths through the ports (a control input such as valid_i can fan out to every PE through\n"
      "# one unbuffered net, which dominates the in2reg group before buffering).\n"
      "if {{[llength [all_registers]]}} {{\n"
      "  group_path -name in2reg -from $tpegen_inputs -to [all_registers -data_pins]\n"
      "  group_path -name reg2reg -from [all_registers -clock_pins] -to [all_registers -data_pins]\n"
      "  group_path -name reg2out -from [all_registers -clock_pins] -to [all_outputs]\n"
      "}}\n"
      "group_path -name in2out -from $tpegen_inputs -to [all_outputs]\n"
      "# The fan-out and load of each net on a path tell a path dominated by an unbuffered net.\n"
      "report_checks -path_delay max -format full -digits 3 -fields {{fanout capacitance nets}}\n"
      "report_wns -digits 3\n"
      "report_tns -digits 3\n\n"
      "# No read_vcd/read_saif in this version ({3}). 2.0.17 applies the global activity to\n"
      "# every net; the input ones are written for later versions (2.0.17 leaves the report\n"
      "# unchanged by them, measured). The flag is -activity (the help text misspells it).\n"
      "set_power_activity -global -activity {1:g}\n"
      "set_power_activity -input -activity {2:g}\n",
      rst, in.activity, in.input_activity, in.activity_note);
  for (const auto& [port, a] : in.port_activity)
    s += fmt::format("set_power_activity -input_ports [get_ports {}] -activity {:g}\n", braced(port, "port"), a);
  s += "report_power -digits 4\n";
  return s;
}

const StaPath* StaReport::worst() const {
  const StaPath* w = nullptr;
  for (const StaPath& p : paths)
    if (!w || p.slack_ns < w->slack_ns) w = &p;
  return w;
}

StaReport parse_sta(const std::string& log) {
  StaReport r;
  std::istringstream in(log);
  std::optional<StaPath> cur;
  bool have_arrival = false, have_required = false, in_power = false;
  std::string pin;  // the last pin of the path being read, and its delay
  double pin_delay = 0;
  for (std::string raw; std::getline(in, raw);) {
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (starts_with(raw, "Error") ||
        (starts_with(raw, "Warning") && raw.find("Creating black box") != std::string::npos)) {
      r.errors.push_back(raw);
      continue;
    }
    const std::string line = trim(raw);
    if (starts_with(line, "Startpoint:")) {
      cur = StaPath{};
      pin.clear();
      cur->startpoint = first_word_after(line, "Startpoint:");
      have_arrival = have_required = false;
    } else if (cur && starts_with(line, "Endpoint:")) {
      cur->endpoint = first_word_after(line, "Endpoint:");
    } else if (cur && starts_with(line, "Path Group:")) {
      cur->group = trim(line.substr(std::string("Path Group:").size()));
    } else if (StaNet net; cur && !have_arrival && read_net_line(line, net)) {
      net.driver = pin;
      net.driver_delay_ns = pin_delay;
      cur->nets.push_back(net);
    } else if (cur && !have_arrival && read_pin_line(line, pin, pin_delay)) {
      continue;  // remembered as the driver of the net line that follows
    } else if (cur && !have_arrival && line.find("data arrival time") != std::string::npos) {
      if (auto v = leading_number(line)) cur->arrival_ns = *v, have_arrival = true;
    } else if (cur && !have_required && line.find("data required time") != std::string::npos) {
      if (auto v = leading_number(line)) cur->required_ns = *v, have_required = true;
    } else if (cur && line.find("slack (") != std::string::npos) {
      if (auto v = leading_number(line); v && have_arrival) {
        cur->slack_ns = *v;
        r.paths.push_back(*cur);
      }
      cur.reset();
    } else if (starts_with(line, "wns ")) {
      r.wns_ns = to_double(trim(line.substr(4)));
    } else if (starts_with(line, "tns ")) {
      r.tns_ns = to_double(trim(line.substr(4)));
    } else if (starts_with(line, "Group") && line.find("Internal") != std::string::npos) {
      in_power = true;
    } else if (in_power && starts_with(line, "Total")) {
      std::istringstream cols(line.substr(5));
      double internal = 0, switching = 0, leakage = 0, total = 0;
      if (cols >> internal >> switching >> leakage >> total) {
        r.internal_w = internal;
        r.switching_w = switching;
        r.leakage_w = leakage;
        r.power_w = total;
      }
      in_power = false;
    }
  }
  return r;
}

double fmax_mhz(double period_ns, double slack_ns) {
  const double t = period_ns - slack_ns;
  return t > 0 ? 1000.0 / t : std::numeric_limits<double>::infinity();
}

}  // namespace tpegen::synth
