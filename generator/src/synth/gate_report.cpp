#include "synth/gate_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "synth/activity.hpp"

namespace tpegen::synth {
namespace {

using nlohmann::json;

std::string split_text(const EnergyBreakdown& e) {
  return fmt::format("clock {:.4f}, sequential {:.4f}, combinational {:.4f} (glitch {:.4f}), leakage {:.4f}",
                     e.clock, e.sequential, e.combinational, e.glitch, e.leakage);
}

template <class T>
T get_or(const json& j, const char* key, T fallback) {
  return j.contains(key) && j.at(key).is_number() ? j.at(key).get<T>() : fallback;
}

}  // namespace

double GateReport::glitch_share() const {
  return transitions ? 1.0 - static_cast<double>(functional_transitions) / static_cast<double>(transitions) : 0;
}

json breakdown_json(const EnergyBreakdown& e) {
  json j = json::object();
  const auto v = e.values();
  for (size_t i = 0; i < kBreakdownKeys.size(); ++i) j[kBreakdownKeys[i]] = v[i];
  return j;
}

std::optional<EnergyBreakdown> breakdown_from_json(const json& j) {
  if (!j.is_object()) return std::nullopt;
  for (const char* k : kBreakdownKeys)
    if (!j.contains(k) || !j.at(k).is_number()) return std::nullopt;
  return EnergyBreakdown{j.at("clock").get<double>(), j.at("sequential").get<double>(),
                         j.at("combinational").get<double>(), j.at("glitch").get<double>(),
                         j.at("leakage").get<double>()};
}

json blocks_json(const std::map<std::string, BlockEnergy>& blocks) {
  json j = json::object();
  for (const auto& [name, b] : blocks) {
    j[name] = breakdown_json(b.split);
    j[name]["total"] = b.split.total();
    j[name]["instances"] = b.instances;
  }
  return j;
}

std::map<std::string, BlockEnergy> blocks_from_json(const json& j) {
  std::map<std::string, BlockEnergy> blocks;
  if (!j.is_object()) return blocks;
  for (const auto& [name, b] : j.items())
    if (const auto split = breakdown_from_json(b)) blocks[name] = {*split, get_or(b, "instances", 0)};
  return blocks;
}

json gate_json(const GateReport& g) {
  return {{"energy_per_mac_pj", g.breakdown.total()},
          {"energy_breakdown_pj_per_mac", breakdown_json(g.breakdown)},
          {"energy_blocks_pj_per_mac", blocks_json(g.blocks)},
          {"energy_components_pj_per_mac",
           {{"internal", g.internal_pj}, {"switching", g.switching_pj}, {"leakage", g.leakage_pj}}},
          {"activity_gate",
           {{"cycles", g.cycles},
            {"macs", g.macs},
            {"power_mw", g.power_mw},
            {"zero_delay_energy_per_mac_pj", g.zero_delay_energy_per_mac_pj},
            {"transitions", g.transitions},
            {"functional_transitions", g.functional_transitions},
            {"glitch_share", g.glitch_share()},
            {"output_mismatches", g.output_mismatches},
            {"cells", g.cells},
            {"nets", g.nets},
            {"unknown_cells", g.unknown_cells},
            {"cell_delay", g.cell_delay},
            {"nominal_slew_ns", g.nominal_slew_ns},
            {"seconds", g.seconds},
            {"dir", g.dir},
            {"slice", g.slice},
            {"utilization", g.utilization ? json(*g.utilization) : json(nullptr)}}}};
}

std::optional<GateReport> gate_from_json(const json& j) {
  if (!j.is_object() || !j.contains("activity_gate") || !j.at("activity_gate").is_object()) return std::nullopt;
  const std::optional<EnergyBreakdown> e = breakdown_from_json(j.value("energy_breakdown_pj_per_mac", json()));
  if (!e) return std::nullopt;
  GateReport g;
  g.breakdown = *e;
  g.blocks = blocks_from_json(j.value("energy_blocks_pj_per_mac", json()));
  const json comp = j.value("energy_components_pj_per_mac", json::object());
  if (comp.is_object()) {
    g.internal_pj = get_or(comp, "internal", 0.0);
    g.switching_pj = get_or(comp, "switching", 0.0);
    g.leakage_pj = get_or(comp, "leakage", 0.0);
  }
  const json& a = j.at("activity_gate");
  g.cycles = get_or<uint64_t>(a, "cycles", 0);
  g.macs = get_or<uint64_t>(a, "macs", 0);
  g.power_mw = get_or(a, "power_mw", 0.0);
  g.zero_delay_energy_per_mac_pj = get_or(a, "zero_delay_energy_per_mac_pj", 0.0);
  g.transitions = get_or<uint64_t>(a, "transitions", 0);
  g.functional_transitions = get_or<uint64_t>(a, "functional_transitions", 0);
  g.output_mismatches = get_or<uint64_t>(a, "output_mismatches", 0);
  g.cells = get_or<uint64_t>(a, "cells", 0);
  g.nets = get_or<uint64_t>(a, "nets", 0);
  g.unknown_cells = get_or<uint64_t>(a, "unknown_cells", 0);
  g.nominal_slew_ns = get_or(a, "nominal_slew_ns", 0.0);
  g.seconds = get_or(a, "seconds", 0.0);
  g.dir = a.contains("dir") && a.at("dir").is_string() ? a.at("dir").get<std::string>() : "";
  if (a.contains("cell_delay") && a.at("cell_delay").is_string()) g.cell_delay = a.at("cell_delay").get<std::string>();
  if (a.contains("slice") && a.at("slice").is_string()) g.slice = a.at("slice").get<std::string>();
  if (a.contains("utilization") && a.at("utilization").is_number()) g.utilization = a.at("utilization").get<double>();
  return g;
}

std::string gate_summary(const GateReport& g) {
  std::string s = fmt::format("energy_per_mac_pj: {:.4f} (activity gate{}: gate level, {} cycles, {} MACs, power {:.3f} mW{})\n",
                              g.breakdown.total(), utilization_text(g.utilization), g.cycles, g.macs, g.power_mw,
                              g.slice.empty() ? "" : ", measured on the slice " + g.slice);
  s += fmt::format("energy_breakdown_pj_per_mac: {}\n", split_text(g.breakdown));
  s += fmt::format("energy_zero_delay_pj_per_mac: {:.4f} (functional transitions only)\n",
                   g.zero_delay_energy_per_mac_pj);
  s += fmt::format("energy_components_pj_per_mac: internal {:.4f}, switching {:.4f}, leakage {:.4f} (cells; "
                   "without the input ports' nets)\n",
                   g.internal_pj, g.switching_pj, g.leakage_pj);
  s += fmt::format("cell_delay: {}\n", g.cell_delay);
  s += fmt::format("transitions: {} with these delays, {} functional ({:.1f} % glitches)\n", g.transitions,
                   g.functional_transitions, 100 * g.glitch_share());
  for (const auto& [name, b] : g.blocks)
    s += fmt::format("energy_block: {} x{}: {:.4f} pJ/MAC ({})\n", name, b.instances, b.split.total(),
                     split_text(b.split));
  return s;
}

}  // namespace tpegen::synth
