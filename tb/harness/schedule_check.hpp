// `--check-schedule`: before each clock edge, the bare engine's inputs as it takes them, into
// the design-independent OperandTrace (harness/operand_trace.hpp) that the harness compares
// with the golden schedule's.
#pragma once

#include <cstdint>
#include <vector>

#include "golden/schedule.hpp"
#include "harness/operand_trace.hpp"
#include "harness/sim.hpp"

#if !TPE_AXI  // the bare engine's ports
namespace tb {

/// Before each edge (Sim::before_edge): the hand driver's inputs as the engine takes them.
inline void trace_ports(OperandTrace& t, Vdut& d, const tpegen::golden::ScheduleDescriptor& desc) {
  constexpr int WA = tpe::kAWidth, WB = tpe::kBWidth;
  std::vector<uint64_t> a, b;
  for (int l = 0; l < desc.a.lanes(); ++l) a.push_back(get(d.a_i, l * WA, WA));
#if TPE_WEIGHT_BANKS
  for (int l = 0; l < desc.b.lanes(); ++l) b.push_back(get(d.w_i, l * WB, WB));
  t.edge(t.edges(), d.valid_i, true, true, a, b, d.bank_i, false, d.w_we_i ? static_cast<int>(d.w_row_i) : -1, d.w_bank_i);
#else
  for (int l = 0; l < desc.b.lanes(); ++l) b.push_back(get(d.b_i, l * WB, WB));
#if TPE_VALID_READY
  d.eval();  // a_ready_o of this cycle
  t.edge(t.edges(), d.a_valid_i && d.a_ready_o, d.first_i, d.last_i, a, b, 0, false, -1, 0);
#elif TPE_HELD_WEIGHTS
  t.edge(t.edges(), d.valid_i, d.first_i, d.last_i, a, b, 0, d.w_load_i, -1, 0);
#else
  t.edge(t.edges(), d.valid_i, d.first_i, d.last_i, a, b, 0, false, -1, 0);
#endif
#endif
}

}  // namespace tb
#endif  // !TPE_AXI
