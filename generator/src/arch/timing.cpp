#include "arch/timing.hpp"

#include <nlohmann/json.hpp>

namespace tpegen {

nlohmann::json timing_to_json(const Timing& t) {
  return {{"protocol", t.protocol},
          {"dataflow", t.dataflow},
          {"latency_first_result_cycles", t.latency_first_result_cycles},
          {"latency_last_result_cycles", t.latency_last_result_cycles},
          {"step_cycles_min", t.step_cycles_min},
          {"step_cycles_max", t.step_cycles_max},
          {"tile_spacing_cycles", t.tile_spacing_cycles},
          {"first_after_last_cycles", t.first_after_last_cycles},
          {"weight_bank_rewrite_cycles", t.weight_bank_rewrite_cycles},
          {"readout_adder_cycles", t.readout_adder_cycles},
          {"macs_per_cycle", t.macs_per_cycle},
          {"peak_macs_per_cycle", t.peak_macs_per_cycle},
          {"macs_per_cycle_data", t.macs_per_cycle_data},
          {"serial_digits", t.serial_digits},
          {"a_digit_positions", t.a_digit_positions},
          {"b_digit_positions", t.b_digit_positions},
          {"doc", t.doc}};
}

}  // namespace tpegen
