// Drives the bare engine from the golden schedule (model/golden/schedule.hpp) of the design's
// descriptor (tb_params.h schedule_descriptor(), the manifest's "schedule"), for every
// architecture: `tpegen sim --driver schedule`. It proves on the RTL the schedule the AXI
// subsystem is to own, overlapped weight loads included, with the hand drivers' checks:
//   fixed latency: each step in exactly the cycle the schedule gives, bubbles with garbage on
//     every data and control input; every result in the cycle offset after its last step
//     (systolic-os: row i of column j at latency + 2i + j);
//   valid/ready: each step no sooner than its schedule gap after the previous handshake,
//     a_ready_o exactly `cost` cycles after a handshake (harness/step_cost.hpp) and each result
//     latency - 1 + cost(last step) cycles after it;
//   results in schedule order, padding lanes zero, nothing missing or unexpected; a block of
//     several rows unchanged on c_o for result_rows cycles (what a row-serial collector needs).
#pragma once

#include <algorithm>
#include <deque>
#include <type_traits>
#include <vector>

#include "golden/schedule.hpp"
#include "harness/sim.hpp"
#if TPE_VALID_READY
#define TPE_SCHEDULE_VALID_READY 1
#include "harness/step_cost.hpp"
#else
#define TPE_SCHEDULE_VALID_READY 0
#endif

namespace tb {

class ScheduleRun {
 public:
  ScheduleRun(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b)
      : s_(s), d_(*s.dut), a_(a), b_(b), desc_(tpe::schedule_descriptor()),
        sched_(tpegen::golden::schedule(desc_, a.rows, a.cols, b.cols)), sink_(a.rows, b.cols),
        values_(sched_.results.size()), pending_(columns()) {}

  RunResult run() {
    if (sched_.steps.empty()) {
      sink_.error("the schedule refuses this GEMM");
      return sink_.take();
    }
    const uint64_t base = s_.cycles;
    uint64_t taken_prev = 0;
    for (size_t i = 0; i < sched_.steps.size(); ++i) {
      const tpegen::golden::Step& st = sched_.steps[i];
#if TPE_SCHEDULE_VALID_READY
      // At least the schedule's gap after the previous handshake, then until a_ready_o.
      const uint64_t earliest = i == 0 ? s_.cycles : taken_prev + static_cast<uint64_t>(st.cycle - sched_.steps[i - 1].cycle);
      while (s_.cycles < earliest) idle();
      present(st);
      for (int wait = 0; !ready(); ++wait) {
        if (wait > kStepLimit) {
          sink_.error("a_ready_o stuck at 0 in cycle " + std::to_string(s_.cycles));
          return sink_.take();
        }
        tick();
      }
      taken_prev = s_.cycles;
      const int cycles = step_cycles(st);
      ready_at_ = s_.cycles + static_cast<uint64_t>(cycles);
      expect(i, s_.cycles + static_cast<uint64_t>(desc_.latency_first - desc_.step_cycles_min + cycles));
      tick();
      d_.a_valid_i = 0;
      scramble();
#else
      (void)taken_prev;
      const uint64_t at = base + static_cast<uint64_t>(st.cycle);
      if (s_.cycles > at) {
        sink_.error("step " + std::to_string(i) + " late: cycle " + std::to_string(s_.cycles - base));
        return sink_.take();
      }
      while (s_.cycles < at) idle();
      present(st);
      expect(i, 0);
      tick();
#endif
    }
    idle_inputs();
    for (int t = 0; t < kDrainLimit + 2 * tpe::kRows + 1024 && waiting(); ++t) idle();
    for (size_t j = 0; j < pending_.size(); ++j)
      if (!pending_[j].empty())
        sink_.error(std::to_string(pending_[j].size()) + " results missing" +
                    (pending_.size() > 1 ? " on column " + std::to_string(j) : std::string()));
    return sink_.take();
  }

 private:
  static constexpr int ACC = tpe::kAccWidth, WA = tpe::kAWidth, WB = tpe::kBWidth;
  static constexpr int kStepLimit = 1024;  // bound on a valid/ready step (16-bit Laconic: 81 term pairs)
  struct Pending {
    size_t event;
    uint64_t due;
  };

  size_t columns() const { return desc_.results == tpegen::golden::Results::Columns ? static_cast<size_t>(desc_.tile_n) : 1; }

  static uint64_t garbage() {
    static Xorshift64 rng;
    return rng.next();
  }

