// systolic-os `--drain resolved` (OPT1 PE only): the buffered drain, but its registers and
// the column chain hold binary results instead of carry-save pairs.
#pragma once

#include "config/design_config.hpp"
#include "arch/readout_adder.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

/// True for an OPT1 systolic-os PE with the resolved drain.
bool drain_resolved(const DesignConfig& c);

/// Builds the PE's resolved drain slot: one cycle after `last` (the PE's own valid_q/last_q
/// forwarding registers) the accumulator `acc_q` = {carry, sum} still holds the tile's pair;
/// a per-PE adder (`adder`, --final-adder) writes sum + carry into the acc_width-bit drain register,
/// which otherwise takes `drain_i` from the PE below. Returns the drain register; `capture`
/// receives the wire that marks the capture cycle (for drain_valid).
ir::ExprP resolved_drain_slot(ir::Module& m, const DesignConfig& c, const ir::ExprP& acc_q, const ir::ExprP& drain_i,
                              ir::ExprP& capture, ReadoutAdder& adder);

}  // namespace tpegen::arch
