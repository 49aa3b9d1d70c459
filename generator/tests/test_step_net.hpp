// The OPT1 step net of the arithmetic unit tests: inputs a, b (int8), s, c (acc bits);
// outputs s_next, c_next with s_next + c_next = s + c + a*b mod 2^acc.
#pragma once

#include "arith/compressor_tree.hpp"
#include "arith/partial_products.hpp"

inline tpegen::arith::CarrySave build_step_net(tpegen::arith::BitNet& net, tpegen::arith::Encoding enc,
                                               bool is_signed, int acc, const tpegen::arith::TreeOptions& opt) {
  using namespace tpegen::arith;
  const auto a = net.add_input("a", 8);
  const auto b = net.add_input("b", 8);
  const auto s = net.add_input("s", acc);
  const auto c = net.add_input("c", acc);
  BitHeap heap(acc);
  add_product(heap, net, enc, a, b, is_signed);
  heap.add_number(s, 0, false, net);
  heap.add_number(c, 0, false, net);
  const CarrySave cs = compress(heap, net, opt);
  net.add_output("s_next", cs.sum);
  net.add_output("c_next", cs.carry);
  return cs;
}
