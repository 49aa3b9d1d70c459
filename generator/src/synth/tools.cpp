#include "synth/tools.hpp"

#include <cstdlib>

#include "config/design_config.hpp"  // ConfigError
#include "synth/sta_flow.hpp"
#include "util/run.hpp"
#include "util/tools.hpp"

namespace tpegen::synth {

LibertyChoice chosen_liberty(const std::string& liberty) {
  return find_liberty(liberty, std::getenv("TPEGEN_LIBERTY"), pdk_search_dirs(std::getenv("TPEGEN_PDK_DIR")));
}

SynthTools find_synth_tools(const std::string& liberty, bool no_liberty, bool no_timing) {
  SynthTools t;
  t.lib = no_liberty ? LibertyChoice{{}, "--no-liberty"} : chosen_liberty(liberty);
  require_tool(Tool::Yosys);
  t.timing = !t.lib.path.empty() && !no_timing;
  if (t.timing) require_tool(Tool::Sta, "or pass --no-timing");
  return t;
}

}  // namespace tpegen::synth
