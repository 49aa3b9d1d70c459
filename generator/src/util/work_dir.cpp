#include "util/work_dir.hpp"

#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

#include "util/config_error.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;

namespace tpegen {

char unsafe_path_char(const std::string& path) {
  for (char c : path)
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string("_-.+,@%=:~/").find(c) == std::string::npos) return c;
  return '\0';
}

fs::path claim_work_dir(const fs::path& dir_in, const std::string& flag) {
  if (dir_in.empty()) throw ConfigError(fmt::format("invalid {} = '': an empty path names no directory", flag));
  std::error_code ec;
  const fs::path dir = fs::absolute(dir_in, ec).lexically_normal();
  if (ec) throw ConfigError(fmt::format("invalid {} = '{}': {}", flag, dir_in.string(), ec.message()));
  if (const char bad = unsafe_path_char(dir.string()))
    throw ConfigError(fmt::format(
        "invalid {} = '{}': the tools cannot work in a folder whose path contains '{}' (ABC splits its commands at "
        "';' and spaces, make at spaces and '$'); use letters, digits and _ - . + , @ % = : ~ /",
        flag, dir_in.string(), bad));
  const fs::path marker = dir / kWorkMarker;
  if (fs::exists(marker, ec)) return dir;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec))
      throw ConfigError(fmt::format("invalid {} = '{}': it exists and is not a directory", flag, dir_in.string()));
    if (!fs::is_empty(dir, ec))
      throw ConfigError(fmt::format(
          "invalid {} = '{}': the directory is not empty and is not a tpegen work directory (no {} file), so "
          "tpegen could overwrite files in it; name a new or empty directory",
          flag, dir_in.string(), kWorkMarker));
  }
  fs::create_directories(dir, ec);
  try {
    if (!ec) write_text_file(marker, "This directory is a tpegen work directory: tpegen rewrites the files it writes here.\n");
  } catch (const fs::filesystem_error&) {
    ec = std::make_error_code(std::errc::io_error);
  }
  if (ec) throw ConfigError(fmt::format("invalid {} = '{}': cannot create the directory", flag, dir_in.string()));
  return dir;
}

fs::path make_work_dir(const std::string& given, const std::string& prefix, const std::string& flag) {
  if (!given.empty()) return claim_work_dir(given, flag);
  std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (const char bad = unsafe_path_char(tmpl))
    throw ConfigError(fmt::format("the temporary folder {} contains '{}', which the tools cannot use: set TMPDIR to "
                                  "another folder or give {}",
                                  fs::temp_directory_path().string(), bad, flag));
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a work directory under " + tmpl);
  return tmpl;
}

void write_work_file(const fs::path& p, const std::string& text, const std::string& flag) {
  try {
    write_text_file(p, text);
  } catch (const fs::filesystem_error& e) {
    throw ConfigError(fmt::format("invalid {} = '{}': cannot write the file ({})", flag, p.string(), e.code().message()));
  }
}

}  // namespace tpegen
