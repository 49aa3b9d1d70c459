// SynthReport: what synth --json writes reads back the same, with and without timing, for
// an FPGA target, and a report with nulls (no liberty, no timing) is read, not rejected.
#include <doctest/doctest.h>

#include "synth/synth_report.hpp"

using namespace tpegen::synth;
using nlohmann::json;

TEST_CASE("SynthReport: to_json and synth_report_from_json round trip (ASIC, timed, fmax search)") {
  SynthReport r;
  r.version = "0.1.0";
  r.top = "tpe_x";
  r.config = {{"arch", "cube"}};
  r.cells = 100;
  r.transistors = 2000;
  r.generic_cell_types = {{"$_AND_", 60}, {"$_DFF_P_", 40}};
  r.liberty = "/lib/x.lib";
  r.liberty_origin = "--liberty";
  r.area_um2 = 1234.5;
  r.lib_cells = 90;
  r.clock_period_ns = 10;
  r.worst = ReportPath{9.5, -0.2, "a_i[0]", "u/_1_"};
  r.worst_group = "in2reg";
  r.path_groups = {{"in2reg", *r.worst}, {"reg2reg", ReportPath{8.0, 1.8, "q", "d"}}};
  r.fmax_mhz = 1000.0 / 8.2;
  r.fmax_definition = kFmaxDefinition;
  r.power_mw = 3.5;
  r.activity_source = "static";
  r.activity = 0.1;
  r.fmax_steps = {{0, 8.2, 1234.5}, {6.97, 7.0, 1300}};
  const json j = to_json(r);
  CHECK(j.at("fmax_definition") == kFmaxDefinition);
  CHECK(j.at("fmax_search").at("fmax_mhz").get<double>() == doctest::Approx(1000.0 / 7.0));
  const auto back = synth_report_from_json(j);
  REQUIRE(back);
  CHECK(to_json(*back) == j);
  CHECK(back->path_groups.at("reg2reg").slack_ns == 1.8);
  CHECK(back->best_fmax_step()->period_ns == 7.0);
}

TEST_CASE("SynthReport: untimed and FPGA reports, nulls and foreign JSON") {
  SynthReport r;
  r.top = "tpe_y";
  r.cells = 5;
  r.transistors = 40;
  r.liberty_origin = "--no-liberty";
  r.timing_skipped = "--no-liberty";
  const json j = to_json(r);
  CHECK(j.at("area_um2").is_null());
  CHECK(j.at("fmax_mhz").is_null());
  CHECK(j.at("fmax_definition").is_null());
  const auto back = synth_report_from_json(j);
  REQUIRE(back);
  CHECK(!back->worst);
  CHECK(*back->timing_skipped == "--no-liberty");
  CHECK(to_json(*back) == j);

  SynthReport f;
  f.top = "tpe_z";
  f.target = "ice40";
  f.device = "hx8k";
  f.cells = 300;
  f.lut = 200;
  f.ff = 50;
  f.carry = 30;
  f.fmax_mhz = 55.5;
  f.pnr = {{"tool", "nextpnr-ice40"}};
  const auto fb = synth_report_from_json(to_json(f));
  REQUIRE(fb);
  CHECK(fb->target == "ice40");
  CHECK(fb->lut == 200);
  CHECK(*fb->fmax_mhz == 55.5);
  CHECK(to_json(*fb) == to_json(f));

  CHECK(!synth_report_from_json(json::array()));
  CHECK(!synth_report_from_json(json{{"cells", "many"}}));
}

TEST_CASE("SynthReport: the gate-level energy (activity gate) round trips and keeps the global-rate figure") {
  SynthReport r;
  r.top = "tpe_g";
  r.cells = 50;
  r.clock_period_ns = 10;
  r.worst = ReportPath{4.0, 6.0, "a", "b"};
  r.worst_group = "reg2reg";
  r.power_mw = 1.25;
  r.activity_source = "gate";
  r.activity = 0.2;
  GateReport g;
  g.breakdown = {1.0, 0.5, 2.0, 0.75, 0.25};
  g.blocks = {{"tpe_pe_mac", {{0.75, 0.25, 1.5, 0.5, 0.125}, 4}}, {"top", {{0.25, 0.25, 0.5, 0.25, 0.125}, 1}}};
  g.cycles = 100;
  g.macs = 400;
  g.power_mw = 0.9;
  g.zero_delay_energy_per_mac_pj = 3.0;
  g.cell_delay = "liberty (test)";
  g.internal_pj = 1.5;
  g.switching_pj = 1.75;
  g.leakage_pj = 0.25;
  g.transitions = 1000;
  g.functional_transitions = 600;
  g.output_mismatches = 2;
  g.cells = 50;
  g.nets = 70;
  g.nominal_slew_ns = 0.1;
  g.seconds = 1.5;
  g.dir = "/w/gate";
  r.gate = g;
  r.energy_per_mac_pj = g.breakdown.total();
  r.energy_per_mac_pj_global_activity = 4.5;
  const json j = to_json(r);
  // The keys issue 10 asks for: the four classes other than glitch sum to the total.
  const json& b = j.at("energy_breakdown_pj_per_mac");
  CHECK(j.at("energy_per_mac_pj").get<double>() == doctest::Approx(3.75));
  CHECK(b.at("clock").get<double>() + b.at("sequential").get<double>() + b.at("combinational").get<double>() +
            b.at("leakage").get<double>() ==
        doctest::Approx(j.at("energy_per_mac_pj").get<double>()));
  CHECK(b.at("glitch") == 0.75);
  CHECK(j.at("energy_per_mac_pj_global_activity") == 4.5);
  CHECK(j.at("energy_blocks_pj_per_mac").at("tpe_pe_mac").at("instances") == 4);
  CHECK(j.at("energy_blocks_pj_per_mac").at("top").at("total").get<double>() == doctest::Approx(1.125));
  CHECK(j.at("activity_gate").at("glitch_share").get<double>() == doctest::Approx(0.4));
  const auto back = synth_report_from_json(j);
  REQUIRE(back);
  REQUIRE(back->gate);
  CHECK(gate_json(*back->gate) == gate_json(g));
  CHECK(back->gate->blocks.at("tpe_pe_mac").instances == 4);
  CHECK(j.at("energy_components_pj_per_mac").at("switching") == 1.75);
  CHECK(back->gate->internal_pj == 1.5);
  CHECK(back->gate->cell_delay == "liberty (test)");
  CHECK(back->gate->leakage_pj == 0.25);
  CHECK(*back->energy_per_mac_pj_global_activity == 4.5);
  CHECK(to_json(*back) == j);
  // Through text too (what the sweep cache reads).
  CHECK(to_json(*synth_report_from_json(json::parse(j.dump(2)))) == j);
  // A report of activity sim has no gate section, and a broken breakdown reads as none.
  r.gate.reset();
  r.activity_source = "sim";
  CHECK(!synth_report_from_json(to_json(r))->gate);
  json broken = j;
  broken["energy_breakdown_pj_per_mac"].erase("glitch");
  CHECK(!synth_report_from_json(broken)->gate);
}
