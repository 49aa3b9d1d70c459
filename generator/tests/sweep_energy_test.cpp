// The sweep's gate-level energy columns (synth --activity gate): the breakdown from a synth
// report into the result, its JSON, the CSV columns and the Markdown table.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "sweep/sweep.hpp"

using nlohmann::json;
using namespace tpegen::sweep;

TEST_CASE("sweep: a gate-level energy breakdown goes from the report into the CSV, the Markdown and back") {
  const json report = {{"config", {{"arch", "systolic-os"}, {"pe", "mac"}, {"rows", 2}, {"cols", 2}}},
                       {"cells", 1},
                       {"activity_source", "gate"},
                       {"energy_per_mac_pj", 3.5},
                       {"energy_breakdown_pj_per_mac",
                        {{"clock", 1.0},
                         {"sequential", 0.5},
                         {"combinational", 2.0},
                         {"glitch", 0.75},
                         {"leakage", 0.0}}},
                       {"activity_gate", {{"cycles", 10}, {"macs", 40}}}};
  const Result r = result_from_report("os_mac", report, nullptr);
  REQUIRE(r.energy_breakdown);
  CHECK(r.energy_breakdown->glitch == 0.75);
  // ... then utilization (unknown here), energy_rough (measured: 0) and no unbuffered fmax.
  CHECK(to_csv({r}).find(",asic,,,,,,1,0.5,2,0.75,0,,0,\n") != std::string::npos);
  const std::string md = to_markdown({r}, {});
  CHECK(md.find("| design | total | clock | sequential | combinational | glitch | leakage |") != std::string::npos);
  CHECK(md.find("| os_mac | 3.500 | 1.000 | 0.500 | 2.000 | 0.750 | 0.000 |\n") != std::string::npos);
  CHECK(result_from_json(result_to_json(r))->energy_breakdown == r.energy_breakdown);
  // A report without activity_gate (activity sim) has none, and a cached result without the key reads as none.
  json sim = report;
  sim.erase("activity_gate");
  CHECK(!result_from_report("os_mac", sim, nullptr).energy_breakdown);
  json cached = result_to_json(r);
  cached.erase("energy_breakdown_pj_per_mac");
  CHECK(!result_from_json(cached)->energy_breakdown);
}

namespace {

// The height of the `cls` segment of the bar whose title starts with `name`.
double segment_height(const std::string& svg, const std::string& cls, const std::string& name) {
  size_t at = 0;
  while ((at = svg.find("<rect class=\"" + cls + "\"", at)) != std::string::npos) {
    const size_t end = svg.find("</rect>", at);
    const std::string rect = svg.substr(at, end - at);
    at = end;
    if (rect.find("<title>" + name + ": ") == std::string::npos) continue;
    const size_t h = rect.find("height=\"") + 8;
    return std::stod(rect.substr(h, rect.find('"', h) - h));
  }
  return -1;
}

Result gate_result(const std::string& name, tpegen::synth::EnergyBreakdown e) {
  Result r;
  r.name = name;
  r.ok = true;
  r.config = {{"arch", "systolic-os"}, {"pe", "mac"}, {"rows", 2}, {"cols", 2}, {"depth", 1}, {"a_width", 8},
              {"b_width", 8}};
  r.energy_per_mac_pj = e.total();
  r.energy_breakdown = e;
  return r;
}

}  // namespace

TEST_CASE("sweep: the stacked-bar SVG of energy per MAC by class") {
  // Totals 4 and 8 pJ/MAC: the axis ends at 10, the plot is 300 px high (30 px per pJ).
  const std::vector<Result> rs = {gate_result("a", {1.0, 0.5, 2.0, 0.75, 0.5}),
                                  gate_result("b", {2.0, 1.0, 4.0, 3.0, 1.0}), Result{}};
  const std::string svg = svg_energy_breakdown(rs);
  REQUIRE(!svg.empty());
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("</svg>\n") == svg.size() - 7);
  CHECK(segment_height(svg, "clock", "a") == doctest::Approx(30.0));
  CHECK(segment_height(svg, "sequential", "a") == doctest::Approx(15.0));
  CHECK(segment_height(svg, "settled", "a") == doctest::Approx(37.5));  // combinational - glitch
  CHECK(segment_height(svg, "glitch", "a") == doctest::Approx(22.5));
  CHECK(segment_height(svg, "leakage", "a") == doctest::Approx(15.0));
  CHECK(segment_height(svg, "settled", "b") == doctest::Approx(30.0));
  CHECK(segment_height(svg, "glitch", "b") == doctest::Approx(90.0));
  CHECK(svg.find("<title>b: combinational (glitch) 3.0000 pJ/MAC</title>") != std::string::npos);
  CHECK(svg.find(">8.00</text>") != std::string::npos);  // b's total above its bar
  CHECK(svg.find(">systolic-os mac 2x2x1 s8x8</text>") != std::string::npos);  // label under the bar
  // One bar per point with a breakdown (five segments each); none without.
  size_t rects = 0;
  for (size_t at = 0; (at = svg.find("<rect class=", at)) != std::string::npos; ++at) ++rects;
  CHECK(rects == 10);
  Result plain = gate_result("c", {});
  plain.energy_breakdown.reset();
  CHECK(svg_energy_breakdown({plain}).empty());
}

