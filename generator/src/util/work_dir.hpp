// Work directories (--work of synth, sim and sweep; sweep's -o): tpegen writes fixed file
// names there (synth.ys, build.log, results.csv, ...), so it only writes into a directory
// that is new, empty, or marked as one of its own, never over a user's files.
#pragma once

#include <filesystem>
#include <string>

namespace tpegen {

/// The marker file that makes a directory a tpegen work directory.
inline constexpr const char* kWorkMarker = ".tpegen-work";

/// The first character of `path` that Yosys's ABC, make or a tool script could split or
/// interpret (space, ';', '$', quotes, brackets, ...), or '\0' when there is none.
char unsafe_path_char(const std::string& path);

/// Creates `dir` (and its parents) when missing and marks it; accepts an existing directory
/// only when it is empty or already marked, and a path only without unsafe characters.
/// Otherwise throws ConfigError naming `flag` and the way out. Returns the absolute path.
std::filesystem::path claim_work_dir(const std::filesystem::path& dir, const std::string& flag);

/// `given` claimed as above (`flag`), or when empty a fresh directory named PREFIX-XXXXXX under
/// the system temp dir (never reused, so two runs cannot overwrite each other's reports).
std::filesystem::path make_work_dir(const std::string& given, const std::string& prefix,
                                    const std::string& flag = "--work");

/// Writes a file tpegen keeps in a work directory (or names with a flag, e.g. --json);
/// throws ConfigError naming `flag` and the file when it cannot be written.
void write_work_file(const std::filesystem::path& p, const std::string& text, const std::string& flag);

}  // namespace tpegen
