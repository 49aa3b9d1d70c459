// The pure parts of `tpegen sweep`, one header per seam: expanding a sweep config into design
// points (expand), a point's result (result), the result cache (cache) and the reports
// (report). Running the points lives in cli/ (cmd_sweep and its executors).
#pragma once

#include "sweep/cache.hpp"
#include "sweep/energy_blocks.hpp"
#include "sweep/expand.hpp"
#include "sweep/report.hpp"
#include "sweep/result.hpp"
