// The pieces of `tpegen synth` that do not touch the outside world: choosing the liberty
// file, writing the Yosys script and reading Yosys `stat` reports back. Kept pure so that
// unit tests can feed them captured Yosys output (generator/tests/synth_flow_test.cpp).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "synth/liberty_choice.hpp"

namespace tpegen::synth {

/// Report files the script writes, relative to the directory Yosys runs in.
inline constexpr const char* kGenericStatFile = "stat_generic.txt";
inline constexpr const char* kLibertyStatFile = "stat_liberty.txt";
inline constexpr const char* kNetlistFile = "netlist.v";

/// Template cells (rtl_templates/) that synthesis flattens into the module instantiating
/// them; every other module keeps its hierarchy (keep_hierarchy + synth -flatten).
inline constexpr const char* kLeafCells[] = {"tpe_ha", "tpe_fa", "tpe_c42"};

struct ScriptInputs {
  std::string top;
  std::vector<std::string> verilog_files;  // paths relative to the directory Yosys runs in
  std::filesystem::path liberty;           // empty: generic flow only
  std::optional<double> delay_target_ps;   // abc -D: map for this combinational delay (fmax search)
  std::string abc_constr;                  // abc -constr file (driving cell, load); needed for -D to act
  // --clock-gate with a liberty: tpe_clock_gate as the liberty's clock-gating cell
  // (clock_gate_map_verilog), read instead of the behavioural template; empty: the template.
  std::string clock_gate_map = {};
};

inline constexpr const char* kAbcConstrFile = "abc.constr";

/// The abc -constr text: without a driving cell and a load ABC's delays are so small that
/// any -D target counts as met and the mapping does not change (measured with Yosys 0.23).
std::string abc_constraints(const std::string& drive_cell, double load);

/// The Yosys 0.23 script: hierarchical synth, a generic-gate netlist for `stat -tech cmos`,
/// and (with a liberty file) dfflibmap + abc -liberty + `stat -liberty` + the netlist.
/// Throws ConfigError when a path cannot be written in a Yosys script (contains '"').
std::string yosys_script(const ScriptInputs& in);

struct StatReport {
  long cells = -1;                    // "Number of cells" of the whole design (-1: not found)
  long transistors = -1;              // "Estimated number of transistors" (-1: not found)
  bool transistors_partial = false;   // Yosys printed "N+": some cell types have no cost
  std::optional<double> area_um2;     // "Chip area for top module" (or the only module)
  bool area_partial = false;          // the whole-design section names cells of unknown area
  std::map<std::string, long> cell_types;  // cell type -> count, whole design
  // The tpe_sdp_ram instances' area, whole design (memories an ASIC flow replaces with SRAM
  // macros); unset when the design has none or their area is unknown.
  std::optional<double> memory_area_um2;
};

/// Reads the output of `stat`, `stat -tech cmos` or `stat -liberty`. With a hierarchy, the
/// whole-design numbers are in the last section ("design hierarchy"), where Yosys
/// multiplies each submodule by its instance count; without one, the last section is
/// the only module. Either way the last section is the one reported.
StatReport parse_stat(const std::string& text);

/// The first line of a Yosys log that starts with "ERROR:" (empty when there is none).
std::string first_error_line(const std::string& log);

}  // namespace tpegen::synth