  template <class Port>
  void put_lanes(Port& port, const std::vector<tpegen::golden::Element>& lanes, const tpegen::golden::Matrix& x, int w) {
    for (size_t l = 0; l < lanes.size(); ++l)
      put(port, static_cast<int>(l) * w, w, lanes[l].zero() ? 0 : static_cast<uint64_t>(x.at(lanes[l].row, lanes[l].col)));
  }
  template <class Port>
  static void put_garbage(Port& port, int lanes, int w) {
    for (int l = 0; l < lanes; ++l) put(port, l * w, w, garbage());
  }

  // Every data and control input that an idle cycle does not use gets garbage: the engine must
  // ignore it (valid low, no weight write, no load).
  void scramble() {
    put_garbage(d_.a_i, desc_.a.lanes(), WA);
#if TPE_WEIGHT_BANKS
    put_garbage(d_.w_i, desc_.b.lanes(), WB);
    put_garbage(d_.c_i, desc_.tile_n, ACC);
    d_.bank_i = garbage() & 1U;
    d_.w_bank_i = garbage() & 1U;
    d_.w_row_i = static_cast<std::remove_reference_t<decltype(d_.w_row_i)>>(garbage() % tpe::kRows);
#else
    put_garbage(d_.b_i, desc_.b.lanes(), WB);
    d_.first_i = garbage() & 1U;
    d_.last_i = garbage() & 1U;
#endif
  }

  void idle_inputs() {
#if TPE_SCHEDULE_VALID_READY
    d_.a_valid_i = 0;
#else
    d_.valid_i = 0;
#endif
#if TPE_WEIGHT_BANKS
    d_.w_we_i = 0;
#endif
#if TPE_HELD_WEIGHTS
    d_.w_load_i = 0;
#endif
    scramble();
  }

  void idle() {
    idle_inputs();
#if TPE_SCHEDULE_VALID_READY
    check_ready();
#endif
    tick();
  }

  void present(const tpegen::golden::Step& st) {
    idle_inputs();
    if (st.valid) put_lanes(d_.a_i, st.a, a_, WA);
#if TPE_WEIGHT_BANKS
    d_.valid_i = st.valid;
    if (st.valid) {
      d_.bank_i = static_cast<uint8_t>(st.bank);
      for (int j = 0; j < desc_.tile_n; ++j)
        put(d_.c_i, j * ACC, ACC, st.psum < 0 ? 0 : values_[static_cast<size_t>(st.psum)][static_cast<size_t>(j)]);
    }
    if (st.w_row >= 0) {
      d_.w_we_i = 1;
      d_.w_row_i = static_cast<std::remove_reference_t<decltype(d_.w_row_i)>>(st.w_row);
      d_.w_bank_i = static_cast<uint8_t>(st.w_bank);
      put_lanes(d_.w_i, st.b, b_, WB);
    }
#else
    if (st.valid || st.w_load) put_lanes(d_.b_i, st.b, b_, WB);
    d_.first_i = st.first;
    d_.last_i = st.last;
#if TPE_HELD_WEIGHTS
    d_.w_load_i = st.w_load;
#endif
#if TPE_SCHEDULE_VALID_READY
    d_.a_valid_i = 1;
#else
    d_.valid_i = st.valid;
#endif
#endif
  }

  // The result events of step i, due `offset` cycles after it (fixed latency) or at `due`.
  void expect(size_t i, uint64_t due) {
    for (; next_event_ < sched_.results.size() && sched_.results[next_event_].step == static_cast<int>(i); ++next_event_) {
      const tpegen::golden::ResultEvent& e = sched_.results[next_event_];
      const uint64_t when = TPE_SCHEDULE_VALID_READY ? due : s_.cycles + static_cast<uint64_t>(e.offset);
      pending_[e.column < 0 ? 0 : static_cast<size_t>(e.column)].push_back({next_event_, when});
    }
  }

  bool waiting() const {
    for (auto& q : pending_)
      if (!q.empty()) return true;
    return false;
  }

  void tick() {
    s_.tick();
    collect();
  }

