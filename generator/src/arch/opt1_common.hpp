// OPT1 (spec §4): the partial products of this cycle's products and the carry-save
// accumulator (sum, carry) go through one compressor tree; no carry-propagate adder per
// cycle; one CPA resolves sum + carry at read-out.
#pragma once

#include <string>
#include <vector>

#include "arith/bitnet.hpp"
#include "arith/delay_model.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

/// One OPT1 accumulation step as a BitNet over `products` products:
///   inputs  a0, b0, a1, b1, ... (operand widths), [first (1 bit)], s, c (acc_width each)
///   outputs s_next, c_next with s_next + c_next == s + c + sum_i a_i*b_i  (mod 2^acc_width);
/// with `with_first`, s and c count as zero when first = 1 (a new accumulation starts).
arith::BitNet opt1_step_net(const DesignConfig& c, int products, bool with_first,
                            const arith::DelayModel* delays = nullptr);

/// One OPT1 step in module m, inputs as for opt1_step_net (a0, b0, ..., [first], s, c);
/// returns {s_next, c_next}. Structural view: opt1_step_net as bit-level logic (wires named
/// with `prefix`). Behavioral view (--view behavioral): s_next = (first ? 0 : s + c) +
/// sum a_i*b_i with + and *, c_next = 0: the same sum s_next + c_next, so a PE keeps its
/// ports and timing and Verilator simulates it as a few word-wide operations.
std::vector<ir::ExprP> opt1_step(ir::Module& m, const DesignConfig& c, int products, bool with_first,
                                 const std::string& prefix, const std::vector<ir::ExprP>& inputs);

}  // namespace tpegen::arch
