#include "synth/liberty_power.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace tpegen::synth {
namespace {

// The liberty syntax as a tree: `type (args) { ... }` groups, `name : value ;` and
// `name (args) ;` attributes (both kept as a name with a list of values).
struct Group {
  std::string type;
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::vector<std::string>>> attrs;
  std::vector<std::unique_ptr<Group>> groups;

  const std::vector<std::string>* attr(const std::string& name) const {
    for (const auto& [n, v] : attrs)
      if (n == name) return &v;
    return nullptr;
  }
  std::string first(const std::string& name, const std::string& fallback = "") const {
    const auto* v = attr(name);
    return v && !v->empty() ? v->front() : fallback;
  }
};

class Parser {
 public:
  explicit Parser(const std::string& t) : s_(t) {}

  std::unique_ptr<Group> parse() {
    auto root = std::make_unique<Group>();
    body(*root, true);
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    const long line = 1 + std::count(s_.begin(), s_.begin() + static_cast<long>(std::min(p_, s_.size())), '\n');
    throw std::runtime_error("liberty: line " + std::to_string(line) + ": " + why);
  }

  void skip() {
    for (;;) {
      while (p_ < s_.size() && (std::isspace(static_cast<unsigned char>(s_[p_])) || s_[p_] == '\\')) ++p_;
      if (s_.compare(p_, 2, "/*") == 0) {
        const size_t e = s_.find("*/", p_ + 2);
        if (e == std::string::npos) fail("unterminated comment");
        p_ = e + 2;
      } else if (s_.compare(p_, 2, "//") == 0) {
        while (p_ < s_.size() && s_[p_] != '\n') ++p_;
      } else {
        return;
      }
    }
  }

  // A quoted string (without quotes) or a bare word up to a delimiter.
  std::string token() {
    skip();
    if (p_ >= s_.size()) fail("unexpected end of file");
    if (s_[p_] == '"') {
      const size_t e = s_.find('"', p_ + 1);
      if (e == std::string::npos) fail("unterminated string");
      std::string t = s_.substr(p_ + 1, e - p_ - 1);
      p_ = e + 1;
      return t;
    }
    const size_t b = p_;
    while (p_ < s_.size() && !std::strchr(",;:(){}\"\n", s_[p_])) ++p_;
    std::string t = s_.substr(b, p_ - b);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    return t;
  }

  bool peek(char c) {
    skip();
    return p_ < s_.size() && s_[p_] == c;
  }
  void expect(char c) {
    if (!peek(c)) fail(std::string("expected '") + c + "'");
    ++p_;
  }

  void body(Group& g, bool top) {
    for (;;) {
      skip();
      if (p_ >= s_.size()) {
        if (!top) fail("missing '}'");
        return;
      }
      if (s_[p_] == '}') {
        if (top) fail("unbalanced '}'");
        ++p_;
        return;
      }
      if (s_[p_] == ';') {  // stray separators
        ++p_;
        continue;
      }
      const std::string name = token();
      if (name.empty()) fail("expected a name");
      if (peek(':')) {
        ++p_;
        std::vector<std::string> v{token()};
        if (peek(';')) ++p_;
        g.attrs.emplace_back(name, std::move(v));
        continue;
      }
      expect('(');
      std::vector<std::string> args;
      while (!peek(')')) {
        args.push_back(token());
        if (peek(',')) ++p_;
      }
      ++p_;
      if (peek('{')) {
        ++p_;
        auto child = std::make_unique<Group>();
        child->type = name;
        child->args = std::move(args);
        body(*child, false);
        g.groups.push_back(std::move(child));
      } else {
        if (peek(';')) ++p_;
        g.attrs.emplace_back(name, std::move(args));
      }
    }
  }

