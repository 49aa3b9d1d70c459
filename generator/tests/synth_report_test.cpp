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
