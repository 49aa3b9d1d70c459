// The golden schedule's algorithms (declared and documented in schedule.hpp). Compiled into
// tpegen and, once per compiler and Verilator, into the cached objects every Verilated
// model links (sim/model_cache): so it must not include the design's tb_params.h.
#include "golden/schedule.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace tpegen::golden {

/// max_k: the largest K the accumulator sums exactly (0: no limit, --acc-wrap).
JobPlan plan_job(const ScheduleDescriptor& d, int m, int k, int n, long max_k) {
  JobPlan p;
  p.m = m;
  p.k = k;
  p.n = n;
  if (m < 1 || m > kMaxDim || n < 1 || n > kMaxDim || k < 1 || k > kMaxDim || (max_k > 0 && k > max_k)) {
    p.error |= kErrorSize;
    return p;
  }
  p.tiles_m = ceil_div(m, d.tile_m);
  p.tiles_n = ceil_div(n, d.tile_n);
  p.k_steps = ceil_div(k, d.tile_k);
  p.strips = ceil_div(m, d.strip_rows);
  return p;
}

void WeightBanks::write(int64_t cycle, int bank, int row, std::vector<uint64_t> values) {
  values.resize(static_cast<size_t>(cols_), 0);
  history_[slot(bank, row)].push_back({cycle, std::move(values)});
}

uint64_t WeightBanks::read(int64_t step_cycle, int bank, int k, int j) const {
  const auto& h = history_[slot(bank, k)];
  for (auto it = h.rbegin(); it != h.rend(); ++it)
    if (it->cycle < step_cycle + k + j) return it->values[static_cast<size_t>(j)];
  return kUnwritten;
}

