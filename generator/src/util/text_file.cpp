#include "util/text_file.hpp"

#include <atomic>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tpegen {

std::optional<std::string> read_text_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string read_text_or_empty(const fs::path& p) { return read_text_file(p).value_or(""); }

void write_text_file(const fs::path& p, const std::string& text) {
  errno = 0;
  std::ofstream out(p, std::ios::binary);
  out << text;
  out.close();
  if (!out)
    throw fs::filesystem_error("cannot write the file", p, std::error_code(errno ? errno : EIO, std::generic_category()));
}

void write_text_file_atomic(const fs::path& p, const std::string& text) {
  static std::atomic<unsigned> calls{0};
  const fs::path tmp = p.string() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(calls++);
  write_text_file(tmp, text);
  fs::rename(tmp, p);
}

}  // namespace tpegen
