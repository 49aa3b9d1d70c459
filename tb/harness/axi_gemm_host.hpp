// The host of a `--wrap axi-gemm` design (AXI_DESIGN.md §1, §9, §10). Every job runs through
// the design's generated C driver (<top>_driver.c, compiled as C99 and linked in): the host
// is its bus. Its callbacks drive AXI4-Lite transactions and offer or take stream beats under
// random tvalid/tready (Pattern: bursts, single-cycle gaps, 20..300-cycle stalls); every other
// job the host takes no C beat before the driver's input is all sent, and every other job the
// driver waits for DONE by the interrupt instead of polling. The host holds the driver's input
// beats against the layout (zero padding, tlast, a beat left on offer offered again unchanged)
// and then fills the row padding with random bytes (the container bits above an operand's
// width are random too): the subsystem must ignore them. It checks the driver's C against the
// golden GEMM, C's padding (zero) and sign extension, tlast, the beat counts against the
// header's formulas, STEPS and RESULTS against the golden schedule of the same job, and
// once: SIZE refusals at the limits, the ID and limit registers, FRAMING (tlast early or
// missing), BUSY, and ABORT (the driver's) during the input, the computation and the output.
// Those fault cases drive the streams themselves: no driver would misframe a packet.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "golden/gemm.hpp"
#include "golden/schedule.hpp"
#include "harness/lite_host.hpp"
#include "harness/model.hpp"
#include "harness/port_io.hpp"
#include "harness/stream_pattern.hpp"
#include "harness/xorshift.hpp"
#include "tb_params.h"

namespace tb {

struct RunResult {
  std::vector<uint64_t> c;          // M x N, raw acc bits
  std::vector<std::string> errors;  // protocol errors
};

/// --duty P: the source's tvalid duty (the sink's follows the seed).
struct HostDuty {
  int percent = 100;
  void set(int p, uint64_t) { percent = p; }
};
inline HostDuty duty;

inline void max_dims(int& m, int& k, int& n) {
  m = static_cast<int>(std::min<long long>(3 * tpe::kRows + 2, tpe::kMLimit));
  // K over several k steps of a dot-product grid too (depth 1 for systolic-os), with a part step.
  k = static_cast<int>(std::min<long long>(2 * (tpe::kRows + tpe::kCols) + 3 + 2 * (tpe::kDepth - 1), tpe::kKLimit));
  n = static_cast<int>(std::min<long long>(3 * tpe::kCols + 2, tpe::kNLimit));
}

inline uint64_t row_beats(uint64_t n, uint64_t bytes) { return (n * bytes + tpe::kBusBytes - 1) / tpe::kBusBytes; }
inline uint64_t in_beats(uint64_t m, uint64_t k, uint64_t n) {
  return k * row_beats(n, tpe::kBBytes) + m * row_beats(k, tpe::kABytes);
}
inline uint64_t out_beats(uint64_t m, uint64_t n) { return m * row_beats(n, tpe::kCBytes); }

class Sim : public Model {
 public:
  using Beat = std::vector<uint8_t>;
  enum Reg : uint32_t {
    kCtrl = 0x00, kStatus = 0x04, kError = 0x08, kM = 0x0C, kK = 0x10, kN = 0x14, kSteps = 0x18, kResults = 0x1C,
    kInBeats = 0x20, kOutBeats = 0x24, kBusWidth = 0x28, kMaxKReg = 0x2C, kIrqEnable = 0x30, kIrqStatus = 0x34,
    kKLimitReg = 0x3C, kPanelN = 0x40, kCycles = 0x44, kId = 0x50, kMLimitReg = 0x54, kNLimitReg = 0x58
  };

  explicit Sim(uint64_t seed)
      : Model(seed), seed_(seed), junk_{seed * 0x2545F4914F6CDD1DULL | 1},
        in_pat_(seed * 0x9e3779b97f4a7c15ULL + 1, in_duty(seed)), out_pat_(seed * 0xbf58476d1ce4e5b9ULL + 7, out_duty(seed)) {
    reset_axi_design(*hw, [this] { clock(); });
    dev_.ctx = this;
    dev_.reg_write32 = &Sim::cb_write;
    dev_.reg_read32 = &Sim::cb_read;
    dev_.stream_send = &Sim::cb_send;
    dev_.stream_recv = &Sim::cb_recv;
    dev_.wait_irq = nullptr;
    dev_.timeout = 2000000;
  }

  /// One whole job; the first one also checks the refusals, registers and ABORT.
  RunResult run_job(const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
    RunResult r;
    const int M = a.rows, K = a.cols, N = b.cols;
    if (first_job_) {
      first_job_ = false;
      if (duty.percent < 100) in_pat_ = Pattern(seed_ * 0x9e3779b97f4a7c15ULL + 1, duty.percent);
      check_registers(r.errors);
      if (const uint32_t e = tpe::driver_init(&dev_); e != 0) r.errors.push_back("the driver's init returned 0x" + hex(e));
      check_refusals(r.errors);
      // The aborted jobs: the largest random shape (long enough to abort while it computes)
      // and this job's top-left corner (small enough to be on offer soon).
      const tpegen::golden::Matrix ca = corner(a, 5, 5), cb = corner(b, ca.cols, 5);
      check_framing_and_busy(ca, cb, r.errors);
      check_abort(ca, cb, r.errors, AbortAt::Input);
      check_abort(ca, cb, r.errors, AbortAt::Output);
      int mm = 0, mk = 0, mn = 0;
      max_dims(mm, mk, mn);
      check_abort(noise(mm, mk, tpe::kAWidth), noise(mk, mn, tpe::kBWidth), r.errors, AbortAt::Compute);
      check_driver_timeout(ca, cb, r.errors);
      check_driver_faults(ca, cb, r.errors);
    }
    driver_job(a, b, r);
    return r;
  }

