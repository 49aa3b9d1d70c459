// The parts of a schedule descriptor (model/golden/schedule.hpp) that are the manifest's
// timing, copied from the same Timing an architecture's `timing` hook returns, so the
// schedule and the promises the manifest makes can never disagree.
#pragma once

#include "arch/timing.hpp"
#include "golden/schedule.hpp"

namespace tpegen::arch {

/// Protocol, latencies, step cycles, tile spacing, first-after-last and bank rewrite from `t`; the tile
/// shape, slices, loop order, weights and results are the architecture's to fill in.
golden::ScheduleDescriptor schedule_base(const Timing& t);

}  // namespace tpegen::arch
