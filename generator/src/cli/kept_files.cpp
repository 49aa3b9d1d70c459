#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"

namespace tpegen::cli {

void print_kept(const std::vector<std::string>& kept, const std::string& dir) {
  if (kept.empty()) return;
  fmt::print("tpegen: kept {} not written by tpegen in {}: {}\n", kept.size() == 1 ? "1 entry" : fmt::format("{} entries", kept.size()),
             dir, fmt::join(kept, ", "));
}

}  // namespace tpegen::cli
