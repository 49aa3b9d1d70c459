#include "arch/opt2_common.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "arith/compressor_tree.hpp"
#include "arith/partial_products.hpp"

namespace tpegen::arch {

using namespace arith;

namespace {

uint64_t pow2(int k) { return k >= 64 || k < 0 ? 0 : uint64_t{1} << k; }

Encoding opt2_encoding(const DesignConfig& c) {
  const Encoding enc = *c.encoding;
  if (enc == Encoding::And)
    throw std::invalid_argument("OPT2 needs radix-4 digits: --encoding must be booth or ent");
  return enc;
}

}  // namespace

int opt2_digit_count(const DesignConfig& c) {
  return opt2_encoding(c) == Encoding::Booth ? booth_digit_count(c.a_width, c.is_signed)
                                              : ent_digit_count(c.a_width, c.is_signed);
}

int opt2_weight_tree_width(const DesignConfig& c, int products) {
  // Largest |d * b| with |d| <= 2: 2^WB for signed B (d = -2, b = -2^(WB-1)), 2*(2^WB - 1) unsigned.
  const long long bmax = c.is_signed ? (1LL << c.b_width) : 2 * ((1LL << c.b_width) - 1);
  const long long mx = bmax * products;
  int n = 1;
  while (!(-mx >= -(1LL << (n - 1)) && mx <= (1LL << (n - 1)) - 1)) ++n;
  return n + 1;  // one headroom bit: the bias puts U in [2^(Wp-2), 3*2^(Wp-2))
}

BitNet opt2_encoder_net(const DesignConfig& c) {
  BitNet net;
  const auto a = net.add_input("a", c.a_width);
  const std::vector<Digit> d =
      opt2_encoding(c) == Encoding::Booth ? booth_encode(net, a, c.is_signed) : ent_encode(net, a, c.is_signed);
  std::vector<NodeId> one, two, neg;
  for (const Digit& x : d) {
    one.push_back(x.one);
    two.push_back(x.two);
    neg.push_back(x.neg);
  }
  net.add_output("one", one);
  net.add_output("two", two);
  net.add_output("neg", neg);
  return net;
}

BitNet opt2_step_net(const DesignConfig& c, int products, bool with_first) {
  BitNet net;
  const int K = products, ND = opt2_digit_count(c), ACC = c.acc_width;
  std::vector<std::vector<NodeId>> one, two, neg, bs;
  for (int k = 0; k < K; ++k) {
    one.push_back(net.add_input(fmt::format("one{}", k), ND));
    two.push_back(net.add_input(fmt::format("two{}", k), ND));
    neg.push_back(net.add_input(fmt::format("neg{}", k), ND));
    bs.push_back(net.add_input(fmt::format("b{}", k), c.b_width));
  }
  const NodeId first = with_first ? net.add_input("first", 1)[0] : net.zero();
  const auto s = net.add_input("s", ACC);
  const auto cy = net.add_input("c", ACC);
  TreeOptions opt;
  opt.kind = *c.tree;
  opt.use_42 = c.use_42;

  const int Wp = opt2_weight_tree_width(c, K);
  BitHeap fin(ACC);
  for (int w = 0; w < ND; ++w) {
    const int sh = 2 * w;
    if (sh >= ACC) break;
    // Per-weight tree: sum_k d_w(a_k) * b_k + 2^(Wp-1) (mod 2^Wp).
    BitHeap h(Wp);
    for (int k = 0; k < K; ++k) {
      const size_t kk = static_cast<size_t>(k), ww = static_cast<size_t>(w);
      add_digit_products(h, net, {Digit{one[kk][ww], two[kk][ww], neg[kk][ww]}}, bs[kk], c.is_signed, 0);
    }
    h.add_constant(pow2(Wp - 1));
    const CarrySave cs = compress(h, net, opt);
    const auto top = static_cast<size_t>(Wp - 1), next = static_cast<size_t>(Wp - 2);
    const NodeId s1 = cs.sum[top], c1 = cs.carry[top], s0 = cs.sum[next], c0 = cs.carry[next];
    const NodeId j = net.bor(net.band(s1, c1), net.band(net.bxor(s1, c1), net.band(s0, c0)));
    // V * 4^w = (s + c - j*2^Wp - 2^(Wp-1)) * 4^w, and -j*2^m = (~j)*2^m - 2^m.
    for (int i = 0; i < Wp; ++i) {
      fin.add_bit(sh + i, cs.sum[static_cast<size_t>(i)], net);
      fin.add_bit(sh + i, cs.carry[static_cast<size_t>(i)], net);
    }
    fin.add_bit(sh + Wp, net.bnot(j), net);
    fin.add_constant(0 - pow2(sh + Wp) - pow2(sh + Wp - 1));
  }
  const NodeId keep = net.bnot(first);
  for (int k = 0; k < ACC; ++k) {
    fin.add_bit(k, net.band(keep, s[static_cast<size_t>(k)]), net);
    fin.add_bit(k, net.band(keep, cy[static_cast<size_t>(k)]), net);
  }
  CarrySave out = compress(fin, net, opt);
  net.add_output("s_next", out.sum);
  net.add_output("c_next", out.carry);
  return net;
}

}  // namespace tpegen::arch
