// The OPT4E PE's arithmetic (arch/opt4e.cpp), exposed for its unit test.
#pragma once

#include <string>
#include <vector>

#include "arith/bitnet.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

/// One OPT4E PE step over E digit streams (the PE's whole arithmetic, one CSA tree):
///   inputs  pos0 (ND, one-hot or 0), two0, neg0, b0 (b_width), pos1, ..., first, s, c (acc_width)
///   outputs s_next, c_next with s_next + c_next == (first ? 0 : s + c)
///           + sum_e (neg_e ? -1 : 1) * (two_e ? 2 : 1) * b_e * 4^pos_e   (mod 2^acc_width),
/// a stream with pos_e = 0 (and neg_e = 0) adding nothing.
arith::BitNet opt4e_step_net(const DesignConfig& c, int E);

/// The E digit streams and the accumulator as the PE (and `tpegen arith --kind opt4e-step`)
/// carry them: pos (E*ND bits, stream e at e*ND), two (E), neg (E), b (E*WB), first, s, c.
struct Opt4eStepPorts {
  ir::ExprP pos, two, neg, b, first, s, c;
};

/// Emits opt4e_step_net into m (wires named with `prefix`) and returns {s_next, c_next}; the
/// input bits a narrow wrapping accumulator drops go to a wire unused_in (lint -Wall).
std::vector<ir::ExprP> emit_opt4e_step(ir::Module& m, const DesignConfig& c, int E, const std::string& prefix,
                                       const Opt4eStepPorts& in);

}  // namespace tpegen::arch
