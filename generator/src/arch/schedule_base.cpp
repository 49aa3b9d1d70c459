#include "arch/schedule_base.hpp"

namespace tpegen::arch {

golden::ScheduleDescriptor schedule_base(const Timing& t) {
  golden::ScheduleDescriptor d;
  d.protocol = t.protocol == "valid_ready" ? golden::Protocol::ValidReady : golden::Protocol::FixedLatency;
  d.latency_first = t.latency_first_result_cycles;
  d.latency_last = t.latency_last_result_cycles;
  d.step_cycles_min = t.step_cycles_min;
  d.step_cycles_max = t.step_cycles_max;
  d.last_spacing = t.tile_spacing_cycles;
  d.first_after_last = t.first_after_last_cycles;
  d.bank_rewrite = t.weight_bank_rewrite_cycles;
  return d;
}

}  // namespace tpegen::arch
