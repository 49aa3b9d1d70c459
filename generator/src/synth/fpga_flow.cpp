#include "synth/fpga_flow.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "util/text.hpp"
#include "util/did_you_mean.hpp"

namespace tpegen::synth {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : "|") + x;
  return s;
}

struct CellClass {
  const char* prefix;
  long FpgaCounts::*count;
};

// Prefixes of the cells each synth_* command of Yosys 0.23 maps to (first match wins).
// LUT RAM, wide-function muxes and I/O buffers count as "other".
std::vector<CellClass> cell_classes(const std::string& target) {
  if (target == "ice40")
    return {{"SB_LUT4", &FpgaCounts::lut},   {"SB_DFF", &FpgaCounts::ff},         {"SB_CARRY", &FpgaCounts::carry},
            {"SB_MAC16", &FpgaCounts::dsp},  {"SB_RAM40_4K", &FpgaCounts::bram}, {"SB_SPRAM256KA", &FpgaCounts::bram}};
  if (target == "ecp5")
    return {{"LUT4", &FpgaCounts::lut},       {"TRELLIS_FF", &FpgaCounts::ff}, {"CCU2C", &FpgaCounts::carry},
            {"MULT18X18D", &FpgaCounts::dsp}, {"ALU54B", &FpgaCounts::dsp},    {"DP16KD", &FpgaCounts::bram},
            {"PDPW16KD", &FpgaCounts::bram}};
  if (target == "xilinx7")
    return {{"LUT", &FpgaCounts::lut},       {"FD", &FpgaCounts::ff},       {"CARRY4", &FpgaCounts::carry},
            {"DSP48E1", &FpgaCounts::dsp},   {"RAMB18E1", &FpgaCounts::bram}, {"RAMB36E1", &FpgaCounts::bram}};
  if (target == "gowin")
    return {{"LUT", &FpgaCounts::lut},  {"DFF", &FpgaCounts::ff},  {"ALU", &FpgaCounts::carry},
            {"MULT", &FpgaCounts::dsp}, {"DP", &FpgaCounts::bram}, {"SDP", &FpgaCounts::bram},
            {"SP", &FpgaCounts::bram},  {"pROM", &FpgaCounts::bram}};
  return {};
}

}  // namespace

void check_target(const std::string& target, const std::string& device, const std::string& target_name,
                  const std::string& device_name) {
  if (std::find(kSynthTargets.begin(), kSynthTargets.end(), target) == kSynthTargets.end())
    throw ConfigError(invalid_choice(target_name, target, kSynthTargets));
  if (device.empty()) return;
  if (target != "ice40")
    throw ConfigError(fmt::format("invalid {} = '{}': only {} ice40 has a device choice ({})", device_name, device,
                                  target_name, join(kIce40Devices)));
  if (std::find(kIce40Devices.begin(), kIce40Devices.end(), device) == kIce40Devices.end())
    throw ConfigError(invalid_choice(device_name, device, kIce40Devices));
}

std::string ice40_device(const std::string& device) { return device.empty() ? "up5k" : device; }

std::string fpga_synth_command(const std::string& target, const std::string& device, const std::string& top) {
  if (target == "ice40") return fmt::format("synth_ice40{} -top {}", ice40_device(device) == "up5k" ? " -dsp" : "", top);
  if (target == "ecp5") return "synth_ecp5 -top " + top;
  if (target == "xilinx7") return "synth_xilinx -family xc7 -top " + top;
  if (target == "gowin") return "synth_gowin -top " + top;
  throw ConfigError(fmt::format("invalid --target = '{}': not an FPGA target", target));
}

// `read_verilog -sv` of the files, each in double quotes (which protect spaces).
std::string read_command(const std::vector<std::string>& verilog_files) {
  std::string read = "read_verilog -sv";
  for (const auto& f : verilog_files) {
    if (f.find_first_of("\"\n") != std::string::npos)
      throw ConfigError(fmt::format("cannot pass '{}' to Yosys: the path contains a double quote or newline", f));
    read += " \"" + f + "\"";
  }
  return read;
}

std::string fpga_yosys_script(const std::string& target, const std::string& device, const std::string& top,
                              const std::vector<std::string>& verilog_files) {
  return fmt::format(
      "# Written by tpegen synth --target {0} (Yosys 0.23). The family's own synth_* command\n"
      "# (it flattens the design); `stat` of the mapped cells gives the resource counts.\n"
      "{1}\nhierarchy -check -top {2}\n{3}\ntee -o {4} stat\n",
      target, read_command(verilog_files), top, fpga_synth_command(target, device, top), kFpgaStatFile);
}

std::string fpga_pnr_yosys_script(const std::string& target, const std::string& device, const std::string& pnr_top,
                                  const std::vector<std::string>& verilog_files) {
  return fmt::format(
      "# Written by tpegen synth --target {0} (Yosys 0.23). Place-and-route input: the serial I/O\n"
      "# wrapper around the same RTL, mapped the same way (after the first pass's counts fit).\n"
      "{1}\nhierarchy -check -top {2}\n{3} -json {4}\n",
      target, read_command(verilog_files), pnr_top, fpga_synth_command(target, device, pnr_top), kPnrJsonFile);
}

