// The ASIC hand-off files `tpegen generate` writes beside the RTL: timing constraints
// (<top>.sdc) and ready-to-run configurations for OpenROAD-flow-scripts (config.mk) and
// LibreLane/OpenLane 2 (librelane_config.json) that name the RTL, the top, the clock and the SDC.
#pragma once

#include "output/design_files.hpp"

namespace tpegen {

inline constexpr const char* kOrfsConfigFile = "config.mk";
inline constexpr const char* kLibreLaneConfigFile = "librelane_config.json";
/// Share of the clock period the logic outside the engine takes before its inputs and
/// after its outputs (set_input_delay / set_output_delay).
inline constexpr double kIoDelayFraction = 0.2;

/// The SDC text for a design with the manifest's `ports`: a clock on clk_i, input and
/// output delays on the data ports, and no timing path from the asynchronous rst_ni.
std::string sdc_file(const std::string& top, const nlohmann::json& ports, double clock_period_ns,
                     const std::string& command);

/// Adds <top>.sdc, config.mk and librelane_config.json to `design` (before manifest.json), lists
/// them in the manifest's "files_written" and describes them under "asic_flow".
void add_flow_files(DesignFiles& design, double clock_period_ns);

}  // namespace tpegen
