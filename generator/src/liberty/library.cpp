#include "liberty/library.hpp"

#include <cctype>
#include <cstdlib>

#include "liberty/error.hpp"
#include "liberty/group.hpp"
#include "liberty/parser.hpp"
#include "liberty/units.hpp"

namespace tpegen::liberty {
namespace {

struct Template {
  std::string var1, var2;
  std::vector<double> index_1, index_2;  // the template's own breakpoints
};
using Templates = std::map<std::string, Template>;

struct Reader {
  const std::string& source;
  Templates templates;

  [[noreturn]] void fail(int line, const std::string& why) const { throw error_at(source, line, why); }

  // "0.1, 0.2" "0.3" -> 0.1 0.2 0.3
  std::vector<double> numbers(const std::vector<std::string>& parts, int line) const {
    std::vector<double> v;
    for (const std::string& part : parts) {
      const char* p = part.c_str();
      for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == ',') ++p;
        if (!*p) break;
        char* end = nullptr;
        const double d = std::strtod(p, &end);
        if (end == p) fail(line, "not a number: '" + std::string(p) + "'");
        v.push_back(d);
        p = end;
      }
    }
    return v;
  }

  double number(const Group& g, const char* name, double fallback = 0) const {
    const Attribute* a = g.attr(name);
    if (!a || a->values.empty()) return fallback;
    const auto v = numbers({a->values.front()}, a->line);
    if (v.size() != 1) fail(a->line, std::string(name) + " is not one number");
    return v.front();
  }

  std::optional<Table> table(const Group& g) const {
    const Attribute* values = g.attr("values");
    if (!values) return std::nullopt;
    Table t;
    t.values = numbers(values->values, values->line);
    Template tm;
    bool known = false;
    if (const auto it = templates.find(g.name()); it != templates.end()) {
      tm = it->second;
      known = true;
    }
    const Attribute* i1 = g.attr("index_1");
    const Attribute* i2 = g.attr("index_2");
    t.index_1 = i1 ? numbers(i1->values, i1->line) : tm.index_1;
    t.index_2 = i2 ? numbers(i2->values, i2->line) : tm.index_2;
    // Without a known template: index_1 the input slew, index_2 the load (the usual order).
    t.index_1_is_load = known && tm.var1.find("capacitance") != std::string::npos;
    t.index_2_is_load = !known || tm.var2.find("capacitance") != std::string::npos;
    const size_t n = std::max<size_t>(1, t.index_1.size()) * std::max<size_t>(1, t.index_2.size());
    if (t.values.size() != n) {
      if (t.values.size() != 1)
        fail(g.line, "a " + g.type + " table has " + std::to_string(t.values.size()) + " values for " +
                         std::to_string(n) + " index points");
      t.index_1.clear();  // one value: a constant
      t.index_2.clear();
    }
    return t;
  }

  TimingArc timing(const Group& g) const {
    TimingArc a;
    a.related_pin = g.value("related_pin");
    for (const Group& t : g.groups) {
      if (t.type == "cell_rise") a.cell_rise = table(t);
      else if (t.type == "cell_fall") a.cell_fall = table(t);
      else if (t.type == "rise_transition") a.rise_transition = table(t);
      else if (t.type == "fall_transition") a.fall_transition = table(t);
    }
    return a;
  }

  PowerArc power(const Group& g) const {
    PowerArc a;
    a.related_pin = g.value("related_pin");
    for (const Group& t : g.groups) {
      if (t.type == "rise_power") a.rise = table(t);
      else if (t.type == "fall_power") a.fall = table(t);
      else if (t.type == "power") a.rise = a.fall = table(t);
    }
    return a;
  }

  Pin pin(const Group& g) const {
    Pin p;
    p.name = g.name();
    p.line = g.line;
    const std::string dir = g.value("direction");
    p.direction = dir == "input"    ? Direction::input
                  : dir == "output" ? Direction::output
                  : dir == "inout"  ? Direction::inout
                  : dir == "internal" ? Direction::internal
                                      : Direction::unknown;
    p.capacitance = number(g, "capacitance");
    p.function = g.value("function");
    p.clock = g.value("clock") == "true";
    for (const char* role : {"clock", "enable", "out", "test"})
      if (g.value(std::string("clock_gate_") + role + "_pin") == "true") p.clock_gate_role = role;
    for (const Group& sub : g.groups) {
      if (sub.type == "timing") p.timing.push_back(timing(sub));
      else if (sub.type == "internal_power") p.internal_power.push_back(power(sub));
    }
    return p;
  }

  Cell cell(const Group& g) const {
    Cell c;
    c.name = g.name();
    c.line = g.line;
    c.area = number(g, "area");
    c.dont_use = g.value("dont_use") == "true";
    c.clock_gating = g.value("clock_gating_integrated_cell");
    c.leakage_power = number(g, "cell_leakage_power");
    c.sequential = !c.clock_gating.empty();
    for (const Group& sub : g.groups) {
      if (sub.type == "ff" || sub.type == "ff_bank") c.flip_flop = true;
      if (c.flip_flop || sub.type == "latch" || sub.type == "latch_bank" || sub.type == "statetable")
        c.sequential = true;
      if (sub.type == "pin" && !sub.args.empty()) c.pins.push_back(pin(sub));
    }
    return c;
  }
};

}  // namespace

const Pin* Cell::pin(const std::string& n) const {
  for (const Pin& p : pins)
    if (p.name == n) return &p;
  return nullptr;
}

const Cell* Library::cell(const std::string& n) const {
  const auto it = by_name_.find(n);
  return it == by_name_.end() ? nullptr : &cells[it->second];
}

bool usable_for_new_logic(const Cell& c) { return !c.dont_use; }

Library build_library(const Group& lib, const std::string& source) {
  Reader r{source, {}};
  Library l;
  l.name = lib.name();
  l.source = source;
  l.units = read_units(lib, source);
  l.nom_voltage = r.number(lib, "nom_voltage");
  for (const Group& g : lib.groups) {
    if (g.type == "operating_conditions" && l.nom_voltage == 0) l.nom_voltage = r.number(g, "voltage");
    if (g.type == "wire_load" && !l.wire_load) {
      WireLoad w;
      w.capacitance = r.number(g, "capacitance");
      w.slope = r.number(g, "slope");
      for (const Attribute& a : g.attrs)
        if (a.name == "fanout_length" && a.values.size() == 2) {
          const auto v = r.numbers(a.values, a.line);
          w.fanout_length[static_cast<int>(v[0])] = v[1];
        }
      if (!w.fanout_length.empty()) l.wire_load = w;
    }
    if ((g.type == "lu_table_template" || g.type == "power_lut_template") && !g.args.empty()) {
      Template t{g.value("variable_1"), g.value("variable_2"), {}, {}};
      if (const Attribute* a = g.attr("index_1")) t.index_1 = r.numbers(a->values, a->line);
      if (const Attribute* a = g.attr("index_2")) t.index_2 = r.numbers(a->values, a->line);
      r.templates[g.name()] = std::move(t);
    }
  }
  for (const Group& g : lib.groups) {
    if (g.type != "cell" || g.args.empty()) continue;
    if (l.by_name_.count(g.name())) throw error_at(source, g.line, "cell " + g.name() + " is defined twice");
    l.by_name_[g.name()] = l.cells.size();
    l.cells.push_back(r.cell(g));
  }
  return l;
}

Library parse_library(const std::string& text, const std::string& source) {
  return build_library(parse_group_tree(text, source), source);
}

}  // namespace tpegen::liberty