namespace {

Element operand(int r, int c, int rows, int cols) {
  return r < rows && c < cols ? Element{r, c} : Element{};
}

/// Lanes of a block of a rows x cols operand at (r0, c0) in the slice's port order.
std::vector<Element> slice_lanes(const Slice& s, int r0, int c0, int rows, int cols) {
  std::vector<Element> v(static_cast<size_t>(s.lanes()));
  for (int r = 0; r < s.rows; ++r)
    for (int c = 0; c < s.cols; ++c) v[static_cast<size_t>(s.lane(r, c))] = operand(r0 + r, c0 + c, rows, cols);
  return v;
}

/// The issue-cycle bookkeeping of the spacing rules.
struct Clock {
  int64_t now = -1;        // cycle of the latest entry
  int64_t last_at = -1;    // cycle of the latest step carrying last_i (-1: none yet)
  int64_t earliest(const ScheduleDescriptor& d, bool first, bool last) const {
    int64_t c = now + 1;
    if (last_at >= 0 && first) c = std::max<int64_t>(c, last_at + d.first_after_last);
    if (last_at >= 0 && last) c = std::max<int64_t>(c, last_at + std::max(d.last_spacing, d.result_hold));
    return c;
  }
};

void add_block_result(Schedule& s, const ScheduleDescriptor& d, int step, int m0, int n0, bool final) {
  ResultEvent e;
  e.step = step;
  e.offset = d.latency_first;
  e.final = final;
  for (int i = 0; i < d.result_rows; ++i)
    for (int j = 0; j < d.tile_n; ++j) e.c.push_back({m0 + i, n0 + j});
  s.results.push_back(std::move(e));
}

void add_column_results(Schedule& s, const ScheduleDescriptor& d, int step, int m0, int n0) {
  for (int j = 0; j < d.tile_n; ++j)
    for (int i = 0; i < d.tile_m; ++i) {
      ResultEvent e;
      e.step = step;
      e.offset = d.latency_first + i * d.column_row_skew + j * d.column_col_skew;
      e.column = j;
      e.tile_row = i;
      e.c.push_back({m0 + i, n0 + j});
      s.results.push_back(std::move(e));
    }
}

// KInner: per strip, output tiles across N, the strip's row tiles, then the k steps.
void schedule_k_inner(Schedule& s, const ScheduleDescriptor& d, const JobPlan& p) {
  const int M = p.m, K = p.k, N = p.n;
  Clock clk;
  for (int ms0 = 0; ms0 < M; ms0 += d.strip_rows) {
    const int ms = std::min(d.strip_rows, M - ms0);
    for (int t = 0; t < p.tiles_n; ++t)
      for (int u = 0; u < ceil_div(ms, d.tile_m); ++u)
        for (int ks = 0; ks < p.k_steps; ++ks) {
          const int m0 = ms0 + u * d.tile_m, n0 = t * d.tile_n, k0 = ks * d.tile_k;
          Step st;
          st.first = ks == 0;
          st.last = ks == p.k_steps - 1;
          st.cycle = clk.earliest(d, st.first, st.last);
          st.a = slice_lanes(d.a, m0, k0, M, K);
          st.b = slice_lanes(d.b, k0, n0, K, N);
          const int index = static_cast<int>(s.steps.size());
          if (st.last) {
            clk.last_at = st.cycle;
            if (d.results == Results::Columns) add_column_results(s, d, index, m0, n0);
            else add_block_result(s, d, index, m0, n0, true);
          }
          clk.now = st.cycle;
          s.steps.push_back(std::move(st));
        }
  }
}

// NextStep: every step's B moves to the step before it (w_load_i), the first one to a lone
// load cycle that opens the job; a step's own b lanes then carry the next step's B.
void shift_weights_a_step_ahead(Schedule& s) {
  if (s.steps.empty()) return;
  Step opener;
  opener.valid = false;
  opener.w_load = true;
  opener.b = s.steps.front().b;
  opener.cycle = s.steps.front().cycle;  // the steps move one cycle later
  for (size_t i = 0; i < s.steps.size(); ++i) {
    Step& st = s.steps[i];
    st.cycle += 1;
    if (i + 1 < s.steps.size()) {
      st.b = s.steps[i + 1].b;
      st.w_load = true;
    } else {
      st.b.assign(st.b.size(), Element{});
    }
  }
  s.steps.insert(s.steps.begin(), std::move(opener));
  for (auto& r : s.results) ++r.step;
}

// MInner (systolic-ws): per strip, K rounds; in a round the passes over N tiles, each pass
// one row per cycle with the weights of (round, tile) in bank pass % 2. Pass p's weight rows
// 0..R-1 load one per cycle from cycle load_p on: after pass p-1's (one write port) and once
// pass p-2, the bank's previous user, has let go of it (row k from its last step +
// bank_rewrite + k). The pass starts from load_p + 1 (row k lands in cycle load_p + k + 1, when
// the first row reaches PE row k), after the previous pass, and no sooner than revisit_min after
// the previous round's step of the same row (its partial sum). So the loads overlap the passes
// before, the pass itself and the gaps, as early as the rule lets them.
void schedule_m_inner(Schedule& s, const ScheduleDescriptor& d, const JobPlan& p) {
  const int M = p.m, K = p.k, N = p.n, R = d.weight_rows;
  struct Pass {
    int ms0, ms, ks, t;
    int64_t load, start;
  };
  std::vector<Pass> passes;
  for (int ms0 = 0; ms0 < M; ms0 += d.strip_rows)
    for (int ks = 0; ks < p.k_steps; ++ks)
      for (int t = 0; t < p.tiles_n; ++t) passes.push_back({ms0, std::min(d.strip_rows, M - ms0), ks, t, 0, 0});
  // The cycles: row r of (tile t) was last issued at issued_at[t * strip_rows + r].
  std::vector<int64_t> issued_at(static_cast<size_t>(d.strip_rows * p.tiles_n), -1);
  for (size_t pi = 0; pi < passes.size(); ++pi) {
    Pass& q = passes[pi];
    q.load = pi == 0 ? 0 : passes[pi - 1].load + R;
    if (pi >= 2) q.load = std::max<int64_t>(q.load, passes[pi - 2].start + passes[pi - 2].ms - 1 + d.bank_rewrite);
    q.start = q.load + 1;
    if (pi >= 1) q.start = std::max<int64_t>(q.start, passes[pi - 1].start + passes[pi - 1].ms);
    for (int r = 0; r < q.ms; ++r) {
      const int64_t prev = issued_at[static_cast<size_t>(q.t * d.strip_rows + r)];
      if (q.ks > 0 && prev >= 0) q.start = std::max<int64_t>(q.start, prev + d.revisit_min - r);
    }
    for (int r = 0; r < q.ms; ++r) issued_at[static_cast<size_t>(q.t * d.strip_rows + r)] = q.start + r;
  }
  // The steps in cycle order: each cycle has at most one row and one weight row.
  std::vector<int> psum_of(static_cast<size_t>(d.strip_rows * p.tiles_n), -1);  // result index of (t, r)'s latest step
  size_t row_pass = 0, load_pass = 0;
  int row = 0, wrow = 0;
  while (row_pass < passes.size() || load_pass < passes.size()) {
    const int64_t row_at = row_pass < passes.size() ? passes[row_pass].start + row : INT64_MAX;
    const int64_t load_at = load_pass < passes.size() ? passes[load_pass].load + wrow : INT64_MAX;
    Step st;
    st.cycle = std::min(row_at, load_at);
    st.valid = row_at == st.cycle;
    if (st.valid) {
      const Pass& q = passes[row_pass];
      if (q.ks == 0 && q.t == 0 && row == 0) std::fill(psum_of.begin(), psum_of.end(), -1);  // a new strip
      const size_t slot = static_cast<size_t>(q.t * d.strip_rows + row);
      st.first = st.last = true;  // every row is a whole result (its K round)
      st.bank = static_cast<int>(row_pass % 2);
      st.a = slice_lanes(d.a, q.ms0 + row, q.ks * d.tile_k, M, K);
      st.psum = psum_of[slot];
      psum_of[slot] = static_cast<int>(s.results.size());
      add_block_result(s, d, static_cast<int>(s.steps.size()), q.ms0 + row, q.t * d.tile_n, q.ks == p.k_steps - 1);
      if (++row == q.ms) {
        row = 0;
        ++row_pass;
      }
    }
    if (load_at == st.cycle) {
      const Pass& q = passes[load_pass];
      st.w_row = wrow;
      st.w_bank = static_cast<int>(load_pass % 2);
      st.b = slice_lanes(d.b, q.ks * d.tile_k + wrow, q.t * d.tile_n, K, N);
      if (++wrow == R) {
        wrow = 0;
        ++load_pass;
      }
    }
    s.steps.push_back(std::move(st));
  }
}

}  // namespace