 private:
  /// One job through the generated C driver: typed containers (random bits above the operand
  /// widths), leading dimensions over the row lengths, C's gaps filled with a pattern that
  /// must stay.
  void driver_job(const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b, RunResult& r) {
    const int M = a.rows, K = a.cols, N = b.cols;
    const size_t lda = static_cast<size_t>(K) + job_ % 3, ldb = static_cast<size_t>(N) + (job_ / 3) % 2,
                 ldc = static_cast<size_t>(N) + job_ % 2;
    std::vector<tpe::AElem> ta(static_cast<size_t>(M) * lda);
    std::vector<tpe::BElem> tb(static_cast<size_t>(K) * ldb);
    std::vector<tpe::CElem> tc(static_cast<size_t>(M) * ldc, static_cast<tpe::CElem>(kCGap));
    auto container = [&](int64_t v, int width, int bytes) {
      const uint64_t above = width < 8 * bytes ? (junk_.next() << width) & tpegen::golden::low_mask(8 * bytes) : 0;
      return (static_cast<uint64_t>(v) & tpegen::golden::low_mask(width)) | above;
    };
    for (int i = 0; i < M; ++i)
      for (int k = 0; k < K; ++k)
        ta[static_cast<size_t>(i) * lda + static_cast<size_t>(k)] = static_cast<tpe::AElem>(container(a.at(i, k), tpe::kAWidth, tpe::kABytes));
    for (int k = 0; k < K; ++k)
      for (int n = 0; n < N; ++n)
        tb[static_cast<size_t>(k) * ldb + static_cast<size_t>(n)] = static_cast<tpe::BElem>(container(b.at(k, n), tpe::kBWidth, tpe::kBBytes));
    expected_input(ta, lda, tb, ldb, M, K, N);
    // Every other job the host takes C only after all input (a simple DMA's order), and every
    // other pair of jobs the driver sleeps on the interrupt.
    send_first_ = job_ % 2 == 1;
    // As long as the host used to wait for a job (a hung one fails sooner): rounds of >= 1 cycle.
    dev_.timeout = static_cast<uint32_t>(100000 + 400 * (in_beats(static_cast<uint64_t>(M), static_cast<uint64_t>(K), static_cast<uint64_t>(N)) +
                                                         out_beats(static_cast<uint64_t>(M), static_cast<uint64_t>(N))) +
                                         20 * static_cast<uint64_t>(tpe::kMLimit * tpe::kNLimit));
    dev_.wait_irq = (job_ / 2) % 2 == 1 ? &Sim::cb_wait_irq : nullptr;
    ++job_;
    drv_mode_ = true;
    drv_first_send_ = true;
    drv_sent_ = 0;
    drv_taken_ = false;
    drv_errors_ = &r.errors;
    received_.clear();
    const uint32_t e = tpe::driver_gemm(&dev_, ta.data(), lda, tb.data(), ldb, tc.data(), ldc, static_cast<uint32_t>(M),
                                        static_cast<uint32_t>(K), static_cast<uint32_t>(N));
    if (e != 0) r.errors.push_back("the driver returned 0x" + hex(e));
    if (dev_.wait_irq && hw->irq_o) r.errors.push_back("irq_o still high after the driver's job");
    if (drv_sent_ != drv_expect_.size())
      r.errors.push_back("the driver sent " + std::to_string(drv_sent_) + " of " + std::to_string(drv_expect_.size()) + " input beats");
    // Nothing may follow C's last beat.
    const uint64_t expect = out_beats(static_cast<uint64_t>(M), static_cast<uint64_t>(N));
    drv_drain_ = true;
    for (int t = 0; t < 40; ++t) clock();
    drv_drain_ = false;
    drv_mode_ = false;
    drv_errors_ = nullptr;
    if (received_.size() != expect)
      r.errors.push_back(std::to_string(received_.size()) + " output beats, the formula says " + std::to_string(expect));
    for (size_t i = 0; i + 1 < received_.size(); ++i)
      if (received_[i].second) r.errors.push_back("tlast on output beat " + std::to_string(i) + " of " + std::to_string(expect));
    if (!received_.empty() && !received_.back().second) r.errors.push_back("no tlast on the last output beat");
    if (const uint32_t status = lite_read(kStatus); status != 2U)
      r.errors.push_back("STATUS at the end is " + std::to_string(status) + ", expected DONE only");
    check_counters(M, K, N, r.errors);
    // The hardware's beats (padding, extension) and the driver's C (the golden GEMM, by the caller).
    std::vector<Beat> raw;
    for (auto& [beat, last] : received_) raw.push_back(beat);
    const std::vector<uint64_t> hw_c = decode(raw, M, N, r.errors);
    r.c.assign(static_cast<size_t>(M) * static_cast<size_t>(N), 0);
    int reported = 0;
    for (int i = 0; i < M; ++i)
      for (size_t n = 0; n < ldc; ++n) {
        const auto v = static_cast<uint64_t>(static_cast<int64_t>(tc[static_cast<size_t>(i) * ldc + n]));
        if (n >= static_cast<size_t>(N)) {
          if (tc[static_cast<size_t>(i) * ldc + n] != static_cast<tpe::CElem>(kCGap) && reported++ < 3)
            r.errors.push_back("the driver wrote C[" + std::to_string(i) + "][" + std::to_string(n) + "] beyond N");
          continue;
        }
        const size_t idx = static_cast<size_t>(i) * static_cast<size_t>(N) + n;
        r.c[idx] = v & tpegen::golden::low_mask(tpe::kAccWidth);
        if (v != extended(hw_c[idx]) && reported++ < 3)
          r.errors.push_back("the driver's C[" + std::to_string(i) + "][" + std::to_string(n) + "] is not the received value, extended");
      }
  }

