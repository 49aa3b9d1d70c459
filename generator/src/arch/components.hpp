// Stand-alone arithmetic components built from the bit-heap library, for users who want
// the blocks themselves and for exhaustive/formal verification of what the PEs contain:
//   multiplier : p_o = a_i * b_i (a_width + b_width bits), heap -> tree -> final adder
//   opt1-step  : {s_o, c_o} = compress(pp(a_i * b_i), s_i, c_i), acc_width bits each
//   opt4e-step : the OPT4E PE's tree (arch/opt4e.hpp): {s_o, c_o} = compress(first_i ? 0 :
//                s_i + c_i, the `streams` selected EN-T digit partial products), ports pos_i,
//                two_i, neg_i, b_i per stream (formal checks only: no test vectors)
// and, with `behavioral`, the references they are compared with (make compare-arith): the same
// function written as `*` and `+` for the synthesis tool to build:
//   multiplier : p_o = a_i * b_i
//   opt1-step  : acc_o = c_i + a_i * b_i (acc_width bits; one accumulator input, not carry-save)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "arith/bitnet.hpp"
#include "arith/delay_model.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

/// The components `tpegen arith --kind` builds.
inline const std::vector<std::string> kComponentKinds = {"multiplier", "opt1-step", "opt4e-step"};

struct ComponentConfig {
  std::string kind = "multiplier";  // multiplier | opt1-step | opt4e-step
  DesignConfig arith;               // a_width, b_width, is_signed, acc_width, encoding, tree, use_42, final_adder
  int pipeline_level = -1;          // >= 0: one register stage after this reduction level (clk_i added)
  int streams = 2;                  // opt4e-step: digit streams E
  std::shared_ptr<const arith::DelayModel> delays;  // timing tree/adder: nullptr = built-in sky130hd
  bool behavioral = false;          // `*` and `+` instead of the bit-heap library (multiplier, opt1-step)
};

/// Validates and fills defaults; throws ConfigError naming the parameter.
ComponentConfig resolve_component(ComponentConfig c);
std::string component_name(const ComponentConfig& c);

/// The component's design (top = component_name).
ir::Design build_component(const ComponentConfig& c);

/// Golden model: the component's BitNet evaluated in C++ (the same plan the RTL is built
/// from). eval() takes {a, b} (multiplier) or {a, b, s, c} (opt1-step) and returns {p} or
/// {s_next, c_next} as raw bits.
class ComponentModel {
 public:
  explicit ComponentModel(const ComponentConfig& c);
  std::vector<uint64_t> eval(const std::vector<uint64_t>& inputs) const;

 private:
  ComponentConfig cfg_;
  arith::BitNet net_;
  bool behavioral_ = false;  // multiplier ending in `+`: the net's outputs are (s, c)
};

/// Test vectors, one line each: inputs then model outputs, hex, space separated.
/// `count` = 0 means exhaustive over a and b (with random s, c for opt1-step).
std::string component_vectors(const ComponentConfig& c, uint64_t count, uint64_t seed);

}  // namespace tpegen::arch
