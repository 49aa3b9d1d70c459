// emit_bitnet's word-level form: the emitted vector assigns, evaluated here as IR, equal the
// BitNet's own eval() (the golden model) on random and extreme inputs for OPT1 steps of every
// encoding and tree and for multipliers with prefix adders; the RTL stays structural (no
// + or *, full adders as XOR and majority) and takes far fewer assigns than the bit-level form.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "emit/bitnet_to_ir.hpp"
#include "emit/verilog_emitter.hpp"
#include "ir/module.hpp"
#include "test_step_net.hpp"

using namespace tpegen;
using arith::BitNet;

namespace {

uint64_t mask_of(int w) { return w >= 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1; }

// Evaluates the module's continuous assigns in order (the emitter writes them producers
// first; a read before its write throws).
class IrEval {
 public:
  explicit IrEval(const ir::Module& m) : m_(m) {}
  std::map<std::string, uint64_t> val;

  void run() {
    for (const auto& a : m_.body().assigns) {
      REQUIRE(a.lhs->kind == ir::ExprKind::Ref);
      val[a.lhs->net] = ev(a.rhs) & mask_of(a.lhs->width);
    }
  }

 private:
  uint64_t ev(const ir::ExprP& e) {
    using ir::ExprKind;
    const uint64_t w = mask_of(e->width);
    switch (e->kind) {
      case ExprKind::Ref: return val.at(e->net);
      case ExprKind::Slice:
        REQUIRE(e->terms.empty());
        return (val.at(e->net) >> e->offset) & w;
      case ExprKind::Const: return e->value;
      case ExprKind::Concat: {
        uint64_t x = 0;
        for (const auto& a : e->args) x = (a->width >= 64 ? 0 : x << a->width) | ev(a);
        return x & w;
      }
      case ExprKind::Not: return ~ev(e->args[0]) & w;
      case ExprKind::And: return ev(e->args[0]) & ev(e->args[1]);
      case ExprKind::Or: return ev(e->args[0]) | ev(e->args[1]);
      case ExprKind::Xor: return ev(e->args[0]) ^ ev(e->args[1]);
      case ExprKind::Mux: return (ev(e->args[0]) & 1U) ? ev(e->args[1]) : ev(e->args[2]);
      default: FAIL("unexpected operator in structural RTL: " << static_cast<int>(e->kind)); return 0;
    }
  }
  const ir::Module& m_;
};

struct Emitted {
  ir::Module m{"m"};
  std::vector<ir::ExprP> outs;
};

void emit_into(Emitted& e, const BitNet& net, bool vectors) {
  std::vector<ir::ExprP> ins;
  for (const auto& v : net.inputs()) ins.push_back(e.m.input(v.name + "_i", v.width));
  e.outs = vectors ? emit::emit_bitnet(e.m, net, "t_", ins) : emit::emit_bitnet_flat(e.m, net, "t_", ins);
}

// Random and extreme input vectors against BitNet::eval; `vector_form`: the word-level form
// must have been used, not the bit-level fallback (whose cells are named by column: _l1_c4_).
void check_against_model(const BitNet& net, bool vector_form = true) {
  Emitted e;
  emit_into(e, net, true);
  for (const auto& n : e.m.nets()) {
    INFO(n.name);
    if (vector_form) CHECK(!std::regex_search(n.name, std::regex("_l[0-9]+_c[0-9]+_")));
  }
  std::mt19937_64 rng(7);
  const std::vector<uint64_t> extremes = {0, ~uint64_t{0}, 1, 0x5555555555555555ULL, 0xaaaaaaaaaaaaaaaaULL};
  for (int t = 0; t < 400; ++t) {
    std::vector<uint64_t> in;
    IrEval ev(e.m);
    for (size_t i = 0; i < net.inputs().size(); ++i) {
      const uint64_t x = (t < 5 ? extremes[static_cast<size_t>(t)] : rng()) & mask_of(net.inputs()[i].width);
      in.push_back(x);
      ev.val[net.inputs()[i].name + "_i"] = x;
    }
    ev.run();
    const auto want = net.eval(in);
    for (size_t o = 0; o < want.size(); ++o) {
      INFO("output " << net.outputs()[o].name << " vector " << t);
      REQUIRE(ev.val.at(e.outs[o]->net) == want[o]);
    }
  }
}

BitNet step_net(arith::Encoding enc, bool is_signed, int acc, arith::TreeKind kind, bool use_42) {
  BitNet net;
  arith::TreeOptions opt;
  opt.kind = kind;
  opt.use_42 = use_42;
  build_step_net(net, enc, is_signed, acc, opt);
  return net;
}

size_t assign_count(const BitNet& net, bool vectors) {
  Emitted e;
  emit_into(e, net, vectors);
  return e.m.body().assigns.size();
}

}  // namespace

