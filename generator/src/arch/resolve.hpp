// Resolution of a design's parameters against its architecture (the registry): defaults
// filled in, every rule checked.
#pragma once

#include "config/design_config.hpp"

namespace tpegen {

/// Validates cfg against the architecture's rules and fills in defaults (PE variant,
/// dimensions, accumulator width, the choices of the fields that apply). Throws ConfigError
/// naming the parameter and the valid range.
DesignConfig resolve(const DesignConfig& cfg);

}  // namespace tpegen
