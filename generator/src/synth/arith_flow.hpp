// `tpegen synth --from DIR` on a folder written by `tpegen arith`: the component as one
// combinational block, synthesized flat (synth -flatten, abc -liberty) and timed input to output
// by OpenSTA with the library's driving cell and output load (find_sta_profile). This is the flow
// of `make compare-arith` (tb/scripts/compare_arith.sh), which compares tpegen's multipliers with
// behavioural `a*b` (tpegen arith --behavioural) through Yosys 0.23 and a newer Yosys's -booth.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/generated_dir.hpp"
#include "synth/liberty_choice.hpp"
#include "synth/sta_flow.hpp"

namespace tpegen::synth {

/// Files of the flow, in the work folder (Yosys and OpenSTA run there and see plain names).
inline constexpr const char* kArithScriptFile = "arith.ys";
inline constexpr const char* kArithStatFile = "stat_liberty.txt";
inline constexpr const char* kArithNetlistFile = "netlist.v";
/// The virtual clock's period: long enough that every input-to-output path meets it.
inline constexpr double kArithClockNs = 100;

/// The Yosys script: read the files, `synth -flatten [-booth] -top TOP`, abc -liberty, stat,
/// the netlist. File names relative to the work folder (a WebAssembly Yosys sees only it).
/// Throws ConfigError when a name cannot be written in a Yosys script.
std::string arith_yosys_script(const std::string& top, const std::vector<std::string>& files,
                               const std::string& liberty, bool booth);

/// The OpenSTA script: a virtual clock, zero I/O delays, the profile's driving cell on every
/// input and its load on every output (none for a library without a profile), the worst path.
std::string arith_sta_script(const std::string& liberty, const std::string& netlist, const std::string& top,
                             const std::optional<StaLibProfile>& profile);

/// "--yosys PROGRAM": a name on PATH or an executable file, returned as an absolute path when it
/// names a file (the flow runs it in the work folder). ConfigError when it is neither.
std::string check_yosys_program(const std::string& program);

struct ArithFlowOptions {
  std::string from;              // the --from folder, as given
  std::filesystem::path work;    // the claimed work folder
  LibertyChoice lib;             // a liberty file (required)
  std::string yosys = "yosys";   // the Yosys program (check_yosys_program)
  bool booth = false;            // synth -booth
  std::string json;              // --json file, "" for none
};

/// Runs the flow, prints "key: value" lines (area_um2, delay_ns, ...) and writes o.json;
/// throws std::runtime_error naming the log when a tool fails.
void run_arith_flow(const ArithDir& dir, const ArithFlowOptions& o);

}  // namespace tpegen::synth
