// Writes a set of files into a directory all at once: into a temporary sibling first,
// then moved into place, so a failure never leaves a half-written output behind.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tpegen {

/// Writes `files` (relative path, contents) as directory `dir`. An existing `dir` is
/// replaced only when it is empty, was written by tpegen (holds a tpegen manifest.json),
/// or `force` is set; otherwise throws ConfigError naming --force. Throws ConfigError
/// naming the output path when it cannot be written.
void write_tree_atomically(const std::filesystem::path& dir,
                           const std::vector<std::pair<std::string, std::string>>& files, bool force);

/// True when dir/manifest.json exists and names tpegen as its generator.
bool written_by_tpegen(const std::filesystem::path& dir);

}  // namespace tpegen
