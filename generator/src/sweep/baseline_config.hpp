// The baseline design of a sweep point, for the efficiency columns of the results.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace tpegen::sweep {

/// The resolved config (config_to_json) of the baseline of a resolved config given as JSON
/// (registry baseline_of), or nullopt for a baseline or an unreadable config.
std::optional<nlohmann::json> baseline_config_json(const nlohmann::json& config);

}  // namespace tpegen::sweep
