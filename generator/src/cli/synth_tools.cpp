#include "cli/synth_tools.hpp"

#include <cstdlib>

#include "config/design_config.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"

namespace tpegen::cli {

SynthTools find_synth_tools(const std::string& liberty, bool no_liberty, bool no_timing) {
  SynthTools t;
  t.lib = no_liberty ? synth::LibertyChoice{{}, "--no-liberty"}
                     : synth::find_liberty(liberty, std::getenv("TPEGEN_LIBERTY"), source_root());
  require_tool("yosys", "yosys");
  t.timing = !t.lib.path.empty() && !no_timing;
  if (t.timing && !on_path("sta"))
    throw ConfigError("sta (OpenSTA) not found on PATH: install the Debian package opensta, or pass --no-timing");
  return t;
}

}  // namespace tpegen::cli
