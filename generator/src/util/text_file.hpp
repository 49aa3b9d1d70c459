// Reading and writing a whole file as text, the one way every part of tpegen does it: every
// file tpegen writes goes through write_text_file (or write_tree_atomically, which uses it),
// so no write can fail unnoticed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tpegen {

/// The bytes of the file, or nullopt when it cannot be opened.
std::optional<std::string> read_text_file(const std::filesystem::path& p);

/// The bytes of the file, or "" when it cannot be opened (for tool logs and reports whose
/// parser then says what is missing).
std::string read_text_or_empty(const std::filesystem::path& p);

/// Writes `text` as the whole file p (created or replaced). Throws
/// std::filesystem::filesystem_error naming p when it cannot be written completely.
void write_text_file(const std::filesystem::path& p, const std::string& text);

/// The same through a temporary name of this process and a rename: another writer of the
/// same file (Slurm tasks, local threads) cannot mix its bytes in, and an interrupted run
/// never leaves half a file.
void write_text_file_atomic(const std::filesystem::path& p, const std::string& text);

}  // namespace tpegen
