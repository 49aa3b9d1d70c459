#include "arch/components.hpp"

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/opt1_common.hpp"
#include "arch/opt3_column.hpp"
#include "arch/opt4e.hpp"
#include "arch/resolve.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "emit/bitnet_to_ir.hpp"
#include "util/did_you_mean.hpp"

namespace tpegen::arch {
namespace {

using namespace arith;

// The multiplier's BitNet; with a behavioural final adder it ends in carry-save outputs
// (s, c) that the module adds with `+`.
BitNet multiplier_net(const DesignConfig& c, const DelayModel* delays, bool& behavioral) {
  BitNet net;
  auto a = net.add_input("a", c.a_width);
  auto b = net.add_input("b", c.b_width);
  BitHeap heap(c.a_width + c.b_width);
  add_product(heap, net, *c.encoding, a, b, c.is_signed);
  TreeOptions opt;
  opt.kind = *c.tree;
  opt.use_42 = c.use_42;
  opt.delays = delays;
  CarrySave cs = compress(heap, net, opt);
  const AdderKind kind = *c.final_adder;
  behavioral = kind == AdderKind::Behavioral;
  if (behavioral) {
    net.add_output("s", cs.sum);
    net.add_output("c", cs.carry);
  } else {
    net.add_output("p", final_adder(net, cs.sum, cs.carry, kind, delays));
  }
  return net;
}

uint64_t mask(int w) { return w >= 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1; }

// The OPT4E PE's step tree on its own: stream e's digit at pos_i[e*ND +: ND] (one-hot, 0: no
// digit), two_i[e], neg_i[e], B at b_i[e*WB +: WB].
void build_opt4e_step(ir::Module& m, const ComponentConfig& c) {
  const DesignConfig& a = c.arith;
  const int E = c.streams, ND = ent_digit_positions(a), WB = a.b_width, ACC = a.acc_width;
  m.comments.push_back("OPT4E step: s_o + c_o = (first_i ? 0 : s_i + c_i) + sum_e (neg ? -1 : 1) * (two ? 2 : 1) * b_e "
                       "* 4^pos_e (mod 2^acc_width).");
  auto pos_i = m.input("pos_i", E * ND), two_i = m.input("two_i", E), neg_i = m.input("neg_i", E);
  auto b_i = m.input("b_i", E * WB), first_i = m.input("first_i", 1);
  auto s_i = m.input("s_i", ACC), c_i = m.input("c_i", ACC);
  auto s_o = m.output("s_o", ACC), c_o = m.output("c_o", ACC);
  auto outs = emit_opt4e_step(m, a, E, "", {pos_i, two_i, neg_i, b_i, first_i, s_i, c_i});
  m.assign(s_o, outs[0]);
  m.assign(c_o, outs[1]);
}

// The behavioural reference: what a designer writes, left to the synthesis tool.
void build_behavioral(ir::Module& m, const ComponentConfig& c) {
  const DesignConfig& a = c.arith;
  const int pw = a.a_width + a.b_width;
  auto a_i = m.input("a_i", a.a_width);
  auto b_i = m.input("b_i", a.b_width);
  if (c.kind == "multiplier") {
    m.comments.push_back("Behavioural multiplier: p_o = a_i * b_i, for the synthesis tool to build.");
    m.assign(m.output("p_o", pw), ir::mul(a_i, b_i, pw, a.is_signed));
    return;
  }
  m.comments.push_back("Behavioural multiply-accumulate: acc_o = c_i + a_i * b_i (mod 2^acc_width), for the synthesis "
                       "tool to build.");
  auto c_i = m.input("c_i", a.acc_width);
  auto acc_o = m.output("acc_o", a.acc_width);
  auto p = m.wire("p", ir::mul(a_i, b_i, pw, a.is_signed));
  m.assign(acc_o, ir::add(c_i, ir::resize(p, a.acc_width, a.is_signed)));
}

}  // namespace

ComponentConfig resolve_component(ComponentConfig c) {
  if (std::find(kComponentKinds.begin(), kComponentKinds.end(), c.kind) == kComponentKinds.end())
    throw ConfigError(invalid_choice("--kind", c.kind, kComponentKinds));
  if (c.streams < 1 || c.streams > 16)
    throw ConfigError(fmt::format("invalid --streams = {}: valid range is 1..16", c.streams));
  if (c.kind == "opt4e-step" && c.pipeline_level != -1)
    throw ConfigError("invalid --pipeline-level: opt4e-step is combinational (omit it)");
  if (c.behavioral && c.kind == "opt4e-step")
    throw ConfigError("invalid --behavioral with --kind opt4e-step: valid kinds are multiplier and opt1-step");
  if (c.behavioral && c.pipeline_level != -1)
    throw ConfigError("invalid --pipeline-level with --behavioral: the behavioural reference is combinational");
  if (c.pipeline_level < -1 || c.pipeline_level > 64)
    throw ConfigError(fmt::format("invalid --pipeline-level = {}: valid range is 0..64 (omit it for none)",
                                  c.pipeline_level));
  DesignConfig& a = c.arith;
  a.arch = "systolic-os";  // any architecture: only the arithmetic fields are used
  a.pe = "opt1";
  a = resolve(a);
  return c;
}

std::string component_name(const ComponentConfig& c) {
  const DesignConfig& a = c.arith;
  if (c.kind == "opt4e-step")
    return fmt::format("tpe_opt4e_step_e{}_{}{}x{}_acc{}", c.streams, a.is_signed ? "s" : "u", a.a_width, a.b_width,
                       a.acc_width);
  if (c.behavioral)
    return fmt::format("tpe_{}_behavioral_{}{}x{}", c.kind == "multiplier" ? "mul" : "opt1_step",
                       a.is_signed ? "s" : "u", a.a_width, a.b_width) +
           (c.kind == "opt1-step" ? fmt::format("_acc{}", a.acc_width) : "");
  std::string name = fmt::format("tpe_{}_{}_{}{}_{}_{}{}x{}", c.kind == "multiplier" ? "mul" : "opt1_step",
                                 to_string(*a.encoding), to_string(*a.tree), a.use_42 ? "42" : "", to_string(*a.final_adder), a.is_signed ? "s" : "u", a.a_width,
                                 a.b_width);
  if (c.kind == "opt1-step") name += fmt::format("_acc{}", a.acc_width);
  if (c.pipeline_level >= 0) name += fmt::format("_p{}", c.pipeline_level);
  for (auto& ch : name)
    if (ch == '-') ch = '_';
  return name;
}

ir::Design build_component(const ComponentConfig& c) {
  const DesignConfig& a = c.arith;
  ir::Design d;
  ir::Module& m = d.add_module(component_name(c));
  d.top = m.name();
  if (c.kind == "opt4e-step") {
    build_opt4e_step(m, c);
    return d;
  }
  if (c.behavioral) {
    build_behavioral(m, c);
    return d;
  }
  m.comments.push_back(c.kind == "multiplier" ? "Multiplier: partial products -> compressor tree -> final adder."
                                              : "OPT1 step: s_o + c_o = s_i + c_i + a_i * b_i (mod 2^acc_width).");
  const bool piped = c.pipeline_level >= 0;
  if (piped) {
    m.input("clk_i", 1);
    m.comments.push_back(fmt::format("One register stage after reduction level {}: outputs follow inputs by one cycle.",
                                     c.pipeline_level));
  }
  auto emit_net = [&](const BitNet& net, const std::vector<ir::ExprP>& ins) {
    return piped ? emit::emit_bitnet_pipelined(m, net, "", ins, c.pipeline_level) : emit::emit_bitnet(m, net, "", ins);
  };
  auto a_i = m.input("a_i", a.a_width);
  auto b_i = m.input("b_i", a.b_width);
  if (c.kind == "multiplier") {
    auto p_o = m.output("p_o", a.a_width + a.b_width);
    bool behavioral = false;
    const BitNet net = multiplier_net(a, c.delays.get(), behavioral);
    auto outs = emit_net(net, {a_i, b_i});
    m.assign(p_o, behavioral ? ir::add(outs[0], outs[1]) : outs[0]);
  } else {
    auto s_i = m.input("s_i", a.acc_width);
    auto c_i = m.input("c_i", a.acc_width);
    auto s_o = m.output("s_o", a.acc_width);
    auto c_o = m.output("c_o", a.acc_width);
    auto outs = emit_net(opt1_step_net(a, 1, false, c.delays.get()), {a_i, b_i, s_i, c_i});
    m.assign(s_o, outs[0]);
    m.assign(c_o, outs[1]);
  }
  return d;
}

ComponentModel::ComponentModel(const ComponentConfig& c) : cfg_(c) {
  if (c.behavioral)
    throw ConfigError("invalid --vectors with --behavioral: the behavioural reference has no test vectors (none only)");
  if (c.kind == "opt4e-step") throw ConfigError("invalid --vectors: opt4e-step has no test vectors (none only; it is checked formally)");
  net_ = c.kind == "multiplier" ? multiplier_net(c.arith, c.delays.get(), behavioral_)
                                : opt1_step_net(c.arith, 1, false, c.delays.get());
}

std::vector<uint64_t> ComponentModel::eval(const std::vector<uint64_t>& inputs) const {
  auto out = net_.eval(inputs);
  if (behavioral_) return {(out[0] + out[1]) & mask(cfg_.arith.a_width + cfg_.arith.b_width)};
  return out;
}

std::string component_vectors(const ComponentConfig& c, uint64_t count, uint64_t seed) {
  const DesignConfig& a = c.arith;
  std::mt19937_64 rng(seed);
  std::string out;
  const bool step = c.kind == "opt1-step";
  const ComponentModel model(c);
  auto emit_line = [&](uint64_t x, uint64_t y) {
    std::vector<uint64_t> in = {x, y};
    if (step) {
      in.push_back(rng() & mask(a.acc_width));
      in.push_back(rng() & mask(a.acc_width));
    }
    const std::vector<uint64_t> res = model.eval(in);
    for (auto v : in) out += fmt::format("{:x} ", v);
    for (size_t i = 0; i < res.size(); ++i) out += fmt::format("{:x}{}", res[i], i + 1 < res.size() ? " " : "\n");
  };
  if (count == 0) {
    for (uint64_t x = 0; x <= mask(a.a_width); ++x)
      for (uint64_t y = 0; y <= mask(a.b_width); ++y) emit_line(x, y);
  } else {
    for (uint64_t i = 0; i < count; ++i) {
      const uint64_t x = rng() & mask(a.a_width);
      emit_line(x, rng() & mask(a.b_width));
    }
  }
  return out;
}

}  // namespace tpegen::arch
