// `--check-schedule`: the hand driver's GEMM against the golden schedule (model/golden/
// schedule.hpp) of the same M x K x N. Each clock edge's inputs are reduced to what the
// engine multiplies in a step (a_i, and b_i or a shadow of the weight register or banks, the
// banks read when the skewed array reads them: golden::WeightBanks),
// steps are grouped into output tiles (first_i .. last_i; systolic-ws: every row), and the
// multisets of tiles must be equal. Bubbles, idle cycles and the loop order do not count, so
// the check says "the schedule feeds the same products as the driver the regression trusts".
// Design-independent (operand_trace.cpp is compiled once and cached, sim/model_cache);
// harness/schedule_check.hpp reads the design's ports into it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "golden/schedule.hpp"

namespace tb {

class OperandTrace {
 public:
  using Tile = std::vector<std::vector<uint64_t>>;  // per step: a lanes (i, k) then b lanes (k, j)

  explicit OperandTrace(const tpegen::golden::ScheduleDescriptor& d)
      : d_(d), shadow_(static_cast<size_t>(d.b.lanes()), 0), banks_(d.tile_k, d.tile_n) {}

  /// Edges seen so far (the cycle of the next edge, for a trace of consecutive edges).
  int64_t edges() const { return edges_; }

  /// One clock edge's inputs: its cycle, valid, first, last, the A lanes (port order), the B
  /// lanes on the port, the bank a step selects, and the port's weight load (w_load, or w_row >= 0).
  void edge(int64_t cycle, bool valid, bool first, bool last, const std::vector<uint64_t>& a,
            const std::vector<uint64_t>& b, int bank, bool w_load, int w_row, int w_bank);

  /// The closed output tiles, sorted (banked weights filled in as the array reads them).
  std::vector<Tile> sorted_tiles() const;

 private:
  struct BankedRead {
    size_t tile, step, offset;  // where its weights go
    int64_t cycle;
    int bank;
  };

  uint64_t weight(const std::vector<uint64_t>& b, int k, int j) const {
    return d_.weights == tpegen::golden::Weights::WithStep ? b[static_cast<size_t>(d_.b.lane(k, j))]
                                                           : shadow_[static_cast<size_t>(d_.b.lane(k, j))];
  }

  tpegen::golden::ScheduleDescriptor d_;
  std::vector<uint64_t> shadow_;
  tpegen::golden::WeightBanks banks_;
  std::vector<BankedRead> banked_reads_;
  int64_t edges_ = 0;
  Tile open_;
  std::vector<Tile> tiles_;
};

/// The same reduction of the golden schedule's steps (operands masked to their port widths).
OperandTrace trace_schedule(const tpegen::golden::ScheduleDescriptor& desc, const tpegen::golden::Matrix& am,
                            const tpegen::golden::Matrix& bm, int a_width, int b_width);

/// "" when the driver fed the schedule's tiles, else what differs.
std::string compare_with_schedule(const OperandTrace& driver, const OperandTrace& model);

}  // namespace tb
