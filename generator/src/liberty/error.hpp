// The one exception of the Liberty library. Its message starts with "FILE:LINE: " when the
// problem has a place in the text (a parse error, a table of the wrong size, an unknown unit);
// why() and line() give the parts, for callers that name the file themselves.
#pragma once

#include <stdexcept>
#include <string>

namespace tpegen::liberty {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what) : std::runtime_error(what), why_(what) {}
  Error(const std::string& source, int line, const std::string& why)
      : std::runtime_error(source + ":" + std::to_string(line) + ": " + why), why_(why), line_(line) {}

  const std::string& why() const { return why_; }
  int line() const { return line_; }  // 0 when the problem has no line (an unreadable file)
  /// "why (line N)": for a message that already names the file.
  std::string why_at_line() const { return line_ ? why_ + " (line " + std::to_string(line_) + ")" : why_; }

 private:
  std::string why_;
  int line_ = 0;
};

/// "source:line: why"
inline Error error_at(const std::string& source, int line, const std::string& why) { return {source, line, why}; }

}  // namespace tpegen::liberty
