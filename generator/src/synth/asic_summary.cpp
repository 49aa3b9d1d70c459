#include "synth/asic_summary.hpp"

#include <fmt/format.h>

#include "synth/activity.hpp"
#include "synth/high_fanout.hpp"
#include "synth/sta_flow.hpp"

namespace tpegen::synth {

std::string energy_line(const SynthReport& r) {
  if (!r.power_mw || !r.clock_period_ns) return "";
  if (r.activity_source == "static" || r.activity_source.empty()) {
    if (!r.macs_per_cycle || *r.macs_per_cycle <= 0) return "";
    // power x period / MACs per cycle: what a sweep derives from a static run.
    return fmt::format("energy_per_mac_pj: {:.4f} (activity static {:g}, every cycle busy at {:g} MACs: a rough "
                       "estimate; --activity sim or gate measures the workload)\n",
                       *r.power_mw * *r.clock_period_ns / *r.macs_per_cycle, r.activity.value_or(kDefaultActivity),
                       *r.macs_per_cycle);
  }
  if (r.gate) return "";  // gate_summary() prints the gate-level figure; the global-rate one is named apart
  if (!r.energy_per_mac_pj) return "";
  return fmt::format("energy_per_mac_pj: {:.4f} (activity {}{})\n", *r.energy_per_mac_pj, r.activity_source,
                     utilization_text(r.utilization));
}

std::string high_fanout_lines(const HighFanoutReport& h) {
  FanoutPathology p;
  p.net.name = h.net;
  p.net.driver = h.driver;
  p.net.fanout = h.fanout;
  p.arrival_ns = h.arrival_ns;
  p.share = h.share;
  if (!h.buffered)
    return fmt::format("tpegen: warning: {}: fmax is that of the unbuffered netlist; {}\n", pathology_text(p),
                       kHighFanoutAdvice);
  return fmt::format("fmax_unbuffered_mhz: {:.1f} (area_um2 {:.3f}; {}; area, fmax and power above are of the netlist "
                     "mapped again with ABC's buffering in {}; {})\n",
                     h.unbuffered_fmax_mhz.value_or(0), h.unbuffered_area_um2.value_or(0), pathology_text(p),
                     h.buffered_dir, kHighFanoutAdvice);
}

std::string asic_summary(const SynthReport& r) {
  std::string s = fmt::format("top: {}\ncells: {}\n", r.top, r.cells);
  s += fmt::format("transistors: {}{}\n", r.transistors.value_or(-1),
                   r.transistors_exact ? "" : "+ (some cell types have no cost in Yosys' CMOS model)");
  if (r.area_um2)
    s += fmt::format("area_um2: {:.3f}{} (liberty: {})\n", *r.area_um2, r.area_exact ? "" : "+ (some cells have no area)",
                     r.liberty.value_or(""));
  else
    s += fmt::format("area_um2: none ({})\n", r.liberty_origin == "--no-liberty" ? "--no-liberty" : "no liberty file");
  if (r.area_um2 && r.memory_area_um2)
    s += fmt::format("memory_area_um2: {:.3f} (of area_um2: tpe_sdp_ram memories as flip-flops, SRAM macro candidates; "
                     "logic {:.3f})\n",
                     *r.memory_area_um2, *r.area_um2 - *r.memory_area_um2);
  if (!r.worst) return s + fmt::format("critical_path_ns: none ({})\n", r.timing_skipped.value_or(""));
  const double period = r.clock_period_ns.value_or(0);
  if (r.worst->slack_ns < 0)
    s += fmt::format("tpegen: note: timing is not met at the {} ns clock (worst slack {:.3f} ns, {} group)\n", period,
                     r.worst->slack_ns, r.worst_group);
  s += fmt::format("critical_path_ns: {:.3f} ({} -> {})\n", r.worst->arrival_ns, r.worst->startpoint, r.worst->endpoint);
  s += fmt::format("slack_ns: {:.3f} at period {}\n", r.worst->slack_ns, period);
  const bool buffered = r.high_fanout && r.high_fanout->buffered;
  s += fmt::format("fmax_mhz: {:.1f} ({}{})\n", r.fmax_mhz.value_or(0), r.fmax_definition,
                   buffered ? "; buffered netlist" : "");
  if (r.high_fanout) s += high_fanout_lines(*r.high_fanout);
  if (r.activity_source != "static") {
    const nlohmann::json& sim = r.activity_detail.at("activity_sim");
    s += fmt::format("power_mw: {:.3f} (simulated activity {:.4f}: {} cycles, {} MACs, {} operands at {} % duty)\n",
                     r.power_mw.value_or(0), r.activity.value_or(0), sim.at("cycles").get<uint64_t>(),
                     sim.at("macs").get<uint64_t>(), sim.value("dist", std::string("?")), sim.value("duty_percent", 100));
    if (r.gate)
      s += fmt::format("energy_per_mac_pj_global_activity: {:.4f}\n", r.energy_per_mac_pj_global_activity.value_or(0));
  } else {
    s += fmt::format("power_mw: {:.3f} (static activity {}: a rough estimate)\n", r.power_mw.value_or(0),
                     kDefaultActivity);
  }
  s += energy_line(r);
  std::string groups;
  for (const auto& [g, p] : r.path_groups)
    groups += fmt::format("{}{} {:.3f}", groups.empty() ? "" : ", ", g, p.arrival_ns);
  s += fmt::format("path_groups_ns: {}\n", groups);
  if (const FmaxStep* best = r.best_fmax_step())
    s += fmt::format("fmax_search_mhz: {:.1f} (area_um2 {:.3f}, {} of {} syntheses)\n", 1000.0 / best->period_ns,
                     best->area_um2, best - r.fmax_steps.data() + 1, r.fmax_steps.size());
  if (r.gate) s += gate_summary(*r.gate);
  return s;
}

}  // namespace tpegen::synth
