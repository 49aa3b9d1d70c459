#include "output/file_writer.hpp"

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "util/text_file.hpp"

namespace tpegen {

namespace fs = std::filesystem;

void write_output_file(const fs::path& path, const std::string& text, const std::string& marker, bool force) {
  if (path.empty()) throw ConfigError("invalid -o = '': an empty path names no file");
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw ConfigError(fmt::format("invalid -o = '{}': it is a directory, not a file", path.string()));
  if (fs::exists(path, ec) && !force) {
    const auto old = read_text_file(path);
    if (!old || old->find(marker) == std::string::npos)
      throw ConfigError(fmt::format("invalid -o = '{}': the file exists and was not written by tpegen; pass --force "
                                    "to replace it", path.string()));
  }
  try {
    write_text_file_atomic(path, text);
  } catch (const fs::filesystem_error& e) {
    throw ConfigError(fmt::format("invalid -o = '{}': cannot write it: {}", path.string(), e.code().message()));
  }
}

}  // namespace tpegen
