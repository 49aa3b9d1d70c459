// The design flags shared by `generate`, `sim` and `synth`, and the JSON config file
// (--config) that can replace them: flags given on the command line win over the file.
#pragma once

#include <string>

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

/// The resolved configuration: config file, then explicit flags, then validation.
/// Throws ConfigError on bad input.
DesignConfig load_design(const DesignFlags& flags);

/// Applies the keys of a JSON config object to cfg (unknown keys are an error).
void apply_json(DesignConfig& cfg, const std::string& json_text, const std::string& origin);

}  // namespace tpegen::cli
