// `tpegen synth --from DIR` where DIR was written by `tpegen arith`: the options of that mode
// and the call into synth/arith_flow (flat synthesis, input-to-output timing).
#pragma once

#include <string>

#include "cli/cli_fwd.hpp"

namespace tpegen::cli {

struct ArithSynthFlags {
  std::string yosys = "yosys";  // --yosys PROGRAM
  bool booth = false;           // --booth
};

/// Adds --yosys and --booth.
void add_arith_synth_flags(CLI::App& app, ArithSynthFlags& f);

/// When `from` (--from) names a folder written by tpegen arith: refuses any option of `app` the
/// mode does not take, runs the flow with `liberty`, `work` and `json`, and returns true.
/// Otherwise refuses --yosys and --booth (one line each) and returns false.
bool run_arith_synth(const CLI::App& app, const std::string& from, const std::string& liberty, const std::string& work,
                     const std::string& json, const ArithSynthFlags& f);

}  // namespace tpegen::cli
