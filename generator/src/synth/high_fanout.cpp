#include "synth/high_fanout.hpp"

#include <fmt/format.h>

namespace tpegen::synth {

std::optional<FanoutPathology> find_fanout_pathology(const StaReport& r) {
  const StaPath* path = nullptr;
  for (const StaPath& p : r.paths)
    if (p.group == "reg2reg") path = &p;
  if (!path) path = r.worst();
  if (!path || path->arrival_ns <= 0) return std::nullopt;
  FanoutPathology f;
  f.group = path->group;
  f.arrival_ns = path->arrival_ns;
  double in_drivers = 0;
  for (const StaNet& n : path->nets) {
    if (n.fanout > f.net.fanout) f.net = n;
    if (n.fanout >= kHighFanout) in_drivers += n.driver_delay_ns;
  }
  f.share = in_drivers / path->arrival_ns;
  if (f.net.fanout < kHighFanout || f.share < kDominantShare) return std::nullopt;
  return f;
}

std::string pathology_text(const FanoutPathology& p) {
  return fmt::format("critical path dominated by net {} with fanout {} (driven by {}; {:.0f} % of its {:.3f} ns in "
                     "drivers of nets with fanout >= {})",
                     p.net.name, p.net.fanout, p.net.driver.empty() ? "?" : p.net.driver, 100 * p.share, p.arrival_ns,
                     kHighFanout);
}

}  // namespace tpegen::synth
