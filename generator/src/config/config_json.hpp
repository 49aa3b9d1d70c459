// A design config given as JSON (--config files, a sweep's base, grid and points, a generated
// folder's manifest): its keys are the field table's.
#pragma once

#include <string>
#include <vector>

#include "config/design_config.hpp"

namespace tpegen {

/// The keys a --config file (and a sweep's base, grid and points) may set, in help order.
const std::vector<std::string>& config_keys();

/// Applies the keys of a JSON config object to cfg (unknown keys are an error; `origin`
/// names the file in the message). Not validated: resolve() does that.
void apply_json(DesignConfig& cfg, const std::string& json_text, const std::string& origin);

}  // namespace tpegen
