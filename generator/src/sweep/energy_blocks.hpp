// The sweep's gate-level energy by block (activity gate): each point's energy per MAC split by
// the design's first-level instances, grouped by module (PEs, skew and drain chains, encoders,
// read-out adders, ...), as energy_blocks.csv and a Markdown table of results.md.
#pragma once

#include <string>
#include <vector>

#include "sweep/result.hpp"

namespace tpegen::sweep {

/// A block's name in the reports: its module without the design's top-module prefix
/// (`<top>_pe` -> `pe`) or the library's `tpe_` (`tpe_skew` -> `skew`); "top" (the top
/// module's own cells) and "ports" stay as they are.
std::string block_label(const std::string& module, const std::string& top);

/// One row per point and block: name,block,module,instances,energy_pj, then energy_<class>_pj
/// for clock, sequential, combinational, glitch, leakage (the names of results.csv; pJ per MAC
/// of the whole design). Empty when no point has a block breakdown.
std::string blocks_csv(const std::vector<Result>& results);

/// The same as a Markdown table under a heading, or "" when no point has one.
std::string blocks_markdown(const std::vector<Result>& results);

}  // namespace tpegen::sweep
