// The AXI4-Lite register slave shared by the AXI wrappers, built as IR inside the wrapper module:
// 32-bit registers at word offsets, one write and one read in flight, WSTRB honoured, SLVERR for
// an unmapped or misaligned address or an access the register does not allow.
#pragma once

#include <string>
#include <vector>

#include "ir/module.hpp"

namespace tpegen::wrap {

/// One register of the map. `read` is its value (nullptr: write-only).
struct LiteRegister {
  std::string name;
  int offset = 0;  // byte offset, a multiple of 4
  bool writable = false;
  ir::ExprP read;
  ir::ExprP write_ok = nullptr;  // when writes are allowed (1 bit; null: always); else SLVERR, no change
};

/// What the wrapper's logic sees of the slave.
struct LiteSlave {
  ir::ExprP wdata;     // the write's data with the bytes WSTRB leaves out as 0
  ir::ExprP byte_en;   // WSTRB expanded to 32 bit enables
  /// An accepted, mapped write to the register at `offset` (one cycle).
  ir::ExprP write_at(int offset) const;
  /// `old` with the written bytes replaced (for a read-write register).
  ir::ExprP merged(const ir::ExprP& old) const;

  ir::ExprP wr_go, wr_idx;
  int idx_bits = 0;
};

/// IRQ_ENABLE (0x30, RW) and IRQ_STATUS (0x34, write 1 to clear), 2 bits each: bit 0 DONE,
/// bit 1 ERROR. Both wrappers' maps have them.
inline constexpr int kIrqEnableOffset = 0x30, kIrqStatusOffset = 0x34;
struct LiteIrq {
  ir::ExprP enable, status;  // the registers, for the map's read values
};
LiteIrq irq_registers(ir::Module& m);
/// Their logic: `events` ({ERROR, DONE}, 2 bits) set IRQ_STATUS bits, a write of 1s clears them,
/// and `irq_o` is high while a set bit is enabled.
void drive_irq(ir::Module& m, const LiteSlave& lite, const LiteIrq& irq, const ir::ExprP& events,
               const ir::ExprP& irq_o);

/// The byte-address width that covers the map.
int lite_address_bits(const std::vector<LiteRegister>& regs);

/// Adds the s_axi_* ports and the slave's logic to `m`. Register values are read in the cycle
/// the read is accepted; writes take effect at the end of the cycle they are accepted.
LiteSlave add_axi_lite_slave(ir::Module& m, const std::vector<LiteRegister>& regs);

}  // namespace tpegen::wrap
