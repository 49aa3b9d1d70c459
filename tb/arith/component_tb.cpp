// Verilator harness of a stand-alone arithmetic component (tpegen arith): applies every
// line of vectors.txt and checks the outputs twice: against the C++ model's values in the
// file (bit-exact: same sum/carry split) and against the arithmetic they must satisfy
// (p == a*b; s' + c' == s + c + a*b, modulo the output width).
// component_params.h (written by check_component.sh into the model's build folder) defines
// COMP_STEP (else multiplier), A_W, B_W, ACC_W, IS_SIGNED, PIPELINED (one register stage:
// each vector is clocked in and its outputs read after the edge). A header, not -D flags, so
// that every component's build compiles Verilator's runtime with the same flags (ccache hits).
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "Vdut.h"
#include "component_params.h"
#include "golden/gemm.hpp"
#include "harness/port_io.hpp"
#include "verilated.h"

namespace {

template <class Dut>
void settle(Dut& dut) {
#ifdef PIPELINED
  dut.clk_i = 0;
  dut.eval();
  dut.clk_i = 1;
#endif
  dut.eval();
}

int64_t operand(uint64_t raw, int width) {
  return IS_SIGNED ? tpegen::golden::sign_extend(raw, width) : static_cast<int64_t>(raw);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: Vdut vectors.txt\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  auto ctx = std::make_unique<VerilatedContext>();
  auto dut = std::make_unique<Vdut>(ctx.get());
  uint64_t passed = 0, failed = 0;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream s(line);
    uint64_t a, b;
    s >> std::hex >> a >> b;
    tb::put(dut->a_i, 0, A_W, a);
    tb::put(dut->b_i, 0, B_W, b);
    const uint64_t prod = static_cast<uint64_t>(operand(a, A_W) * operand(b, B_W));
#ifdef COMP_STEP
    uint64_t si, ci, s_model, c_model;
    s >> si >> ci >> s_model >> c_model;
    tb::put(dut->s_i, 0, ACC_W, si);
    tb::put(dut->c_i, 0, ACC_W, ci);
    settle(*dut);
    const uint64_t so = tb::get(dut->s_o, 0, ACC_W), co = tb::get(dut->c_o, 0, ACC_W);
    const uint64_t m = tpegen::golden::low_mask(ACC_W);
    const bool ok = so == s_model && co == c_model && ((so + co) & m) == ((si + ci + prod) & m);
#else
    uint64_t p_model;
    s >> p_model;
    settle(*dut);
    const uint64_t p = tb::get(dut->p_o, 0, A_W + B_W);
    const bool ok = p == p_model && p == (prod & tpegen::golden::low_mask(A_W + B_W));
#endif
    if (ok) {
      ++passed;
    } else if (++failed <= 10) {
      std::printf("FAIL: vector '%s'\n", line.c_str());
    }
  }
  dut->final();
  std::printf("vectors checked: %" PRIu64 "\n%" PRIu64 " passed, %" PRIu64 " failed\n", passed, passed, failed);
  return failed == 0 && passed > 0 ? 0 : 1;
}
