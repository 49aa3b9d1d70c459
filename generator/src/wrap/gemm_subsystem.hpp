// `--wrap axi-gemm` (issue 25, stage S2 of AXI_DESIGN.md): the subsystem that owns the
// schedule. The host programs M, K, N over AXI4-Lite, streams B's rows then A's rows in one
// AXI4-Stream packet and receives C row-major in exactly M * ceil(N * EC / bus bytes) beats;
// the subsystem buffers the operands, feeds the engine from the architecture's schedule
// descriptor, collects the results and sends them. This stage: the KInner fixed-latency
// engines (systolic-os: Columns results; cube, matrix2d, mac-tree: Block results, K padded
// to tile_k with zeros) and systolic-ws (MInner: banked weights, partial sums kept in the C
// memory) with whole-matrix buffers (M, K, N up to the limits).
// The record wrapper (`--wrap axi`, axi_wrapper.hpp) stays until the later stage retires it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "arch/timing.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"
#include "wrap/axi_wrapper.hpp"
#include "wrap/gemm_geometry.hpp"

namespace tpegen::wrap {

/// The AXI4-Lite register map of the subsystem (byte offsets), for RTL, header and manifest.
const std::vector<AxiReg>& axi_gemm_registers();

/// Adds `<engine>_axi_gemm` around the design's top and makes it the top.
void add_axi_gemm(ir::Design& d, const Timing& timing, const DesignConfig& c);

/// The C header `<top>_regs.h`: registers, host layout, element types, beat-count formulas.
std::string axi_gemm_regs_header(const std::string& top, const GemmGeometry& g, const DesignConfig& c);

/// The manifest's "axi_gemm" object: layout, limits, memories, registers.
nlohmann::json axi_gemm_manifest(const GemmGeometry& g, const DesignConfig& c);

}  // namespace tpegen::wrap
