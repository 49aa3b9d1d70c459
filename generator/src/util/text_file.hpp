// Reading a whole file as text, the one way every part of tpegen does it.
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

}  // namespace tpegen
