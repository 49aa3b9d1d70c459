// "Did you mean ...?" for a mistyped name (a command, flag, config key or enum value), and the
// one wording of "this value is not one of the choices" that every check shares.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tpegen {

/// Edit distance: insertions, deletions, substitutions and swaps of two neighbours, each
/// costing 1 (a swap is the commonest typo).
size_t edit_distance(const std::string& a, const std::string& b);

/// The closest of `candidates` to `word` when it is a plausible typo of it (small edit
/// distance), else nullopt.
std::optional<std::string> closest_name(const std::string& word, const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" for a near miss, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

/// "invalid --flag = 'value': valid values are a, b, c; did you mean 'b'?" (the ConfigError
/// text of an unknown choice; `what` replaces "values" in "valid values are", e.g.
/// "architectures").
std::string invalid_choice(const std::string& flag, const std::string& value, const std::vector<std::string>& choices,
                           const std::string& what = "values");

}  // namespace tpegen
