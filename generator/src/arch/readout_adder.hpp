// The read-out adder: the carry-propagate adder that resolves a carry-save pair (s, c) into a
// binary result, as chosen by --final-adder (OPT1's per-column adders of the systolic arrays,
// the adder of an OPT1/OPT2 dot-product unit, a resolving PE's drain). Built once per design
// and placed as often as the architecture needs: the timing adder's search over prefix
// networks is the costly part of generating a large OPT1 array.
#pragma once

#include <optional>
#include <string>

#include "arith/bitnet.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

class ReadoutAdder {
 public:
  /// The read-out adder of design `d` (acc_width bits, cfg.final_adder), built on first use: a
  /// BitNet prefix/ripple adder, or `+` (--final-adder behavioral, the behavioral view, and
  /// the broken adder of --inject-bug adder). `d` and `cfg` must outlive it.
  ReadoutAdder(ir::Design& d, const DesignConfig& cfg) : design_(d), cfg_(cfg) {}

  /// s + c in module m (a module of the design given to the constructor). Its wires are named
  /// with `prefix`; `role` is how a picture of the design shows it. Returns the sum, a wire
  /// named prefix + "sum".
  ir::ExprP place(ir::Module& m, const std::string& prefix, const ir::ExprP& s, const ir::ExprP& c,
                  const ir::Role& role);

 private:
  ir::Design& design_;
  const DesignConfig& cfg_;
  bool built_ = false;
  std::optional<arith::BitNet> net_;  // empty once built: `+`
};

}  // namespace tpegen::arch
