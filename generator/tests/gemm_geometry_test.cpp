// The whole-matrix buffers of --wrap axi-gemm (wrap/gemm_geometry): every element a beat
// writes is found by the slice read that wants it, no two elements share a place, addresses
// fit the memories, and the limits are what the buffers hold.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <tuple>

#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "config/design_config.hpp"
#include "wrap/gemm_geometry.hpp"
#include "wrap/gemm_parts.hpp"

using namespace tpegen;

namespace {

DesignConfig grid(const char* arch, int rows, int cols, int depth, int axis) {
  DesignConfig c;
  c.arch = arch;
  if (std::string(arch) != "mac-tree") c.rows = rows;
  c.cols = cols;
  c.depth = depth;
  c.axis_width = axis;
  c.wrap = "axi-gemm";
  return resolve(c);
}

DesignConfig os(int rows, int cols, int axis, int a_width = 8, int acc = 32) {
  DesignConfig c;
  c.arch = "systolic-os";
  c.rows = rows;
  c.cols = cols;
  c.a_width = c.b_width = a_width;
  c.acc_width = acc;
  c.axis_width = axis;
  c.wrap = "axi-gemm";
  return resolve(c);
}

// Every element of a rows x cols operand: its write place equals its read place, places are
// unique and within the memories.
void check_operand(const wrap::OperandGeometry& g, int rows, int cols) {
  std::set<std::tuple<int, int, int, int>> seen;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      const wrap::BufferLoc w = g.write(r, c);
      const wrap::BufferLoc rd = g.read(r - r % g.banks, c - c % g.slice_cols, r % g.banks, c % g.slice_cols);
      CHECK(w.bank == rd.bank);
      CHECK(w.sub == rd.sub);
      CHECK(w.addr == rd.addr);
      CHECK(w.lane == rd.lane);
      CHECK(w.addr < (1 << g.addr_bits()));
      CHECK(w.sub < g.sub_rams);
      CHECK(w.lane < g.lanes_per_beat);
      CHECK(seen.insert({w.bank, w.sub, w.addr, w.lane}).second);
    }
}

}  // namespace

TEST_CASE("axi-gemm geometry: systolic-os buffers hold whole matrices up to the limits") {
  for (auto [rows, cols, axis] : {std::tuple{3, 2, 32}, {2, 3, 64}, {4, 4, 32}, {3, 5, 128}, {1, 1, 256}}) {
    CAPTURE(rows);
    CAPTURE(cols);
    CAPTURE(axis);
    const DesignConfig c = os(rows, cols, axis);
    const wrap::GemmGeometry g = wrap::gemm_geometry(c, design_schedule(c));
    CHECK(g.a.banks == rows);
    CHECK(g.b.banks == 1);
    CHECK(g.a.lanes_per_beat == axis / 8);
    CHECK(g.b.lanes_per_word % cols == 0);
    CHECK(g.b.lanes_per_word % g.b.lanes_per_beat == 0);
    CHECK(g.m_limit >= wrap::kGemmWantedLimit);
    CHECK(g.k_limit >= wrap::kGemmWantedLimit);
    CHECK(g.n_limit >= wrap::kGemmWantedLimit);
    check_operand(g.a, static_cast<int>(g.m_limit), static_cast<int>(g.k_limit));
    check_operand(g.b, static_cast<int>(g.k_limit), static_cast<int>(g.n_limit));
    // C: every (row, tile) has its own word in each column memory.
    const long long tiles = (g.n_limit + cols - 1) / cols;
    const long long c_words = ((g.m_limit + rows - 1) / rows) << (g.c_row_bits + g.c_tile_bits);
    CHECK(c_words <= (1LL << g.c_addr_bits()));
    CHECK(tiles <= (1LL << g.c_tile_bits));
    CHECK(rows <= (1 << g.c_row_bits));
  }
}

TEST_CASE("axi-gemm geometry: the dot grids' buffers bank A by tile rows and B by k rows") {
  // cube at 32 bits (A: 2 of 4 lanes per step), matrix2d 3x2x3 (words of lcm(3, 4) = 12 lanes in
  // 3 sub-RAMs), mac-tree c3d2 at 64 bits (B words of 24 lanes), a depth-8 cube at 32 bits.
  const std::tuple<const char*, int, int, int, int> points[] = {
      {"cube", 2, 2, 2, 32}, {"matrix2d", 3, 2, 3, 32}, {"mac-tree", 1, 3, 2, 64}, {"cube", 4, 3, 8, 32}};
  for (auto [arch, rows, cols, depth, axis] : points) {
    CAPTURE(arch);
    CAPTURE(depth);
    const DesignConfig c = grid(arch, rows, cols, depth, axis);
    const golden::ScheduleDescriptor d = design_schedule(c);
    const wrap::GemmGeometry g = wrap::gemm_geometry(c, d);
    CHECK(g.a.banks == rows);
    CHECK(g.a.slice_cols == depth);
    CHECK(g.b.banks == depth);
    CHECK(g.b.slice_cols == cols);
    CHECK(g.a.lanes_per_word % depth == 0);
    CHECK_FALSE(g.c_columns);
    CHECK(g.k_limit >= wrap::kGemmWantedLimit);
    check_operand(g.a, static_cast<int>(g.m_limit), static_cast<int>(g.k_limit));
    check_operand(g.b, static_cast<int>(g.k_limit), static_cast<int>(g.n_limit));
  }
  CHECK(wrap::gemm_geometry(grid("matrix2d", 3, 2, 3, 32), design_schedule(grid("matrix2d", 3, 2, 3, 32))).a.sub_rams == 3);
}

