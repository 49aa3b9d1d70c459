// Verilator regression harness: random GEMMs through the generated design, every output
// element checked against the golden model. Built by `tpegen sim`, which writes
// tb_params.h (architecture and parameters) next to the Verilated model.
//
//   Vdut --trials 100 --gemm random|MxKxN --dist uniform|normal:MEAN:STD|extremes --seed S
//        [--min-elements N]   (run more trials than T until N output elements were checked)
//        [--min-cycles N]     (... and until N clock cycles were simulated)
//        [--check-schedule 1]  (bare engine: the driver's operands, tile by tile, must be those of
//                               the golden schedule of the same GEMM; harness/schedule_check.hpp)
//        [--vcd FILE]         (built with --trace only: dump every signal of the whole run and
//                              print "activity window:" with its cycles and useful MACs)
//
// Prints one SUCCESS/FAIL line per trial and ends with "N passed, M failed" (trials);
// exits 0 only when every element of every trial matched.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "golden/gemm.hpp"
#include "golden/stimulus.hpp"
#include "tb_params.h"
#if TPE_AXI_GEMM  // --wrap axi-gemm: the subsystem owns the schedule; the host sends matrices
#include "harness/axi_gemm_host.hpp"
#else
#include "harness/schedule_check.hpp"
#include "harness/sim.hpp"
#endif

// The driver of the design's family, named by the registry (ArchDescriptor::driver; with
// --driver schedule, driver_schedule.hpp): tb_params.h defines its header.
#if !TPE_AXI_GEMM
#ifndef TPE_DRIVER_HEADER
#error "tb_params.h must name the driver header (TPE_DRIVER_HEADER)"
#endif
#include TPE_DRIVER_HEADER
#endif

namespace {

using tpegen::golden::Matrix;

struct Options {
  int trials = 100;
  bool random_dims = true;
  int m = 0, k = 0, n = 0;
  std::string dist = "uniform";
  uint64_t seed = 1;
  uint64_t min_elements = 0;
  uint64_t min_cycles = 0;
  std::string vcd;
  int duty = 100;  // percent of cycles with valid data (tb::DutyCycle)
  bool check_schedule = false;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr, "harness: %s\nusage: Vdut [--trials T] [--gemm random|MxKxN] [--dist D] [--seed S] [--duty P]\n", why);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("+verilator", 0) == 0) continue;
    if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
    const std::string v = argv[++i];
    if (arg == "--trials") {
      o.trials = std::atoi(v.c_str());
    } else if (arg == "--gemm") {
      if (v == "random") continue;
      if (std::sscanf(v.c_str(), "%dx%dx%d", &o.m, &o.k, &o.n) != 3 || o.m < 1 || o.k < 1 || o.n < 1)
        usage("invalid --gemm: expected MxKxN with positive sizes, or random");
      o.random_dims = false;
    } else if (arg == "--dist") {
      o.dist = v;
    } else if (arg == "--min-cycles") {
      o.min_cycles = std::strtoull(v.c_str(), nullptr, 10);
    } else if (arg == "--min-elements") {
      o.min_elements = std::strtoull(v.c_str(), nullptr, 10);
    } else if (arg == "--vcd") {
#if !VM_TRACE
      usage("--vcd needs a model built with --trace");
#endif
      o.vcd = v;
    } else if (arg == "--duty") {
      o.duty = std::atoi(v.c_str());
      if (o.duty < 1 || o.duty > 100) usage("invalid --duty: valid range is 1..100");
    } else if (arg == "--check-schedule") {
#if TPE_AXI || TPE_AXI_GEMM
      usage("--check-schedule traces the bare engine's inputs, not the AXI wrapper's");
#endif
      o.check_schedule = v == "1";
    } else if (arg == "--seed") {
      o.seed = std::strtoull(v.c_str(), nullptr, 10);
    } else {
      usage(("unknown option " + arg).c_str());
    }
  }
  if (o.trials < 1) usage("invalid --trials: must be >= 1");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  tpegen::golden::Distribution dist;
  try {
    dist = tpegen::golden::Distribution::parse(o.dist);
  } catch (const std::exception& e) {
    usage(e.what());
  }
  std::printf("harness: %s, %d trials, gemm %s, dist %s, duty %d %%, seed %" PRIu64 "\n", tpe::kTop, o.trials,
              o.random_dims ? "random" : (std::to_string(o.m) + "x" + std::to_string(o.k) + "x" + std::to_string(o.n)).c_str(),
              o.dist.c_str(), o.duty, o.seed);
  tpegen::golden::OperandSource src(o.seed, dist);
  tb::Sim sim(o.seed);
  tb::duty.set(o.duty, o.seed);