  /// A job whose C is never taken: the driver gives up after dev.timeout rounds without
  /// progress and aborts it (the host takes C again once it sees the ABORT): DRV_TIMEOUT
  /// with ERROR.ABORTED, the subsystem DONE and idle.
  void check_driver_timeout(const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b,
                            std::vector<std::string>& errors) {
    const int M = a.rows, K = a.cols, N = b.cols;
    std::vector<tpe::AElem> ta(static_cast<size_t>(M * K));
    std::vector<tpe::BElem> tb(static_cast<size_t>(K * N));
    std::vector<tpe::CElem> tc(static_cast<size_t>(M * N));
    for (size_t i = 0; i < ta.size(); ++i) ta[i] = static_cast<tpe::AElem>(a.v[i] & 1);
    for (size_t i = 0; i < tb.size(); ++i) tb[i] = static_cast<tpe::BElem>(b.v[i] & 1);
    expected_input(ta, static_cast<size_t>(K), tb, static_cast<size_t>(N), M, K, N);
    drv_mode_ = drv_first_send_ = block_output_ = true;
    drv_sent_ = 0;
    drv_taken_ = false;
    drv_errors_ = &errors;
    received_.clear();
    const uint32_t timeout = dev_.timeout;
    dev_.timeout = 1000;
    dev_.wait_irq = nullptr;
    const uint32_t e = tpe::driver_gemm(&dev_, ta.data(), static_cast<size_t>(K), tb.data(), static_cast<size_t>(N),
                                        tc.data(), static_cast<size_t>(N), static_cast<uint32_t>(M),
                                        static_cast<uint32_t>(K), static_cast<uint32_t>(N));
    dev_.timeout = timeout;
    drv_mode_ = block_output_ = false;
    drv_errors_ = nullptr;
    drv_offer_.reset();  // a beat still on offer when the job was aborted goes with it
    in_valid_ = false;
    if (e != (tpe::kDrvTimeout | 8U))
      errors.push_back("a job whose C is never taken: the driver returned 0x" + hex(e) + ", expected 0x" +
                       hex(tpe::kDrvTimeout | 8U) + " (DRV_TIMEOUT, ERROR.ABORTED)");
    if (const uint32_t status = lite_read(kStatus); status != 6U)
      errors.push_back("after the driver's timeout STATUS is " + std::to_string(status) + ", expected DONE|ERROR");
    lite_write(kCtrl, 2);
    lite_write(kIrqStatus, 3);
  }

  /// The driver's two checks that no fault of the hardware provokes: a device that is not
  /// the header's (the host shows it a different ID) must be refused by init with DRV_DEVICE,
  /// and a C packet whose tlast is not on its last beat (the host flips tlast on the first
  /// beat it hands over) must end the job with DRV_TLAST and nothing else, C still complete.
  void check_driver_faults(const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b,
                           std::vector<std::string>& errors) {
    id_xor_ = 1;
    const uint32_t e = tpe::driver_init(&dev_);
    id_xor_ = 0;
    if (e != tpe::kDrvDevice)
      errors.push_back("init on a device with another ID returned 0x" + hex(e) + ", expected 0x" + hex(tpe::kDrvDevice) +
                       " (DRV_DEVICE)");
    RunResult flipped;
    flip_tlast_ = true;
    driver_job(a, b, flipped);
    flip_tlast_ = false;
    const std::string want = "the driver returned 0x" + hex(tpe::kDrvTlast);
    if (flipped.errors.size() != 1 || flipped.errors.front() != want) {
      std::string got;
      for (const std::string& x : flipped.errors) got += (got.empty() ? "" : "; ") + x;
      errors.push_back("a C packet with tlast on its first beat: expected only '" + want + "', got: " +
                       (got.empty() ? "no error" : got));
    }
  }

  static constexpr uint8_t kCGap = 0x5A;

  /// A raw accumulator value as the driver must give it in 64 bits: sign-extended when signed.
  static uint64_t extended(uint64_t raw) {
    const int acc = tpe::kAccWidth;
    if (!tpe::kSigned || acc >= 64 || !((raw >> (acc - 1)) & 1U)) return raw;
    return raw | ~tpegen::golden::low_mask(acc);
  }

  static std::string hex(uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%X", v);
    return buf;
  }

  /// The input packet the driver must send (its containers, zero padding) and which bytes
  /// of each beat are padding.
  template <typename A, typename B>
  void expected_input(const std::vector<A>& ta, size_t lda, const std::vector<B>& tb, size_t ldb, int M, int K, int N) {
    drv_expect_.clear();
    drv_pad_.clear();
    auto rows = [&](auto* x, size_t ld, int nrows, int ncols, int bytes) {
      for (int r = 0; r < nrows; ++r) {
        const uint64_t nb = row_beats(static_cast<uint64_t>(ncols), static_cast<uint64_t>(bytes));
        Beat row(nb * tpe::kBusBytes, 0), pad(nb * tpe::kBusBytes, 1);
        for (int c = 0; c < ncols; ++c)
          for (int i = 0; i < bytes; ++i) {
            const auto v = static_cast<uint64_t>(static_cast<int64_t>(x[static_cast<size_t>(r) * ld + static_cast<size_t>(c)]));
            row[static_cast<size_t>(c * bytes + i)] = static_cast<uint8_t>(v >> (8 * i));
            pad[static_cast<size_t>(c * bytes + i)] = 0;
          }
        for (uint64_t i = 0; i < nb; ++i) {
          const auto from = static_cast<long>(i * tpe::kBusBytes), to = static_cast<long>((i + 1) * tpe::kBusBytes);
          drv_expect_.emplace_back(row.begin() + from, row.begin() + to);
          drv_pad_.emplace_back(pad.begin() + from, pad.begin() + to);
        }
      }
    };
    rows(tb.data(), ldb, K, N, tpe::kBBytes);
    rows(ta.data(), lda, M, K, tpe::kABytes);
  }

