// `target` (and `device`) as sweep axes: the run keys, the point names, the FPGA counts in a
// result, the CSV columns and the Markdown table of FPGA points.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "arch/resolve.hpp"
#include "config/config_json.hpp"
#include "sweep/baseline_config.hpp"
#include "output/design_files.hpp"
#include "sweep/sweep.hpp"

using nlohmann::json;
using namespace tpegen;
using namespace tpegen::sweep;

namespace {

DesignConfig resolve_design(const json& d) {
  DesignConfig c;
  tpegen::apply_json(c, d.dump(), "test");
  return resolve(c);
}

Result fpga_result(const std::string& pe, long lut, long ff, double fmax) {
  const json config = config_to_json(resolve_design({{"arch", "mac-tree"}, {"pe", pe}, {"cols", 2}, {"depth", 4}}));
  const json report = {{"config", config},
                       {"cells", lut + ff}, {"target", "ice40"}, {"device", "hx8k"}, {"lut", lut}, {"ff", ff},
                       {"carry", 10}, {"dsp", 0}, {"bram", 0}, {"area_um2", nullptr}, {"fmax_mhz", fmax}};
  Result r = result_from_report("mt_" + pe + "@ice40_hx8k", report, json());
  r.run = {{"target", "ice40"}, {"device", "hx8k"}};
  return r;
}

}  // namespace

TEST_CASE("sweep: target and device are run keys (an axis of the grid)") {
  const auto pts = expand(R"({"base": {"arch": "mac-tree", "cols": 2, "depth": 4},
                              "grid": {"pe": ["mac", "opt1"], "target": ["asic", "ecp5"]},
                              "points": [{"target": "ice40", "device": "hx8k"}, {"target": "ice41"},
                                         {"target": "ecp5", "device": "up5k"}]})",
                          "t", resolve_design);
  REQUIRE(pts.size() == 7);
  CHECK(pts[0].name.size() > 5);
  CHECK(pts[0].name.substr(pts[0].name.size() - 5) == "@asic");
  CHECK(pts[1].name.substr(pts[1].name.size() - 5) == "@ecp5");
  CHECK(pts[1].run == json{{"target", "ecp5"}});
  CHECK(!pts[1].design.contains("target"));
  CHECK(pts[4].name.substr(pts[4].name.size() - 11) == "@ice40_hx8k");
  CHECK(!pts[5].resolved);
  CHECK(pts[5].skipped.find("invalid target = 'ice41'") != std::string::npos);
  CHECK(!pts[6].resolved);
  CHECK(pts[6].skipped.find("invalid device = 'up5k': only target ice40") != std::string::npos);
}

TEST_CASE("sweep: FPGA results carry their counts into the CSV and their own Markdown table") {
  std::vector<Result> rs = {fpga_result("mac", 1000, 200, 50), fpga_result("opt1", 800, 400, 40)};
  CHECK(rs[0].fpga["lut"] == 1000);
  CHECK(rs[0].fpga["device"] == "hx8k");
  CHECK(result_from_json(result_to_json(rs[1]))->fpga == rs[1].fpga);
  link_baselines(rs, sweep::baseline_config_json);
  REQUIRE(rs[1].baseline == 0);
  const std::string csv = to_csv(rs);
  CHECK(csv.find(",target,lut,ff,carry,dsp,bram,energy_clock_pj,") != std::string::npos);
  CHECK(csv.find(",ice40,800,400,10,0,0,,,,,,,,\n") != std::string::npos);  // no gate-level breakdown, no energy
  const std::string md = to_markdown(rs, {});
  CHECK(md.find("## FPGA targets") != std::string::npos);
  CHECK(md.find("| mt_opt1@ice40_hx8k | ice40 hx8k | 800 | 400 | 10 | 0 | 0 | 40.0 | 0.80x | 2.00x | 0.80x |") !=
        std::string::npos);
  // An ASIC-only sweep has no FPGA table and empty FPGA columns.
  Result asic = rs[0];
  asic.fpga = nullptr;
  CHECK(to_markdown({asic}, {}).find("## FPGA targets") == std::string::npos);
  CHECK(to_csv({asic}).find(",asic,,,,,,,,,,,,,\n") != std::string::npos);
  CHECK(to_markdown({asic}, {}).find("Energy per MAC by class") == std::string::npos);
}
