// 2D-Matrix (spec §3): an M x N grid of dot-product PEs of length k; A rows are broadcast
// along the rows, B columns along the columns, each PE accumulates C[i][j] over K/k cycles.
// It shares the dot-product grid with the cube; it is the shape that differs (a wide 2D grid
// of short dot products), and so does the way OPT2 applies to it.
#include "arch/dot_grid.hpp"

namespace tpegen::arch {

ArchDescriptor describe_matrix2d() {
  static const DotGridStyle style{"2D-Matrix: rows x cols grid of dot-product PEs of length depth.", false};
  ArchDescriptor d{"matrix2d",
          "2D-Matrix: a rows x cols grid of short dot-product PEs, A broadcast along rows, B along columns",
          {true, 16, 1, "PE rows (M is tiled by rows)"},
          {true, 16, 1, "PE columns (N is tiled by cols)"},
          {true, 4, 1, "dot-product length k of each PE (K is tiled by depth)"},
          {{"mac", "baseline: products sized exactly, adder tree, + into binary accumulators"},
           {"opt1", "OPT1: all partial products + carry-save accumulator in one compressor tree, CPA at read-out"},
           {"opt2", "OPT2: A encoded once per row (booth/ent digits broadcast), units select +-B/+-2B, one "
                    "compressor tree per digit weight, final tree + carry-save accumulator, CPA at read-out"}},
          [](const DesignConfig& c) { return build_dot_grid(c, style); },
          [](const DesignConfig& c) { return dot_grid_timing(c, style); }};
  return with_dot_grid_sim(d, style);
}

}  // namespace tpegen::arch
