#include "output/flow_files.hpp"

#include "output/dir_writer.hpp"
#include "output/provenance.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace tpegen {
namespace {

// Port names of one direction, without the clock and the reset (constrained on their own).
std::string port_list(const nlohmann::json& ports, const char* dir) {
  std::string s;
  for (const auto& p : ports) {
    const std::string name = p.at("name");
    if (p.at("dir") == dir && name != "clk_i" && name != "rst_ni") s += (s.empty() ? "" : " ") + name;
  }
  return s;
}

std::vector<std::string> rtl_paths(const DesignFiles& d) {
  std::vector<std::string> rtl;
  for (const auto& [rel, text] : d.files)
    if (rel.rfind("rtl/", 0) == 0) rtl.push_back(rel);
  return rtl;
}

std::string orfs_config(const std::string& top, const std::vector<std::string>& rtl, const std::string& sdc,
                        const std::string& command) {
  std::string s = fmt::format(
      "{1}"
      "# OpenROAD-flow-scripts design configuration for {0}.\n"
      "# Run from ORFS's flow/ directory: make DESIGN_CONFIG=/path/to/this/config.mk\n"
      "# (PLATFORM, CORE_UTILIZATION and PLACE_DENSITY may be overridden on that command line.)\n"
      "export DESIGN_NAME = {0}\n"
      "export DESIGN_NICKNAME = {0}\n"
      "export PLATFORM ?= sky130hd\n"
      "# The folder of this file, so the design can be moved as a whole.\n"
      "export TPEGEN_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))\n"
      "export VERILOG_FILES =",
      top, comment_lines(provenance({"Reproduce: " + command}), "# "));
  for (const auto& f : rtl) s += " \\\n  $(TPEGEN_DIR)/" + f;
  s += fmt::format(
      "\nexport SDC_FILE = $(TPEGEN_DIR)/{}\n"
      "export CORE_UTILIZATION ?= 40\n"
      "export PLACE_DENSITY ?= 0.60\n",
      sdc);
  return s;
}

nlohmann::json librelane_config(const std::string& top, const std::vector<std::string>& rtl, const std::string& sdc,
                                double period_ns) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : rtl) files.push_back("dir::" + f);  // dir:: = relative to this file
  return {{"meta", {{"version", 2}}},
          {"DESIGN_NAME", top},
          {"VERILOG_FILES", files},
          {"CLOCK_PORT", "clk_i"},
          {"CLOCK_PERIOD", period_ns},
          {"PNR_SDC_FILE", "dir::" + sdc},
          {"SIGNOFF_SDC_FILE", "dir::" + sdc},
          {"FP_CORE_UTIL", 40}};
}

}  // namespace

std::string sdc_file(const std::string& top, const nlohmann::json& ports, double clock_period_ns,
                     const std::string& command) {
  std::string s = fmt::format(
      "{1}"
      "# Timing constraints for {0}.\n"
      "set clk_period {2:g}\n"
      "create_clock -name clk -period $clk_period [get_ports clk_i]\n"
      "# The logic around the engine is assumed to take {3:g} % of the period on each side.\n",
      top, comment_lines(provenance({"Reproduce: " + command}), "# "), clock_period_ns, kIoDelayFraction * 100);
  const std::string in = port_list(ports, "in"), out = port_list(ports, "out");
  if (!in.empty())
    s += fmt::format("set_input_delay [expr {:g} * $clk_period] -clock clk [get_ports {{{}}}]\n", kIoDelayFraction, in);
  if (!out.empty())
    s += fmt::format("set_output_delay [expr {:g} * $clk_period] -clock clk [get_ports {{{}}}]\n", kIoDelayFraction,
                     out);
  s += "# rst_ni is asynchronous (it clears valid bits only): no timing path starts at it.\n"
       "set_false_path -from [get_ports rst_ni]\n";
  return s;
}

void add_flow_files(DesignFiles& d, double clock_period_ns) {
  const std::string sdc = d.top + ".sdc";
  const std::string command = fmt::format("{} --clock-period {:g}", d.manifest.at("command").get<std::string>(),
                                          clock_period_ns);
  const std::vector<std::string> rtl = rtl_paths(d);
  const std::vector<std::pair<std::string, std::string>> added = {
      {sdc, sdc_file(d.top, d.manifest.at("ports"), clock_period_ns, command)},
      {kOrfsConfigFile, orfs_config(d.top, rtl, sdc, command)},
      {kLibreLaneConfigFile, librelane_config(d.top, rtl, sdc, clock_period_ns).dump(2) + "\n"}};
  d.manifest["asic_flow"] = {{"clock_period_ns", clock_period_ns},
                             {"sdc", sdc},
                             {"io_delay_fraction", kIoDelayFraction},
                             {"orfs_config", kOrfsConfigFile},
                             {"librelane_config", kLibreLaneConfigFile}};
  const auto manifest = std::find_if(d.files.begin(), d.files.end(), [](const auto& f) { return f.first == "manifest.json"; });
  const auto at = d.files.insert(manifest, added.begin(), added.end()) + static_cast<long>(added.size());
  std::vector<std::pair<std::string, std::string>> written(d.files.begin(), at);
  d.manifest[kFilesWrittenKey] = files_written(written);
  if (at != d.files.end()) at->second = d.manifest.dump(2) + "\n";
  else d.files.emplace_back("manifest.json", d.manifest.dump(2) + "\n");
}

}  // namespace tpegen
