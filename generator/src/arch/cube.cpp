// 3D-Cube (Ascend-style, spec §3): each cycle an N x N output tile receives N x N dot
// products of length N; accumulated over K/N cycles. Reference size: 8 x 8 x 8.
#include "arch/dot_grid.hpp"

namespace tpegen::arch {

ArchDescriptor describe_cube() {
  static const DotGridStyle style{"3D-Cube: rows x cols dot products of length depth per cycle.", false};
  ArchDescriptor d{"cube",
          "3D-Cube: a rows x cols x depth cube of multipliers, one output tile updated per cycle",
          {true, 8, 1, "output tile rows (M is tiled by rows)"},
          {true, 8, 1, "output tile columns (N is tiled by cols)"},
          {true, 8, 1, "dot-product length per cycle (K is tiled by depth)"},
          {{"mac", "baseline: products sized exactly, adder tree, + into binary accumulators"},
           {"opt1", "OPT1: all partial products + carry-save accumulator in one compressor tree, CPA at read-out"},
           {"opt2", "OPT2: A encoded once per row (booth/ent digits broadcast), units select +-B/+-2B, one "
                    "compressor tree per digit weight, final tree + carry-save accumulator, CPA at read-out"}},
          [](const DesignConfig& c) { return build_dot_grid(c, style); },
          [](const DesignConfig& c) { return dot_grid_timing(c, style); }};
  return with_dot_grid_sim(d, style);
}

}  // namespace tpegen::arch
