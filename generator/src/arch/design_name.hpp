// The deterministic names of a resolved design: the engine's canonical name and the top
// module's (tokens explained in docs/reference/architectures.md).
#pragma once

#include <string>

#include "config/design_config.hpp"

namespace tpegen {

/// The read-out adder's part of a bit-weight PE's name: ks, bk, rca, sk, ta (timing-driven)
/// or add (behavioral).
const char* final_adder_token(arith::AdderKind k);

/// Deterministic name of the design, e.g. "tpe_systolic_os_mac_r16c16_s8x8_acc32".
std::string canonical_name(const DesignConfig& resolved);

/// Top module of the generated design: the engine's canonical name, plus "_axi" when wrapped.
std::string top_name(const DesignConfig& resolved);

}  // namespace tpegen
