// The dot-product grid shared by the 3D-Cube, the 2D-Matrix and the multiplier-adder tree:
// an Mt x Nt grid of length-Kt dot-product units (Kt multipliers + a balanced adder tree +
// an accumulator). Each cycle one A tile (Mt x Kt) and one B tile (Kt x Nt) enter and every
// unit adds its dot product to its accumulator; on `last` the Mt x Nt results are registered
// to c_o. The tree variant (held_weights) keeps B in a weight register loaded by w_load_i.
#pragma once

#include <string>

#include "arch/registry.hpp"
#include "arch/timing.hpp"

namespace tpegen::arch {

struct DotGridStyle {
  std::string what;       // one-line description for the module banner
  bool held_weights = false;
};

ir::Design build_dot_grid(const DesignConfig& c, const DotGridStyle& style);
Timing dot_grid_timing(const DesignConfig& c, const DotGridStyle& style);
/// The grid's loops: one rows x depth A tile and depth x cols B tile per step, K innermost;
/// with held weights the next step's B loads (w_load_i) during the current step.
golden::ScheduleDescriptor dot_grid_schedule(const DesignConfig& c, const DotGridStyle& style);

/// `d` with the dot grid's testbench driver, schedule and the style's weight registers.
ArchDescriptor with_dot_grid_sim(ArchDescriptor d, const DotGridStyle& style);

}  // namespace tpegen::arch
