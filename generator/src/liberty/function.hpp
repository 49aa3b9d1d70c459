// A pin's `function` (Liberty boolean syntax: ! ' & * juxtaposition ^ | + and parentheses) as a
// truth table over the cell's inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tpegen::liberty {

/// Bit m of the result is the function's value when input k is (m >> k) & 1 (at most 6
/// inputs). nullopt when it does not parse or names a pin outside `inputs`.
std::optional<uint64_t> truth_table(const std::string& function, const std::vector<std::string>& inputs);

}  // namespace tpegen::liberty
