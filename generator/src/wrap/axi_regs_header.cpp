// The C header written beside a wrapped design: register map, record layouts, and a
// minimal driver (start a job, pack a record field, wait for the end).
#include <cctype>

#include <fmt/format.h>

#include "wrap/axi_wrapper.hpp"

namespace tpegen::wrap {

namespace {

std::string upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

std::string axi_regs_header(const std::string& top, const AxiLayout& l, const DesignConfig& c) {
  const std::string P = upper(top), p = top;
  std::string s;
  s += fmt::format("/* {}_regs.h: AXI4-Lite registers and AXI4-Stream record layouts of {}.\n", top, top);
  s += " * Records are little-endian bit strings: record bit i is bit i%8 of byte i/8, and beat b of a\n";
  s += " * stream carries bytes [b*AXIS_BYTES, (b+1)*AXIS_BYTES) of the record (zero padding at the end).\n";
  s += " * One input record is one engine step (the ports of the engine at one clock edge, see the\n";
  s += " * manifest's port docs and timing); one output record is the engine's outputs in a cycle with a\n";
  s += " * result. */\n";
  s += fmt::format("#ifndef {0}_REGS_H\n#define {0}_REGS_H\n\n#include <stdint.h>\n\n", P);
  s += "/* Register byte offsets */\n";
  for (auto& r : axi_registers()) s += fmt::format("#define {}_REG_{} 0x{:02X}u /* {}: {} */\n", P, r.name, r.offset, r.access, r.doc);
  s += fmt::format(
      "\n#define {0}_CTRL_START (1u << 0)\n#define {0}_CTRL_CLEAR (1u << 1)\n#define {0}_CTRL_ABORT (1u << 2)\n"
      "#define {0}_STATUS_BUSY (1u << 0)\n#define {0}_STATUS_DONE (1u << 1)\n#define {0}_STATUS_ERROR (1u << 2)\n"
      "#define {0}_ERROR_SIZE (1u << 0)\n#define {0}_ERROR_FRAMING (1u << 1)\n#define {0}_ERROR_BUSY (1u << 2)\n"
      "#define {0}_ERROR_ABORTED (1u << 3)\n#define {0}_IRQ_DONE (1u << 0)\n#define {0}_IRQ_ERROR (1u << 1)\n"
      "#define {0}_FLAGS_ACC_WRAP (1u << 0)\n\n",
      P);
  s += "/* Engine parameters */\n";
  s += fmt::format(
      "#define {0}_ROWS {1}\n#define {0}_COLS {2}\n#define {0}_DEPTH {3}\n#define {0}_A_WIDTH {4}\n#define {0}_B_WIDTH "
      "{5}\n#define {0}_ACC_WIDTH {6}\n#define {0}_SIGNED {7}\n#define {0}_MAX_K {8}u /* the MAX_K register */\n"
      "#define {0}_ACC_WRAP {9}\n\n",
      P, c.rows, c.cols, c.depth, c.a_width, c.b_width, c.acc_width, c.is_signed ? 1 : 0, axi_limits(c).max_k,
      c.acc_wrap ? 1 : 0);
  s += "/* Streams */\n";
  s += fmt::format("#define {0}_AXIS_BYTES {1}\n#define {0}_IN_BITS {2}\n#define {0}_IN_BEATS {3}\n#define {0}_IN_BYTES {4}\n",
                   P, c.axis_width / 8, l.in_bits, l.in_beats, l.in_beats * c.axis_width / 8);
  s += fmt::format("#define {0}_OUT_BITS {1}\n#define {0}_OUT_BEATS {2}\n#define {0}_OUT_BYTES {3}\n\n", P, l.out_bits,
                   l.out_beats, l.out_beats * c.axis_width / 8);
  s += "/* Fields of the input record (an engine input port each): LSB and width */\n";
  for (auto& f : l.in) s += fmt::format("#define {0}_IN_{1}_LSB {2}\n#define {0}_IN_{1}_WIDTH {3}\n", P, upper(f.port), f.lsb, f.width);
  s += "/* Fields of the output record (an engine output port each) */\n";
  for (auto& f : l.out)
    s += fmt::format("#define {0}_OUT_{1}_LSB {2}\n#define {0}_OUT_{1}_WIDTH {3}\n", P, upper(f.port), f.lsb, f.width);
  s += fmt::format(R"(
/* Writes `width` (<= 64) bits of `value` at bit `lsb` of a record. */
static inline void {0}_put(uint8_t *rec, unsigned lsb, unsigned width, uint64_t value) {{
  for (unsigned i = 0; i < width; ++i) {{
    const unsigned b = lsb + i;
    rec[b / 8] = (uint8_t)((rec[b / 8] & ~(1u << (b % 8))) | (((value >> i) & 1u) << (b % 8)));
  }}
}}

/* Reads `width` (<= 64) bits at bit `lsb` of a record. */
static inline uint64_t {0}_get(const uint8_t *rec, unsigned lsb, unsigned width) {{
  uint64_t v = 0;
  for (unsigned i = 0; i < width; ++i) v |= (uint64_t)((rec[(lsb + i) / 8] >> ((lsb + i) % 8)) & 1u) << i;
  return v;
}}

/* Starts a job of an M x K x N GEMM; `regs` is the AXI4-Lite window. Returns 0, or the
 * ERROR register when the wrapper refused (e.g. K > MAX_K). Then stream the input records
 * (tlast on the last beat of the last one) and read the output records. */
static inline uint32_t {0}_start(volatile uint32_t *regs, uint32_t m, uint32_t k, uint32_t n) {{
  regs[{1}_REG_M / 4] = m;
  regs[{1}_REG_K / 4] = k;
  regs[{1}_REG_N / 4] = n;
  regs[{1}_REG_CTRL / 4] = {1}_CTRL_START;
  return regs[{1}_REG_ERROR / 4];
}}

/* Ends the running job: the input stream closes, results still in the engine and the FIFO are
 * dropped, the record being sent goes out whole; then DONE, with ERROR_ABORTED. */
static inline void {0}_abort(volatile uint32_t *regs) {{
  regs[{1}_REG_CTRL / 4] = {1}_CTRL_ABORT;
}}

/* Waits for the end of the job (every result record sent); returns the ERROR register. */
static inline uint32_t {0}_wait(volatile uint32_t *regs) {{
  while (!(regs[{1}_REG_STATUS / 4] & {1}_STATUS_DONE)) {{
  }}
  return regs[{1}_REG_ERROR / 4];
}}

#endif
)",
                   p, P);
  return s;
}

}  // namespace tpegen::wrap
