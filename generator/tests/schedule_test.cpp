// The schedule model (model/golden/schedule.hpp) on every registry architecture: the
// descriptor fits the generated ports, the schedule computes golden::gemm, places every C
// element exactly once and only drops padding, and keeps the spacing rules.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "config/design_config.hpp"
#include "golden/gemm.hpp"
#include "golden/schedule.hpp"
#include "golden/stimulus.hpp"

using namespace tpegen;
using golden::Matrix;
using golden::Schedule;
using golden::ScheduleDescriptor;

namespace {

struct Dims {
  int rows, cols, depth;
};

// Small and odd sizes of every architecture (the dimensions it does not use are ignored).
std::vector<DesignConfig> configs() {
  std::vector<DesignConfig> out;
  for (const ArchDescriptor& a : architectures())
    for (const Dims& d : {Dims{1, 1, 1}, Dims{3, 2, 3}, Dims{2, 3, 2}, Dims{4, 4, 1}})
      for (const PeVariant& pe : a.pes) {
        DesignConfig c;
        c.arch = a.name;
        c.pe = pe.name;
        if (a.rows.used) c.rows = d.rows;
        if (a.cols.used) c.cols = d.cols;
        if (a.depth.used) c.depth = d.depth;
        c.a_width = 5;
        c.b_width = 4;
        out.push_back(resolve(c));
      }
  return out;
}

std::string name_of(const DesignConfig& c) {
  return c.arch + " " + c.pe + " " + std::to_string(c.rows) + "x" + std::to_string(c.cols) + "x" + std::to_string(c.depth);
}

// Banked weights keep the manifest's rule (timing "weights"): a bank's rows 0..R-1 are written
// in order in consecutive cycles; row k no sooner than bank_rewrite + k cycles after the last
// step that selected the bank before, and the steps that select the new rows come from the
// cycle after row 0 on (PE row k reads k cycles after the step, when row k has landed).
void check_weight_loads(const ScheduleDescriptor& d, const Schedule& s) {
  // last_use: the latest step selecting the bank; prev_use: the latest before its current rows
  // (a step in the cycle of row 0 still reads the old row 0 in its other columns).
  int64_t last_use[2] = {-1, -1}, prev_use[2] = {-1, -1}, group_at[2] = {-1, -1};
  int next_row[2] = {0, 0};
  for (const golden::Step& st : s.steps) {
    if (st.valid) {
      CHECK(group_at[st.bank] >= 0);
      CHECK(st.cycle > group_at[st.bank]);
      last_use[st.bank] = st.cycle;
    }
    if (st.w_row < 0) continue;
    const int b = st.w_bank;
    CHECK(st.w_row == next_row[b]);
    if (st.w_row == 0) {
      CHECK(next_row[1 - b] == 0);  // the other bank's rows are complete
      group_at[b] = st.cycle;
      prev_use[b] = last_use[b];
    }
    CHECK(st.cycle == group_at[b] + st.w_row);
    if (prev_use[b] >= 0) CHECK(st.cycle - prev_use[b] >= d.bank_rewrite + st.w_row);
    next_row[b] = (st.w_row + 1) % d.weight_rows;
  }
}

// Issue cycles of a fixed-latency schedule obey the descriptor's spacing rules.
void check_spacing(const ScheduleDescriptor& d, const Schedule& s) {
  int64_t prev = -1, last_at = -1;
  std::map<std::pair<int, int>, int64_t> row_seen;  // MInner: (row, tile column) -> cycle of its last step
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const golden::Step& st = s.steps[i];
    REQUIRE(st.cycle > prev);
    prev = st.cycle;
    if (!st.valid) continue;
    if (last_at >= 0 && st.first) CHECK(st.cycle - last_at >= d.first_after_last);
    if (last_at >= 0 && st.last) {
      CHECK(st.cycle - last_at >= d.last_spacing);
      CHECK(st.cycle - last_at >= d.result_hold);
    }
    if (st.last) last_at = st.cycle;
  }
  if (d.order != golden::Order::MInner) return;
  // A K round's step of a row comes revisit_min after the step whose partial sum it reads.
  std::vector<int64_t> result_cycle;
  for (const golden::ResultEvent& r : s.results) result_cycle.push_back(s.steps[static_cast<size_t>(r.step)].cycle);
  for (const golden::Step& st : s.steps)
    if (st.valid && st.psum >= 0) CHECK(st.cycle - result_cycle[static_cast<size_t>(st.psum)] >= d.revisit_min);
  check_weight_loads(d, s);
}

