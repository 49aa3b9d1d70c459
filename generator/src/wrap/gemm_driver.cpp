// The C driver of `--wrap axi-gemm` (see gemm_driver.hpp). The text is fixed C with the
// design's names and constants filled in; everything design-specific it needs comes from
// `<top>_regs.h`, except the sign extension of C, which is written for the design's
// accumulator (a signed conversion of an out-of-range value would be implementation-defined).
#include "wrap/gemm_driver.hpp"

#include <cctype>
#include <cstdint>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace tpegen::wrap {

namespace {

/// Replaces the @NAME@ fields of `extra`, then @P@ (upper-case top) and @p@ (top).
std::string driver_fill(std::string text, const std::string& top,
                        const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  std::string P = top;
  for (auto& ch : P) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::vector<std::pair<std::string, std::string>> fields = extra;
  fields.emplace_back("@P@", P);
  fields.emplace_back("@p@", top);
  for (const auto& [key, value] : fields)
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  return text;
}

constexpr const char* kDriverHeader = R"(/* @p@_driver.h: a portable C99 driver of @p@ (only <stdint.h> and <stddef.h>).
 * The integrator gives the register and stream access as callbacks in a @p@_dev:
 *
 *   static uint32_t rd(void *ctx, uint32_t off) { return *(volatile uint32_t *)((uintptr_t)ctx + off); }
 *   ...
 *   @p@_dev dev = {base, wr, rd, send_beat, recv_beat, NULL, 1000000u};
 *   uint32_t err = @p@_init(&dev);
 *   if (err == 0u) err = @p@_gemm(&dev, a, lda, b, ldb, c, ldc, m, k, n);
 *
 * @p@_gemm() checks the sizes, writes M, K, N and CTRL.START, sends B's rows then A's rows in
 * the stream layout of @p@_regs.h while it receives C's rows (both at once: neither stream
 * waits for the other to finish), and returns the ERROR bits of the job (0: C is complete)
 * together with the driver's own bits below. Matrices are row-major with leading dimensions
 * (in elements). Only the low @P@_A_WIDTH / @P@_B_WIDTH bits of A and B are used; C is
 * sign-extended (zero-extended when unsigned) from @P@_ACC_WIDTH bits to @p@_c_t. */
#ifndef @P@_DRIVER_H
#define @P@_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include "@p@_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The driver's error bits, above the hardware's ERROR bits (@P@_ERROR_*) */
#define @P@_DRV_BAD_M (1u << 16)    /* M not in 1..@P@_M_LIMIT (with @P@_ERROR_SIZE; nothing started) */
#define @P@_DRV_BAD_K (1u << 17)    /* K not in 1..@P@_K_LIMIT (with @P@_ERROR_SIZE) */
#define @P@_DRV_BAD_N (1u << 18)    /* N not in 1..@P@_N_LIMIT (with @P@_ERROR_SIZE) */
#define @P@_DRV_BAD_ARGS (1u << 19) /* a NULL matrix or callback, or a leading dimension below its row */
#define @P@_DRV_TIMEOUT (1u << 20)  /* dev->timeout calls without progress: the job was aborted */
#define @P@_DRV_TLAST (1u << 21)    /* C's tlast was not on exactly its last beat */
#define @P@_DRV_DEVICE (1u << 22)   /* @p@_init: ID, bus width or limits are not this header's */

typedef struct {
  void *ctx; /* passed to every callback */
  void (*reg_write32)(void *ctx, uint32_t offset, uint32_t value);
  uint32_t (*reg_read32)(void *ctx, uint32_t offset);
  /* Offer one beat (@P@_BUS_BYTES bytes, tlast = last) on s_axis: 1 when it was taken, 0 when
   * not yet; the driver then offers the same beat again (AXI4-Stream: tvalid stays high). */
  int (*stream_send)(void *ctx, const uint8_t *beat, int last);
  /* Take at most one beat from m_axis: 1 when `beat` and `*last` (tlast) were filled. */
  int (*stream_recv)(void *ctx, uint8_t *beat, int *last);
  /* NULL: poll STATUS for DONE. Else the driver enables the DONE interrupt and calls this to
   * block until irq_o (WFI, an OS event); it clears IRQ_STATUS afterwards. */
  void (*wait_irq)(void *ctx);
  uint32_t timeout; /* callback rounds without progress before the driver gives up (0: never) */
} @p@_dev;

