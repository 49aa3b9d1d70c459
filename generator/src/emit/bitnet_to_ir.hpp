// Turns a BitNet (arith/) into IR inside a module: gates become assigns, compressor
// cells become instances of the rtl_templates/ cells tpe_ha, tpe_fa and tpe_c42.
// Only logic that reaches an output is emitted.
#pragma once

#include <string>
#include <vector>

#include "arith/bitnet.hpp"
#include "ir/module.hpp"

namespace tpegen::emit {

/// Declares tpe_ha, tpe_fa and tpe_c42 as extern modules of the design.
void declare_arith_templates(ir::Design& d);

/// Adds the net's logic to `m`. inputs[i] feeds input vector i (an lvalue of its width).
/// Wires and instances are named with `prefix`. Returns one wire per output vector, named
/// prefix + output name.
std::vector<ir::ExprP> emit_bitnet(ir::Module& m, const arith::BitNet& net, const std::string& prefix,
                                   const std::vector<ir::ExprP>& inputs);

}  // namespace tpegen::emit
