#include "synth/tools.hpp"

#include <cstdlib>

#include "config/design_config.hpp"  // ConfigError
#include "synth/sta_flow.hpp"
#include "util/run.hpp"

namespace tpegen::synth {

SynthTools find_synth_tools(const std::string& liberty, bool no_liberty, bool no_timing) {
  SynthTools t;
  t.lib = no_liberty ? LibertyChoice{{}, "--no-liberty"}
                     : find_liberty(liberty, std::getenv("TPEGEN_LIBERTY"),
                                          pdk_search_dirs(std::getenv("TPEGEN_PDK_DIR")));
  require_tool("yosys", "yosys");
  t.timing = !t.lib.path.empty() && !no_timing;
  if (t.timing && !on_path("sta"))
    throw ConfigError("sta (OpenSTA) not found on PATH: install the Debian package opensta, or pass --no-timing");
  return t;
}

}  // namespace tpegen::synth