FpgaCounts classify_fpga_cells(const std::string& target, const std::map<std::string, long>& cell_types) {
  FpgaCounts c;
  c.cell_types = cell_types;
  const std::vector<CellClass> classes = cell_classes(target);
  for (const auto& [type, n] : cell_types) {
    const auto it = std::find_if(classes.begin(), classes.end(),
                                 [&](const CellClass& k) { return starts_with(type, k.prefix); });
    (it == classes.end() ? c.other : c.*(it->count)) += n;
  }
  return c;
}

PnrReport parse_nextpnr_log(const std::string& log) {
  PnrReport r;
  std::istringstream in(log);
  bool in_util = false;
  for (std::string line; std::getline(in, line);) {
    if (starts_with(line, "ERROR:") && r.error.empty()) r.error = line;
    if (line.find("Device utilisation:") != std::string::npos) {
      r.utilization.clear();
      in_util = true;
      continue;
    }
    if (in_util) {
      // "Info: \t         ICESTORM_LC:   232/ 5280     4%"
      std::string body = starts_with(line, "Info:") ? line.substr(5) : line;
      std::replace(body.begin(), body.end(), '/', ' ');
      std::replace(body.begin(), body.end(), ':', ' ');
      std::istringstream f(body);
      PnrResource res;
      if (f >> res.name >> res.used >> res.available) {
        r.utilization.push_back(res);
        continue;
      }
      in_util = false;
    }
    // "Info: Max frequency for clock 'clk_i$SB_IO_IN_$glb_clk': 45.40 MHz (PASS at 12.00 MHz)"
    const auto at = line.find("Max frequency for clock");
    if (at != std::string::npos) {
      const auto colon = line.find("': ", at);
      if (colon != std::string::npos) {
        try {
          r.fmax_mhz = std::stod(line.substr(colon + 3));
        } catch (const std::exception&) {
        }
      }
    }
  }
  return r;
}

Ice40Capacity ice40_capacity(const std::string& device) {
  // Lattice iCE40 UltraPlus and LP/HX family data sheets (the parts nextpnr-ice40 --up5k / --hx8k).
  if (ice40_device(device) == "up5k") return {5280, 8, 30, 4};
  return {7680, 0, 32, 0};
}

std::string ice40_fit_problem(const FpgaCounts& n, const std::string& device) {
  const std::string dev = ice40_device(device);
  const Ice40Capacity cap = ice40_capacity(dev);
  long ram4k = 0, spram = 0;
  for (const auto& [type, count] : n.cell_types) {
    if (starts_with(type, "SB_RAM40_4K")) ram4k += count;
    if (starts_with(type, "SB_SPRAM256KA")) spram += count;
  }
  const long cells = std::max({n.lut, n.ff, n.carry});
  const std::string head = fmt::format("the design does not fit the iCE40 {}", dev == "up5k" ? "UP5K" : "HX8K");
  const std::string smaller = "a smaller design (fewer rows, cols or depth, or narrower operands)";
  const std::string counts_only = "--target ecp5 or xilinx7 (counts only, for a larger device)";
  if (cells > cap.logic_cells) {
    const long hx8k_cells = ice40_capacity("hx8k").logic_cells;
    const std::string larger =
        dev == "up5k" && cells <= hx8k_cells ? fmt::format("--device hx8k ({} logic cells), ", hx8k_cells) : "";
    return fmt::format("{}: it needs at least {} logic cells (LUT4 + flip-flop + carry; {} LUT4, {} FF, {} carry "
                       "after synth_ice40), the device has {}; try {}, {}or {}",
                       head, cells, n.lut, n.ff, n.carry, cap.logic_cells, smaller, larger, counts_only);
  }
  if (n.dsp > cap.dsp)
    return fmt::format("{}: it needs {} DSP blocks (SB_MAC16), the device has {}; try --device hx8k (multipliers in "
                       "logic) or {}",
                       head, n.dsp, cap.dsp, smaller);
  if (ram4k > cap.ram4k)
    return fmt::format("{}: it needs {} 4 kbit block RAMs (SB_RAM40_4K), the device has {}; try {} or {}", head, ram4k,
                       cap.ram4k, smaller, counts_only);
  if (spram > cap.spram)
    return fmt::format("{}: it needs {} SPRAMs (SB_SPRAM256KA), the device has {}; try {}", head, spram, cap.spram,
                       smaller);
  return "";
}

std::string ice40_resource_name(const std::string& bel) {
  if (bel == "ICESTORM_LC") return "logic cells (LUT4 + flip-flop + carry)";
  if (bel == "ICESTORM_RAM") return "4 kbit block RAMs";
  if (bel == "ICESTORM_DSP") return "DSP blocks (SB_MAC16)";
  if (bel == "SB_IO") return "I/O pins";
  if (bel == "SB_GB") return "global buffers";
  return bel;
}

std::string pnr_fit_problem(const PnrReport& r, const std::string& device) {
  for (const PnrResource& res : r.utilization)
    if (res.used > res.available) {
      std::string dev = "iCE40 " + device;
      std::transform(dev.begin() + 6, dev.end(), dev.begin() + 6, ::toupper);
      return fmt::format("the design does not fit the {}: it needs {} {} ({}), the device has {}", dev, res.used,
                         ice40_resource_name(res.name), res.name, res.available);
    }
  return "";
}

}  // namespace tpegen::synth