  // The driver's callbacks (ctx is the Sim).
  static void cb_write(void* ctx, uint32_t offset, uint32_t value) {
    auto* s = static_cast<Sim*>(ctx);
    if (offset == kCtrl && (value & 4U)) s->block_output_ = false;  // ABORT: C may go again
    if (s->lite_write(offset, value) != 0 && s->drv_errors_)
      s->drv_errors_->push_back("the driver's write of 0x" + hex(offset) + " answered SLVERR");
  }
  static uint32_t cb_read(void* ctx, uint32_t offset) {
    auto* s = static_cast<Sim*>(ctx);
    uint32_t resp = 0;
    const uint32_t v = s->lite_read(offset, &resp) ^ (offset == kId ? s->id_xor_ : 0U);
    if (resp != 0 && s->drv_errors_) s->drv_errors_->push_back("the driver's read of 0x" + hex(offset) + " answered SLVERR");
    ++s->lite_reads_;
    return v;
  }
  static int cb_send(void* ctx, const uint8_t* beat, int last) { return static_cast<Sim*>(ctx)->drv_send(beat, last != 0); }
  static int cb_recv(void* ctx, uint8_t* beat, int* last) { return static_cast<Sim*>(ctx)->drv_recv(beat, last); }
  static void cb_wait_irq(void* ctx) {
    auto* s = static_cast<Sim*>(ctx);
    for (int t = 0; t < 1000000 && !s->hw->irq_o; ++t) s->clock();
  }

  void drv_error(const std::string& e) {
    if (drv_errors_ && drv_reported_++ < 3) drv_errors_->push_back(e);
  }

  /// One clock with the driver's beat on offer (tvalid may wait, then stays until taken).
  int drv_send(const uint8_t* data, bool last) {
    if (drv_first_send_) {
      drv_first_send_ = false;
      drv_reported_ = 0;
      if (lite_read(kStatus) != 1U) drv_error("STATUS after the driver's START is not BUSY");
    }
    const Beat beat(data, data + tpe::kBusBytes);
    if (drv_taken_) {  // taken during another clock (a register access, a receive)
      if (beat != drv_offer_raw_ || last != drv_offer_last_) drv_error("the driver changed a beat left on offer");
      drv_taken_ = false;
      ++drv_sent_;
      return 1;
    }
    if (drv_offer_) {
      if (beat != drv_offer_raw_ || last != drv_offer_last_) drv_error("the driver changed a beat left on offer");
    } else {
      const size_t i = drv_sent_;
      if (i >= drv_expect_.size()) {
        drv_error("the driver sent more input beats than the layout has");
        return 0;
      }
      if (beat != drv_expect_[i]) drv_error("the driver's input beat " + std::to_string(i) + " is not the layout's");
      if (last != (i + 1 == drv_expect_.size())) drv_error("the driver's tlast on input beat " + std::to_string(i));
      drv_offer_raw_ = beat;
      drv_offer_last_ = last;
      Beat sent = beat;
      for (size_t j = 0; j < sent.size(); ++j)
        if (drv_pad_[i][j]) sent[j] = static_cast<uint8_t>(junk_.next());
      drv_offer_ = sent;
    }
    clock();
    if (!drv_taken_) return 0;
    drv_taken_ = false;
    ++drv_sent_;
    return 1;
  }

  /// One clock with tready (under the output pattern) for the driver.
  int drv_recv(uint8_t* data, int* last) {
    const size_t before = received_.size();
    drv_recv_active_ = true;
    clock();
    drv_recv_active_ = false;
    if (received_.size() == before) return 0;
    std::copy(received_.back().first.begin(), received_.back().first.end(), data);
    *last = received_.back().second ? 1 : 0;
    if (flip_tlast_ && received_.size() == 1) *last ^= 1;  // check_driver_faults
    return 1;
  }

 private:
  static int in_duty(uint64_t seed) { static const int d[] = {100, 90, 50, 25}; return d[seed % 4]; }
  static int out_duty(uint64_t seed) { static const int d[] = {90, 50, 25, 70}; return d[(seed / 4 + seed) % 4]; }

  static tpegen::golden::Matrix corner(const tpegen::golden::Matrix& x, int rows, int cols) {
    tpegen::golden::Matrix c(std::min(rows, x.rows), std::min(cols, x.cols));
    for (int r = 0; r < c.rows; ++r)
      for (int k = 0; k < c.cols; ++k) c.at(r, k) = x.at(r, k);
    return c;
  }

  tpegen::golden::Matrix noise(int rows, int cols, int width) {
    tpegen::golden::Matrix x(rows, cols);
    for (auto& v : x.v) v = static_cast<int64_t>(junk_.next() & tpegen::golden::low_mask(width));
    return x;
  }

