#include "diagram/design_diagram.hpp"

#include <fmt/format.h>

#include "arch/registry.hpp"
#include "diagram/diagram_model.hpp"
#include "diagram/diagram_svg.hpp"
#include "wrap/axi_wrapper.hpp"

namespace tpegen::diagram {

std::string design_diagram_svg(const DesignConfig& c) {
  ir::Design d = find_arch(c.arch).build(c);
  const Timing timing = design_timing(c);
  if (c.wrap == "axi") wrap::add_axi_wrapper(d, timing, c);
  const std::string protocol = timing.protocol == "valid_ready" ? "valid/ready handshake" : "fixed latency";
  return render_svg(read_model(d), fmt::format("{}, PE {}: {}; {}", c.arch, c.pe, timing.dataflow, protocol));
}

}  // namespace tpegen::diagram