// Every C element is the final result of exactly one lane; every other lane is padding.
void check_placement(const Schedule& s) {
  std::vector<int> placed(static_cast<size_t>(s.m) * static_cast<size_t>(s.n), 0);
  for (const golden::ResultEvent& r : s.results)
    for (const golden::Element& e : r.c) {
      REQUIRE(e.row >= 0);
      if (e.row >= s.m || e.col >= s.n) continue;  // padding: dropped
      if (r.final) ++placed[static_cast<size_t>(e.row) * static_cast<size_t>(s.n) + static_cast<size_t>(e.col)];
    }
  for (size_t i = 0; i < placed.size(); ++i) {
    INFO("C element " << i / static_cast<size_t>(s.n) << "," << i % static_cast<size_t>(s.n));
    CHECK(placed[i] == 1);
  }
}

}  // namespace

TEST_CASE("schedule: the descriptor's lanes are the generated top's ports") {
  for (const DesignConfig& c : configs()) {
    INFO(name_of(c));
    const ScheduleDescriptor d = design_schedule(c);
    const ir::Design design = find_arch(c.arch).build(c);
    std::map<std::string, int> width;
    for (const ir::Port& p : design.find_module(design.top)->ports()) width[p.name] = p.width;
    CHECK(width.at("a_i") == d.a.lanes() * c.a_width);
    CHECK(d.a.rows == d.tile_m);
    CHECK(d.a.cols == d.tile_k);
    if (d.weights == golden::Weights::Banked) {
      CHECK(width.at("w_i") == d.b.lanes() * c.b_width);
      CHECK(width.at("c_i") == d.tile_n * c.acc_width);
      CHECK(d.weight_rows == d.tile_k);
    } else {
      CHECK(width.at("b_i") == d.b.lanes() * c.b_width);
      CHECK(d.b.rows == d.tile_k);
      CHECK(d.b.cols == d.tile_n);
      CHECK((d.weights == golden::Weights::NextStep) == (width.count("w_load_i") == 1));
    }
    const int result_lanes = d.results == golden::Results::Columns ? d.tile_n : d.result_rows * d.tile_n;
    CHECK(width.at("c_o") == result_lanes * c.acc_width);
    CHECK(width.at("c_valid_o") == (d.results == golden::Results::Columns ? d.tile_n : 1));
    CHECK((d.protocol == golden::Protocol::ValidReady) == (width.count("a_ready_o") == 1));
    CHECK(d.strip_rows % d.tile_m == 0);
  }
}

TEST_CASE("schedule: every architecture computes golden::gemm, places C once and keeps its spacing") {
  std::mt19937_64 rng(25);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (const DesignConfig& c : configs()) {
    const ScheduleDescriptor d = design_schedule(c);
    golden::OperandSource src(7, golden::Distribution{});
    // Random shapes around the tile (so M, N and K hit every remainder), K = 1 included.
    for (int trial = 0; trial < 12; ++trial) {
      const int M = pick(1, 3 * d.tile_m + 2), N = pick(1, 3 * d.tile_n + 2);
      const int K = trial == 0 ? 1 : pick(1, 3 * d.tile_k + 2);
      INFO(name_of(c) << ", GEMM " << M << "x" << K << "x" << N);
      const Matrix a = src.matrix(M, K, c.a_width, c.is_signed), b = src.matrix(K, N, c.b_width, c.is_signed);
      const Schedule s = golden::schedule(d, M, K, N);
      REQUIRE(!s.steps.empty());
      CHECK(golden::run_functional(d, s, a, b, c.acc_width).c == golden::gemm(a, b, c.acc_width));
      check_placement(s);
      check_spacing(d, s);
    }
  }
}

