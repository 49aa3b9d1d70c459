#include "synth/fmax_search.hpp"

#include <fmt/format.h>

#include "config/design_config.hpp"

namespace tpegen::synth {

void check_fmax_search(int steps, const std::string& name) {
  if (steps < 0 || steps > kMaxFmaxSearchSteps)
    throw ConfigError(fmt::format("invalid {} = {}: valid range is 0..{}", name, steps, kMaxFmaxSearchSteps));
}

int best_fmax_step(const std::vector<FmaxStep>& steps) {
  int best = -1;
  for (size_t i = 0; i < steps.size(); ++i)
    if (best < 0 || steps[i].period_ns < steps[static_cast<size_t>(best)].period_ns) best = static_cast<int>(i);
  return best;
}

std::optional<double> next_fmax_target(const std::vector<FmaxStep>& steps, int max_steps) {
  if (steps.empty() || static_cast<int>(steps.size()) > max_steps) return std::nullopt;
  if (steps.size() >= 2) {
    const std::vector<FmaxStep> before(steps.begin(), steps.end() - 1);
    const double prev_best = before[static_cast<size_t>(best_fmax_step(before))].period_ns;
    if (steps.back().period_ns > prev_best * (1 - kFmaxSearchMinGain)) return std::nullopt;
  }
  return steps[static_cast<size_t>(best_fmax_step(steps))].period_ns * kFmaxSearchShrink;
}

}  // namespace tpegen::synth
