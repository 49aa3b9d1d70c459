// The ASIC hand-off files `tpegen generate` adds (output/flow_files.hpp): the SDC, the
// OpenROAD-flow-scripts config.mk and the LibreLane librelane_config.json name the design's own files.
// (OpenSTA reading the SDC and make expanding config.mk: tb/scripts/check_flow_files.sh.)
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "arch/resolve.hpp"
#include "output/design_files.hpp"
#include "output/flow_files.hpp"

using namespace tpegen;

namespace {

DesignFiles small_design() {
  DesignConfig c;
  c.arch = "cube";
  c.rows = 2;
  c.cols = 2;
  c.depth = 2;
  DesignFiles d = make_design_files(resolve(c));
  add_flow_files(d, 2.5);
  return d;
}

const std::string& text_of(const DesignFiles& d, const std::string& name) {
  const auto it = std::find_if(d.files.begin(), d.files.end(), [&](const auto& f) { return f.first == name; });
  REQUIRE(it != d.files.end());
  return it->second;
}

}  // namespace

TEST_CASE("generate writes an SDC, config.mk and librelane_config.json that name the design's files") {
  const DesignFiles d = small_design();
  const std::string sdc = d.top + ".sdc";
  // Before the manifest, which stays last and lists them.
  REQUIRE(d.files.back().first == "manifest.json");
  const nlohmann::json manifest = nlohmann::json::parse(d.files.back().second);
  for (const std::string& f : {sdc, std::string("config.mk"), std::string("librelane_config.json")}) {
    CHECK(std::find(manifest["files_written"].begin(), manifest["files_written"].end(), f) != manifest["files_written"].end());
    CHECK(!text_of(d, f).empty());
  }
  CHECK(manifest["asic_flow"]["clock_period_ns"] == 2.5);
  CHECK(manifest["asic_flow"]["sdc"] == sdc);

  std::vector<std::string> rtl;
  for (const auto& [name, text] : d.files)
    if (name.rfind("rtl/", 0) == 0) rtl.push_back(name);
  REQUIRE(rtl.size() >= 2);

  const nlohmann::json ll = nlohmann::json::parse(text_of(d, "librelane_config.json"));  // throws when malformed
  CHECK(ll["DESIGN_NAME"] == d.top);
  CHECK(ll["CLOCK_PORT"] == "clk_i");
  CHECK(ll["CLOCK_PERIOD"] == 2.5);
  CHECK(ll["PNR_SDC_FILE"] == "dir::" + sdc);
  CHECK(ll["SIGNOFF_SDC_FILE"] == "dir::" + sdc);
  REQUIRE(ll["VERILOG_FILES"].size() == rtl.size());
  for (size_t i = 0; i < rtl.size(); ++i) CHECK(ll["VERILOG_FILES"][i] == "dir::" + rtl[i]);

  const std::string& mk = text_of(d, "config.mk");
  CHECK(mk.find("export DESIGN_NAME = " + d.top + "\n") != std::string::npos);
  CHECK(mk.find("export SDC_FILE = $(TPEGEN_DIR)/" + sdc + "\n") != std::string::npos);
  for (const auto& f : rtl) CHECK(mk.find("$(TPEGEN_DIR)/" + f) != std::string::npos);

  const std::string& s = text_of(d, sdc);
  CHECK(s.find("set clk_period 2.5\ncreate_clock -name clk -period $clk_period [get_ports clk_i]\n") !=
        std::string::npos);
  CHECK(s.find("set_input_delay [expr 0.2 * $clk_period] -clock clk [get_ports {a_i b_i valid_i first_i last_i}]") !=
        std::string::npos);
  CHECK(s.find("set_output_delay [expr 0.2 * $clk_period] -clock clk [get_ports {c_o c_valid_o}]") !=
        std::string::npos);
  CHECK(s.find("set_false_path -from [get_ports rst_ni]") != std::string::npos);
  CHECK(s.find("--clock-period 2.5") != std::string::npos);
}
