// Carry-propagate adders over BitNet bits: ripple-carry, Kogge-Stone and Brent-Kung
// parallel-prefix. (The "behavioural" `+` left to synthesis is not a BitNet: callers emit
// it as an IR add and model it as (x + y) mod 2^w.)
// References: P. M. Kogge & H. S. Stone 1973; R. P. Brent & H. T. Kung 1982.
#pragma once

#include <string>
#include <vector>

#include "arith/bitnet.hpp"

namespace tpegen::arith {

enum class AdderKind { Ripple, KoggeStone, BrentKung, Behavioral };

/// Parses "ripple", "kogge-stone", "brent-kung", "behavioral"; throws std::invalid_argument.
AdderKind parse_adder(const std::string& s);
const char* to_string(AdderKind k);

/// (x + y) mod 2^w as BitNet bits, w = x.size() = y.size(). Throws std::invalid_argument
/// for AdderKind::Behavioral.
std::vector<NodeId> final_adder(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y,
                                AdderKind kind);

}  // namespace tpegen::arith
