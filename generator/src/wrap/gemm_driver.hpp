// The portable C99 driver written beside an `--wrap axi-gemm` design (AXI_DESIGN.md §9,
// stage S3): `<top>_driver.h` and `<top>_driver.c`, only <stdint.h> and <stddef.h>, driven
// through the integrator's register and stream callbacks. `tpegen sim` compiles the same
// source into its testbench as the host program.
#pragma once

#include <string>

#include "config/design_config.hpp"
#include "wrap/gemm_geometry.hpp"

namespace tpegen::wrap {

/// `<top>_driver.h`: the device struct of callbacks, error bits and the functions.
std::string axi_gemm_driver_header(const std::string& top, const DesignConfig& c);

/// `<top>_driver.c`: size checks, packing of A and B into the stream layout, the interleaved
/// send/receive loop, unpacking of C, ABORT. `--inject-bug driver_pack` packs A[r][1] wrong.
std::string axi_gemm_driver_source(const std::string& top, const GemmGeometry& g, const DesignConfig& c);

}  // namespace tpegen::wrap