  void start(int m, int k, int n, std::vector<std::string>& errors) {
    lite_write(kM, static_cast<uint32_t>(m));
    lite_write(kK, static_cast<uint32_t>(k));
    lite_write(kN, static_cast<uint32_t>(n));
    if (lite_write(kCtrl, 1) != 0) errors.push_back("START answered SLVERR");
  }

  /// B's rows then A's rows, each padded to whole beats with random bytes; containers carry
  /// random bits above the operand width.
  std::vector<Beat> input_packet(const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
    std::vector<Beat> beats;
    auto rows = [&](const tpegen::golden::Matrix& x, int bytes, int width) {
      for (int r = 0; r < x.rows; ++r) {
        const uint64_t nb = row_beats(static_cast<uint64_t>(x.cols), static_cast<uint64_t>(bytes));
        Beat row(nb * tpe::kBusBytes);
        for (auto& byte : row) byte = static_cast<uint8_t>(junk_.next());
        for (int c = 0; c < x.cols; ++c) {
          const uint64_t v = static_cast<uint64_t>(x.at(r, c)) & tpegen::golden::low_mask(width);
          const uint64_t above = width < 8 * bytes ? (junk_.next() << width) & tpegen::golden::low_mask(8 * bytes) : 0;
          for (int i = 0; i < bytes; ++i) row[static_cast<size_t>(c * bytes + i)] = static_cast<uint8_t>((v | above) >> (8 * i));
        }
        for (uint64_t i = 0; i < nb; ++i)
          beats.emplace_back(row.begin() + static_cast<long>(i * tpe::kBusBytes), row.begin() + static_cast<long>((i + 1) * tpe::kBusBytes));
      }
    };
    rows(b, tpe::kBBytes, tpe::kBWidth);
    rows(a, tpe::kABytes, tpe::kAWidth);
    return beats;
  }

  /// Sends `in` (tlast on its last beat) and receives until a beat with tlast, both streams
  /// at once; `expect` beats are expected (for the timeout and the tlast check).
  std::vector<Beat> transfer(const std::vector<Beat>& in, uint64_t expect, std::vector<std::string>& errors,
                             uint64_t limit_cycles = 0) {
    in_ = &in;
    in_next_ = 0;
    in_valid_ = false;
    received_.clear();
    got_last_ = false;
    const uint64_t limit = limit_cycles ? limit_cycles * (in.size() + 1)
                                        : 100000 + 400 * (in.size() + expect) + 20 * static_cast<uint64_t>(tpe::kMLimit * tpe::kNLimit);
    for (uint64_t t = 0; !got_last_ && t < limit; ++t) {
      hold_output_ = send_first_ && in_next_ < in.size();
      clock();
    }
    hold_output_ = false;
    if (!got_last_) errors.push_back("no tlast on the output after " + std::to_string(received_.size()) + " beats (" +
                                     std::to_string(in_next_) + " of " + std::to_string(in.size()) + " input beats taken)");
    if (in_next_ != in.size()) errors.push_back("only " + std::to_string(in_next_) + " of " + std::to_string(in.size()) + " input beats taken");
    if (received_.size() != expect)
      errors.push_back(std::to_string(received_.size()) + " output beats, the formula says " + std::to_string(expect));
    for (int t = 0; t < 40; ++t) clock();  // nothing more may come
    if (received_.size() > expect) errors.push_back("output beats after tlast");
    in_ = nullptr;
    std::vector<Beat> out;
    for (auto& [beat, last] : received_) out.push_back(beat);
    for (size_t i = 0; i + 1 < received_.size() && i < expect; ++i)
      if (received_[i].second) errors.push_back("tlast on output beat " + std::to_string(i) + " of " + std::to_string(expect));
    return out;
  }

  std::vector<uint64_t> decode(const std::vector<Beat>& beats, int M, int N, std::vector<std::string>& errors) {
    std::vector<uint64_t> c(static_cast<size_t>(M) * static_cast<size_t>(N), 0);
    const uint64_t rb = row_beats(static_cast<uint64_t>(N), tpe::kCBytes);
    const int EB = 8 * tpe::kCBytes, ACC = tpe::kAccWidth;
    int reported = 0;
    for (int m = 0; m < M && (static_cast<uint64_t>(m) + 1) * rb <= beats.size(); ++m) {
      std::vector<uint8_t> row;
      for (uint64_t i = 0; i < rb; ++i) {
        const Beat& beat = beats[static_cast<size_t>(static_cast<uint64_t>(m) * rb + i)];
        row.insert(row.end(), beat.begin(), beat.end());
      }
      for (int n = 0; n < N; ++n) {
        uint64_t v = 0;
        for (int i = 0; i < tpe::kCBytes; ++i) v |= static_cast<uint64_t>(row[static_cast<size_t>(n * tpe::kCBytes + i)]) << (8 * i);
        const uint64_t raw = v & tpegen::golden::low_mask(ACC);
        const bool neg = tpe::kSigned && ((raw >> (ACC - 1)) & 1U);
        const uint64_t high = EB > ACC ? (neg ? tpegen::golden::low_mask(EB) & ~tpegen::golden::low_mask(ACC) : 0) : 0;
        if ((v & ~tpegen::golden::low_mask(ACC)) != high && reported++ < 3)
          errors.push_back("C[" + std::to_string(m) + "][" + std::to_string(n) + "] is not extended from acc_width");
        c[static_cast<size_t>(m) * static_cast<size_t>(N) + static_cast<size_t>(n)] = raw;
      }
      for (size_t i = static_cast<size_t>(N) * tpe::kCBytes; i < row.size(); ++i)
        if (row[i] != 0 && reported++ < 3) errors.push_back("C row " + std::to_string(m) + ": padding byte " + std::to_string(i) + " is not 0");
    }
    return c;
  }

