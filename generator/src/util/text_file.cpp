#include "util/text_file.hpp"

#include <fstream>
#include <sstream>

namespace tpegen {

std::optional<std::string> read_text_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string read_text_or_empty(const std::filesystem::path& p) { return read_text_file(p).value_or(""); }

}  // namespace tpegen
