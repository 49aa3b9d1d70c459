// `tpegen synth --target ice40|ecp5|xilinx7|gowin`: Yosys's own synth_* command for the
// family, resource counts, and for iCE40 place and route with nextpnr-ice40 (fmax and
// utilization; a design that does not fit is one error line naming device and resource).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tpegen::synth {

struct FpgaSynthInputs {
  std::string target;  // an FPGA value of synth::kSynthTargets
  std::string device;  // --device ("" = default)
  std::string top;
  nlohmann::json config;    // config_to_json of the design, for --json
  nlohmann::json ports;     // the manifest's ports (the I/O wrapper needs them)
  std::filesystem::path work;
  std::vector<std::string> rtl;  // Verilog files relative to work
  double clock_period_ns = 10;   // nextpnr's target frequency
  bool pnr = true;               // iCE40 only: run nextpnr-ice40 (off with --no-timing)
  std::string json;              // --json file ("" = none)
};

/// Checked before anything runs: the ASIC-only options are refused for an FPGA target.
void check_fpga_options(const std::string& target, int fmax_search, const std::string& activity);

/// Runs the flow in `work`, prints the report ("key: value" lines) and writes --json.
/// Throws ConfigError when the design does not fit the iCE40 device.
void run_fpga_synth(const FpgaSynthInputs& in);

}  // namespace tpegen::synth