/* Reads ID, BUS_WIDTH, M/K/N_LIMIT and MAX_K and compares them with this header (0 or
 * @P@_DRV_DEVICE); ends a job left running (ABORT) and clears DONE and ERROR. */
uint32_t @p@_init(const @p@_dev *d);
/* The hardware's START checks (ERROR.SIZE): 0, or @P@_ERROR_SIZE with the @P@_DRV_BAD_* bits. */
uint32_t @p@_check_sizes(uint32_t m, uint32_t k, uint32_t n);
/* C (m x n) = A (m x k) * B (k x n), blocking. */
uint32_t @p@_gemm(const @p@_dev *d, const @p@_a_t *a, size_t lda, const @p@_b_t *b, size_t ldb, @p@_c_t *c,
                  size_t ldc, uint32_t m, uint32_t k, uint32_t n);
/* CTRL.ABORT, taking (and dropping) C beats until DONE; returns ERROR (@P@_ERROR_ABORTED). */
uint32_t @p@_abort(const @p@_dev *d);

#ifdef __cplusplus
}
#endif

#endif /* @P@_DRIVER_H */
)";

constexpr const char* kDriverSource = R"(/* @p@_driver.c: see @p@_driver.h. */
#include "@p@_driver.h"

static uint32_t @p@_rd(const @p@_dev *d, uint32_t offset) { return d->reg_read32(d->ctx, offset); }
static void @p@_wr(const @p@_dev *d, uint32_t offset, uint32_t value) { d->reg_write32(d->ctx, offset, value); }

uint32_t @p@_check_sizes(uint32_t m, uint32_t k, uint32_t n) {
  uint32_t e = 0u;
  if (m < 1u || m > @P@_M_LIMIT) e |= @P@_DRV_BAD_M;
  if (k < 1u || k > @P@_K_LIMIT) e |= @P@_DRV_BAD_K;
  if (n < 1u || n > @P@_N_LIMIT) e |= @P@_DRV_BAD_N;
  return e != 0u ? e | @P@_ERROR_SIZE : 0u;
}

uint32_t @p@_abort(const @p@_dev *d) {
  uint8_t beat[@P@_BUS_BYTES];
  uint32_t polls = 0u;
  int last = 0;
  @p@_wr(d, @P@_REG_CTRL, @P@_CTRL_ABORT);
  /* A C beat on offer must be taken, and the packet is closed by one beat with tlast. */
  while ((@p@_rd(d, @P@_REG_STATUS) & @P@_STATUS_DONE) == 0u) {
    if (d->stream_recv != NULL) (void)d->stream_recv(d->ctx, beat, &last);
    if (d->timeout != 0u && ++polls >= d->timeout) return @p@_rd(d, @P@_REG_ERROR) | @P@_DRV_TIMEOUT;
  }
  return @p@_rd(d, @P@_REG_ERROR);
}

uint32_t @p@_init(const @p@_dev *d) {
  if (d == NULL || d->reg_read32 == NULL || d->reg_write32 == NULL || d->stream_send == NULL || d->stream_recv == NULL)
    return @P@_DRV_BAD_ARGS;
  if (@p@_rd(d, @P@_REG_ID) != @P@_ID || @p@_rd(d, @P@_REG_BUS_WIDTH) != 8u * @P@_BUS_BYTES ||
      @p@_rd(d, @P@_REG_M_LIMIT) != @P@_M_LIMIT || @p@_rd(d, @P@_REG_K_LIMIT) != @P@_K_LIMIT ||
      @p@_rd(d, @P@_REG_N_LIMIT) != @P@_N_LIMIT || @p@_rd(d, @P@_REG_MAX_K) != @MAX_K_REG@)
    return @P@_DRV_DEVICE;
  if ((@p@_rd(d, @P@_REG_STATUS) & @P@_STATUS_BUSY) != 0u) (void)@p@_abort(d);
  @p@_wr(d, @P@_REG_CTRL, @P@_CTRL_CLEAR);
  return 0u;
}