  void check_counters(int M, int K, int N, std::vector<std::string>& errors) {
    // The generated header's formulas (what a DMA is programmed with) against the host's.
    const auto m = static_cast<uint32_t>(M), k = static_cast<uint32_t>(K), n = static_cast<uint32_t>(N);
    if (tpe::header_in_beats(m, k, n) != in_beats(m, k, n) || tpe::header_out_beats(m, n) != out_beats(m, n))
      errors.push_back("the header's IN_BEATS/OUT_BEATS disagree with the layout");
    if (!tpe::header_sizes_ok(m, k, n)) errors.push_back("the header's sizes_ok refuses a job the hardware ran");
    const auto sched = tpegen::golden::schedule(tpe::schedule_descriptor(), M, K, N);
    uint64_t steps = 0;
    for (auto& s : sched.steps) steps += s.valid ? 1 : 0;
    auto expect = [&](uint32_t reg, uint64_t want, const char* name) {
      if (const uint32_t v = lite_read(reg); v != want)
        errors.push_back(std::string(name) + " = " + std::to_string(v) + ", expected " + std::to_string(want));
    };
    expect(kSteps, steps, "STEPS");
    expect(kResults, sched.results.size(), "RESULTS");
    expect(kInBeats, in_beats(static_cast<uint64_t>(M), static_cast<uint64_t>(K), static_cast<uint64_t>(N)), "IN_BEATS");
    expect(kOutBeats, out_beats(static_cast<uint64_t>(M), static_cast<uint64_t>(N)), "OUT_BEATS");
    expect(kPanelN, static_cast<uint64_t>(N), "PANEL_N");
    if (lite_read(kCycles) < steps) errors.push_back("CYCLES < STEPS");
  }

  void check_registers(std::vector<std::string>& errors) {
    auto expect = [&](uint32_t reg, uint64_t want, const char* name) {
      if (const uint32_t v = lite_read(reg); v != want)
        errors.push_back(std::string(name) + " reads " + std::to_string(v) + ", expected " + std::to_string(want));
    };
    expect(kId, 0x54504501U, "ID");
    expect(kBusWidth, 8U * tpe::kBusBytes, "BUS_WIDTH");
    expect(kMLimitReg, static_cast<uint64_t>(tpe::kMLimit), "M_LIMIT");
    expect(kKLimitReg, static_cast<uint64_t>(tpe::kKLimit), "K_LIMIT");
    expect(kNLimitReg, static_cast<uint64_t>(tpe::kNLimit), "N_LIMIT");
    expect(kMaxKReg, static_cast<uint64_t>(tpe::kMaxK), "MAX_K");
    uint32_t resp = 0;
    lite_read(0x4C, &resp);
    if (resp != 2) errors.push_back("a read of unmapped 0x4C did not answer SLVERR");
    if (lite_write(kSteps, 1) != 2) errors.push_back("a write to read-only STEPS did not answer SLVERR");
  }

  /// START with each size 0 or one over its limit: ERROR = SIZE with DONE, no job.
  void check_refusals(std::vector<std::string>& errors) {
    const long long bad[][3] = {{0, 1, 1},  {1, 0, 1}, {1, 1, 0}, {tpe::kMLimit + 1, 1, 1}, {1, tpe::kKLimit + 1, 1},
                                {1, 1, tpe::kNLimit + 1}};
    for (auto& s : bad) {
      // The driver refuses them itself, naming the size, without a bus access.
      const auto m = static_cast<uint32_t>(s[0]), k = static_cast<uint32_t>(s[1]), n = static_cast<uint32_t>(s[2]);
      const uint32_t want = tpe::kDrvSize | (m < 1 || m > tpe::kMLimit ? tpe::kDrvBadM : 0) |
                            (k < 1 || k > tpe::kKLimit ? tpe::kDrvBadK : 0) | (n < 1 || n > tpe::kNLimit ? tpe::kDrvBadN : 0);
      const tpe::AElem a0[1] = {};
      const tpe::BElem b0[1] = {};
      tpe::CElem c0[1] = {};
      const uint64_t reads = lite_reads_;
      const uint32_t got = tpe::driver_gemm(&dev_, a0, k, b0, n, c0, n, m, k, n);
      if (got != want || tpe::driver_check_sizes(m, k, n) != want || lite_reads_ != reads)
        errors.push_back("the driver's answer to M, K, N = " + std::to_string(s[0]) + ", " + std::to_string(s[1]) + ", " +
                         std::to_string(s[2]) + " is 0x" + hex(got) + ", expected 0x" + hex(want) + " without a bus access");
      if (tpe::header_sizes_ok(static_cast<uint32_t>(s[0]), static_cast<uint32_t>(s[1]), static_cast<uint32_t>(s[2])))
        errors.push_back("the header's sizes_ok accepts a job the hardware refuses");
      start(static_cast<int>(s[0]), static_cast<int>(s[1]), static_cast<int>(s[2]), errors);
      const uint32_t status = lite_read(kStatus), e = lite_read(kError);
      if (e != 1U || status != 6U)
        errors.push_back("START with M, K, N = " + std::to_string(s[0]) + ", " + std::to_string(s[1]) + ", " +
                         std::to_string(s[2]) + " gave STATUS " + std::to_string(status) + ", ERROR " + std::to_string(e) +
                         " (expected DONE|ERROR, SIZE)");
    }
    lite_write(kCtrl, 2);  // CLEAR
    if (lite_read(kStatus) != 0) errors.push_back("CLEAR left STATUS non-zero");
    lite_write(kIrqStatus, 3);
  }