TEST_CASE("schedule: run_functional notices a schedule that loses a first_i") {
  // The check above can fail: the same schedule with one tile's accumulator not cleared.
  DesignConfig c;
  c.arch = "cube";
  c.rows = c.cols = c.depth = 2;
  c = resolve(c);
  const ScheduleDescriptor d = design_schedule(c);
  golden::OperandSource src(3, golden::Distribution::parse("extremes"));
  const Matrix a = src.matrix(4, 4, c.a_width, true), b = src.matrix(4, 2, c.b_width, true);
  Schedule s = golden::schedule(d, 4, 4, 2);
  REQUIRE(golden::run_functional(d, s, a, b, c.acc_width).c == golden::gemm(a, b, c.acc_width));
  for (auto& st : s.steps)
    if (st.first && st.cycle > 0) {
      st.first = false;
      break;
    }
  CHECK(golden::run_functional(d, s, a, b, c.acc_width).c != golden::gemm(a, b, c.acc_width));
}

TEST_CASE("schedule: the overlapped weight loads") {
  SUBCASE("mac-tree: one load-only cycle, then each step loads the next step's B") {
    DesignConfig c;
    c.arch = "mac-tree";
    c.cols = 2;
    c.depth = 2;
    const ScheduleDescriptor d = design_schedule(resolve(c));
    const Schedule s = golden::schedule(d, 2, 3, 3);  // 2 rows x 2 tile columns x 2 k steps
    REQUIRE(s.steps.size() == 1 + 8);
    CHECK(!s.steps[0].valid);
    CHECK(s.steps[0].w_load);
    for (size_t i = 1; i < s.steps.size(); ++i) {
      CHECK(s.steps[i].valid);
      CHECK(s.steps[i].cycle == static_cast<int64_t>(i));  // back to back
      CHECK(s.steps[i].w_load == (i + 1 < s.steps.size()));
    }
  }
  SUBCASE("systolic-ws: each pass's rows load from the cycle before it, as the bank rewrite rule allows") {
    DesignConfig c;
    c.arch = "systolic-ws";
    c.rows = 3;
    c.cols = 2;
    const ScheduleDescriptor d = design_schedule(resolve(c));
    CHECK(d.bank_rewrite == 1);  // cols - 1
    const Schedule s = golden::schedule(d, 2, 6, 2);  // one strip of 2 rows, 2 K rounds
    // Pass 0's weight rows load in cycles 0..2 (bank 0) and its rows stream from cycle 1 (PE
    // row k reads k cycles later); pass 1's load into bank 1 in cycles 3..5 and its rows come
    // after the partial sums of pass 0 are out (revisit_min = latency): cycles 5 and 6.
    REQUIRE(s.steps.size() == 7);
    CHECK(s.steps[0].w_row == 0);
    CHECK(!s.steps[0].valid);
    CHECK(s.steps[1].valid);
    CHECK(s.steps[1].cycle == 1);
    CHECK(s.steps[1].w_row == 1);
    CHECK(s.steps[2].w_row == 2);
    CHECK(s.steps[3].cycle == 3);
    CHECK(s.steps[3].w_row == 0);
    CHECK(s.steps[3].w_bank == 1);
    CHECK(!s.steps[3].valid);
    CHECK(s.steps[5].w_row == 2);  // row 2 lands when the pass's first row reaches PE row 2
    CHECK(s.steps[5].valid);
    CHECK(s.steps[5].bank == 1);
    CHECK(s.steps[5].cycle == s.steps[1].cycle + d.revisit_min);
    CHECK(s.steps[5].psum == 0);
  }
  SUBCASE("systolic-ws 2x4: a bank's rows wait cols - 1 + k cycles after its last step") {
    DesignConfig c;
    c.arch = "systolic-ws";
    c.rows = 2;
    c.cols = 4;
    const ScheduleDescriptor d = design_schedule(resolve(c));
    CHECK(d.bank_rewrite == 3);
    const Schedule s = golden::schedule(d, 2, 2, 12);  // 3 passes of 2 rows
    // Pass 0 loads in 0..1 and streams in 1..2, pass 1 loads in 2..3 and streams in 3..4; pass
    // 2 reuses bank 0, last selected in cycle 2: row 0 from 2 + 3 = 5 on, so it streams from 6.
    std::vector<int64_t> loads0;
    for (const golden::Step& st : s.steps)
      if (st.w_row >= 0 && st.w_bank == 0) loads0.push_back(st.cycle);
    CHECK(loads0 == std::vector<int64_t>{0, 1, 5, 6});
    CHECK(s.steps.back().cycle == 7);
  }
}

