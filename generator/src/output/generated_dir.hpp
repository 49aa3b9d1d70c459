// A folder written by `tpegen generate`, read back so that `sim --from DIR` and
// `synth --from DIR` take its design without the flags being typed again; and one written by
// `tpegen arith`, which `synth --from DIR` synthesizes as a combinational block.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tpegen {

struct GeneratedDir {
  nlohmann::json config;                   // the manifest's resolved design configuration
  std::optional<double> clock_period_ns;   // of its SDC and flow configs, when it has them
};

/// Reads dir/manifest.json. Throws ConfigError "invalid --from = 'DIR': ..." (one line) when
/// dir is not a folder written by `tpegen generate`.
GeneratedDir read_generated_dir(const std::string& dir);

/// A folder written by `tpegen arith` (its manifest names a "kind").
struct ArithDir {
  std::string top, kind;
  nlohmann::json config;         // the manifest's arithmetic configuration
  std::vector<std::string> rtl;  // files.f's Verilog files, relative to the folder, in its order
};

/// True when dir/manifest.json is tpegen's and names a component "kind" (tpegen arith wrote it).
bool is_arith_dir(const std::string& dir);

/// Reads dir/manifest.json and dir/files.f. Throws ConfigError "invalid --from = 'DIR': ..."
/// (one line) when it is not a folder written by `tpegen arith` or a file it lists is missing.
ArithDir read_arith_dir(const std::string& dir);

}  // namespace tpegen