  /// Waits for DONE; true when STATUS and ERROR are as expected.
  bool ended_with(uint32_t status_want, uint32_t error_want, const char* what, std::vector<std::string>& errors) {
    uint32_t status = 0;
    for (int t = 0; t < 20000 && !((status = lite_read(kStatus)) & 2U); ++t) {
    }
    const uint32_t e = lite_read(kError);
    if (status == status_want && e == error_want) return true;
    errors.push_back(std::string(what) + ": STATUS " + std::to_string(status) + ", ERROR " + std::to_string(e) +
                     ", expected " + std::to_string(status_want) + ", " + std::to_string(error_want));
    return false;
  }

  /// The C of a job received whole must be the golden one.
  void expect_c(const std::vector<Beat>& got, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b,
                const char* what, std::vector<std::string>& errors) {
    if (decode(got, a.rows, b.cols, errors) != tpegen::golden::gemm(a, b, tpe::kAccWidth))
      errors.push_back(std::string(what) + ": C differs from the golden GEMM");
  }

  /// ERROR.FRAMING: tlast early (the job ends at once, nothing is sent) or missing on A's last
  /// beat (the job completes); ERROR.BUSY: a second START while a job runs leaves it alone, a
  /// write of M answers SLVERR.
  void check_framing_and_busy(const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b,
                              std::vector<std::string>& errors) {
    const int M = a.rows, K = a.cols, N = b.cols;
    const std::vector<Beat> in = input_packet(a, b);
    const uint64_t out = out_beats(static_cast<uint64_t>(M), static_cast<uint64_t>(N));
    // Early: the packet ends (tlast) after half of its beats.
    start(M, K, N, errors);
    const std::vector<Beat> half(in.begin(), in.begin() + static_cast<long>(std::max<size_t>(1, in.size() / 2)));
    std::vector<std::string> ignored;  // transfer() expects an output packet: there is none
    transfer(half, 0, ignored, 200);
    if (ended_with(6U, 2U, "tlast early", errors) && !received_.empty())
      errors.push_back("tlast early: the job sent output");
    lite_write(kCtrl, 2);
    // Missing: no tlast on A's last beat.
    start(M, K, N, errors);
    drop_tlast_ = true;
    const std::vector<Beat> got = transfer(in, out, errors);
    drop_tlast_ = false;
    if (ended_with(6U, 2U, "tlast missing", errors)) expect_c(got, a, b, "tlast missing", errors);
    lite_write(kCtrl, 2);
    // BUSY: START again while the job runs.
    start(M, K, N, errors);
    lite_write(kCtrl, 1);
    if (lite_write(kM, static_cast<uint32_t>(M) + 1) != 2 || lite_read(kM) != static_cast<uint32_t>(M))
      errors.push_back("a write of M while BUSY did not answer SLVERR, or changed M");
    const std::vector<Beat> got2 = transfer(in, out, errors);
    if (ended_with(6U, 4U, "START while BUSY", errors)) expect_c(got2, a, b, "START while BUSY", errors);
    lite_write(kCtrl, 2);
    lite_write(kIrqStatus, 3);
  }

  enum class AbortAt { Input, Compute, Output };

  /// ABORT in the middle of the input, right after it (the engine computes: DONE must wait
  /// until its results in flight are out) or while C goes out with a beat on offer: DONE with
  /// ERROR = ABORTED, the DONE interrupt, no output packet or one closed by exactly one beat
  /// with tlast, and nothing after DONE.
  void check_abort(const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b, std::vector<std::string>& errors,
                   AbortAt at) {
    const int M = a.rows, K = a.cols, N = b.cols;
    lite_write(kIrqEnable, 1);
    start(M, K, N, errors);
    const std::vector<Beat> in = input_packet(a, b);
    std::vector<Beat> part(in.begin(), in.begin() + static_cast<long>(at == AbortAt::Input ? in.size() / 2 : in.size()));
    if (at == AbortAt::Input) part.back().clear();  // marks "no tlast" (see clock)
    in_ = &part;
    in_next_ = 0;
    in_valid_ = false;
    received_.clear();
    got_last_ = false;
    hold_output_ = at != AbortAt::Input;  // C waits: the abort comes before it or while a beat is on offer
    for (int t = 0; t < 20000 && in_next_ + (at == AbortAt::Input ? 1 : 0) < part.size(); ++t) clock();
    // Compute: ABORT a few cycles after the first tile's last step, with its results in flight.
    for (int t = 0; t < (at == AbortAt::Output ? 3000 : at == AbortAt::Compute ? K + 4 : 0); ++t) clock();
    if (at == AbortAt::Output && !hw->m_axis_tvalid) errors.push_back("abort check: C was not on offer after the input");
    hold_output_ = false;
    // The driver's ABORT: it takes C beats (the one on offer, the closing one) until DONE.
    if (const uint32_t e = tpe::driver_abort(&dev_); e != 8U) errors.push_back("the driver's abort returned 0x" + hex(e));
    const uint32_t status = lite_read(kStatus);
    in_ = nullptr;
    // Nothing may follow the end of the job: no beat, no result from the engine (ABORT waits
    // until the engine has drained).
    const uint32_t results_at_done = lite_read(kResults);
    for (int t = 0; t < 100; ++t) clock();
    if (const uint32_t later = lite_read(kResults); later != results_at_done)
      errors.push_back("the engine gave " + std::to_string(later - results_at_done) + " results after the aborted job was DONE");
    if (status != 6U) errors.push_back("STATUS after ABORT is " + std::to_string(status) + ", expected DONE|ERROR");
    if (const uint32_t e = lite_read(kError); e != 8U) errors.push_back("ERROR after ABORT is " + std::to_string(e));
    if (!hw->irq_o) errors.push_back("irq_o low after the aborted job ended");
    size_t lasts = 0;
    for (auto& beat : received_) lasts += beat.second ? 1 : 0;
    const bool closed = !received_.empty() && received_.back().second && lasts == 1;
    if (at == AbortAt::Output && !closed)
      errors.push_back("the aborted output packet was not closed by one beat with tlast, and nothing after it (" +
                       std::to_string(received_.size()) + " beats, " + std::to_string(lasts) + " with tlast)");
    if (at != AbortAt::Output && !received_.empty()) errors.push_back("a job aborted before its output sent output");
    lite_write(kIrqStatus, 1);
    if (hw->irq_o) errors.push_back("irq_o stayed high after IRQ_STATUS was cleared");
    lite_write(kIrqEnable, 0);
    lite_write(kCtrl, 2);
  }