#if VM_TRACE
  if (!o.vcd.empty()) sim.open_vcd(o.vcd);
#endif
  uint64_t macs = 0;  // useful multiply-accumulates (padding of partial tiles excluded)
  int passed = 0, failed = 0;
  uint64_t elements = 0;
  const auto t0 = std::chrono::steady_clock::now();
  int t = 0;
  for (; t < o.trials || elements < o.min_elements || sim.cycles < o.min_cycles; ++t) {
    int M = o.m, K = o.k, N = o.n;
    if (o.random_dims) {
      int mm, km, nm;
      tb::max_dims(mm, km, nm);
      M = src.uniform_int(1, mm);
      K = src.uniform_int(1, km);
      N = src.uniform_int(1, nm);
    }
    const Matrix a = src.matrix(M, K, tpe::kAWidth, tpe::kSigned);
    const Matrix b = src.matrix(K, N, tpe::kBWidth, tpe::kSigned);
    const auto expect = tpegen::golden::gemm(a, b, tpe::kAccWidth);
    const uint64_t c0 = sim.cycles;
#if TPE_AXI_GEMM
    tb::RunResult got = sim.run_job(a, b);
#elif TPE_AXI
    std::vector<std::string> job_errors;
    sim.begin_job(M, K, N, job_errors);
    tb::RunResult got = tb::run_gemm(sim, a, b);
    sim.end_job(job_errors);
    got.errors.insert(got.errors.end(), job_errors.begin(), job_errors.end());
#else
    const auto desc = tpe::schedule_descriptor();
    tb::OperandTrace trace(desc);
    if (o.check_schedule) sim.before_edge = [&] { tb::trace_ports(trace, *sim.dut, desc); };
    tb::RunResult got = tb::run_gemm(sim, a, b);
    sim.before_edge = nullptr;
    if (o.check_schedule) {
      const std::string diff = tb::compare_with_schedule(trace, tb::trace_schedule(desc, a, b, tpe::kAWidth, tpe::kBWidth));
      if (!diff.empty()) got.errors.push_back(diff);
    }
#endif
    long bad = 0;
    std::string first_bad;
    for (int m = 0; m < M; ++m)
      for (int n = 0; n < N; ++n) {
        const size_t idx = static_cast<size_t>(m) * static_cast<size_t>(N) + static_cast<size_t>(n);
        if (got.c[idx] == expect[idx]) continue;
        if (bad++ == 0)
          first_bad = "C[" + std::to_string(m) + "][" + std::to_string(n) + "] = " + std::to_string(got.c[idx]) +
                      ", expected " + std::to_string(expect[idx]);
      }
    elements += static_cast<uint64_t>(M) * static_cast<uint64_t>(N);
    macs += static_cast<uint64_t>(M) * static_cast<uint64_t>(K) * static_cast<uint64_t>(N);
    const std::string shape = "A[" + std::to_string(M) + "," + std::to_string(K) + "] * B[" + std::to_string(K) +
                              "," + std::to_string(N) + "] = C[" + std::to_string(M) + "," + std::to_string(N) + "]";
    if (bad == 0 && got.errors.empty()) {
      ++passed;
      std::printf("SUCCESS: trial %d: all %d elements match, %s (%" PRIu64 " cycles)\n", t, M * N, shape.c_str(),
                  sim.cycles - c0);
    } else {
      ++failed;
      std::printf("FAIL: trial %d: %ld of %d elements differ, %s%s%s\n", t, bad, M * N, shape.c_str(),
                  bad ? "; first " : "", first_bad.c_str());
      for (auto& e : got.errors) std::printf("FAIL: trial %d: %s\n", t, e.c_str());
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("elements checked: %" PRIu64 ", cycles: %" PRIu64 ", %.0f cycles/s, %.1f GEMMs/s\n", elements,
              sim.cycles, static_cast<double>(sim.cycles) / secs, t / secs);
  if (sim.traced_cycles() > 0)
    std::printf("activity window: cycles %" PRIu64 ", macs %" PRIu64 ", vcd %s\n", sim.traced_cycles(), macs,
                o.vcd.c_str());
#if defined(TPE_DRIVER_REPORT)
  tb::driver_report();  // driver-specific figures (e.g. OPT3 partial products per operand)
#endif
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
