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
inline constexpr const char* kPnrScriptFile = "pnr.ys";
inline constexpr const char* kPnrYosysLogFile = "yosys_pnr.log";

/// Throws ConfigError unless `target` is one of kSynthTargets, and unless `device` is
/// empty or (with target ice40) one of kIce40Devices. The names are the flags' (or sweep keys').
void check_target(const std::string& target, const std::string& device, const std::string& target_name = "--target",
                  const std::string& device_name = "--device");

/// The device an ice40 run uses: `device`, or up5k when empty.
std::string ice40_device(const std::string& device);

/// The Yosys command that maps to the target's cells, e.g. "synth_ice40 -dsp -top T".
/// iCE40: -dsp only on the UP5K (the HX8K has no DSP blocks).
std::string fpga_synth_command(const std::string& target, const std::string& device, const std::string& top);

/// The first pass: read the RTL, map `top` with fpga_synth_command and write `stat` to
/// kFpgaStatFile (the counts the fit check reads before place and route).
std::string fpga_yosys_script(const std::string& target, const std::string& device, const std::string& top,
                              const std::vector<std::string>& verilog_files);

/// The place-and-route input: the I/O wrapper `pnr_top` (synth/fpga_io_wrapper.hpp) around the
/// same RTL, mapped the same way, written to kPnrJsonFile for nextpnr.
std::string fpga_pnr_yosys_script(const std::string& target, const std::string& device, const std::string& pnr_top,
                                  const std::vector<std::string>& verilog_files);

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

/// What an iCE40 device offers: logic cells (each a LUT4, a flip-flop and a carry), DSP
/// blocks (SB_MAC16), 4 kbit block RAMs (SB_RAM40_4K) and 256 kbit SPRAMs (SB_SPRAM256KA).
struct Ice40Capacity {
  long logic_cells = 0, dsp = 0, ram4k = 0, spram = 0;
};
Ice40Capacity ice40_capacity(const std::string& device);

/// The fit check right after the first pass, before the I/O wrapper's synthesis and place and
/// route (which take much longer on a large design): "" when the mapped counts may fit the
/// device, else one line naming the resource, the count, the device's capacity and what to
/// try. A logic cell holds one LUT4, one flip-flop and one carry, so max(LUT4, FF, carry) is
/// a lower bound: a design past it cannot fit; one below it may still fail in nextpnr.
std::string ice40_fit_problem(const FpgaCounts& n, const std::string& device);

/// A readable name for a nextpnr-ice40 resource (ICESTORM_LC -> "logic cells (LUT4 + FF)").
std::string ice40_resource_name(const std::string& bel);

}  // namespace tpegen::synth
