// The fmax search of `tpegen synth --fmax-search N`: as the paper's frequency tables do,
// re-synthesize with a tighter delay target (Yosys `abc -D`) and time again at that period,
// until the achieved clock stops improving. Only the decisions live here (unit-tested);
// cmd_synth runs Yosys and OpenSTA.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tpegen::synth {

/// Each step asks for this fraction of the best period reached so far.
inline constexpr double kFmaxSearchShrink = 0.85;
/// A step that improves the best period by less than this fraction ends the search.
inline constexpr double kFmaxSearchMinGain = 0.01;
inline constexpr int kMaxFmaxSearchSteps = 10;

/// Throws ConfigError naming `name` (the flag, or a sweep key) unless 0 <= steps <= kMaxFmaxSearchSteps.
void check_fmax_search(int steps, const std::string& name = "--fmax-search");

struct FmaxStep {
  double target_ns = 0;      // clock period asked for (abc -D and the STA clock); 0: the first run
  double period_ns = 0;      // clock period the design meets: STA period - slack of the fmax path
  double area_um2 = 0;
};

/// Index of the step with the shortest achieved period (the first on a tie); -1 when empty.
int best_fmax_step(const std::vector<FmaxStep>& steps);

/// The next period to ask for, or nullopt when the search is over: `max_steps` re-syntheses
/// done, or the last step gained less than kFmaxSearchMinGain over the best before it.
std::optional<double> next_fmax_target(const std::vector<FmaxStep>& steps, int max_steps);

}  // namespace tpegen::synth
