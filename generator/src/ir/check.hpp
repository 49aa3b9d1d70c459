// Structural checks of a Design before it is emitted.
#pragma once

#include "ir/module.hpp"

namespace tpegen::ir {

/// Throws std::logic_error naming the module and signal when: a connection width differs
/// from the callee's port width, a bit is driven more than once, a bit of an output port
/// or internal net is never driven, or an instance connects an output to a non-net.
void check_design(const Design& d);

}  // namespace tpegen::ir
