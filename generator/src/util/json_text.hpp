// JSON input files (--config, sweep configs) parsed with the position of the first error,
// so a truncated or mistyped file says where it went wrong.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace tpegen {

/// `text` as a JSON object. Otherwise throws ConfigError "<what>: not valid JSON: line L,
/// column C: <reason>" or "<what>: not a JSON object (it is <type>)".
nlohmann::json parse_json_object(const std::string& text, const std::string& what);

}  // namespace tpegen
