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

std::string fpga_yosys_script(const std::string& target, const std::string& device, const std::string& top,
                              const std::vector<std::string>& verilog_files, const std::string& pnr_top) {
  std::string read = "read_verilog -sv";
  for (const auto& f : verilog_files) {
    if (f.find_first_of("\"\n") != std::string::npos)
      throw ConfigError(fmt::format("cannot pass '{}' to Yosys: the path contains a double quote or newline", f));
    read += " \"" + f + "\"";
  }
  std::string s = fmt::format(
      "# Written by tpegen synth --target {0} (Yosys 0.23). The family's own synth_* command\n"
      "# (it flattens the design); `stat` of the mapped cells gives the resource counts.\n"
      "{1}\nhierarchy -check -top {2}\n{3}\ntee -o {4} stat\n",
      target, read, top, fpga_synth_command(target, device, top), kFpgaStatFile);
  if (pnr_top.empty()) return s;
  s += fmt::format(
      "\n# Place-and-route input: the serial I/O wrapper around the same RTL, mapped the same way.\n"
      "design -reset\n{0}\nhierarchy -check -top {1}\n{2} -json {3}\n",
      read, pnr_top, fpga_synth_command(target, device, pnr_top), kPnrJsonFile);
  return s;
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
