// The timing section of a design's manifest (schema/manifest.schema.json): one set of
// keys for every architecture, fixed-latency and valid/ready designs alike, as numbers;
// the prose that explains them goes to `doc`.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "config/design_config.hpp"

namespace tpegen {

struct Timing {
  /// "fixed_latency": a step per cycle with valid_i, results a fixed number of cycles later;
  /// "valid_ready": a step per a_valid_i/a_ready_o handshake, latency depends on the data.
  std::string protocol = "fixed_latency";
  std::string dataflow;
  /// Cycles from the cycle carrying (valid_ready: the clock edge taking) the step that
  /// completes an output tile or row to the cycle its first result is on c_o with c_valid_o;
  /// valid_ready: the minimum over all data.
  int latency_first_result_cycles = 1;
  /// ... to its last result (systolic-os: the drain of the last row); valid_ready: the maximum.
  int latency_last_result_cycles = 1;
  /// Cycles one step occupies the input (1 for fixed_latency; valid_ready: 1 .. the most
  /// digits a step can have).
  int step_cycles_min = 1, step_cycles_max = 1;
  /// Minimum cycles between the steps carrying last_i of consecutive tiles (1: none).
  int tile_spacing_cycles = 1;
  /// Minimum cycles from a tile's last_i step to the next tile's first_i step (1: none).
  int first_after_last_cycles = 1;
  /// Weight banks (systolic-ws): cycles from the last step that selects a bank to the first
  /// cycle in which PE row 0 of that bank may be rewritten; PE row k, k cycles later. A write
  /// lands after its cycle, so 0 is that same cycle (and the value without weight banks).
  int weight_bank_rewrite_cycles = 0;
  /// Cycles of the registered carry-propagate read-out adder (bit-weight PEs), included in
  /// the latencies above.
  int readout_adder_cycles = 0;
  /// Useful MACs per cycle (what the sweep's efficiency figures use) and the most the
  /// hardware can do; for valid_ready designs macs_per_cycle is an estimate for the
  /// operand distribution named in macs_per_cycle_data ("any": data-independent).
  double macs_per_cycle = 0;
  double peak_macs_per_cycle = 0;
  std::string macs_per_cycle_data = "any";
  /// How operands are split into digits handled one per cycle: "none" (bit-parallel),
  /// "ent" (EN-T digits of A) or "booth" (radix-4 Booth terms of A and B), and how many
  /// digit positions A and B have (0: not digit-serial).
  std::string serial_digits = "none";
  int a_digit_positions = 0, b_digit_positions = 0;
  /// Prose: feed, results, weights, ready, ...
  std::map<std::string, std::string> doc;
};

/// The operand distribution of every macs_per_cycle estimate (spec §2, the drivers' measurements).
inline constexpr const char* kMacsEstimateData = "int8 normal(0,30), rounded and clipped";

nlohmann::json timing_to_json(const Timing& t);

}  // namespace tpegen
