// Carry-propagate adders over BitNet bits: ripple-carry, Kogge-Stone, Brent-Kung and Sklansky
// parallel-prefix, and "timing": the adder shaped to the arrival profile of its inputs (a
// ripple over the early low bits, then the prefix network that the DelayModel finds fastest,
// the split chosen by the same model). (The "behavioural" `+` left to synthesis is not a
// BitNet: callers emit it as an IR add and model it as (x + y) mod 2^w.)
// References: P. M. Kogge & H. S. Stone 1973; R. P. Brent & H. T. Kung 1982; J. Sklansky 1960;
// Oklobdzija 1994 and Zimmermann 1996 (adders for non-uniform input arrival).
#pragma once

#include <string>
#include <vector>

#include "arith/bitnet.hpp"
#include "arith/delay_model.hpp"

namespace tpegen::arith {

enum class AdderKind { Ripple, KoggeStone, BrentKung, Sklansky, Timing, Behavioral };

/// Parses "ripple", "kogge-stone", "brent-kung", "sklansky", "timing", "behavioral"; throws
/// std::invalid_argument.
AdderKind parse_adder(const std::string& s);
const char* to_string(AdderKind k);

/// (x + y) mod 2^w as BitNet bits, w = x.size() = y.size(). Throws std::invalid_argument
/// for AdderKind::Behavioral. `delays` (Timing only; nullptr: builtin_delays()) times the
/// candidates from the arrival times of x and y in `net`.
std::vector<NodeId> final_adder(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y,
                                AdderKind kind, const DelayModel* delays = nullptr);

}  // namespace tpegen::arith
