#include "util/verilator_bugs.hpp"

#include <cstdio>

namespace tpegen {

VerilatorVersion parse_verilator_version(const std::string& version_text) {
  VerilatorVersion v;
  int major = 0, minor = 0;
  if (std::sscanf(version_text.c_str(), "Verilator %d.%d", &major, &minor) == 2 && major > 0) v = {major, minor};
  return v;
}

std::vector<std::string> verilator_workaround_flags(const std::string& version_text) {
  const VerilatorVersion v = parse_verilator_version(version_text);
  // Fixed upstream by verilator PR #4070 (issue #4059), first released in 5.010.
  const bool fixed = v.major > 5 || (v.major == 5 && v.minor >= 10);
  if (fixed) return {};
  return {kNoBitOpTreeFlag};
}

}  // namespace tpegen
