#include "arch/schedule_json.hpp"

#include <nlohmann/json.hpp>

namespace tpegen {
namespace {

nlohmann::json slice_to_json(const golden::Slice& s) {
  return {{"rows", s.rows}, {"cols", s.cols}, {"port_col_major", s.port_col_major}, {"engine_latches", s.engine_latches}};
}

}  // namespace

nlohmann::json schedule_to_json(const golden::ScheduleDescriptor& d) {
  return {{"order", golden::to_string(d.order)},
          {"tile_m", d.tile_m},
          {"tile_n", d.tile_n},
          {"tile_k", d.tile_k},
          {"a", slice_to_json(d.a)},
          {"b", slice_to_json(d.b)},
          {"strip_rows", d.strip_rows},
          {"last_spacing_cycles", d.last_spacing},
          {"first_after_last_cycles", d.first_after_last},
          {"revisit_min_cycles", d.revisit_min},
          {"weights", golden::to_string(d.weights)},
          {"weight_rows", d.weight_rows},
          {"results", golden::to_string(d.results)},
          {"result_rows", d.result_rows},
          {"result_hold_cycles", d.result_hold},
          {"column_row_skew_cycles", d.column_row_skew},
          {"column_col_skew_cycles", d.column_col_skew}};
}

}  // namespace tpegen
