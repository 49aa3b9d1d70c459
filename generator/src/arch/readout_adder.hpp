// The read-out adder: the carry-propagate adder that resolves a carry-save pair (s, c) into a
// binary result, as chosen by --final-adder (OPT1's per-column adders of the systolic arrays,
// the adder of an OPT1/OPT2 dot-product unit, a resolving PE's drain). A bit-level adder is
// one module of the design, tpe_readout_adder_w<acc_width>_<kind>, built once (the timing
// adder's search over prefix networks is the costly part of generating a large OPT1 array)
// and instantiated wherever one is needed, so a top module reads as structure and synthesis
// reports the adder's area as a block of its own.
#pragma once

#include <string>

#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

class ReadoutAdder {
 public:
  /// The read-out adder of design `d` (acc_width bits, cfg.final_adder), built on first use: a
  /// module of `d` (reused if another unit of `d` built it), or `+` (--final-adder behavioral,
  /// the behavioral view, and the broken adder of --inject-bug adder), which stays inline.
  /// `d` and `cfg` must outlive it.
  ReadoutAdder(ir::Design& d, const DesignConfig& cfg) : design_(d), cfg_(cfg) {}

  /// s + c in module m (a module of the design given to the constructor): an instance
  /// u_<prefix without its trailing _> of the module, or inline `+`. `role` is how a picture
  /// of the design shows it (the instance's role, or a Block). Returns the sum, a wire named
  /// prefix + "sum".
  ir::ExprP place(ir::Module& m, const std::string& prefix, const ir::ExprP& s, const ir::ExprP& c,
                  const ir::Role& role);

 private:
  ir::Design& design_;
  const DesignConfig& cfg_;
  const ir::Module* module_ = nullptr;  // built on first use
};

}  // namespace tpegen::arch