TEST_CASE("sweep: energy per MAC by block goes from the report into energy_blocks.csv, the Markdown and back") {
  const json split = {{"clock", 1.0}, {"sequential", 0.5}, {"combinational", 2.0}, {"glitch", 0.75}, {"leakage", 0.25}};
  json pe = split;
  pe["instances"] = 4;
  json skew = {{"clock", 0.25}, {"sequential", 0.0}, {"combinational", 0.0}, {"glitch", 0.0}, {"leakage", 0.0}};
  skew["instances"] = 2;
  const json report = {{"config", {{"arch", "systolic-os"}, {"pe", "mac"}, {"rows", 2}, {"cols", 2}}},
                       {"cells", 1},
                       {"activity_source", "gate"},
                       {"energy_per_mac_pj", 4.0},
                       {"energy_breakdown_pj_per_mac", split},
                       {"energy_blocks_pj_per_mac",
                        {{"tpe_os_r2c2_pe", pe}, {"tpe_skew", skew}, {"broken", {{"clock", 1.0}}}}},
                       {"activity_gate", {{"cycles", 10}, {"macs", 40}}}};
  const Result r = result_from_report("tpe_os_r2c2", report, nullptr);
  REQUIRE(r.energy_blocks.size() == 2);  // an entry without the five keys is left out
  CHECK(r.energy_blocks.at("tpe_os_r2c2_pe").instances == 4);
  CHECK(r.energy_blocks.at("tpe_skew").split.clock == 0.25);

  const std::string csv = blocks_csv({r, Result{}});
  CHECK(csv ==
        "name,block,module,instances,energy_pj,energy_clock_pj,energy_sequential_pj,energy_combinational_pj,"
        "energy_glitch_pj,energy_leakage_pj\n"
        "tpe_os_r2c2,pe,tpe_os_r2c2_pe,4,3.75,1,0.5,2,0.75,0.25\n"
        "tpe_os_r2c2,skew,tpe_skew,2,0.25,0.25,0,0,0,0\n");
  const std::string md = to_markdown({r}, {});
  CHECK(md.find("| design | block | instances | total | clock | sequential | combinational | glitch | leakage |") !=
        std::string::npos);
  CHECK(md.find("| tpe_os_r2c2 | pe | 4 | 3.750 | 1.000 | 0.500 | 2.000 | 0.750 | 0.250 |\n") != std::string::npos);
  CHECK(md.find("| tpe_os_r2c2 | skew | 2 | 0.250 |") != std::string::npos);
  // A point with run keys in its name (`<top>@gate`) labels its blocks the same way.
  const Result keyed = result_from_report("tpe_os_r2c2@gate", report, nullptr);
  CHECK(blocks_csv({keyed}).find("\ntpe_os_r2c2@gate,pe,tpe_os_r2c2_pe,4,") != std::string::npos);

  // Cached results keep the blocks; results without any give no CSV and no table.
  const std::optional<Result> back = result_from_json(result_to_json(r));
  REQUIRE(back);
  REQUIRE(back->energy_blocks.size() == 2);
  CHECK(back->energy_blocks.at("tpe_os_r2c2_pe").split == r.energy_blocks.at("tpe_os_r2c2_pe").split);
  CHECK(back->energy_blocks.at("tpe_os_r2c2_pe").instances == 4);
  Result plain = r;
  plain.energy_blocks.clear();
  CHECK(blocks_csv({plain}).empty());
  CHECK(to_markdown({plain}, {}).find("by block") == std::string::npos);
  json old = result_to_json(r);
  old.erase("energy_blocks_pj_per_mac");
  CHECK(result_from_json(old)->energy_blocks.empty());
}

TEST_CASE("sweep: block labels drop the design's top-module prefix or the library's tpe_") {
  CHECK(block_label("tpe_systolic_os_mac_r2c2_s8x8_acc32_pe", "tpe_systolic_os_mac_r2c2_s8x8_acc32") == "pe");
  CHECK(block_label("tpe_skew", "tpe_systolic_os_mac_r2c2_s8x8_acc32") == "skew");
  CHECK(block_label("top", "tpe_x") == "top");
  CHECK(block_label("ports", "tpe_x") == "ports");
  CHECK(block_label("tpe_x", "tpe_x") == "x");  // the top's own name is not a prefix of itself
  CHECK(block_label("tpe_", "") == "tpe_");
}
