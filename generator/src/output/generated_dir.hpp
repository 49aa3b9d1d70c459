// A folder written by `tpegen generate`, read back so that `sim --from DIR` and
// `synth --from DIR` take its design without the flags being typed again.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace tpegen {

struct GeneratedDir {
  nlohmann::json config;                   // the manifest's resolved design configuration
  std::optional<double> clock_period_ns;   // of its SDC and flow configs, when it has them
};

/// Reads dir/manifest.json. Throws ConfigError "invalid --from = 'DIR': ..." (one line) when
/// dir is not a folder written by `tpegen generate`.
GeneratedDir read_generated_dir(const std::string& dir);

}  // namespace tpegen
