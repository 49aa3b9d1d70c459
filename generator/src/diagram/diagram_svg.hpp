// Draws a DiagramModel as a standalone SVG: the wrappers as nested boxes, the PE grid (at most
// 4 rows and 4 columns drawn: the first two, an ellipsis and the last, labelled with the full
// size), the links between neighbouring PEs as arrows, the buses that reach the PEs from
// outside the grid, the encoders, skew buffers and read-out adders where the IR puts them,
// a title naming the top module and a legend. The same model gives the same bytes.
#pragma once

#include <string>

#include "diagram/diagram_model.hpp"

namespace tpegen::diagram {

/// The comment every diagram starts with: a file holding it was written by tpegen.
inline constexpr const char* kDiagramMarker = "<!-- tpegen diagram";

/// `subtitle` goes under the title (e.g. the dataflow of the manifest's timing).
std::string render_svg(const DiagramModel& m, const std::string& subtitle);

/// The drawn indices of a loop of `count`: all of them up to 4, else 0, 1, -1 (an ellipsis)
/// and count - 1.
std::vector<int> drawn_slots(int count);

}  // namespace tpegen::diagram
