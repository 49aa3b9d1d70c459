// Text matching for the unit tests that check messages and written files.
#pragma once

#include <string>

/// True when part occurs anywhere in text.
inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
