// Output-stationary systolic array (spec §3): R x C PEs; row i of A enters the left edge
// skewed by i cycles, column j of B the top edge skewed by j cycles (skew buffers are
// inside the array, so the caller presents one unskewed A column and B row per cycle).
// Each PE multiplies, accumulates locally and forwards A (with valid/first/last) right
// and B down. Drain `buffered`: on `last` a PE captures its result into a drain register;
// drain registers of a column form a chain that shifts towards row 0 and leaves at the top
// edge while the accumulators already compute the next tile. Drain `shift`: no drain
// registers; after `last` the accumulators themselves form that chain until the PE's next
// `first` (the next tile waits for the chain to empty: first_after_last_cycles).
// PE `opt1` keeps the accumulator and the drain chain in carry-save form (sum, carry):
// one compressor tree per PE and cycle, one registered read-out adder per column. Drain
// `resolved` (opt1): buffered, but each PE resolves its pair into a binary drain register
// (arch/drain_resolved.cpp), so the chain and the read-out are binary.
//
// This file is the one to copy for a new architecture (the steps are listed in
// registry.hpp). Its parts, in order:
//   build_pe        the PE module: the IR of one processing element (ports, registers,
//                   arithmetic from arch/common.hpp or the bit-heap library);
//   build           the core module in named steps (localparams, ports, links, edges, read-out,
//                   PE grid), then wrap_in_pipeline for --in-regs/--out-regs;
//   timing          the manifest's interface and schedule: the testbench driver and the AXI
//                   wrapper read the latencies from here, so they must match the RTL exactly;
//   schedule        the loops that feed the engine (model/golden/schedule.hpp), built on timing;
//   describe_...    the registry entry: dimensions, PE variants and the hooks.
// Names follow lowRISC style: ports *_i/*_o, registers *_q, instances u_*, loops g_*.
#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/drain_resolved.hpp"
#include "arch/opt1_common.hpp"
#include "arch/readout_adder.hpp"
#include "arch/registry.hpp"
#include "arch/schedule_base.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {
namespace {

using namespace ir;

// Width of a drain-chain slot: the result, or its carry-save pair (sum low, carry high).
int drain_width(const DesignConfig& c) {
  return c.pe == "opt1" && !drain_resolved(c) ? 2 * c.acc_width : c.acc_width;
}

// ---- The PE module: ports, accumulator, drain slot, forwarding registers ----

void declare_pe_ports(Module& m, const DesignConfig& c) {
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  m.input("a_i", c.a_width);
  m.input("b_i", c.b_width);
  m.input("valid_i", 1);
  m.input("first_i", 1);
  m.input("last_i", 1);
  m.input("drain_i", drain_width(c), "result shifting up from the PE below");
  m.input("drain_valid_i", 1);
  m.output("a_o", c.a_width);
  m.output("b_o", c.b_width);
  m.output("valid_o", 1);
  m.output("first_o", 1);
  m.output("last_o", 1);
  m.output("drain_o", drain_width(c));
  m.output("drain_valid_o", 1);
}

// Shift drain: shift_q = "the last valid step ended a tile", so acc_q holds (or passes up)
// results; the PE leaves the chain when the next tile's first step arrives. Returns the
// `shifting` wire (nullptr with the buffered drain).
ExprP shift_state(Module& m, const DesignConfig& c) {
  if (c.drain != "shift") return nullptr;
  auto valid_i = ref("valid_i", 1);
  auto shift_q = m.reg("shift_q", 1);
  m.update_with_reset(shift_q, mux(valid_i, ref("last_i", 1), shift_q), 0);
  return m.wire("shifting", band(shift_q, bnot(valid_i)));
}

// acc_q's update; returns acc_d, the accumulator after this cycle's step.
ExprP accumulate(Module& m, const DesignConfig& c, const ExprP& acc_q, const ExprP& shifting) {
  auto a_i = ref("a_i", c.a_width), b_i = ref("b_i", c.b_width), valid_i = ref("valid_i", 1);
  auto first_i = ref("first_i", 1), drain_i = ref("drain_i", drain_width(c));
  if (c.pe == "opt1") {
    // acc_q = {carry, sum}; the compressor tree replaces the multiplier and the adder.
    // No enable on the 2 x acc_width state: a bubble (valid_i = 0) feeds a = 0 and no
    // `first`, so the tree adds 0 and the pair keeps its value (not its bit pattern).
    // first_i clears by gating the feedback inside the tree (opt1_step_net).
    auto a_g = m.wire("a_g", mux(valid_i, a_i, constant(c.a_width, 0)));
    auto first_g = m.wire("first_g", band(valid_i, first_i));
    auto next = opt1_step(m, c, 1, true, "t_", {a_g, b_i, first_g, bits(acc_q, 0, c.acc_width),
                                                bits(acc_q, c.acc_width, c.acc_width)});
    auto acc_d = m.wire("acc_d", concat({next[1], next[0]}));
    // Shifting, the pair moves up as a pair; the column's read-out adder resolves it.
    m.update(acc_q, shifting ? mux(shifting, drain_i, acc_d) : acc_d,
             idle_enable(c, shifting ? bor(valid_i, shifting) : valid_i));
    return acc_d;
  }
  auto prod = product_to_acc(m, "prod", a_i, b_i, c);
  auto sum = acc_add(m, "acc_sum", acc_q, prod, c);
  auto acc_d = m.wire("acc_d", mux(first_i, prod, sum));
  if (shifting)
    m.update(acc_q, mux(shifting, drain_i, acc_d), bor(valid_i, shifting));
  else
    m.update(acc_q, acc_d, valid_i);
  return acc_d;
}

// The drain slot (drain_q, or acc_q itself when shifting) and drain_valid_q, "the slot holds
// a result"; returns {slot, valid}.
std::pair<ExprP, ExprP> drain_slot(Module& m, const DesignConfig& c, const ExprP& acc_q, const ExprP& acc_d,
                                   const ExprP& shifting, ReadoutAdder& adder) {
  auto drain_i = ref("drain_i", drain_width(c)), drain_valid_i = ref("drain_valid_i", 1);
  ExprP capture;
  ExprP slot = acc_q;
  if (drain_resolved(c)) {
    slot = resolved_drain_slot(m, c, acc_q, drain_i, capture, adder);
  } else {
    capture = m.wire("capture", band(ref("valid_i", 1), ref("last_i", 1)));
    if (!shifting) {
      slot = m.reg("drain_q", drain_width(c));
      m.update(slot, mux(capture, acc_d, drain_i), idle_enable(c, bor(capture, drain_valid_i)));
    }
  }
  auto drain_valid_q = m.reg("drain_valid_q", 1);
  m.update_with_reset(drain_valid_q, bor(capture, shifting ? band(shifting, drain_valid_i) : drain_valid_i), 0);
  return {slot, drain_valid_q};
}

// a right, b down, valid/first/last right: one register each per PE (the systolic rhythm).
// Every consumer qualifies a, b, first and last by valid, so under --clock-gate they hold.
void forward(Module& m, const DesignConfig& c) {
  struct Link {
    const char* name;
    int width;
    bool reset;  // valid is the only control signal: reset
  };
  const Link links[] = {{"a", c.a_width, false}, {"b", c.b_width, false}, {"valid", 1, true},
                        {"first", 1, false},     {"last", 1, false}};
  for (auto& l : links) m.reg(fmt::format("{}_q", l.name), l.width);
  for (auto& l : links) {
    auto q = ref(fmt::format("{}_q", l.name), l.width), in = ref(fmt::format("{}_i", l.name), l.width);
    if (l.reset)
      m.update_with_reset(q, in, 0);
    else
      m.update(q, in, idle_enable(c, ref("valid_i", 1)));
  }
  for (auto& l : links) m.assign(ref(fmt::format("{}_o", l.name), l.width), ref(fmt::format("{}_q", l.name), l.width));
}

const Module& build_pe(Design& d, const DesignConfig& c, ReadoutAdder& adder) {
  Module& m = d.add_module(canonical_name(c) + "_pe");
  describe_module(m, c.pe == "opt1"
                         ? "Output-stationary OPT1 PE: {sum, carry} = compress(pp(a*b), sum, carry); drain chain up."
                         : "Output-stationary PE: acc += a * b; forwards a right and b down; drain chain up.");
  declare_pe_ports(m, c);
  auto acc_q = m.reg("acc_q", c.pe == "opt1" ? 2 * c.acc_width : c.acc_width);  // opt1: {carry, sum}
  const ExprP shifting = shift_state(m, c);
  const ExprP acc_d = accumulate(m, c, acc_q, shifting);
  const auto [slot, slot_valid] = drain_slot(m, c, acc_q, acc_d, shifting, adder);
  forward(m, c);
  m.assign(ref("drain_o", drain_width(c)), slot);
  m.assign(ref("drain_valid_o", 1), slot_valid);
  return m;
}

// ---- The array (core) module, in the order it is built: names, ports, links, edges, PEs ----

// The core's localparams: the slices of the PE grid are written with these names.
struct GridParams {
  Param rows, cols, wa, wb, dw;
};

GridParams declare_params(Module& m, const DesignConfig& c) {
  return {m.localparam("ROWS", c.rows, "PE rows R"), m.localparam("COLS", c.cols, "PE columns C"),
          m.localparam("WA", c.a_width, "A operand bits"), m.localparam("WB", c.b_width, "B operand bits"),
          m.localparam("DW", drain_width(c),
                       drain_width(c) > c.acc_width ? "drain slot bits: a carry-save pair (sum low, carry high)"
                                      : "drain slot bits: one result")};
}

void declare_ports(Module& m, const DesignConfig& c) {
  const int R = c.rows, C = c.cols;
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  m.input("a_i", R * c.a_width, "A[m0+i][k] for row i at bits [i*WA +: WA]");
  m.input("b_i", C * c.b_width, "B[k][n0+j] for column j at bits [j*WB +: WB]");
  m.input("valid_i", 1, "a_i/b_i carry one k step", true);
  m.input("first_i", 1, "this k step starts a new output tile");
  m.input("last_i", 1, "this k step ends the output tile");
  m.output("c_o", C * c.acc_width, "column j result at bits [j*ACC +: ACC]");
  m.output("c_valid_o", C, "bit j: c_o column j holds a result", true);
}

// The links between PEs, as flat vectors of slots. Horizontal (a, valid, first, last),
// column by column: PE(i,j) reads slot j*R+i and drives slot (j+1)*R+i, so the left edge
// is slots 0..R-1 and the right edge the last R. Vertical (b down, drain up), row by row:
// PE(i,j) reads b from slot i*C+j and drives (i+1)*C+j; it reads the drain chain from the
// row below, (i+1)*C+j, and drives i*C+j, so row 0 drives the top edge, slots 0..C-1.
void declare_links(Module& m, const DesignConfig& c) {
  const int H = (c.cols + 1) * c.rows, V = (c.rows + 1) * c.cols;
  m.wire("a_h", H * c.a_width);
  m.wire("valid_h", H);
  m.wire("first_h", H);
  m.wire("last_h", H);
  m.wire("b_v", V * c.b_width);
  m.wire("drain_v", V * drain_width(c));
  m.wire("drain_valid_v", V);
}

// Left and top edges: row i of A (with its valid/first/last) enters i cycles late, column j
// of B j cycles late, so that A[m][k] and B[k][n] meet in PE(m,n). Bottom edge: nothing
// drains into the last row.
void feed_edges(Module& m, const DesignConfig& c) {
  const int R = c.rows, C = c.cols, WA = c.a_width, WB = c.b_width, DW = drain_width(c);
  skew(m, "a_skew", ref("a_i", R * WA), slice("a_h", 0, R * WA), R, false, false, "left");
  skew(m, "first_skew", replicate(R, ref("first_i", 1)), slice("first_h", 0, R), R, false, false, "left");
  skew(m, "last_skew", replicate(R, ref("last_i", 1)), slice("last_h", 0, R), R, false, false, "left");
  skew(m, "valid_skew", replicate(R, ref("valid_i", 1)), slice("valid_h", 0, R), R, false, true, "left");
  skew(m, "b_skew", ref("b_i", C * WB), slice("b_v", 0, C * WB), C, false, false, "top");
  m.assign(slice("drain_v", R * C * DW, C * DW), constant(C * DW, 0));
  m.assign(slice("drain_valid_v", R * C, C), constant(C, 0));
}

// Top edge: the drain chain leaves column j in slot j; OPT1 resolves the carry-save pairs
// in one registered read-out adder per column.
void read_out(Module& m, const DesignConfig& c, ReadoutAdder& adder) {
  const int C = c.cols, ACC = c.acc_width, DW = drain_width(c);
  auto c_o = ref("c_o", C * ACC), c_valid_o = ref("c_valid_o", C);
  if (c.pe != "opt1" || drain_resolved(c)) {  // binary results in the chain
    m.assign(c_o, slice("drain_v", 0, C * ACC));
    m.assign(c_valid_o, slice("drain_valid_v", 0, C));
    return;
  }
  auto c_q = m.reg("c_q", C * ACC);
  auto c_valid_q = m.reg("c_valid_q", C);
  std::vector<ExprP> sums;  // msb first
  for (int j = C - 1; j >= 0; --j) {
    sums.push_back(adder.place(m, fmt::format("ro{}_", j), slice("drain_v", j * DW, ACC),
                               slice("drain_v", j * DW + ACC, ACC), {"readout", "top"}));
  }
  m.update(c_q, concat(sums));
  m.update_with_reset(c_valid_q, slice("drain_valid_v", 0, C), 0);
  m.assign(c_o, c_q);
  m.assign(c_valid_o, c_valid_q);
}

// Signals leaving the right and bottom edges feed nothing (Verilator's lint accepts an
// unused signal whose name says so).
void mark_unused_edges(Module& m, const DesignConfig& c) {
  const int R = c.rows, C = c.cols, right = C * R;
  m.wire("unused_edge", concat({slice("a_h", right * c.a_width, R * c.a_width), slice("valid_h", right, R),
                                slice("first_h", right, R), slice("last_h", right, R),
                                slice("b_v", R * C * c.b_width, C * c.b_width)}));
}

// The R x C PEs in two generate loops; each PE's slots (see declare_links) are written with
// the localparams, e.g. a_i = a_h[(j*ROWS + i)*WA +: WA].
void pe_grid(Module& m, const Module& pe, const GridParams& p) {
  const Param one{};
  const GridSlots slots{p.rows, p.cols};
  Instance inst{pe.name(), "u_pe", {}, {}, {"pe"}};
  inst.conns = {{"clk_i", ref("clk_i", 1)},
                {"rst_ni", ref("rst_ni", 1)},
                {"a_i", slots.h("a_h", p.wa, false)},
                {"b_i", slots.v("b_v", p.wb, false)},
                {"valid_i", slots.h("valid_h", one, false)},
                {"first_i", slots.h("first_h", one, false)},
                {"last_i", slots.h("last_h", one, false)},
                {"drain_i", slots.v("drain_v", p.dw, true)},
                {"drain_valid_i", slots.v("drain_valid_v", one, true)},
                {"a_o", slots.h("a_h", p.wa, true)},
                {"b_o", slots.v("b_v", p.wb, true)},
                {"valid_o", slots.h("valid_h", one, true)},
                {"first_o", slots.h("first_h", one, true)},
                {"last_o", slots.h("last_h", one, true)},
                {"drain_o", slots.v("drain_v", p.dw, false)},
                {"drain_valid_o", slots.v("drain_valid_v", one, false)}};
  Body& rows = m.generate_for("i", p.rows.value, "g_row");
  nested_for(rows, "j", p.cols.value, "g_col").instances.push_back(std::move(inst));
}

// The descriptor's `build`: the whole design, top module named canonical_name(c).
Design build(const DesignConfig& c) {
  Design d;
  declare_templates(d);
  ReadoutAdder adder(d, c);  // built once: the resolving PE's drain or the column read-out
  const Module& pe = build_pe(d, c, adder);
  Module& m = d.add_module(core_name(c));
  describe_module(m, fmt::format("Output-stationary systolic array, {} x {} PEs.", c.rows, c.cols));
  const GridParams p = declare_params(m, c);
  declare_ports(m, c);
  declare_links(m, c);
  feed_edges(m, c);
  read_out(m, c, adder);
  mark_unused_edges(m, c);
  pe_grid(m, pe, p);
  wrap_in_pipeline(d, m, c);  // --in-regs/--out-regs: the top around the core
  d.top = canonical_name(c);
  return d;
}

Timing timing(const DesignConfig& c) {
  const int readout = c.pe == "opt1" ? 1 : 0;  // the registered read-out adder
  const int io = c.in_regs + c.out_regs + readout;
  Timing t;
  t.dataflow = "output-stationary";
  t.doc["feed"] =
      "each cycle with valid_i=1 carries one k step: a_i[i] = A[m0+i][k], b_i[j] = B[k][n0+j]; "
      "first_i marks k = 0 and last_i the final k of an output tile (both on the same cycle when K = 1); "
      "rows/columns beyond the matrix are fed as 0. Skewing is internal.";
  t.doc["k_range"] = "any K >= 1 (software); accumulators hold sums of up to max_k products exactly";
  t.tile_spacing_cycles = 2 * c.rows - 1;
  t.doc["tile_spacing"] = "the cycles carrying last_i of consecutive tiles must be at least 2*rows-1 apart "
                          "(idle cycles with valid_i=0 pad short tiles) so drained results never collide";
  t.doc["results"] = "column j emits the R rows of a tile in order 0..R-1 on c_o[j*ACC +: ACC] with c_valid_o[j]=1; "
                     "row i of column j appears 2*i + j + 1 + readout + in_regs + out_regs cycles after the cycle "
                     "that carried last_i";
  t.readout_adder_cycles = readout;
  t.latency_first_result_cycles = 1 + io;
  t.latency_last_result_cycles = 2 * (c.rows - 1) + (c.cols - 1) + 1 + io;
  t.peak_macs_per_cycle = c.rows * c.cols;
  if (c.drain == "shift") {
    // Row r's result passes PE row i in the cycle 2r - i + j + 1 after last_i; row i may
    // overwrite it in that cycle, so row i's first step waits until 2(R-1) - i + j + 1:
    // 2R-1 cycles after last_i at row 0, where the skew delays first_i least.
    t.doc["drain"] = "shift: no drain registers; after last_i the accumulators of a column shift the results up";
    t.first_after_last_cycles = 2 * c.rows - 1;
    t.doc["first_after_last"] = "the cycle carrying first_i of the next tile must come at least 2*rows-1 cycles "
                                "after the cycle carrying last_i of the previous tile (a bubble of 2*rows-2 idle "
                                "cycles with valid_i=0), while the accumulators shift the results out";
  } else if (c.drain == "resolved") {
    // The read-out adder's cycle moves into the PE: the capture one cycle after last_i.
    t.doc["drain"] = "resolved: buffered; one cycle after last_i each PE adds its carry-save pair into a binary drain "
                     "register and the binary results shift up (no read-out adder per column)";
    t.first_after_last_cycles = 1;
    t.doc["first_after_last"] = "no bubble: the next tile's first_i may come in the cycle after last_i";
  }
  return t;
}

// The driver's loops (AXI_DESIGN.md §3): an R x C output tile per k step of one A column and
// one B row, results per column in row order, tiles spaced as the timing says.
golden::ScheduleDescriptor schedule(const DesignConfig& c) {
  golden::ScheduleDescriptor d = schedule_base(timing(c));
  d.order = golden::Order::KInner;
  d.tile_m = d.strip_rows = d.result_rows = c.rows;
  d.tile_n = c.cols;
  d.tile_k = 1;
  d.a = {c.rows, 1};
  d.b = {1, c.cols};
  d.results = golden::Results::Columns;
  d.column_row_skew = 2;  // "row i of column j appears 2*i + j + ... cycles after last_i"
  d.column_col_skew = 1;
  return d;
}

}  // namespace

