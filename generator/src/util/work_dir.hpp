// Work directories (--work of synth, sim and sweep; sweep's -o): tpegen writes fixed file
// names there (synth.ys, build.log, results.csv, ...), so it only writes into a directory
// that is new, empty, or marked as one of its own, never over a user's files.
#pragma once

#include <filesystem>
#include <string>

namespace tpegen {

/// The marker file that makes a directory a tpegen work directory.
inline constexpr const char* kWorkMarker = ".tpegen-work";

/// Creates `dir` (and its parents) when missing and marks it; accepts an existing directory
/// only when it is empty or already marked. Otherwise throws ConfigError naming `flag` and
/// the way out. Returns the absolute path.
std::filesystem::path claim_work_dir(const std::filesystem::path& dir, const std::string& flag);

}  // namespace tpegen
