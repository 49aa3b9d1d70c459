// Turns a BitNet (arith/) into IR inside a module. Only logic that reaches an output is
// emitted. Two forms of the same gates and cells:
//  - word-level (emit_bitnet, bitnet_vector.cpp): gates and cells grouped into vector
//    operations on rows of columns (a group of full adders is sum = a ^ b ^ c and carry =
//    maj(a, b, c) one column up, masked to its members' columns), named by kind, level and
//    group (fa_l2_0_s); Verilator simulates one word operation per group;
//  - bit-level (emit_bitnet_flat, emit_bitnet_pipelined): one assign per gate and cell output
//    (the logic of rtl_templates/tpe_ha/fa/c42.v), named by level and column (fa_l2_c13_0_s).
#pragma once

#include <string>
#include <vector>

#include "arith/bitnet.hpp"
#include "ir/module.hpp"

namespace tpegen::emit {

/// Adds the net's logic to `m`. inputs[i] feeds input vector i (an lvalue of its width).
/// Wires are named with `prefix`. Returns one wire per output vector, named
/// prefix + output name. Word-level when every output has the width W of the widest (<= 64)
/// and no input is wider; bit-level otherwise.
std::vector<ir::ExprP> emit_bitnet(ir::Module& m, const arith::BitNet& net, const std::string& prefix,
                                   const std::vector<ir::ExprP>& inputs);
/// The word-level form, falling back to emit_bitnet_flat where it does not apply.
std::vector<ir::ExprP> emit_bitnet_vectors(ir::Module& m, const arith::BitNet& net, const std::string& prefix,
                                           const std::vector<ir::ExprP>& inputs);
/// The bit-level form.
std::vector<ir::ExprP> emit_bitnet_flat(ir::Module& m, const arith::BitNet& net, const std::string& prefix,
                                        const std::vector<ir::ExprP>& inputs);

/// As emit_bitnet, with one pipeline register stage after reduction level `cut_level`
/// (>= 0): every signal computed before the cut (inputs, encoders, partial products and
/// cells of level <= cut_level) that feeds logic after it, or an output, is registered on
/// m.clock. The outputs then follow the inputs by exactly one cycle.
std::vector<ir::ExprP> emit_bitnet_pipelined(ir::Module& m, const arith::BitNet& net, const std::string& prefix,
                                             const std::vector<ir::ExprP>& inputs, int cut_level);

/// Bits of `inputs` (as passed to emit_bitnet) that no output of the net depends on, e.g. the
/// high digit positions a narrow wrapping accumulator drops: they go to a wire `name` (lint
/// -Wall skips signals named *unused*). No wire when every bit is used.
void mark_unused_net_inputs(ir::Module& m, const arith::BitNet& net, const std::vector<ir::ExprP>& inputs,
                            const std::string& name);

/// Nodes computed after the cut: outputs of cells above cut_level and anything that
/// depends on them (exposed for unit tests).
std::vector<bool> late_nodes(const arith::BitNet& net, int cut_level);

}  // namespace tpegen::emit
