// The one writer of Verilog-2005 text from the IR.
//
// One module per file (`<module>.v`), 2-space indent, named connections, flat vectors
// with `+:` slices (Yosys 0.23 rejects packed multi-dimensional arrays), no SystemVerilog.
#pragma once

#include <string>
#include <vector>

#include "ir/module.hpp"

namespace tpegen::emit {

/// Writes one module; `banner` lines are emitted as `//` comments at the top of the file.
std::string emit_module(const ir::Module& m, const std::vector<std::string>& banner);

/// Verilog text of an expression. With the enclosing module given, a select of a 1-bit
/// net (declared without a range) is written as the plain net name.
std::string emit_expr(const ir::ExprP& e, const ir::Module* context = nullptr);

}  // namespace tpegen::emit
