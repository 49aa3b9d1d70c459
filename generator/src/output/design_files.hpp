// Everything `tpegen generate` writes for one design, as (relative path, text) pairs:
// rtl/*.v (generated modules and the rtl_templates/ cells they use), files.f,
// <top>.core (FuseSoC CAPI2) and manifest.json.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen {

/// The manifest's `schema_version`: schema/manifest.schema.json describes this version.
/// Raise it when a key changes meaning or disappears (adding an optional key does not).
inline constexpr int kManifestSchemaVersion = 1;

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

/// The RTL files of exactly the modules d.top uses (emitted modules and rtl_templates/
/// cells), as ("rtl/<file>", text), each callee before its callers and the top last.
std::vector<std::pair<std::string, std::string>> rtl_files(const ir::Design& d, const std::vector<std::string>& banner);

/// files.f: the banner as // comments, then the RTL files in order.
std::string file_list(const std::vector<std::string>& rtl, const std::vector<std::string>& banner);

/// The configuration as JSON (the same keys a --config file takes).
nlohmann::json config_to_json(const DesignConfig& c);

}  // namespace tpegen
