// The design flags shared by `generate`, `sim` and `synth`, and the JSON config file
// (--config) that can replace them: flags given on the command line win over the file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/cli_fwd.hpp"

#include "config/design_config.hpp"

namespace tpegen::cli {

/// The values of the design flags as CLI11 parsed them (one per row of the field table).
struct DesignFlags {
  DesignConfig cfg;                           // int, bool and string fields
  std::map<std::string, std::string> text;    // enum fields, by key: parsed by load_design
  std::map<std::string, bool> off;            // off flags (--unsigned), by key
  std::string config_file;
  std::string from_dir;  // --from: a folder written by `tpegen generate`
  CLI::App* app = nullptr;
};

/// Adds --config and one flag per field of the table (config/config_fields.hpp).
void add_design_flags(CLI::App& app, DesignFlags& flags);
/// Only the flags of these keys, without --config (e.g. `tpegen arith`: widths and PE options).
void add_design_flags(CLI::App& app, DesignFlags& flags, const std::vector<std::string>& keys);

/// Sets the fields whose flags were given on the command line (not validated).
void apply_flags(DesignConfig& cfg, const DesignFlags& flags);

/// The resolved configuration: config file (or --from folder), then explicit flags, then
/// validation. A flag beside --from that changes the folder's design is an error.
/// Throws ConfigError on bad input.
DesignConfig load_design(const DesignFlags& flags);

}  // namespace tpegen::cli
