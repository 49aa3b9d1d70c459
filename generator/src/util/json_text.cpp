#include "util/json_text.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/config_error.hpp"

namespace tpegen {

nlohmann::json parse_json_object(const std::string& text, const std::string& what) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and may point one past the end (unexpected end of input).
    const size_t at = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    const size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const size_t column = at - (line_start == std::string::npos || at == 0 ? 0 : line_start + 1) + 1;
    std::string reason = e.what();
    const size_t colon = reason.find("error while parsing");
    reason = colon == std::string::npos ? reason : reason.substr(colon);
    throw ConfigError(fmt::format("{}: not valid JSON: line {}, column {}: {}", what, line, column, reason));
  }
  if (!j.is_object()) throw ConfigError(fmt::format("{}: not a JSON object (it is {})", what, j.type_name()));
  return j;
}

}  // namespace tpegen
