#include "arith/booth_terms.hpp"

#include <stdexcept>

#include "arith/partial_products.hpp"

namespace tpegen::arith {
namespace {

// One-hot exponent (2*nd bits) of a term given as a one-hot digit position and |digit| = 2.
std::vector<NodeId> exponent_onehot(BitNet& net, const std::vector<NodeId>& pos, NodeId two) {
  std::vector<NodeId> h;
  for (NodeId p : pos) {
    h.push_back(net.band(p, net.bnot(two)));
    h.push_back(net.band(p, two));
  }
  return h;
}

}  // namespace

std::vector<Term> booth_terms(int64_t a, int width, bool is_signed) {
  std::vector<Term> t;
  const std::vector<int> d = booth_digits(a, width, is_signed);
  for (size_t i = 0; i < d.size(); ++i)
    if (d[i] != 0) t.push_back({2 * static_cast<int>(i) + (d[i] == 2 || d[i] == -2 ? 1 : 0), d[i] < 0});
  return t;
}

BitNet term_pair_net(int nda, int ndb, int width) {
  if (nda < 1 || ndb < 1 || width < 1 || width > 64) throw std::invalid_argument("term_pair_net: bad size");
  BitNet net;
  const auto pos_a = net.add_input("pos_a", nda);
  const NodeId two_a = net.add_input("two_a", 1)[0], neg_a = net.add_input("neg_a", 1)[0];
  const auto pos_b = net.add_input("pos_b", ndb);
  const NodeId two_b = net.add_input("two_b", 1)[0], neg_b = net.add_input("neg_b", 1)[0];
  const auto ha = exponent_onehot(net, pos_a, two_a);
  const auto hb = exponent_onehot(net, pos_b, two_b);
  const NodeId neg = net.bxor(neg_a, neg_b);
  std::vector<NodeId> out;
  NodeId below = net.zero();  // some bit of 2^e at or below the current weight: -2^e is ones from e up
  for (int k = 0; k < width; ++k) {
    NodeId h = net.zero();
    for (int i = 0; i < static_cast<int>(ha.size()) && i <= k; ++i)
      if (k - i < static_cast<int>(hb.size()))
        h = net.bor(h, net.band(ha[static_cast<size_t>(i)], hb[static_cast<size_t>(k - i)]));
    below = net.bor(below, h);
    out.push_back(net.mux(neg, below, h));
  }
  net.add_output("addend", out);
  return net;
}

}  // namespace tpegen::arith
