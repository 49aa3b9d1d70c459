#include "util/did_you_mean.hpp"

#include <algorithm>

namespace tpegen {

size_t edit_distance(const std::string& a, const std::string& b) {
  // d[i][j]: distance of the first i characters of a to the first j of b.
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> closest_name(const std::string& word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_d = 0;
  for (auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    if (!best || d < best_d) best = c, best_d = d;
  }
  // About one typo in three letters: "cueb" is cube, "apb" is not axi.
  if (!best || best_d > std::max<size_t>(1, word.size() / 3)) return std::nullopt;
  return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::optional<std::string> near = closest_name(word, candidates);
  return near ? "; did you mean '" + *near + "'?" : "";
}

std::string invalid_choice(const std::string& flag, const std::string& value, const std::vector<std::string>& choices,
                           const std::string& what) {
  std::string list;
  for (auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  return "invalid " + flag + " = '" + value + "': valid " + what + " are " + list + did_you_mean(value, choices);
}

}  // namespace tpegen