  /// One clock: the input stream offers its next beat (tvalid held until taken), the output
  /// stream takes under its pattern.
  void clock() {
    bool offer = false;
    if (in_ && in_next_ < in_->size() && !(*in_)[in_next_].empty()) {
      if (!in_valid_) in_valid_ = in_pat_.next();
      offer = in_valid_;
      put_beat((*in_)[in_next_]);
      hw->s_axis_tlast = in_next_ + 1 == in_->size() && !drop_tlast_;
    } else if (drv_offer_) {
      if (!in_valid_) in_valid_ = in_pat_.next();
      offer = in_valid_;
      put_beat(*drv_offer_);
      hw->s_axis_tlast = drv_offer_last_;
    }
    hw->s_axis_tvalid = offer;
    if (drv_mode_)  // the driver's job: C beats only when it asks for them (or after it, to catch extra ones)
      hw->m_axis_tready = (drv_drain_ || (drv_recv_active_ && !block_output_ && !(send_first_ && drv_sent_ < drv_expect_.size()))) &&
                          out_pat_.next();
    else
      hw->m_axis_tready = !hold_output_ && out_pat_.next();
    hw->eval();
    const bool taken = offer && hw->s_axis_tready;
    if (hw->rst_ni && hw->m_axis_tvalid && hw->m_axis_tready) {
      Beat beat(static_cast<size_t>(tpe::kBusBytes));
      for (int i = 0; i < tpe::kBusBytes; i += 8) {
        const int n = std::min(8, tpe::kBusBytes - i);
        const uint64_t v = get(hw->m_axis_tdata, 8 * i, 8 * n);
        for (int j = 0; j < n; ++j) beat[static_cast<size_t>(i + j)] = static_cast<uint8_t>(v >> (8 * j));
      }
      received_.emplace_back(beat, hw->m_axis_tlast != 0);
      got_last_ = got_last_ || hw->m_axis_tlast;
    }
    edge();
    if (taken) {
      if (in_) ++in_next_;
      else {
        drv_taken_ = true;
        drv_offer_.reset();
      }
      in_valid_ = false;
    }
  }

  void put_beat(const Beat& beat) {
    clear(hw->s_axis_tdata);
    for (size_t i = 0; i < beat.size(); i += 8) {
      uint64_t v = 0;
      for (size_t j = 0; j < 8 && i + j < beat.size(); ++j) v |= static_cast<uint64_t>(beat[i + j]) << (8 * j);
      put(hw->s_axis_tdata, static_cast<int>(8 * i), static_cast<int>(std::min<size_t>(64, 8 * (beat.size() - i))), v);
    }
  }

  uint32_t lite_write(uint32_t addr, uint32_t data, uint32_t strobes = 0xF) {
    return tb::lite_write(*hw, [this] { clock(); }, addr, data, strobes);
  }
  uint32_t lite_read(uint32_t addr, uint32_t* resp_out = nullptr) {
    return tb::lite_read(*hw, [this] { clock(); }, addr, resp_out);
  }

  uint64_t seed_;
  Xorshift64 junk_;
  Pattern in_pat_, out_pat_;
  bool drop_tlast_ = false;  // the input packet's last beat goes without tlast
  bool first_job_ = true, in_valid_ = false, hold_output_ = false, got_last_ = false, send_first_ = false;
  const std::vector<Beat>* in_ = nullptr;
  size_t in_next_ = 0;
  std::vector<std::pair<Beat, bool>> received_;
  // The generated C driver and its bus state.
  tpe::DriverDev dev_{};
  int job_ = 0;
  bool drv_mode_ = false, drv_drain_ = false, drv_recv_active_ = false, drv_first_send_ = false, drv_taken_ = false;
  bool drv_offer_last_ = false, block_output_ = false;
  bool flip_tlast_ = false;  // check_driver_faults: the driver sees tlast flipped on the first C beat
  uint32_t id_xor_ = 0;      // check_driver_faults: the driver reads ID ^ id_xor_
  std::optional<Beat> drv_offer_;  // the beat on offer (padding scrambled), held until taken
  Beat drv_offer_raw_;             // ... as the driver gave it
  std::vector<Beat> drv_expect_, drv_pad_;
  size_t drv_sent_ = 0;
  int drv_reported_ = 0;
  uint64_t lite_reads_ = 0;
  std::vector<std::string>* drv_errors_ = nullptr;
};

}  // namespace tb
