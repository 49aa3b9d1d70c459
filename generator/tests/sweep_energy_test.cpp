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
  CHECK(to_csv({r}).find(",asic,,,,,,1,0.5,2,0.75,0\n") != std::string::npos);
  const std::string md = to_markdown({r}, {});
  CHECK(md.find("| design | total | clock | sequential | combinational | glitch | leakage |") != std::string::npos);
  CHECK(md.find("| os_mac | 3.500 | 1 | 0.5 | 2 | 0.75 | 0 |\n") != std::string::npos);
  CHECK(result_from_json(result_to_json(r))->energy_breakdown == r.energy_breakdown);
  // A report without activity_gate (activity sim) has none, and a cached result without the key reads as none.
  json sim = report;
  sim.erase("activity_gate");
  CHECK(!result_from_report("os_mac", sim, nullptr).energy_breakdown);
  json cached = result_to_json(r);
  cached.erase("energy_breakdown_pj_per_mac");
  CHECK(!result_from_json(cached)->energy_breakdown);
}
