// The design flags shared by `generate`, `sim` and `synth`, and the JSON config file
// (--config) that can replace them: flags given on the command line win over the file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "config/design_config.hpp"

namespace tpegen::cli {

struct DesignFlags {
  DesignConfig cfg;
  std::string config_file;
  bool is_unsigned = false;
  CLI::App* app = nullptr;
};

void add_design_flags(CLI::App& app, DesignFlags& flags);

/// The keys a --config file (and a sweep's base, grid and points) may set, in help order.
const std::vector<std::string>& config_keys();

/// The resolved configuration: config file, then explicit flags, then validation.
/// Throws ConfigError on bad input.
DesignConfig load_design(const DesignFlags& flags);

/// Applies the keys of a JSON config object to cfg (unknown keys are an error).
void apply_json(DesignConfig& cfg, const std::string& json_text, const std::string& origin);

/// The resolved config (config_to_json) of the baseline of a resolved config given as JSON
/// (registry baseline_of), or nullopt for a baseline or an unreadable config.
std::optional<nlohmann::json> baseline_config_json(const nlohmann::json& config);

}  // namespace tpegen::cli
