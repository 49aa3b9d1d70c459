// Everything `tpegen generate` writes for one design, as (relative path, text) pairs:
// rtl/*.v (generated modules and the rtl_templates/ cells they use), files.f,
// <top>.core (FuseSoC CAPI2) and manifest.json.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"

namespace tpegen {

struct DesignFiles {
  std::string top;
  std::vector<std::pair<std::string, std::string>> files;  // deterministic order
  nlohmann::json manifest;
};

/// Builds, checks and emits the design of a resolved configuration.
DesignFiles make_design_files(const DesignConfig& resolved);

/// The `tpegen generate` command line that reproduces a resolved configuration.
std::string equivalent_command(const DesignConfig& resolved);

/// Text of a leaf cell in rtl_templates/ (throws when unreadable).
std::string read_template_file(const std::string& file);

/// The configuration as JSON (the same keys a --config file takes).
nlohmann::json config_to_json(const DesignConfig& c);

}  // namespace tpegen