/* Byte x of the input packet's row `row` (B's k rows, then A's), or 0 in its padding. */
static uint8_t @p@_in_byte(const @p@_a_t *a, size_t lda, const @p@_b_t *b, size_t ldb, uint32_t k, uint32_t n,
                           uint32_t row, uint64_t x) {
  uint64_t v;
  if (row < k) {
    if (x >= (uint64_t)n * @P@_B_BYTES) return 0u;
    v = (uint64_t)b[(size_t)row * ldb + (size_t)(x / @P@_B_BYTES)];
    return (uint8_t)(v >> (8u * (unsigned)(x % @P@_B_BYTES)));
  }
  if (x >= (uint64_t)k * @P@_A_BYTES) return 0u;
  v = (uint64_t)a[(size_t)(row - k) * lda + (size_t)(x / @P@_A_BYTES)];
@MUTANT@  return (uint8_t)(v >> (8u * (unsigned)(x % @P@_A_BYTES)));
}

/* C's element from its container bytes: extended from @P@_ACC_WIDTH bits. */
static @p@_c_t @p@_c_value(uint64_t v) {
@C_VALUE@}

uint32_t @p@_gemm(const @p@_dev *d, const @p@_a_t *a, size_t lda, const @p@_b_t *b, size_t ldb, @p@_c_t *c,
                  size_t ldc, uint32_t m, uint32_t k, uint32_t n) {
  const uint64_t in_total = @P@_IN_BEATS(m, k, n), out_total = @P@_OUT_BEATS(m, n);
  const uint64_t b_row_beats = @P@_ROW_BEATS(n, @P@_B_BYTES), a_row_beats = @P@_ROW_BEATS(k, @P@_A_BYTES);
  const uint64_t c_row_beats = @P@_ROW_BEATS(n, @P@_C_BYTES);
  uint8_t tx[@P@_BUS_BYTES], rx[@P@_BUS_BYTES];
  uint64_t sent = 0u, got = 0u, row_beat = 0u, cval = 0u;
  uint32_t row = 0u, idle = 0u, err, i;
  int have = 0;
  if (d == NULL || d->reg_read32 == NULL || d->reg_write32 == NULL || d->stream_send == NULL ||
      d->stream_recv == NULL || a == NULL || b == NULL || c == NULL || lda < k || ldb < n || ldc < n)
    return @P@_DRV_BAD_ARGS;
  err = @p@_check_sizes(m, k, n);
  if (err != 0u) return err;
  if ((@p@_rd(d, @P@_REG_STATUS) & @P@_STATUS_BUSY) != 0u) return @P@_ERROR_BUSY;
  @p@_wr(d, @P@_REG_M, m);
  @p@_wr(d, @P@_REG_K, k);
  @p@_wr(d, @P@_REG_N, n);
  if (d->wait_irq != NULL) {
    @p@_wr(d, @P@_REG_IRQ_STATUS, @P@_IRQ_DONE | @P@_IRQ_ERROR);
    @p@_wr(d, @P@_REG_IRQ_ENABLE, @P@_IRQ_DONE);
  }
  @p@_wr(d, @P@_REG_CTRL, @P@_CTRL_START);
  err = 0u;
  while (sent < in_total || got < out_total) {
    int moved = 0;
    if (sent < in_total) {
      if (!have) {
        const uint64_t first = row_beat * @P@_BUS_BYTES;
        for (i = 0u; i < @P@_BUS_BYTES; ++i) tx[i] = @p@_in_byte(a, lda, b, ldb, k, n, row, first + i);
        have = 1;
      }
      if (d->stream_send(d->ctx, tx, sent + 1u == in_total)) {
        have = 0;
        moved = 1;
        ++sent;
        if (++row_beat == (row < k ? b_row_beats : a_row_beats)) {
          row_beat = 0u;
          ++row;
        }
      }
    }
    if (got < out_total) {
      int last = 0;
      if (d->stream_recv(d->ctx, rx, &last)) {
        const uint64_t r = got / c_row_beats, first = (got % c_row_beats) * @P@_BUS_BYTES;
        for (i = 0u; i < @P@_BUS_BYTES && first + i < (uint64_t)n * @P@_C_BYTES; ++i) {
          const uint64_t x = first + i;
          const unsigned byte = (unsigned)(x % @P@_C_BYTES);
          cval = (byte == 0u ? 0u : cval) | (uint64_t)rx[i] << (8u * byte);
          if (byte == @P@_C_BYTES - 1u) c[(size_t)r * ldc + (size_t)(x / @P@_C_BYTES)] = @p@_c_value(cval);
        }
        if ((last != 0) != (got + 1u == out_total)) err |= @P@_DRV_TLAST;
        moved = 1;
        ++got;
      }
    }
    if (moved) {
      idle = 0u;
    } else if (d->timeout != 0u && ++idle >= d->timeout) {
      return err | @P@_DRV_TIMEOUT | @p@_abort(d);
    }
  }
  idle = 0u;
  while ((@p@_rd(d, @P@_REG_STATUS) & @P@_STATUS_DONE) == 0u) {
    if (d->wait_irq != NULL) d->wait_irq(d->ctx);
    if (d->timeout != 0u && ++idle >= d->timeout) return err | @P@_DRV_TIMEOUT | @p@_abort(d);
  }
  if (d->wait_irq != NULL) @p@_wr(d, @P@_REG_IRQ_STATUS, @P@_IRQ_DONE | @P@_IRQ_ERROR);
  return err | @p@_rd(d, @P@_REG_ERROR);
}
)";

