// The operand trace of `--check-schedule` (declared in operand_trace.hpp). Compiled once and
// cached for every Verilated model (sim/model_cache): it must not include tb_params.h.
#include "harness/operand_trace.hpp"

#include <algorithm>
#include <utility>

namespace tb {

void OperandTrace::edge(int64_t cycle, bool valid, bool first, bool last, const std::vector<uint64_t>& a,
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

std::vector<OperandTrace::Tile> OperandTrace::sorted_tiles() const {
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

OperandTrace trace_schedule(const tpegen::golden::ScheduleDescriptor& desc, const tpegen::golden::Matrix& am,
                            const tpegen::golden::Matrix& bm, int a_width, int b_width) {
  using tpegen::golden::low_mask;
  OperandTrace t(desc);
  const auto lanes = [](const std::vector<tpegen::golden::Element>& v, const tpegen::golden::Matrix& x, int w, size_t n) {
    std::vector<uint64_t> out(n, 0);
    for (size_t l = 0; l < v.size(); ++l)
      out[l] = v[l].zero() ? 0 : static_cast<uint64_t>(x.at(v[l].row, v[l].col)) & low_mask(w);
    return out;
  };
  for (const tpegen::golden::Step& st : tpegen::golden::schedule(desc, am.rows, am.cols, bm.cols).steps)
    t.edge(st.cycle, st.valid, st.first, st.last, lanes(st.a, am, a_width, static_cast<size_t>(desc.a.lanes())),
           lanes(st.b, bm, b_width, static_cast<size_t>(desc.b.lanes())), st.bank, st.w_load, st.w_row, st.w_bank);
  return t;
}

std::string compare_with_schedule(const OperandTrace& driver, const OperandTrace& model) {
  const auto x = driver.sorted_tiles(), y = model.sorted_tiles();
  if (x == y) return "";
  size_t same = 0;
  while (same < x.size() && same < y.size() && x[same] == y[same]) ++same;
  return "schedule check: the driver fed " + std::to_string(x.size()) + " output tiles, the schedule " +
         std::to_string(y.size()) + "; they differ from sorted tile " + std::to_string(same) + " on";
}

}  // namespace tb