  void take(size_t column, bool valid) {
    if (!valid) return;
    auto& q = pending_[column];
    if (q.empty()) {
      sink_.error("unexpected result" + (pending_.size() > 1 ? " on column " + std::to_string(column) : std::string()) +
                  " in cycle " + std::to_string(s_.cycles));
      return;
    }
    const Pending p = q.front();
    q.pop_front();
    const tpegen::golden::ResultEvent& e = sched_.results[p.event];
    if (kCheckTiming && s_.cycles != p.due)
      sink_.error("result " + std::to_string(p.event) + " (C[" + std::to_string(e.c[0].row) + "][" +
                  std::to_string(e.c[0].col) + "]..) in cycle " + std::to_string(s_.cycles) + ", schedule says " +
                  std::to_string(p.due));
    auto& v = values_[p.event];
    for (size_t l = 0; l < e.c.size(); ++l) {
      const int lane = e.column >= 0 ? e.column : static_cast<int>(l);
      v.push_back(get(d_.c_o, lane * ACC, ACC));
      if (e.final) sink_.store(e.c[l].row, e.c[l].col, v.back());
    }
    if (e.column < 0) {
      held_ = &v;
      hold_left_ = desc_.result_rows - 1;
    }
  }

  // A block of several rows must stay on c_o for result_rows cycles ("c_o holds until the next
  // tile"): a collector writes its rows one per cycle.
  void check_hold() {
    if (hold_left_ <= 0) return;
    --hold_left_;
    for (size_t l = 0; l < held_->size(); ++l)
      if (get(d_.c_o, static_cast<int>(l) * ACC, ACC) != (*held_)[l]) {
        sink_.error("c_o lane " + std::to_string(l) + " changed in cycle " + std::to_string(s_.cycles) +
                    ", before the result had been held for " + std::to_string(desc_.result_rows) + " cycles");
        hold_left_ = 0;
        return;
      }
  }

  void collect() {
    if (desc_.results == tpegen::golden::Results::Columns) {
      for (size_t j = 0; j < pending_.size(); ++j) take(j, get(d_.c_valid_o, static_cast<int>(j), 1) != 0);
    } else if (d_.c_valid_o) {
      if (hold_left_ > 0) sink_.error("a result in cycle " + std::to_string(s_.cycles) + " while the previous one must hold");
      take(0, true);
    } else {
      check_hold();
    }
  }

#if TPE_SCHEDULE_VALID_READY
  bool ready() {
    check_ready();
    return d_.a_ready_o != 0;
  }
  void check_ready() {
    d_.eval();  // a_ready_o must not depend on this cycle's inputs
    const bool want = s_.cycles >= ready_at_;
    if (kCheckTiming && static_cast<bool>(d_.a_ready_o) != want)
      sink_.error("a_ready_o = " + std::to_string(static_cast<int>(d_.a_ready_o)) + " in cycle " +
                  std::to_string(s_.cycles) + ", expected " + std::to_string(want ? 1 : 0));
  }
  // A lock-step step lasts as long as its slowest real operand (a zero lane: one cycle).
  int step_cycles(const tpegen::golden::Step& st) const {
    int n0 = 0;
    for (auto& e : st.b)
      if (!e.zero()) {
        n0 = e.col - e.col % desc_.tile_n;
        break;
      }
    int cycles = 1;
    for (auto& e : st.a)
      if (!e.zero()) cycles = std::max(cycles, operand_cost(a_, b_, e.row, e.col, n0).cycles);
    return cycles;
  }
  uint64_t ready_at_ = 0;
#endif

  Sim& s_;
  Vdut& d_;
  const tpegen::golden::Matrix& a_;
  const tpegen::golden::Matrix& b_;
  const tpegen::golden::ScheduleDescriptor desc_;
  const tpegen::golden::Schedule sched_;
  ResultSink sink_;
  std::vector<std::vector<uint64_t>> values_;  // each result's lanes as the engine gave them (c_i)
  std::vector<std::deque<Pending>> pending_;   // per column (Columns) or one queue
  const std::vector<uint64_t>* held_ = nullptr;  // the latest block result, while it must hold
  int hold_left_ = 0;
  size_t next_event_ = 0;
};

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  return ScheduleRun(s, a, b).run();
}

/// Random shapes of up to three tiles (strips in M) and two more in every dimension, so that M, N and K
/// take every remainder against the tile (K = 1 included).
inline void max_dims(int& m, int& k, int& n) {
  const tpegen::golden::ScheduleDescriptor d = tpe::schedule_descriptor();
  m = 3 * std::max(d.strip_rows, 2) + 2;
  k = 3 * d.tile_k + 2;
  n = 3 * d.tile_n + 2;
}

}  // namespace tb
