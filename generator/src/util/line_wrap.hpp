// Wrapping text at a column limit: the generated files are read by people, who review them
// in editors and diffs 100 columns wide (lowRISC's Verilog style).
#pragma once

#include <string>
#include <vector>

namespace tpegen {

/// The column limit of every generated text line.
inline constexpr int kLineLimit = 100;

/// Prose split at spaces into lines of at most `width` characters (a word longer than
/// `width` gets a line of its own). Continuation lines start with `cont_indent` and end
/// with `cont_mark` on the line before them (e.g. " \\" for a shell command).
std::vector<std::string> wrap_words(const std::string& text, int width, const std::string& cont_indent = "",
                                    const std::string& cont_mark = "");

/// One Verilog statement (with its leading indentation) split into lines of at most
/// `limit` columns. It breaks only at spaces outside [...] selects, preferring after a
/// comma, then before an operator; continuation lines are indented 4 more than the first.
/// Verilog ignores whitespace between tokens, so the text means the same.
std::vector<std::string> wrap_code(const std::string& line, int limit = kLineLimit);

}  // namespace tpegen
