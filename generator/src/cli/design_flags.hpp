// The design flags shared by `generate`, `sim` and `synth`, and the JSON config file
// (--config) that can replace them: flags given on the command line win over the file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

/// Adds --from DIR (sim and synth): the design of a folder written by `tpegen generate`.
/// `also` ends the help text (what else the command takes from the folder).
void add_from_flag(CLI::App& app, DesignFlags& flags, const std::string& also = "");

/// The clock period of the --from folder's SDC, when --from was given and it has one.
std::optional<double> from_clock_period(const DesignFlags& flags);

/// Sets the fields whose flags were given on the command line (not validated).
void apply_flags(DesignConfig& cfg, const DesignFlags& flags);

/// The keys a --config file (and a sweep's base, grid and points) may set, in help order.
const std::vector<std::string>& config_keys();

/// The resolved configuration: config file (or --from folder), then explicit flags, then
/// validation. A flag beside --from that changes the folder's design is an error.
/// Throws ConfigError on bad input.
DesignConfig load_design(const DesignFlags& flags);

/// Applies the keys of a JSON config object to cfg (unknown keys are an error).
void apply_json(DesignConfig& cfg, const std::string& json_text, const std::string& origin);

/// The resolved config (config_to_json) of the baseline of a resolved config given as JSON
/// (registry baseline_of), or nullopt for a baseline or an unreadable config.
std::optional<nlohmann::json> baseline_config_json(const nlohmann::json& config);

}  // namespace tpegen::cli