Schedule schedule(const ScheduleDescriptor& d, int m, int k, int n) {
  Schedule s;
  s.m = m;
  s.k = k;
  s.n = n;
  const JobPlan p = plan_job(d, m, k, n);
  if (p.error) return s;
  if (d.order == Order::MInner) {
    schedule_m_inner(s, d, p);
    return s;
  }
  schedule_k_inner(s, d, p);
  if (d.weights == Weights::NextStep) shift_weights_a_step_ahead(s);
  return s;
}

FunctionalRun run_functional(const ScheduleDescriptor& d, const Schedule& s, const Matrix& a, const Matrix& b,
                             int acc_width) {
  const int TM = d.tile_m, TN = d.tile_n, TK = d.tile_k;
  auto val = [](const Matrix& x, const Element& e) { return e.zero() ? uint64_t{0} : static_cast<uint64_t>(x.at(e.row, e.col)); };
  FunctionalRun out;
  out.c.assign(static_cast<size_t>(s.m) * static_cast<size_t>(s.n), 0);
  out.events.resize(s.results.size());
  std::vector<uint64_t> acc(static_cast<size_t>(TM * TN), 0);
  std::vector<uint64_t> wreg(static_cast<size_t>(d.b.lanes()), 0);
  WeightBanks banks(TK, TN);
  if (d.weights == Weights::Banked)
    for (const Step& st : s.steps)
      if (st.w_row >= 0) {
        std::vector<uint64_t> row;
        for (int j = 0; j < TN; ++j) row.push_back(val(b, st.b[static_cast<size_t>(j)]));
        banks.write(st.cycle, st.w_bank, st.w_row, std::move(row));
      }
  size_t next_result = 0;
  for (size_t si = 0; si < s.steps.size(); ++si) {
    const Step& st = s.steps[si];
    if (st.valid) {
      std::vector<uint64_t> cin(static_cast<size_t>(TN), 0);
      if (st.psum >= 0)
        for (int j = 0; j < TN; ++j) cin[static_cast<size_t>(j)] = out.events[static_cast<size_t>(st.psum)][static_cast<size_t>(j)];
      for (int i = 0; i < TM; ++i)
        for (int j = 0; j < TN; ++j) {
          uint64_t dot = 0;
          for (int k = 0; k < TK; ++k) {
            const uint64_t x = val(a, st.a[static_cast<size_t>(d.a.lane(i, k))]);
            uint64_t y = 0;
            if (d.weights == Weights::WithStep) y = val(b, st.b[static_cast<size_t>(d.b.lane(k, j))]);
            else if (d.weights == Weights::NextStep) y = wreg[static_cast<size_t>(d.b.lane(k, j))];
            else y = banks.read(st.cycle, st.bank, k, j);
            dot += x * y;
          }
          uint64_t& r = acc[static_cast<size_t>(i * TN + j)];
          if (d.order == Order::MInner) r = cin[static_cast<size_t>(j)] + dot;
          else r = st.first ? dot : r + dot;
        }
      for (; next_result < s.results.size() && s.results[next_result].step == static_cast<int>(si); ++next_result) {
        const ResultEvent& e = s.results[next_result];
        auto& v = out.events[next_result];
        if (e.column >= 0) {
          v.push_back(acc[static_cast<size_t>(e.tile_row * TN + e.column)] & low_mask(acc_width));
        } else {
          for (size_t l = 0; l < e.c.size(); ++l) v.push_back(acc[l] & low_mask(acc_width));
        }
        if (!e.final) continue;
        for (size_t l = 0; l < e.c.size(); ++l)
          if (e.c[l].row < s.m && e.c[l].col < s.n)
            out.c[static_cast<size_t>(e.c[l].row) * static_cast<size_t>(s.n) + static_cast<size_t>(e.c[l].col)] = v[l];
      }
    }
    // Loads take effect after the cycle they happen in (banks: recorded above).
    if (st.w_load)
      for (size_t l = 0; l < st.b.size(); ++l) wreg[l] = val(b, st.b[l]);
  }
  return out;
}

}  // namespace tpegen::golden