TEST_CASE("emit_bitnet vectors: OPT1 steps equal the BitNet model (every encoding, tree, 4:2)") {
  for (auto enc : {arith::Encoding::And, arith::Encoding::Booth, arith::Encoding::Ent})
    for (bool s : {true, false})
      for (auto kind : {arith::TreeKind::Dadda, arith::TreeKind::Wallace, arith::TreeKind::Timing})
        for (bool use_42 : {false, true})
          for (int acc : {20, 32}) {
            INFO(std::string(arith::to_string(enc)) << (s ? " signed " : " unsigned ")
                 << std::string(arith::to_string(kind)) << (use_42 ? " 4:2 acc" : " acc") << acc);
            check_against_model(step_net(enc, s, acc, kind, use_42));
          }
}

TEST_CASE("emit_bitnet vectors: multipliers with prefix adders equal the BitNet model") {
  for (auto adder : {arith::AdderKind::Ripple, arith::AdderKind::KoggeStone, arith::AdderKind::BrentKung})
    for (bool s : {true, false}) {
      BitNet net;
      const auto a = net.add_input("a", 8), b = net.add_input("b", 7);
      arith::BitHeap heap(15);
      arith::add_product(heap, net, arith::Encoding::Booth, a, b, s);
      const auto cs = arith::compress(heap, net, {});
      net.add_output("p", arith::final_adder(net, cs.sum, cs.carry, adder));
      INFO(std::string(arith::to_string(adder)) << (s ? " signed" : " unsigned"));
      check_against_model(net);
    }
}

TEST_CASE("emit_bitnet vectors: structural, grouped, deterministic") {
  const BitNet net = step_net(arith::Encoding::Booth, true, 32, arith::TreeKind::Dadda, false);
  Emitted e;
  emit_into(e, net, true);
  std::vector<std::string> names;
  for (const auto& n : e.m.nets()) names.push_back(n.name);
  // Full-adder groups by level, each an XOR sum and a majority carry.
  bool fa = false;
  for (const auto& a : e.m.body().assigns) {
    if (a.lhs->net.rfind("t_fa_l1_", 0) != 0) continue;
    fa = true;
    const auto op = a.rhs->kind == ir::ExprKind::And ? a.rhs->args[0]->kind : a.rhs->kind;  // under the mask
    CHECK(op == (a.lhs->net.back() == 's' ? ir::ExprKind::Xor : ir::ExprKind::Or));
  }
  CHECK(fa);
  for (const auto& n : names) CHECK(n.rfind("t_", 0) == 0);
  // Far fewer assigns than one per gate and cell output (the figure that Verilator pays for).
  const size_t vec = assign_count(net, true), flat = assign_count(net, false);
  MESSAGE("OPT1 int8 Booth Dadda acc32 step: " << vec << " vector assigns, " << flat << " bit-level assigns");
  CHECK(vec * 3 < flat);
  // Deterministic: a second emission writes the same Verilog, byte for byte.
  Emitted again;
  emit_into(again, net, true);
  CHECK(emit::emit_module(e.m, {}) == emit::emit_module(again.m, {}));
}

TEST_CASE("emit_bitnet vectors: cells whose sum or carry is unused do not share a column") {
  // A's sum and B's carry are unused: p = {A.carry, B.sum} puts both cells at column 0 of one
  // half-adder group, and their operands must not meet on its pins (the vector form once ORed
  // them: x = 1, y = 2 gave p = 2 instead of 1).
  BitNet net;
  const auto x = net.add_input("x", 2), y = net.add_input("y", 2);
  const auto a = net.half_adder(x[0], y[0], 1), b = net.half_adder(x[1], y[1], 1);
  net.add_output("p", {b[0], a[1]});
  check_against_model(net);
}

TEST_CASE("emit_bitnet vectors: a 1-bit net with a 4:2 compressor (nothing to shift up)") {
  BitNet net;
  const auto x = net.add_input("x", 5);
  const auto c = net.compressor42(x[0], x[1], x[2], x[3], x[4], 1);
  net.add_output("s", {c[0]});
  check_against_model(net, false);
}
