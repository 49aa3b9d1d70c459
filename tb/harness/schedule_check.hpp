// `--check-schedule`: the hand driver's GEMM against the golden schedule (model/golden/
// schedule.hpp) of the same M x K x N. Each clock edge's inputs are reduced to what the
// engine multiplies in a step (a_i, and b_i or a shadow of the weight register or banks, the
// banks read when the skewed array reads them: golden::WeightBanks),
// steps are grouped into output tiles (first_i .. last_i; systolic-ws: every row), and the
// multisets of tiles must be equal. Bubbles, idle cycles and the loop order do not count, so
// the check says "the schedule feeds the same products as the driver the regression trusts".
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "golden/schedule.hpp"
#include "harness/sim.hpp"

#if !TPE_AXI  // the bare engine's ports
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
            const std::vector<uint64_t>& b, int bank, bool w_load, int w_row, int w_bank) {
    ++edges_;
    const bool banked = d_.weights == tpegen::golden::Weights::Banked;
    if (valid) {
      std::vector<uint64_t> step;
      for (int i = 0; i < d_.tile_m; ++i)
        for (int k = 0; k < d_.tile_k; ++k) step.push_back(a[static_cast<size_t>(d_.a.lane(i, k))]);
      // Banked weights are read when the skewed array reads them, after later writes: filled in at the end.
      if (banked) banked_reads_.push_back({tiles_.size(), open_.size(), step.size(), cycle, bank});
      for (int k = 0; k < d_.tile_k; ++k)
        for (int j = 0; j < d_.tile_n; ++j) step.push_back(banked ? 0 : weight(b, k, j));
      if (d_.order == tpegen::golden::Order::MInner) first = last = true;  // every row is a result
      if (first) open_.clear();
      open_.push_back(std::move(step));
      if (last) {
        tiles_.push_back(std::move(open_));
        open_.clear();
      }
    }
    // Loads take effect after the edge.
    if (w_load) shadow_ = b;
    if (w_row >= 0) banks_.write(cycle, w_bank, w_row, std::vector<uint64_t>(b.begin(), b.begin() + d_.tile_n));
  }

  std::vector<Tile> sorted_tiles() const {
    std::vector<Tile> t = tiles_;
    for (const BankedRead& r : banked_reads_) {
      if (r.tile >= t.size()) continue;  // a tile never closed
      auto& step = t[r.tile][r.step];
      for (int k = 0; k < d_.tile_k; ++k)
        for (int j = 0; j < d_.tile_n; ++j)
          step[r.offset + static_cast<size_t>(k * d_.tile_n + j)] = banks_.read(r.cycle, r.bank, k, j);
    }
    std::sort(t.begin(), t.end());
    return t;
  }

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

/// Before each edge (Sim::before_edge): the hand driver's inputs as the engine takes them.
inline void trace_ports(OperandTrace& t, Vdut& d, const tpegen::golden::ScheduleDescriptor& desc) {
  constexpr int WA = tpe::kAWidth, WB = tpe::kBWidth;
  std::vector<uint64_t> a, b;
  for (int l = 0; l < desc.a.lanes(); ++l) a.push_back(get(d.a_i, l * WA, WA));
#if defined(TPE_ARCH_SYSTOLIC_WS)
  for (int l = 0; l < desc.b.lanes(); ++l) b.push_back(get(d.w_i, l * WB, WB));
  t.edge(t.edges(), d.valid_i, true, true, a, b, d.bank_i, false, d.w_we_i ? static_cast<int>(d.w_row_i) : -1, d.w_bank_i);
#else
  for (int l = 0; l < desc.b.lanes(); ++l) b.push_back(get(d.b_i, l * WB, WB));
#if defined(TPE_ARCH_OPT4C) || defined(TPE_ARCH_BITSLICE_LACONIC)
  d.eval();  // a_ready_o of this cycle
  t.edge(t.edges(), d.a_valid_i && d.a_ready_o, d.first_i, d.last_i, a, b, 0, false, -1, 0);
#elif TPE_HELD_WEIGHTS
  t.edge(t.edges(), d.valid_i, d.first_i, d.last_i, a, b, 0, d.w_load_i, -1, 0);
#else
  t.edge(t.edges(), d.valid_i, d.first_i, d.last_i, a, b, 0, false, -1, 0);
#endif
#endif
}

/// The same reduction of the golden schedule's steps (operands masked to their port widths).
inline OperandTrace trace_schedule(const tpegen::golden::ScheduleDescriptor& desc, const tpegen::golden::Matrix& am,
                                   const tpegen::golden::Matrix& bm) {
  using tpegen::golden::low_mask;
  OperandTrace t(desc);
  const auto lanes = [](const std::vector<tpegen::golden::Element>& v, const tpegen::golden::Matrix& x, int w, size_t n) {
    std::vector<uint64_t> out(n, 0);
    for (size_t l = 0; l < v.size(); ++l)
      out[l] = v[l].zero() ? 0 : static_cast<uint64_t>(x.at(v[l].row, v[l].col)) & low_mask(w);
    return out;
  };
  for (const tpegen::golden::Step& st : tpegen::golden::schedule(desc, am.rows, am.cols, bm.cols).steps)
    t.edge(st.cycle, st.valid, st.first, st.last, lanes(st.a, am, tpe::kAWidth, static_cast<size_t>(desc.a.lanes())),
           lanes(st.b, bm, tpe::kBWidth, static_cast<size_t>(desc.b.lanes())), st.bank, st.w_load, st.w_row, st.w_bank);
  return t;
}

/// "" when the driver fed the schedule's tiles, else what differs.
inline std::string compare_with_schedule(const OperandTrace& driver, const OperandTrace& model) {
  const auto x = driver.sorted_tiles(), y = model.sorted_tiles();
  if (x == y) return "";
  size_t same = 0;
  while (same < x.size() && same < y.size() && x[same] == y[same]) ++same;
  return "schedule check: the driver fed " + std::to_string(x.size()) + " output tiles, the schedule " +
         std::to_string(y.size()) + "; they differ from sorted tile " + std::to_string(same) + " on";
}

}  // namespace tb
#endif  // !TPE_AXI