  const std::string& s_;
  size_t p_ = 0;
};

std::vector<double> numbers(const std::vector<std::string>& parts) {
  std::vector<double> v;
  for (const std::string& part : parts) {
    std::istringstream in(part);
    std::string item;
    while (std::getline(in, item, ',')) {
      const auto b = item.find_first_not_of(" \t\r\n");
      if (b == std::string::npos) continue;
      v.push_back(std::stod(item.substr(b)));
    }
  }
  return v;
}

// "1nW", "1ns", "1V" -> the factor to SI.
double unit_factor(const std::string& u, const std::string& base) {
  size_t i = 0;
  while (i < u.size() && (std::isdigit(static_cast<unsigned char>(u[i])) || u[i] == '.')) ++i;
  const double mult = i ? std::stod(u.substr(0, i)) : 1.0;
  std::string rest = u.substr(i);
  if (rest.size() >= base.size() && rest.compare(rest.size() - base.size(), base.size(), base) == 0)
    rest.resize(rest.size() - base.size());
  static const std::map<std::string, double> prefix = {{"", 1},     {"m", 1e-3},  {"u", 1e-6},
                                                       {"n", 1e-9}, {"p", 1e-12}, {"f", 1e-15}};
  std::string lower;
  for (char ch : rest) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto it = prefix.find(lower);
  if (it == prefix.end()) throw std::runtime_error("liberty: unknown unit '" + u + "'");
  return mult * it->second;
}

struct Template {
  std::string var1, var2;
  const std::vector<std::string>* idx1 = nullptr;  // the template's own breakpoints
  const std::vector<std::string>* idx2 = nullptr;
};

PowerTable table(const Group& g, const std::map<std::string, Template>& templates) {
  PowerTable t;
  t.values = numbers(*g.attr("values"));
  Template tm;
  if (!g.args.empty()) {
    const auto it = templates.find(g.args.front());
    if (it != templates.end()) tm = it->second;
  }
  const auto axis = [&](const char* idx, const std::string& var) {
    const auto* a = g.attr(idx);
    if (!a) a = idx[6] == '1' ? tm.idx1 : tm.idx2;  // the table may leave its axes to the template
    if (!a) return;
    (var.find("capacitance") != std::string::npos ? t.load_axis : t.slew_axis) = numbers(*a);
  };
  axis("index_1", tm.var1);
  axis("index_2", tm.var2);
  const size_t n = std::max<size_t>(1, t.slew_axis.size()) * std::max<size_t>(1, t.load_axis.size());
  if (t.values.size() != n) {
    if (t.values.size() == 1) {
      t.slew_axis.clear();
      t.load_axis.clear();
    } else {
      throw std::runtime_error("liberty: a " + g.type + " table has " + std::to_string(t.values.size()) +
                               " values for " + std::to_string(n) + " index points");
    }
  }
  // The value array is indexed by index_1 outer; reorder when index_1 is the load.
  if (tm.var1.find("capacitance") != std::string::npos && !t.slew_axis.empty() && !t.load_axis.empty()) {
    std::vector<double> v(n);
    for (size_t l = 0; l < t.load_axis.size(); ++l)
      for (size_t s = 0; s < t.slew_axis.size(); ++s) v[s * t.load_axis.size() + l] = t.values[l * t.slew_axis.size() + s];
    t.values = std::move(v);
  }
  return t;
}

// A group's related_pin and its rise and fall tables (`both`: one table for both edges).
PinPower::Arc arc(const Group& g, const char* rise, const char* fall, const char* both,
                  const std::map<std::string, Template>& templates) {
  PinPower::Arc a;
  a.related = g.first("related_pin");
  for (const auto& t : g.groups) {
    if (!t->attr("values")) continue;
    if (t->type == rise) {
      a.rise = table(*t, templates);
      a.has_rise = true;
    } else if (t->type == fall) {
      a.fall = table(*t, templates);
      a.has_fall = true;
    } else if (both && t->type == both) {
      a.rise = a.fall = table(*t, templates);
      a.has_rise = a.has_fall = true;
    }
  }
  return a;
}

// Position of x on an axis: the segment index and the fraction (linear extrapolation).
std::pair<size_t, double> locate(const std::vector<double>& axis, double x) {
  if (axis.size() < 2) return {0, 0};
  size_t i = 0;
  while (i + 2 < axis.size() && x > axis[i + 1]) ++i;
  const double span = axis[i + 1] - axis[i];
  return {i, span != 0 ? (x - axis[i]) / span : 0};
}

double arc_energy(const PinPower::Arc& a, double slew, double load) {
  return ((a.has_rise ? a.rise.at(slew, load) : 0) + (a.has_fall ? a.fall.at(slew, load) : 0)) / 2;
}

}  // namespace

