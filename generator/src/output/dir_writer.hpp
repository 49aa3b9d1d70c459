// Writes a set of files into a directory all at once: into a temporary sibling first,
// then moved into place, so a failure never leaves a half-written output behind. Files in
// the directory that tpegen did not write survive a rewrite.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tpegen {

/// The manifest key that lists every file a write put into its directory (manifest.json
/// included), so a later write knows which files are tpegen's to replace.
inline constexpr const char* kFilesWrittenKey = "files_written";

/// The relative paths of `files` plus manifest.json: the value for kFilesWrittenKey.
std::vector<std::string> files_written(const std::vector<std::pair<std::string, std::string>>& files);

/// Writes `files` (relative path, contents) as directory `dir`. An existing `dir` is used
/// when it is empty or was written by tpegen (holds a tpegen manifest.json): the files the
/// previous write listed are replaced, every other file is kept (and returned, relative to
/// `dir`); a kept file that the new write would overwrite is refused, naming it, unless
/// `force`. A non-empty directory not written by tpegen is replaced only with `force`.
/// Throws ConfigError naming --force or the output path when it cannot be written.
std::vector<std::string> write_tree_atomically(const std::filesystem::path& dir,
                                               const std::vector<std::pair<std::string, std::string>>& files,
                                               bool force);

/// True when dir/manifest.json exists and names tpegen as its generator.
bool written_by_tpegen(const std::filesystem::path& dir);

/// dir/manifest.json when it is a JSON object naming tpegen as its generator, else null.
nlohmann::json read_tpegen_manifest(const std::filesystem::path& dir);

}  // namespace tpegen
