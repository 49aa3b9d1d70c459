// The Liberty parser: text to a Group tree. Comments (/* */ and //), line continuations
// (a backslash before a newline, in or out of quotes) and quoted strings are handled here and
// nowhere else. The text must hold one `library (NAME) { ... }` group.
#pragma once

#include <string>

#include "liberty/group.hpp"

namespace tpegen::liberty {

/// The library group. Throws liberty::Error "source:line: why" on malformed text.
Group parse_group_tree(const std::string& text, const std::string& source);

}  // namespace tpegen::liberty
