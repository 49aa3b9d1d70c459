// Multiplier-adder tree (NVDLA CMAC / DianNao style, spec §3): N units, each a length-K dot
// product (K multipliers + adder tree) per cycle; one A vector is broadcast to all units,
// each unit holds a column of B in a weight register. Reference: K = 16, N = 4..32.
#include "arch/dot_grid.hpp"

namespace tpegen::arch {

ArchDescriptor describe_mac_tree() {
  static const DotGridStyle style{"Multiplier-adder tree: cols units of depth multipliers + adder tree.", true};
  ArchDescriptor d{"mac-tree",
          "multiplier-adder tree: cols dot-product units of length depth sharing one broadcast A vector, "
          "weights held in registers",
          {false, 0, 1, "fixed at 1 (one A vector per cycle)"},
          {true, 16, 1, "number of dot-product units N (N is tiled by cols)"},
          {true, 16, 1, "dot-product length K per unit (K is tiled by depth)"},
          {{"mac", "baseline: products sized exactly, adder tree, + into binary accumulators"},
           {"opt1", "OPT1: all partial products + carry-save accumulator in one compressor tree, CPA at read-out"},
           {"opt2", "OPT2: A encoded once per row (booth/ent digits broadcast), units select +-B/+-2B, one "
                    "compressor tree per digit weight, final tree + carry-save accumulator, CPA at read-out"}},
          [](const DesignConfig& c) { return build_dot_grid(c, style); },
          [](const DesignConfig& c) { return dot_grid_timing(c, style); }};
  return with_dot_grid_sim(d, style);
}

}  // namespace tpegen::arch