TEST_CASE("axi-gemm: the registry's architectures are those whose schedule the sequencer runs") {
  // Fixed latency: KInner with B with its step or a step ahead, or MInner with banked weights
  // (systolic-ws); the list names them in registry order.
  std::string names;
  for (const ArchDescriptor& a : architectures()) {
    DesignConfig c;
    c.arch = a.name;
    c = resolve(c);
    const golden::ScheduleDescriptor d = design_schedule(c);
    const bool runs = d.protocol == golden::Protocol::FixedLatency &&
                      (d.order == golden::Order::MInner) == (d.weights == golden::Weights::Banked);
    CAPTURE(a.name);
    CHECK(a.axi_gemm == runs);
    if (a.axi_gemm) names += (names.empty() ? "" : ", ") + a.name;
  }
  CHECK(axi_gemm_architectures() == names);
  CHECK(names == "systolic-os, systolic-ws, cube, mac-tree, matrix2d");
}

TEST_CASE("axi-gemm systolic-ws: row buffers, and the pass period meets the write port and the bank rule") {
  for (auto [rows, cols] : {std::pair{3, 2}, {2, 5}, {1, 3}, {1, 1}, {4, 4}, {16, 16}, {2, 8}}) {
    CAPTURE(rows);
    CAPTURE(cols);
    const DesignConfig c = grid("systolic-ws", rows, cols, 1, 32);
    const golden::ScheduleDescriptor d = design_schedule(c);
    const wrap::GemmGeometry g = wrap::gemm_geometry(c, d);
    CHECK(g.a.banks == 1);  // a row of A per step: R values of k
    CHECK(g.a.slice_cols == rows);
    CHECK(g.b.banks == 1);  // a weight row per cycle: C values of n
    CHECK(g.b.slice_cols == cols);
    CHECK_FALSE(g.c_columns);
    CHECK(g.c_group_bits == g.a.group_bits);  // C word {row m, column tile}
    check_operand(g.a, static_cast<int>(g.m_limit), static_cast<int>(g.k_limit));
    check_operand(g.b, static_cast<int>(g.k_limit), static_cast<int>(g.n_limit));
    // R weight rows through one port per pass; a bank's rows rewritten two passes later no
    // sooner than bank_rewrite (cols - 1) after the last row of a full pass read them.
    const int p = wrap::ws_pass_period(d);
    auto fits = [&](int period) { return period >= rows && 2 * period >= rows + cols - 1; };
    CHECK(fits(p));
    CHECK_FALSE(fits(p - 1));
    CHECK(wrap::ws_revisit_cycles(d) == d.latency_last + 2);
  }
}

TEST_CASE("axi-gemm geometry: containers, beats and the bus") {
  CHECK(wrap::operand_bytes(8) == 1);
  CHECK(wrap::operand_bytes(9) == 2);
  CHECK(wrap::result_bytes(14) == 2);
  CHECK(wrap::result_bytes(32) == 4);
  CHECK(wrap::result_bytes(33) == 8);
  // The 9 x 1 x 9 job with acc32: C is 81 beats at 32 bits, 27 at 128 (3 per row).
  CHECK(9 * wrap::row_beats(9, 4, 4) == 81);
  CHECK(9 * wrap::row_beats(9, 4, 16) == 27);
  CHECK(wrap::row_beats(1, 1, 16) == 1);
  // A 16-bit bus cannot carry 32-bit results whole.
  CHECK_THROWS_AS(wrap::gemm_geometry(os(2, 2, 16), design_schedule(os(2, 2, 16))), ConfigError);
  // MAX_K bounds K_LIMIT unless the accumulator wraps .
  DesignConfig narrow = os(2, 2, 32);
  narrow.acc_width = 18;
  narrow.acc_wrap = true;
  narrow = resolve(narrow);
  CHECK(wrap::gemm_geometry(narrow, design_schedule(narrow)).k_limit >= wrap::kGemmWantedLimit);
  narrow.acc_wrap = false;
  const wrap::GemmGeometry g = wrap::gemm_geometry(narrow, design_schedule(narrow));
  CHECK(g.max_k == exact_k_bound(8, 8, true, 18, 0xFFFFFFFFLL));
  CHECK(g.max_k < wrap::kGemmWantedLimit);
  CHECK(g.k_limit == g.max_k);
}
