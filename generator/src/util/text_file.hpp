// Reading a whole file as text, the one way every part of tpegen does it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tpegen {

/// The bytes of the file, or nullopt when it cannot be opened.
std::optional<std::string> read_text_file(const std::filesystem::path& p);

}  // namespace tpegen
