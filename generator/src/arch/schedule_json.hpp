// The manifest's "schedule" object (schema/manifest.schema.json): the descriptor of the loops
// that feed the bare engine (model/golden/schedule.hpp), so a host or a DMA engine can be
// written from the manifest alone. Latencies and step cycles are in "timing", not repeated.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "golden/schedule.hpp"

namespace tpegen {

nlohmann::json schedule_to_json(const golden::ScheduleDescriptor& d);

}  // namespace tpegen
