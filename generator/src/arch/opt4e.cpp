// OPT4E (spec §4): OPT4C extended along K. Per handshake a column takes E = depth operands
// A[m][k0..k0+E-1] into E sparse EN-T encoders (arch/opt3_column.hpp), and each PE holds the
// E matching B values. Every encoder emits one non-zero digit per cycle; every PE selects
// its E partial products (+-B_e or +-2B_e shifted by 4^pos_e, 0 for an encoder without a
// digit) and compresses them together with its ONE carry-save accumulator (sum, carry) in
// one CSA tree (bit-heap library; the BitNet opt4e_step_net is also the C++ model). So E
// MACs share one accumulator pair and one read-out adder: registers per MAC drop by ~E
// against OPT4C, while a step lasts as long as its slowest operand, max_e max(1, nnz).
// --rows R stacks R such columns in lock step as for OPT4C. K is software; a K that is not
// a multiple of E is padded with zero operands by the feeder (zero operands add nothing).
#include <algorithm>

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/opt3_column.hpp"
#include "arch/opt4e.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "arith/compressor_tree.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {

arith::BitNet opt4e_step_net(const DesignConfig& c, int E) {
  using arith::NodeId;
  arith::BitNet net;
  const int ND = ent_digit_positions(c), WB = c.b_width, ACC = c.acc_width;
  struct Stream {
    std::vector<NodeId> pos, b;
    NodeId two, neg;
  };
  std::vector<Stream> st;
  for (int e = 0; e < E; ++e) {
    Stream s;
    s.pos = net.add_input(fmt::format("pos{}", e), ND);
    s.two = net.add_input(fmt::format("two{}", e), 1)[0];
    s.neg = net.add_input(fmt::format("neg{}", e), 1)[0];
    s.b = net.add_input(fmt::format("b{}", e), WB);
    st.push_back(std::move(s));
  }
  const NodeId first = net.add_input("first", 1)[0];
  const auto s_in = net.add_input("s", ACC);
  const auto c_in = net.add_input("c", ACC);
  const auto at = [](const std::vector<NodeId>& v, int i) { return v[static_cast<size_t>(i)]; };

  arith::BitHeap heap(ACC);
  // Two's-complement width of +-|d|*B*4^pos (unsigned B: one more bit for the sign).
  const int W = WB + 1 + 2 * (ND - 1) + (c.is_signed ? 0 : 1);
  for (const Stream& s : st) {
    // |digit| * B in WB+1 bits, sign-extended when signed.
    const NodeId ext = c.is_signed ? at(s.b, WB - 1) : net.zero();
    std::vector<NodeId> mag;
    mag.push_back(net.band(net.bnot(s.two), at(s.b, 0)));
    for (int i = 1; i < WB; ++i) mag.push_back(net.mux(s.two, at(s.b, i - 1), at(s.b, i)));
    mag.push_back(net.mux(s.two, at(s.b, WB - 1), ext));
    const auto mbit = [&](int t) {
      if (t < 0) return net.zero();
      return t <= WB ? at(mag, t) : c.is_signed ? at(mag, WB) : net.zero();
    };
    // Shift by the one-hot position, invert when negative (the +1 goes in at bit 0).
    std::vector<NodeId> x;
    for (int k = 0; k < std::min(W, ACC); ++k) {
      NodeId v = net.zero();
      for (int p = 0; p < ND; ++p) v = net.bor(v, net.band(at(s.pos, p), mbit(k - 2 * p)));
      x.push_back(net.bxor(v, s.neg));
    }
    heap.add_number(x, 0, W <= ACC, net);  // wider than ACC: already reduced mod 2^ACC
    heap.add_bit(0, s.neg, net);
  }
  const NodeId keep = net.bnot(first);
  for (int k = 0; k < ACC; ++k) {
    heap.add_bit(k, net.band(keep, at(s_in, k)), net);
    heap.add_bit(k, net.band(keep, at(c_in, k)), net);
  }
  arith::TreeOptions opt;  // the opt4e-step component's --tree and --use-42 (the array: dadda)
  opt.kind = c.tree.value_or(arith::TreeKind::Dadda);
  opt.use_42 = c.use_42;
  const arith::CarrySave cs = arith::compress(heap, net, opt);
  net.add_output("s_next", cs.sum);
  net.add_output("c_next", cs.carry);
  return net;
}

std::vector<ir::ExprP> emit_opt4e_step(ir::Module& m, const DesignConfig& c, int E, const std::string& prefix,
                                       const Opt4eStepPorts& in) {
  const int ND = ent_digit_positions(c), WB = c.b_width;
  std::vector<ir::ExprP> ins;
  for (int e = 0; e < E; ++e)
    for (const ir::ExprP& v : {ir::bits(in.pos, e * ND, ND), ir::bits(in.two, e, 1), ir::bits(in.neg, e, 1),
                               ir::bits(in.b, e * WB, WB)})
      ins.push_back(v);
  ins.insert(ins.end(), {in.first, in.s, in.c});
  const arith::BitNet net = opt4e_step_net(c, E);
  auto next = emit::emit_bitnet(m, net, prefix, ins);
  // A narrow wrapping accumulator drops high digit positions and B bits.
  emit::mark_unused_net_inputs(m, net, ins, prefix + "unused_in");
  return next;
}