double PowerTable::at(double slew, double load) const {
  if (values.size() == 1) return values[0];
  const size_t ns = std::max<size_t>(1, slew_axis.size()), nl = std::max<size_t>(1, load_axis.size());
  const auto [si, sf] = locate(slew_axis, slew);
  const auto [li, lf] = locate(load_axis, load);
  const auto v = [&](size_t s, size_t l) { return values[std::min(s, ns - 1) * nl + std::min(l, nl - 1)]; };
  const double lo = v(si, li) + (nl > 1 ? lf * (v(si, li + 1) - v(si, li)) : 0);
  if (ns < 2) return lo;
  const double hi = v(si + 1, li) + (nl > 1 ? lf * (v(si + 1, li + 1) - v(si + 1, li)) : 0);
  return lo + sf * (hi - lo);
}

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
    if (a.has_rise) {
      sum += a.rise.at(slew, load);
      ++n;
    }
    if (a.has_fall) {
      sum += a.fall.at(slew, load);
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

LibertyPower read_liberty_power(const std::string& text) {
  const auto root = Parser(text).parse();
  const Group* lib = nullptr;
  for (const auto& g : root->groups)
    if (g->type == "library") lib = g.get();
  if (!lib) throw std::runtime_error("liberty: no library group");
  LibertyPower r;
  const auto* cap = lib->attr("capacitive_load_unit");
  if (!cap || cap->size() != 2) throw std::runtime_error("liberty: no capacitive_load_unit");
  r.cap_unit_f = std::stod((*cap)[0]) * unit_factor((*cap)[1], "f");
  r.time_unit_s = unit_factor(lib->first("time_unit", "1ns"), "s");
  const double volt_unit = unit_factor(lib->first("voltage_unit", "1V"), "V");
  const double leak_unit = unit_factor(lib->first("leakage_power_unit", "1nW"), "W");
  r.energy_unit_j = r.cap_unit_f * volt_unit * volt_unit;
  r.voltage_v = std::stod(lib->first("nom_voltage", "0")) * volt_unit;
  std::map<std::string, Template> templates;
  for (const auto& g : lib->groups) {
    if (g->type == "operating_conditions" && r.voltage_v == 0)
      r.voltage_v = std::stod(g->first("voltage", "0")) * volt_unit;
    if (g->type == "wire_load" && r.fanout_length.empty()) {
      r.wire_cap_per_length = std::stod(g->first("capacitance", "0"));
      r.wire_slope = std::stod(g->first("slope", "0"));
      for (const auto& [n, v] : g->attrs)
        if (n == "fanout_length" && v.size() == 2) r.fanout_length[std::stoi(v[0])] = std::stod(v[1]);
    }
    if ((g->type == "power_lut_template" || g->type == "lu_table_template") && !g->args.empty())
      templates[g->args.front()] = {g->first("variable_1"), g->first("variable_2"), g->attr("index_1"),
                                    g->attr("index_2")};
  }
  if (r.voltage_v <= 0) throw std::runtime_error("liberty: no nom_voltage or operating_conditions voltage");
  for (const auto& g : lib->groups) {
    if (g->type != "cell" || g->args.empty()) continue;
    CellPower c;
    c.leakage_w = std::stod(g->first("cell_leakage_power", "0")) * leak_unit;
    c.clock_gate = g->first("clock_gating_integrated_cell");
    c.area = std::stod(g->first("area", "0"));
    c.dont_use = g->first("dont_use") == "true";
    for (const auto& sub : g->groups) {
      if (sub->type == "ff" || sub->type == "latch" || sub->type == "ff_bank" || sub->type == "statetable")
        c.sequential = true;
      if (sub->type != "pin" || sub->args.empty()) continue;
      PinPower p;
      const std::string dir = sub->first("direction");
      p.input = dir == "input" || dir == "inout";
      p.output = dir == "output" || dir == "inout";
      p.clock = sub->first("clock") == "true";
      for (const char* role : {"clock", "enable", "out", "test"})
        if (sub->first(std::string("clock_gate_") + role + "_pin") == "true") p.gate_role = role;
      p.cap_f = std::stod(sub->first("capacitance", "0")) * r.cap_unit_f;
      for (const auto& ip : sub->groups) {
        if (ip->type == "timing" && p.output) {
          PinPower::Arc a = arc(*ip, "cell_rise", "cell_fall", nullptr, templates);
          if (a.has_rise || a.has_fall) p.delays.push_back(std::move(a));
          continue;
        }
        if (ip->type != "internal_power") continue;
        PinPower::Arc a = arc(*ip, "rise_power", "fall_power", "power", templates);
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
          p.own.push_back(std::move(a));
        }
      }
      c.pins[sub->args.front()] = std::move(p);
    }
    r.cells[g->args.front()] = std::move(c);
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
    if (c.clock_gate != "latch_posedge" || c.dont_use || (best && c.area >= best_area)) continue;
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
