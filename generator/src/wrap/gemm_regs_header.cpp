// The C header written beside an `--wrap axi-gemm` design: the register map, the host's
// layout (element types and containers), the limits and the exact beat counts of both
// streams (macros and functions, AXI_DESIGN.md §1), so a DMA can be programmed in advance.
#include <cctype>

#include <fmt/format.h>

#include "wrap/gemm_subsystem.hpp"

namespace tpegen::wrap {

namespace {

std::string upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

std::string int_type(int bytes, bool is_signed) { return fmt::format("{}int{}_t", is_signed ? "" : "u", 8 * bytes); }

}  // namespace

std::string axi_gemm_regs_header(const std::string& top, const GemmGeometry& g, const DesignConfig& c) {
  const std::string P = upper(top), p = top;
  std::string s;
  s += fmt::format("/* {}_regs.h: the AXI4-Lite registers and the stream layout of {}.\n", top, top);
  s += " * A job: write M, K, N, then CTRL.START; send one input packet, B's rows 0..K-1 then A's rows\n";
  s += " * 0..M-1 (A is M x K, B is K x N, row-major); receive one output packet, C's rows 0..M-1\n";
  s += " * (M x N). Every row starts on a beat and is zero-padded to whole beats; element j of a row\n";
  s += " * is at row bytes [j*E, (j+1)*E), little-endian; tlast marks A's last beat and C's last beat.\n";
  s += " * Only the low A_WIDTH/B_WIDTH bits of A and B are used; C is sign-extended (zero-extended\n";
  s += " * when unsigned) from ACC_WIDTH bits to its container. Send and receive at the same time or\n";
  s += " * one after the other: C starts only after A's last beat. */\n";
  s += fmt::format("#ifndef {0}_REGS_H\n#define {0}_REGS_H\n\n#include <stdint.h>\n\n", P);
  s += "/* Register byte offsets */\n";
  for (auto& r : axi_gemm_registers())
    s += fmt::format("#define {}_REG_{} 0x{:02X}u /* {}: {} */\n", P, r.name, r.offset, r.access, r.doc);
  s += fmt::format(
      "\n#define {0}_CTRL_START (1u << 0)\n#define {0}_CTRL_CLEAR (1u << 1)\n#define {0}_CTRL_ABORT (1u << 2)\n"
      "#define {0}_STATUS_BUSY (1u << 0)\n#define {0}_STATUS_DONE (1u << 1)\n#define {0}_STATUS_ERROR (1u << 2)\n"
      "#define {0}_STATUS_ABORTING (1u << 3)\n"
      "#define {0}_ERROR_SIZE (1u << 0)\n#define {0}_ERROR_FRAMING (1u << 1)\n#define {0}_ERROR_BUSY (1u << 2)\n"
      "#define {0}_ERROR_ABORTED (1u << 3)\n#define {0}_IRQ_DONE (1u << 0)\n#define {0}_IRQ_ERROR (1u << 1)\n"
      "#define {0}_FLAGS_ACC_WRAP (1u << 0)\n#define {0}_ID 0x54504501u\n\n",
      P);
  s += "/* The engine and the host layout */\n";
  s += fmt::format(
      "#define {0}_ROWS {1}\n#define {0}_COLS {2}\n#define {0}_A_WIDTH {3}\n#define {0}_B_WIDTH {4}\n"
      "#define {0}_ACC_WIDTH {5}\n#define {0}_SIGNED {6}\n#define {0}_ACC_WRAP {7}\n"
      "#define {0}_BUS_BYTES {8}u\n#define {0}_A_BYTES {9}u\n#define {0}_B_BYTES {10}u\n#define {0}_C_BYTES {11}u\n"
      "typedef {12} {13}_a_t;\ntypedef {14} {13}_b_t;\ntypedef {15} {13}_c_t;\n\n",
      P, c.rows, c.cols, c.a_width, c.b_width, c.acc_width, c.is_signed ? 1 : 0, c.acc_wrap ? 1 : 0, g.bus_bytes, g.ea,
      g.eb, g.ec, int_type(g.ea, c.is_signed), p, int_type(g.eb, c.is_signed), int_type(g.ec, c.is_signed));
  s += "/* Job limits (the registers of the same names) */\n";
  s += fmt::format("#define {0}_M_LIMIT {1}u\n#define {0}_K_LIMIT {2}u\n#define {0}_N_LIMIT {3}u\n#define {0}_MAX_K {4}u\n\n",
                   P, g.m_limit, g.k_limit, g.n_limit, g.max_k);
  s += "/* Exact beat counts of a job: timing-independent */\n";
  s += fmt::format(
      "#define {0}_ROW_BEATS(n, bytes) (((uint64_t)(n) * (bytes) + {0}_BUS_BYTES - 1u) / {0}_BUS_BYTES)\n"
      "#define {0}_IN_BEATS(m, k, n) ((uint64_t)(k) * {0}_ROW_BEATS(n, {0}_B_BYTES) + "
      "(uint64_t)(m) * {0}_ROW_BEATS(k, {0}_A_BYTES))\n"
      "#define {0}_OUT_BEATS(m, n) ((uint64_t)(m) * {0}_ROW_BEATS(n, {0}_C_BYTES))\n"
      "static inline uint64_t {1}_in_beats(uint32_t m, uint32_t k, uint32_t n) {{ return {0}_IN_BEATS(m, k, n); }}\n"
      "static inline uint64_t {1}_out_beats(uint32_t m, uint32_t n) {{ return {0}_OUT_BEATS(m, n); }}\n"
      "/* Whether the hardware accepts the sizes (else START sets ERROR_SIZE) */\n"
      "static inline int {1}_sizes_ok(uint32_t m, uint32_t k, uint32_t n) {{\n"
      "  return m >= 1u && m <= {0}_M_LIMIT && k >= 1u && k <= {0}_K_LIMIT && n >= 1u && n <= {0}_N_LIMIT;\n}}\n\n",
      P, p);
  s += fmt::format("#endif /* {}_REGS_H */\n", P);
  return s;
}

}  // namespace tpegen::wrap
