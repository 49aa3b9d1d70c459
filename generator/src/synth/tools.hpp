// What `tpegen synth` and `tpegen sweep` both settle before any work: the liberty file and
// whether OpenSTA runs, with the tools they need on PATH (a clear error otherwise).
#pragma once

#include <string>

#include "synth/synth_flow.hpp"

namespace tpegen::synth {

struct SynthTools {
  LibertyChoice lib;     // path empty: generic cells only (origin says why)
  bool timing = false;   // OpenSTA timing and power run
};

/// The liberty --liberty (or, without it, TPEGEN_LIBERTY or the default library) names;
/// TPEGEN_PDK_DIR adds folders to look in. Path empty when none is found (origin says why).
LibertyChoice chosen_liberty(const std::string& liberty);

/// Liberty from --liberty, TPEGEN_LIBERTY or the default library (sky130hd) (none with
/// --no-liberty); timing needs a liberty file and no --no-timing. Throws ConfigError when
/// yosys, or sta with timing, is not on PATH.
SynthTools find_synth_tools(const std::string& liberty, bool no_liberty, bool no_timing);

}  // namespace tpegen::synth
