// `tpegen diagram`: the picture of a design as `tpegen generate` builds it.
#pragma once

#include <string>

#include "config/design_config.hpp"

namespace tpegen::diagram {

/// The SVG of a resolved design: built by its architecture (and wrapped under --wrap axi),
/// read by read_model and drawn by render_svg, with the manifest's dataflow as subtitle.
std::string design_diagram_svg(const DesignConfig& resolved);

}  // namespace tpegen::diagram
