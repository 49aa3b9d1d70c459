// --clock-gate: registers that hold state while idle get a gated clock instead of an enable.
#pragma once

#include "ir/module.hpp"

namespace tpegen::arch {

/// Fewest register bits one clock gate serves: below it the gate (about 1.5 enable muxes of
/// area in sky130hd and nangate45) costs more than the muxes it replaces.
inline constexpr int kMinGatedBits = 4;

/// In every module, each group of registers that share an enable (the same expression) and
/// hold at least kMinGatedBits bits is clocked by its own gated clock, a `tpe_clock_gate`
/// instance (rtl_templates/tpe_clock_gate.v; synthesis maps it to the liberty's integrated
/// clock-gating cell), and loses its enable mux. Registers without an enable keep the
/// module's clock: the architectures give idle state an enable when clock gating is on.
/// `stuck_on` (test only, --inject-bug clock_gate): every gate passes the clock, so held
/// state is lost in idle cycles; the regression must catch it.
void gate_clocks(ir::Design& d, bool stuck_on = false);

}  // namespace tpegen::arch
