// Unit tests of the summary lines of `tpegen synth` (synth/asic_summary.hpp): the energy line
// names the activity model that produced it and, for a simulated workload, its utilization;
// a static estimate says it is rough.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "synth/activity.hpp"
#include "synth/asic_summary.hpp"
#include "synth/synth_report.hpp"

using namespace tpegen::synth;

namespace {

SynthReport timed(const std::string& activity) {
  SynthReport r;
  r.top = "t";
  r.cells = 10;
  r.area_um2 = 1000;
  r.clock_period_ns = 10;
  r.worst = ReportPath{4, 6, "a", "b"};
  r.worst_group = "reg2reg";
  r.fmax_mhz = 250;
  r.power_mw = 2.5;
  r.activity_source = activity;
  r.activity = activity == "static" ? 0.1 : 0.0437;
  r.macs_per_cycle = 16;
  if (activity != "static")
    r.activity_detail = {{"activity_sim", {{"cycles", 1000}, {"macs", 7840}, {"dist", "normal:0:30"}, {"duty_percent", 100}}}};
  return r;
}

}  // namespace

TEST_CASE("workload_utilization: useful MACs over the peak rate's, and its text") {
  CHECK(*workload_utilization(7840, 1000, 16) == doctest::Approx(0.49));
  CHECK(!workload_utilization(0, 1000, 16));
  CHECK(!workload_utilization(10, 1000, 0));
  CHECK(utilization_text(0.49) == ", utilization 49 %");
  CHECK(utilization_text(0.0312) == ", utilization 3.1 %");
  CHECK(utilization_text(std::nullopt).empty());
}

TEST_CASE("energy_line: the activity model, the utilization, and a rough static estimate") {
  SynthReport sim = timed("sim");
  sim.energy_per_mac_pj = 38.89;
  sim.utilization = 0.49;
  CHECK(energy_line(sim) == "energy_per_mac_pj: 38.8900 (activity sim, utilization 49 %)\n");
  CHECK(asic_summary(sim).find("power_mw: 2.500 (simulated activity 0.0437: 1000 cycles, 7840 MACs, normal:0:30 operands "
                               "at 100 % duty)\nenergy_per_mac_pj: 38.8900 (activity sim, utilization 49 %)\n") !=
        std::string::npos);
  // JSON: the utilization is a field of its own, and comes back.
  const nlohmann::json j = to_json(sim);
  CHECK(j.at("utilization") == 0.49);
  CHECK(j.at("energy_per_mac_pj") == 38.89);
  CHECK(*synth_report_from_json(j)->utilization == 0.49);

  // Static: power x period / MACs per cycle (2.5 mW x 10 ns / 16), marked rough; the JSON keeps
  // energy_per_mac_pj null as before.
  const SynthReport st = timed("static");
  CHECK(energy_line(st) ==
        "energy_per_mac_pj: 1.5625 (activity static 0.1, every cycle busy at 16 MACs: a rough estimate; --activity "
        "sim or gate measures the workload)\n");
  CHECK(asic_summary(st).find("power_mw: 2.500 (static activity 0.1: a rough estimate)\n") != std::string::npos);
  CHECK(to_json(st).at("energy_per_mac_pj").is_null());
  SynthReport no_rate = st;
  no_rate.macs_per_cycle.reset();
  CHECK(energy_line(no_rate).empty());

  // Gate: the gate-level line says so, with the utilization of the replayed workload.
  SynthReport gate = timed("gate");
  GateReport g;
  g.breakdown.combinational = 3.0;
  g.cycles = 1000;
  g.macs = 7840;
  g.power_mw = 2.0;
  g.utilization = 0.49;
  gate.gate = g;
  gate.energy_per_mac_pj = 3.0;
  gate.energy_per_mac_pj_global_activity = 4.5;
  CHECK(energy_line(gate).empty());  // the gate summary prints it
  const std::string s = asic_summary(gate);
  CHECK(s.find("energy_per_mac_pj_global_activity: 4.5000\n") != std::string::npos);
  CHECK(s.find("energy_per_mac_pj: 3.0000 (activity gate, utilization 49 %: gate level, 1000 cycles, 7840 MACs, power "
               "2.000 mW)\n") != std::string::npos);
  CHECK(gate_from_json(gate_json(g))->utilization == 0.49);
}