// The registry entry (registry.cpp lists it). The dimension triples are {used, default,
// fixed value when unused, meaning}; pes[0] is the baseline the sweep compares against.
// driver names the testbench family (tb/harness/driver_systolic_os.hpp); options the fields
// only some architectures take.
ArchDescriptor describe_systolic_os() {
  ArchDescriptor d{"systolic-os",
          "output-stationary systolic array: R x C PEs, A skewed from the left, B from the top, "
          "results drain up the columns",
          {true, 16, 1, "PE rows R: output rows computed per tile (M is tiled by R)"},
          {true, 16, 1, "PE columns C: output columns per tile (N is tiled by C)"},
          {false, 0, 1, "unused (K is software: any length streams through)"},
          {{"mac", "baseline: a*b product sized exactly, + into a binary accumulator"},
           {"opt1", "OPT1: partial products + carry-save accumulator in one compressor tree, CPA per column at read-out"}},
          build,
          timing};
  d.driver = "systolic_os";
  d.options = {"drain"};  // buffered | shift (| resolved: PEs with a carry-save accumulator)
  d.schedule = schedule;
  d.axi_gemm = true;
  d.macs_per_cycle = [](const DesignConfig& c, std::string*) { return static_cast<double>(c.rows) * c.cols; };
  return d;
}

}  // namespace tpegen::arch
