#include "synth/gate_power.hpp"

#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tpegen::synth {

void EnergySplit::add(const EnergySplit& o) {
  clock += o.clock;
  sequential += o.sequential;
  combinational += o.combinational;
  glitch += o.glitch;
  leakage += o.leakage;
}

namespace {

struct Net {
  double cap_f = 0;
  int fanout = 0;
  uint64_t all = 0, functional = 0;
};

// The block a flattened cell belongs to: its first hierarchy level ("hdlname" holds the
// instance path separated by spaces), mapped to the module when known.
std::string block_of(const nlohmann::json& cell, const GatePowerInputs& in) {
  std::string path;
  if (cell.contains("attributes") && cell["attributes"].contains("hdlname"))
    path = cell["attributes"]["hdlname"].get<std::string>();
  const size_t sp = path.find(' ');
  if (sp == std::string::npos) return "top";
  const std::string inst = path.substr(0, sp);
  const auto it = in.block_of.find(inst);
  return it != in.block_of.end() ? it->second : inst;
}

}  // namespace

GatePower gate_power(const nlohmann::json& flat, const std::string& top, const LibertyPower& lib,
                     const GateCounts& counts, const std::map<std::string, uint64_t>& input_toggles,
                     const GatePowerInputs& in) {
  if (!flat.contains("modules") || !flat["modules"].contains(top))
    throw std::runtime_error("the flattened netlist has no module " + top);
  const auto& mod = flat["modules"][top];
  const double v2 = lib.voltage_v * lib.voltage_v;
  const double slew_s = kNominalSlewNs * 1e-9;
  std::unordered_map<int64_t, Net> nets;
  const auto bit_id = [](const nlohmann::json& b) -> int64_t { return b.is_number() ? b.get<int64_t>() : -1; };

  // Loads first: every input pin on its net, output ports.
  std::vector<std::pair<int64_t, std::string>> port_nets;  // input port bit nets and their keys
  for (const auto& [name, port] : mod["ports"].items()) {
    const auto& bits = port["bits"];
    for (size_t i = 0; i < bits.size(); ++i) {
      const int64_t id = bit_id(bits[i]);
      if (id < 0) continue;
      if (port["direction"] == "output") {
        nets[id].cap_f += in.output_load_f;
        ++nets[id].fanout;
      } else if (name == in.clock) {
        nets[id].all = nets[id].functional = 2 * in.cycles;
        port_nets.push_back({id, name});
      } else {
        const std::string key = bits.size() == 1 ? name : fmt::format("{}[{}]", name, i);
        const auto it = input_toggles.find(key);
        if (it != input_toggles.end()) nets[id].all = nets[id].functional = it->second;
        port_nets.push_back({id, name});
      }
    }
  }
  GatePower r;
  struct CellRef {
    const std::string* name;
    const nlohmann::json* cell;
    const CellPower* power;
  };
  std::vector<CellRef> cells;
  for (const auto& [name, cell] : mod["cells"].items()) {
    const auto type = cell["type"].get<std::string>();
    const auto it = lib.cells.find(type);
    if (it == lib.cells.end()) {
      ++r.unknown_cells;
      continue;
    }
    cells.push_back({&name, &cell, &it->second});
    for (const auto& [pin, bits] : cell["connections"].items()) {
      const auto p = it->second.pins.find(pin);
      if (p == it->second.pins.end() || !p->second.input || bits.empty()) continue;
      const int64_t id = bit_id(bits[0]);
      if (id < 0) continue;
      nets[id].cap_f += p->second.cap_f;
      ++nets[id].fanout;
    }
  }
  if (in.wire_estimate)
    for (auto& [id, n] : nets) n.cap_f += lib.wire_cap_f(n.fanout);
  // Toggles of the nets cells drive.
  for (const CellRef& c : cells)
    for (const auto& [pin, bits] : (*c.cell)["connections"].items()) {
      const auto p = c.power->pins.find(pin);
      if (p == c.power->pins.end() || !p->second.output || bits.empty()) continue;
      const int64_t id = bit_id(bits[0]);
      const auto t = counts.pins.find(*c.name + "/" + pin);
      if (id < 0 || t == counts.pins.end()) continue;
      nets[id].all = t->second.all;
      nets[id].functional = t->second.functional;
      r.transitions += t->second.all;
      r.functional_transitions += t->second.functional;
    }
  r.nets = nets.size();
  const double window_s = in.period_s * static_cast<double>(in.cycles);
  std::map<std::string, EnergySplit> block_functional;
  // The input ports' nets: driven from outside, charged like any other net.
  for (const auto& [id, name] : port_nets) {
    const Net& n = nets[id];
    const double e = 0.5 * n.cap_f * v2;
    EnergySplit all, fn;
    (name == in.clock ? all.clock : all.combinational) = e * static_cast<double>(n.all);
    (name == in.clock ? fn.clock : fn.combinational) = e * static_cast<double>(n.functional);
    r.energy.add(all);
    r.functional.add(fn);
    r.blocks["ports"].add(all);
    block_functional["ports"].add(fn);
    r.block_instances["ports"] = 0;
  }
  for (const CellRef& c : cells) {
    ++r.cells;
    const bool seq = c.power->sequential;
    EnergySplit all, fn;
    all.leakage = fn.leakage = c.power->leakage_w * window_s;
    r.components.leakage += all.leakage;
    for (const auto& [pin, bits] : (*c.cell)["connections"].items()) {
      const auto p = c.power->pins.find(pin);
      if (p == c.power->pins.end() || bits.empty()) continue;
      const int64_t id = bit_id(bits[0]);
      if (id < 0) continue;
      const Net& n = nets[id];
      double switching = 0, internal = 0;
      if (p->second.output) {
        switching = 0.5 * n.cap_f * v2;
        internal = lib.output_energy_j(*c.power, pin, slew_s, n.cap_f);
      } else if (p->second.input) {
        internal = lib.input_energy_j(*c.power, pin, slew_s);
      }
      const double e = switching + internal;
      r.components.switching += switching * static_cast<double>(n.all);
      r.components.internal += internal * static_cast<double>(n.all);
      const double ea = e * static_cast<double>(n.all), ef = e * static_cast<double>(n.functional);
      if (!c.power->clock_gate.empty() || (seq && p->second.clock)) {  // a clock gate and its gated clock
        all.clock += ea;
        fn.clock += ef;
      } else if (seq) {
        all.sequential += ea;
        fn.sequential += ef;
      } else {
        all.combinational += ea;
        fn.combinational += ef;
      }
    }
    const std::string block = block_of(*c.cell, in);
    r.energy.add(all);
    r.functional.add(fn);
    r.blocks[block].add(all);
    block_functional[block].add(fn);
  }
  r.energy.glitch = r.energy.combinational - r.functional.combinational;
  for (auto& [name, e] : r.blocks) e.glitch = e.combinational - block_functional[name].combinational;
  // Instances per block: distinct first-level instance names.
  std::map<std::string, std::map<std::string, int>> insts;
  for (const CellRef& c : cells) {
    std::string path;
    if ((*c.cell).contains("attributes") && (*c.cell)["attributes"].contains("hdlname"))
      path = (*c.cell)["attributes"]["hdlname"].get<std::string>();
    const size_t sp = path.find(' ');
    insts[block_of(*c.cell, in)][sp == std::string::npos ? "" : path.substr(0, sp)] = 1;
  }
  for (const auto& [b, set] : insts) r.block_instances[b] = static_cast<int>(set.size());
  return r;
}

}  // namespace tpegen::synth