TEST_CASE("schedule: the systolic-ws weight loads of the old rule (rewrite from the cycle after) lose results") {
  // What sim.sched_ws_* showed on the RTL, in the functional model: with cols >= 3 a rewrite one
  // cycle after a bank's last step reaches the columns still reading it.
  for (const Dims& dims : {Dims{3, 4, 1}, Dims{2, 4, 1}, Dims{4, 5, 1}}) {
    DesignConfig c;
    c.arch = "systolic-ws";
    c.rows = dims.rows;
    c.cols = dims.cols;
    c = resolve(c);
    ScheduleDescriptor d = design_schedule(c);
    REQUIRE(d.bank_rewrite == c.cols - 1);
    golden::OperandSource src(11, golden::Distribution{});
    // Two strips (the second of one row), three K rounds, one tile column: the short passes
    // wait for their partial sums while the loads run ahead to the rewrite limit.
    const int M = c.rows + 1, K = 2 * c.rows + 1, N = c.cols;
    const Matrix a = src.matrix(M, K, c.a_width, c.is_signed), b = src.matrix(K, N, c.b_width, c.is_signed);
    INFO(c.rows << "x" << c.cols);
    CHECK(golden::run_functional(d, golden::schedule(d, M, K, N), a, b, c.acc_width).c == golden::gemm(a, b, c.acc_width));
    d.bank_rewrite = 1;
    CHECK(golden::run_functional(d, golden::schedule(d, M, K, N), a, b, c.acc_width).c != golden::gemm(a, b, c.acc_width));
  }
}

TEST_CASE("schedule: plan_job refuses sizes outside 1..65535 and K beyond max_k") {
  DesignConfig c;
  c.arch = "systolic-os";
  c.rows = c.cols = 4;
  const ScheduleDescriptor d = design_schedule(resolve(c));
  CHECK(golden::plan_job(d, 1, 1, 1).error == 0);
  CHECK(golden::plan_job(d, 65535, 65535, 65535).error == 0);
  CHECK(golden::plan_job(d, 0, 1, 1).error == golden::kErrorSize);
  CHECK(golden::plan_job(d, 1, 1, 65536).error == golden::kErrorSize);
  CHECK(golden::plan_job(d, 1, 300, 1, 256).error == golden::kErrorSize);
  CHECK(golden::plan_job(d, 1, 256, 1, 256).error == 0);
  const golden::JobPlan p = golden::plan_job(d, 9, 5, 13);
  CHECK(p.tiles_m == 3);
  CHECK(p.tiles_n == 4);
  CHECK(p.k_steps == 5);
  CHECK(p.strips == 3);
  CHECK(golden::schedule(d, 0, 1, 1).steps.empty());
}
