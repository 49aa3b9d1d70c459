#include "arith/final_adder.hpp"

#include <stdexcept>

namespace tpegen::arith {

AdderKind parse_adder(const std::string& s) {
  if (s == "ripple") return AdderKind::Ripple;
  if (s == "kogge-stone") return AdderKind::KoggeStone;
  if (s == "brent-kung") return AdderKind::BrentKung;
  if (s == "behavioral") return AdderKind::Behavioral;
  throw std::invalid_argument("invalid final adder '" + s +
                              "': valid values are ripple, kogge-stone, brent-kung, behavioral");
}

const char* to_string(AdderKind k) {
  switch (k) {
    case AdderKind::Ripple: return "ripple";
    case AdderKind::KoggeStone: return "kogge-stone";
    case AdderKind::BrentKung: return "brent-kung";
    case AdderKind::Behavioral: return "behavioral";
  }
  return "?";
}

namespace {

// Ripple-carry: a half adder, then full adders (cells, level 0: not part of a reduction
// tree); the top bit's carry is not needed, so its sum is two XORs.
std::vector<NodeId> ripple(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y) {
  const size_t w = x.size();
  std::vector<NodeId> s(w);
  NodeId c = net.zero();
  for (size_t i = 0; i < w; ++i) {
    if (i + 1 == w) {
      s[i] = net.bxor(net.bxor(x[i], y[i]), c);
    } else if (i == 0) {
      const auto o = net.half_adder(x[i], y[i], 0);
      s[i] = o[0];
      c = o[1];
    } else {
      const auto o = net.full_adder(x[i], y[i], c, 0);
      s[i] = o[0];
      c = o[1];
    }
  }
  return s;
}

// Parallel prefix over (g, p): (G, P)[i] o (G, P)[j] = (G[i] | P[i] & G[j], P[i] & P[j]).
std::vector<NodeId> prefix(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y, bool kogge_stone) {
  const int w = static_cast<int>(x.size());
  std::vector<NodeId> p(x.size()), g(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    p[i] = net.bxor(x[i], y[i]);
    g[i] = net.band(x[i], y[i]);
  }
  std::vector<NodeId> G = g, P = p;
  auto combine = [&](int i, int j) {
    const auto ui = static_cast<size_t>(i), uj = static_cast<size_t>(j);
    G[ui] = net.bor(G[ui], net.band(P[ui], G[uj]));
    P[ui] = net.band(P[ui], P[uj]);
  };
  // Only the carries into bits 1..w-1 are needed: prefixes of positions 0..w-2.
  const int n = w - 1;
  if (kogge_stone) {
    for (int d = 1; d < n; d *= 2) {
      const std::vector<NodeId> G0 = G, P0 = P;  // one level reads the previous level
      for (int i = n - 1; i >= d; --i) {
        const auto ui = static_cast<size_t>(i), uj = static_cast<size_t>(i - d);
        G[ui] = net.bor(G0[ui], net.band(P0[ui], G0[uj]));
        P[ui] = net.band(P0[ui], P0[uj]);
      }
    }
  } else {
    int top = 1;
    for (int d = 1; d < n; d *= 2) {  // up-sweep
      for (int i = 2 * d - 1; i < n; i += 2 * d) combine(i, i - d);
      top = d;
    }
    for (int d = top; d >= 1; d /= 2)  // down-sweep
      for (int i = 3 * d - 1; i < n; i += 2 * d) combine(i, i - d);
  }
  std::vector<NodeId> s(x.size());
  for (int i = 0; i < w; ++i) s[static_cast<size_t>(i)] = i == 0 ? p[0] : net.bxor(p[static_cast<size_t>(i)], G[static_cast<size_t>(i - 1)]);
  return s;
}

}  // namespace

std::vector<NodeId> final_adder(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y,
                                AdderKind kind) {
  if (x.size() != y.size()) throw std::invalid_argument("final_adder: operands differ in width");
  if (x.empty()) throw std::invalid_argument("final_adder: empty operands");
  switch (kind) {
    case AdderKind::Ripple: return ripple(net, x, y);
    case AdderKind::KoggeStone: return prefix(net, x, y, true);
    case AdderKind::BrentKung: return prefix(net, x, y, false);
    case AdderKind::Behavioral: break;
  }
  throw std::invalid_argument("final_adder: the behavioral adder is not a BitNet (emit an IR add instead)");
}

}  // namespace tpegen::arith
