// Building blocks shared by the architecture builders: products sized explicitly,
// the accumulator adder, delay lines from rtl_templates/, and the pipeline wrapper.
#pragma once

#include <string>

#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

/// Declares the rtl_templates/ cells (tpe_pipe, tpe_pipe_rst, and tpe_skew, tpe_skew_rst
/// built from them) in the design.
void declare_templates(ir::Design& d);

/// The enable of state that may hold while idle: `valid` under --clock-gate (the register
/// group then gets a gated clock, arch/clock_gating.hpp), else none: without clock gating
/// these registers load every cycle, which costs no enable mux.
inline ir::ExprP idle_enable(const DesignConfig& c, const ir::ExprP& valid) { return c.clock_gate ? valid : nullptr; }

/// prod = a * b in exactly a_width + b_width bits (a narrow multiplier, not a
/// 32-bit one), then sign/zero-extended or truncated to the accumulator width.
ir::ExprP product_to_acc(ir::Module& m, const std::string& name, const ir::ExprP& a, const ir::ExprP& b,
                         const DesignConfig& c);

/// acc + addend modulo 2^acc_width. With cfg.inject_bug == "adder" the carry out of the
/// low 4 bits is dropped: the test-only mutant the regression must catch.
ir::ExprP acc_add(ir::Module& m, const std::string& name, const ir::ExprP& acc, const ir::ExprP& addend,
                  const DesignConfig& c);

/// d delayed by `depth` cycles through tpe_pipe (or tpe_pipe_rst when reset); depth 0
/// returns d itself. The returned wire is named `name`.
ir::ExprP delay(ir::Module& m, const std::string& name, const ir::ExprP& d, int depth, bool reset);

/// The skew buffers of an array edge: lane k of `d` (`lanes` lanes of equal width) drives
/// lane k of `q` (a net or slice) k cycles later, or lanes-1-k cycles later with `reverse`
/// (deskew), through one tpe_skew (tpe_skew_rst with `reset`) instance named `name`, drawn on
/// the array's `side` (ir::Role).
void skew(ir::Module& m, const std::string& name, const ir::ExprP& d, const ir::ExprP& q, int lanes, bool reverse,
          bool reset, const std::string& side);

/// Slot slices of a systolic PE grid, inside the loops g_row (i) and g_col (j), written with
/// the localparams `rows` and `cols`: horizontal links are ordered column by column (PE(i,j)
/// reads slot j*ROWS + i, its right neighbour (j+1)*ROWS + i), vertical links row by row
/// (slot i*COLS + j, the row below (i+1)*COLS + j); `unit` is the width of one slot.
struct GridSlots {
  ir::Param rows, cols;
  ir::ExprP h(const std::string& net, const ir::Param& unit, bool right) const;
  ir::ExprP v(const std::string& net, const ir::Param& unit, bool below) const;
};

/// Width of an index able to address `count` items (at least 1).
int index_width(int count);

/// Name of the core module: the top itself without pipeline registers, else `<top>_core`.
std::string core_name(const DesignConfig& c);

/// When cfg asks for input/output pipeline registers, adds the top module around `core`:
/// same ports, every input delayed in_regs cycles and every output out_regs cycles
/// (control ports through resettable stages). Otherwise does nothing.
void wrap_in_pipeline(ir::Design& d, const ir::Module& core, const DesignConfig& c);

/// The comment above a module: what it is (the configuration is in the file's banner).
void describe_module(ir::Module& m, const std::string& what);

}  // namespace tpegen::arch
