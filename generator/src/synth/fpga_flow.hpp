// `tpegen synth --target ice40|ecp5|xilinx7|gowin`: the FPGA side of synthesis, kept
// apart from the ASIC script (synth_flow.hpp). Pure functions: the Yosys script, the
// resource classes of each family's cells, and nextpnr-ice40's log read back, so unit
// tests can feed them captured tool output (generator/tests/fpga_flow_test.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tpegen::synth {

/// The --target values; "asic" is the standard-cell flow of synth_flow.hpp.
inline const std::vector<std::string> kSynthTargets = {"asic", "ice40", "ecp5", "xilinx7", "gowin"};
/// The iCE40 parts nextpnr-ice40 places on (--device), with the package used.
inline const std::vector<std::string> kIce40Devices = {"up5k", "hx8k"};

inline constexpr const char* kFpgaStatFile = "stat_fpga.txt";
inline constexpr const char* kPnrJsonFile = "pnr_netlist.json";
inline constexpr const char* kPnrLogFile = "nextpnr.log";

/// Throws ConfigError unless `target` is one of kSynthTargets, and unless `device` is
/// empty or (with target ice40) one of kIce40Devices. The names are the flags' (or sweep keys').
void check_target(const std::string& target, const std::string& device, const std::string& target_name = "--target",
                  const std::string& device_name = "--device");

/// The device an ice40 run uses: `device`, or up5k when empty.
std::string ice40_device(const std::string& device);

/// The Yosys command that maps to the target's cells, e.g. "synth_ice40 -dsp -top T".
/// iCE40: -dsp only on the UP5K (the HX8K has no DSP blocks).
std::string fpga_synth_command(const std::string& target, const std::string& device, const std::string& top);

/// The script: read the RTL, map `top` with fpga_synth_command and write `stat` to
/// kFpgaStatFile. With `pnr_top` set, it then maps that wrapper (synth/fpga_io_wrapper.hpp)
/// again from the RTL and writes kPnrJsonFile for nextpnr.
std::string fpga_yosys_script(const std::string& target, const std::string& device, const std::string& top,
                              const std::vector<std::string>& verilog_files, const std::string& pnr_top = "");

struct FpgaCounts {
  long lut = 0, ff = 0, carry = 0, dsp = 0, bram = 0;
  long other = 0;  // muxes, LUT RAM, I/O buffers, constants: listed in cell_types
  std::map<std::string, long> cell_types;
};

/// Sorts a mapped design's cell types into resource classes for the target's family.
FpgaCounts classify_fpga_cells(const std::string& target, const std::map<std::string, long>& cell_types);

struct PnrResource {
  std::string name;  // nextpnr's BEL type, e.g. ICESTORM_LC
  long used = 0, available = 0;
};

struct PnrReport {
  std::vector<PnrResource> utilization;  // "Device utilisation" (the last one printed)
  std::optional<double> fmax_mhz;        // last "Max frequency for clock" line
  std::string error;                     // first "ERROR:" line, empty when none
};

PnrReport parse_nextpnr_log(const std::string& log);

/// "" when everything fits, else one line naming the device and the first resource
/// used beyond its capacity.
std::string pnr_fit_problem(const PnrReport& r, const std::string& device);

/// A readable name for a nextpnr-ice40 resource (ICESTORM_LC -> "logic cells (LUT4 + FF)").
std::string ice40_resource_name(const std::string& bel);

}  // namespace tpegen::synth