/// The body of `<top>_c_value`: sign or zero extension from acc_width bits to the container.
std::string c_value_body(const std::string& top, const DesignConfig& c) {
  const int acc = c.acc_width;
  const uint64_t mask = acc >= 64 ? ~0ULL : (1ULL << acc) - 1;
  if (!c.is_signed) return fmt::format("  return ({}_c_t)(v & UINT64_C(0x{:X}));\n", top, mask);
  // A negative raw is raw - 2^acc = -(~raw & mask) - 1, computed without an out-of-range conversion.
  return fmt::format(
      "  const uint64_t raw = v & UINT64_C(0x{0:X});\n"
      "  if (((raw >> {1}u) & 1u) != 0u) return ({2}_c_t)(-(int64_t)(~raw & UINT64_C(0x{0:X})) - 1);\n"
      "  return ({2}_c_t)raw;\n",
      mask, acc - 1, top);
}

}  // namespace

std::string axi_gemm_driver_header(const std::string& top, const DesignConfig&) { return driver_fill(kDriverHeader, top); }

std::string axi_gemm_driver_source(const std::string& top, const GemmGeometry& g, const DesignConfig& c) {
  // The mutant: A's column 1 goes out with its lowest bit flipped.
  const std::string mutant = c.inject_bug == "driver_pack" ? "  if (x / @P@_A_BYTES == 1u && x % @P@_A_BYTES == 0u) v ^= 1u;\n" : "";
  return driver_fill(kDriverSource, top,
                     {{"@MUTANT@", mutant},
                      {"@C_VALUE@", c_value_body(top, c)},
                      {"@MAX_K_REG@", fmt::format("{}u", static_cast<uint64_t>(g.max_k) & 0xFFFFFFFFULL)}});
}

}  // namespace tpegen::wrap
