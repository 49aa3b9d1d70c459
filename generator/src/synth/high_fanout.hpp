// A critical path dominated by an unbuffered high-fanout net. The default flow inserts no
// buffers (there is no placement), so a register that drives hundreds of loads (an AXI FIFO's
// read pointer: 581) gives an fmax no real flow would: sky130 cells take tens of ns into such
// a load. When the path that defines fmax is dominated by such nets, `tpegen synth` maps the
// design again with ABC's buffering (abc -constr: buffer, upsize, dnsize) and reports both.
#pragma once

#include <optional>
#include <string>

#include "synth/sta_flow.hpp"

namespace tpegen::synth {

/// A net counts as high-fanout from this many loads on: at about 2.3 fF per input pin, 64 loads
/// are what a minimum-size sky130 cell may drive within its liberty max_capacitance
/// (dfxtp_1: 0.162 pF = 70 loads; nor2b_1: 0.082 pF = 36); beyond it the delay is extrapolated.
inline constexpr long kHighFanout = 64;
/// ... and it dominates a path when the drivers of such nets take at least this share of the
/// path's arrival time. Both must hold, so a design whose paths are logic-bound keeps its figures.
inline constexpr double kDominantShare = 0.5;

struct FanoutPathology {
  StaNet net;        // the path's net with the largest fanout
  std::string group; // the path group whose path defines fmax (reg2reg, else the worst path's)
  double arrival_ns = 0;
  double share = 0;  // of the arrival time spent in the drivers of nets of fanout >= kHighFanout
};

/// The path fmax is taken from (met_period_ns: the reg2reg group when there is one, else the
/// worst path), when it is dominated by high-fanout nets; nullopt otherwise.
std::optional<FanoutPathology> find_fanout_pathology(const StaReport& r);

/// "critical path dominated by net X with fanout N (driven by P; 90 % of its 79.957 ns in
/// drivers of nets with fanout >= 64)".
std::string pathology_text(const FanoutPathology& p);

/// What to do about it in the RTL.
inline constexpr const char* kHighFanoutAdvice =
    "consider duplicating the driving register or pipelining the fan-out in the RTL; a placed flow buffers it";

}  // namespace tpegen::synth
