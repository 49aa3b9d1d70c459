#include "synth/liberty_power.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>

namespace tpegen::synth {
namespace {

double arc_energy(const PinPower::Arc& a, double slew, double load) {
  return ((a.rise ? a.rise->at(slew, load) : 0) + (a.fall ? a.fall->at(slew, load) : 0)) / 2;
}

}  // namespace

double LibertyPower::output_energy_j(const CellPower& c, const std::string& pin, double slew_s, double load_f) const {
  const auto it = c.pins.find(pin);
  if (it == c.pins.end() || it->second.arcs.empty()) return 0;
  // Average over related input pins (each pin's `when` variants averaged first).
  std::map<std::string, std::pair<double, int>> by_pin;
  for (const auto& a : it->second.arcs) {
    auto& e = by_pin[a.related];
    e.first += arc_energy(a, slew_s / time_unit_s, load_f / cap_unit_f);
    ++e.second;
  }
  double sum = 0;
  for (const auto& [p, e] : by_pin) sum += e.first / e.second;
  return sum / static_cast<double>(by_pin.size()) * energy_unit_j;
}

double LibertyPower::input_energy_j(const CellPower& c, const std::string& pin, double slew_s) const {
  const auto it = c.pins.find(pin);
  if (it == c.pins.end() || it->second.own.empty()) return 0;
  double sum = 0;
  for (const auto& a : it->second.own) sum += arc_energy(a, slew_s / time_unit_s, 0);
  return sum / static_cast<double>(it->second.own.size()) * energy_unit_j;
}

double LibertyPower::output_delay_s(const CellPower& c, const std::string& pin, double slew_s, double load_f) const {
  const auto it = c.pins.find(pin);
  if (it == c.pins.end() || it->second.delays.empty()) return 0;
  double sum = 0;
  int n = 0;
  const double slew = slew_s / time_unit_s, load = load_f / cap_unit_f;
  for (const auto& a : it->second.delays) {
    if (a.rise) {
      sum += a.rise->at(slew, load);
      ++n;
    }
    if (a.fall) {
      sum += a.fall->at(slew, load);
      ++n;
    }
  }
  return n ? sum / n * time_unit_s : 0;
}

std::map<std::string, int> LibertyPower::nominal_delays_ps(double slew_s) const {
  std::vector<double> caps;
  for (const auto& [name, c] : cells)
    for (const auto& [pin, p] : c.pins)
      if (p.input && !p.output && p.cap_f > 0) caps.push_back(p.cap_f);
  std::map<std::string, int> r;
  if (caps.empty()) return r;
  std::nth_element(caps.begin(), caps.begin() + static_cast<long>(caps.size() / 2), caps.end());
  const double load_f = 2 * caps[caps.size() / 2] + wire_cap_f(2);
  for (const auto& [name, c] : cells)
    for (const auto& [pin, p] : c.pins)
      if (p.output && !p.delays.empty())
        r[name + "/" + pin] = std::max(1, static_cast<int>(std::lround(output_delay_s(c, pin, slew_s, load_f) * 1e12)));
  return r;
}

double LibertyPower::wire_cap_f(int fanout) const {
  if (fanout <= 0 || fanout_length.empty()) return 0;
  const auto it = fanout_length.find(fanout);
  double len = 0;
  if (it != fanout_length.end()) {
    len = it->second;
  } else {  // beyond the table: the largest entry plus the slope per extra sink
    const auto& last = *fanout_length.rbegin();
    len = fanout < last.first ? fanout_length.begin()->second : last.second + wire_slope * (fanout - last.first);
  }
  return wire_cap_per_length * len * cap_unit_f;
}

LibertyPower read_liberty_power(const liberty::Library& lib) {
  LibertyPower r;
  const liberty::Units& u = lib.units;
  if (u.capacitance_f <= 0) throw std::runtime_error(lib.source + ": no capacitive_load_unit");
  r.cap_unit_f = u.capacitance_f;
  r.time_unit_s = u.time_s;
  r.energy_unit_j = u.capacitance_f * u.voltage_v * u.voltage_v;
  r.voltage_v = lib.nom_voltage * u.voltage_v;
  if (r.voltage_v <= 0) throw std::runtime_error(lib.source + ": no nom_voltage or operating_conditions voltage");
  if (lib.wire_load) {
    r.wire_cap_per_length = lib.wire_load->capacitance;
    r.wire_slope = lib.wire_load->slope;
    r.fanout_length = lib.wire_load->fanout_length;
  }
  for (const liberty::Cell& cell : lib.cells) {
    CellPower c;
    c.leakage_w = cell.leakage_power * u.leakage_power_w;
    c.clock_gate = cell.clock_gating;
    c.area = cell.area;
    c.usable_for_new_logic = liberty::usable_for_new_logic(cell);
    c.sequential = cell.sequential;
    for (const liberty::Pin& pin : cell.pins) {
      PinPower p;
      p.input = pin.is_input();
      p.output = pin.is_output();
      p.clock = pin.clock;
      p.gate_role = pin.clock_gate_role;
      p.cap_f = pin.capacitance * r.cap_unit_f;
      if (p.output)
        for (const liberty::TimingArc& t : pin.timing)
          if (t.cell_rise || t.cell_fall) p.delays.push_back({t.related_pin, t.cell_rise, t.cell_fall});
      for (const liberty::PowerArc& ip : pin.internal_power) {
        const PinPower::Arc a{ip.related_pin, ip.rise, ip.fall};
        if (p.output && !a.related.empty()) {
          // "A B": one group for several inputs.
          std::istringstream rel(a.related);
          std::string one;
          while (rel >> one) {
            PinPower::Arc b = a;
            b.related = one;
            p.arcs.push_back(std::move(b));
          }
        } else {
          p.own.push_back(a);
        }
      }
      c.pins[pin.name] = std::move(p);
    }
    r.cells[cell.name] = std::move(c);
  }
  return r;
}

std::optional<ClockGateCell> clock_gate_pins(const std::string& name, const CellPower& cell) {
  if (cell.clock_gate.rfind("latch_posedge", 0) != 0) return std::nullopt;
  ClockGateCell g{name, "", "", "", ""};
  for (const auto& [pin, p] : cell.pins) {
    if (p.gate_role == "clock") g.clock_pin = pin;
    if (p.gate_role == "enable") g.enable_pin = pin;
    if (p.gate_role == "out") g.out_pin = pin;
    if (p.gate_role == "test") g.test_pin = pin;
  }
  if (g.clock_pin.empty() || g.enable_pin.empty() || g.out_pin.empty()) return std::nullopt;
  return g;
}

std::optional<ClockGateCell> find_clock_gate_cell(const LibertyPower& lib) {
  std::optional<ClockGateCell> best;
  double best_area = 0;
  for (const auto& [name, c] : lib.cells) {
    if (c.clock_gate != "latch_posedge" || !c.usable_for_new_logic || (best && c.area >= best_area)) continue;
    if (auto g = clock_gate_pins(name, c)) {
      best = g;
      best_area = c.area;
    }
  }
  return best;
}

std::string clock_gate_map_verilog(const ClockGateCell& g) {
  std::string s = "module tpe_clock_gate (input wire clk_i, input wire en_i, output wire gclk_o);\n";
  s += "  " + g.name + " u_icg (." + g.clock_pin + "(clk_i), ." + g.enable_pin + "(en_i), ";
  if (!g.test_pin.empty()) s += "." + g.test_pin + "(1'b0), ";
  s += "." + g.out_pin + "(gclk_o));\nendmodule\n";
  return s;
}

}  // namespace tpegen::synth
