// Writes one output file (`tpegen diagram -o FILE`) as the directory writer writes a tree:
// all at once, and never over a file tpegen did not write unless the user says --force.
#pragma once

#include <filesystem>
#include <string>

namespace tpegen {

/// Writes `text` as file `path` (flag `-o`) through a temporary name and a rename. An existing
/// file is replaced when it holds `marker` (tpegen wrote it) or with `force`. Throws
/// ConfigError naming -o, the path and the reason (--force, a folder, an unwritable place).
void write_output_file(const std::filesystem::path& path, const std::string& text, const std::string& marker,
                       bool force);

}  // namespace tpegen