namespace {

using namespace ir;

const Module& build_pe(Design& d, const DesignConfig& c) {
  const int E = c.depth, ND = ent_digit_positions(c), ACC = c.acc_width, WB = c.b_width;
  Module& m = d.add_module(canonical_name(c) + "_pe");
  describe_module(m,
                  fmt::format("OPT4E PE: {{sum, carry}} += the {} selected partial products (+-B_e or +-2B_e) * 4^pos_e "
                              "through one CSA tree per cycle; B latched on the encoders' handshake.",
                              E));
  m.input("clk_i", 1);
  auto b_i = m.input("b_i", E * WB, "B[k0+e][n0+j] at bits [e*WB +: WB], latched when take_i");
  auto take_i = m.input("take_i", 1);
  auto step_i = m.input("step_i", E, "encoder e is in a digit cycle");
  auto clr_i = m.input("clr_i", E, "first cycle of a first step: drop the accumulator");
  auto pos_i = m.input("pos_i", E * ND, "one-hot digit position of stream e at bits [e*ND +: ND]; 0: no digit");
  auto two_i = m.input("two_i", E);
  auto neg_i = m.input("neg_i", E);
  auto s_o = m.output("s_o", ACC, "carry-save accumulator: sum");
  auto c_o = m.output("c_o", ACC, "carry-save accumulator: carry");

  auto b_q = m.reg("b_q", E * WB);
  m.update(b_q, b_i, take_i);
  auto s_q = m.reg("s_q", ACC);
  auto c_q = m.reg("c_q", ACC);
  // Encoders that finished early idle, so the PE steps while any is busy; all are busy in
  // the first cycle of a step, where clr is raised.
  auto step = m.wire("step", reduce_or(step_i));
  auto clr = m.wire("clr", reduce_or(clr_i));
  auto next = emit_opt4e_step(m, c, E, "t_", {pos_i, two_i, neg_i, b_q, clr, s_q, c_q});
  m.update(s_q, next[0], step);
  m.update(c_q, next[1], step);
  m.assign(s_o, s_q);
  m.assign(c_o, c_q);
  return m;
}

Design build(const DesignConfig& c) {
  return build_column_design(
      c,
      fmt::format("OPT4E: {} of {} PEs; per handshake each column takes {} A operands into {} sparse EN-T encoders, "
                  "each PE adds {} digits per cycle through one CSA tree.",
                  c.rows == 1 ? std::string("a column") : fmt::format("{} columns", c.rows), c.cols, c.depth, c.depth,
                  c.depth),
      c.depth, build_pe);
}

Timing timing(const DesignConfig& c) {
  Timing t = opt3_column_timing(c, c.depth);
  t.dataflow = "output-stationary columns; E = depth operands of a row of A per step through E sparse EN-T "
               "encoders, E partial products per PE and cycle into one carry-save accumulator (OPT4E of OPT3 PEs)";
  return t;
}

}  // namespace

ArchDescriptor describe_opt4e() {
  ArchDescriptor d{"opt4e",
          "OPT4E: OPT4C extended along K: E = depth A operands per handshake into E sparse EN-T encoders; each PE "
          "adds E digit partial products per cycle to one carry-save accumulator through one CSA tree",
          {true, 1, 1, "encoder columns R: rows of A per tile (M tiled by R), each with its own E encoders; B broadcast",
           false},
          {true, 32, 1, "PEs N per column: output columns per tile (N tiled by N)"},
          {true, 4, 1, "operands E per handshake: A[m][k0..k0+E-1] (K is software, padded to a multiple of E)"},
          {{"opt3", "OPT3 digits: E latched B, +-B/+-2B select, shift by 4^pos, one CSA tree with the carry-save accumulator"}},
          build,
          timing,
          // The same job with MAC PEs: N dot products of E terms per cycle (a multiplier-adder
          // tree; R rows of them: a 2D-Matrix), accumulated in the output register.
          [](const DesignConfig& c) {
            const DesignConfig r = resolve(c);  // opt4e's default sizes, not the tree's
            DesignConfig b = c;
            b.arch = r.rows == 1 ? "mac-tree" : "matrix2d";
            b.pe = "mac";
            b.rows = r.rows == 1 ? kAuto : r.rows;
            b.cols = r.cols;
            b.depth = r.depth;
            return b;
          }};
  d.schedule = [](const DesignConfig& c) { return opt3_column_schedule(c, timing(c), c.depth); };
  d.driver = "opt4c";  // the same column driver
  d.macs_per_cycle = [](const DesignConfig& c, std::string* note) {
    return variable_latency_macs(c.rows * c.depth, c.cols, note);
  };
  return d;
}

}  // namespace tpegen::arch
