#include "arith/final_adder.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace tpegen::arith {

AdderKind parse_adder(const std::string& s) {
  if (s == "ripple") return AdderKind::Ripple;
  if (s == "kogge-stone") return AdderKind::KoggeStone;
  if (s == "brent-kung") return AdderKind::BrentKung;
  if (s == "sklansky") return AdderKind::Sklansky;
  if (s == "timing") return AdderKind::Timing;
  if (s == "behavioral") return AdderKind::Behavioral;
  throw std::invalid_argument("invalid final adder '" + s +
                              "': valid values are ripple, kogge-stone, brent-kung, sklansky, timing, behavioral");
}

const char* to_string(AdderKind k) {
  switch (k) {
    case AdderKind::Ripple: return "ripple";
    case AdderKind::KoggeStone: return "kogge-stone";
    case AdderKind::BrentKung: return "brent-kung";
    case AdderKind::Sklansky: return "sklansky";
    case AdderKind::Timing: return "timing";
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

enum class Network { Ripple, KoggeStone, BrentKung, Sklansky };

// In place over the elements [lo, G.size()): (G, P)[i] becomes the group of [lo..i], with the
// operator (G, P)[i] o (G, P)[j] = (G[i] | P[i] & G[j], P[i] & P[j]).
void prefix_network(BitNet& net, std::vector<NodeId>& G, std::vector<NodeId>& P, size_t lo, Network kind) {
  const int n = static_cast<int>(G.size() - lo);
  auto at = [&](int i) { return static_cast<size_t>(i) + lo; };
  auto combine = [&](int i, int j) {
    G[at(i)] = net.bor(G[at(i)], net.band(P[at(i)], G[at(j)]));
    P[at(i)] = net.band(P[at(i)], P[at(j)]);
  };
  switch (kind) {
    case Network::Ripple:
      for (int i = 1; i < n; ++i) combine(i, i - 1);
      break;
    case Network::KoggeStone:
      for (int d = 1; d < n; d *= 2)
        for (int i = n - 1; i >= d; --i) combine(i, i - d);  // downwards: i - d still holds the previous level
      break;
    case Network::BrentKung: {
      int top = 1;
      for (int d = 1; d < n; d *= 2) {  // up-sweep
        for (int i = 2 * d - 1; i < n; i += 2 * d) combine(i, i - d);
        top = d;
      }
      for (int d = top; d >= 1; d /= 2)  // down-sweep
        for (int i = 3 * d - 1; i < n; i += 2 * d) combine(i, i - d);
      break;
    }
    case Network::Sklansky:
      for (int d = 1; d < n; d *= 2)
        for (int i = 0; i < n; ++i)
          if ((i / d) % 2 == 1) combine(i, (i / d) * d - 1);  // that element is not written at this level
      break;
  }
}

// The sum bits with a ripple over the first `split` elements (split 0 or 1: none) and `kind`
// over the rest. Only the carries into bits 1..w-1 are needed: prefixes of 0..w-2. The P of a
// group that starts at bit 0 is never used, so P[0] = 0 (its gates fold away).
std::vector<NodeId> prefix_adder(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y, size_t split,
                                 Network kind) {
  const size_t w = x.size();
  std::vector<NodeId> p(w), G(w - 1), P(w - 1);
  for (size_t i = 0; i < w; ++i) {
    p[i] = net.bxor(x[i], y[i]);
    if (i + 1 < w) {
      G[i] = net.band(x[i], y[i]);
      P[i] = i == 0 ? net.zero() : p[i];
    }
  }
  if (w > 1) {
    split = std::min(std::max<size_t>(split, 1), w - 1);
    std::vector<NodeId> g0(G.begin(), G.begin() + static_cast<std::ptrdiff_t>(split));
    std::vector<NodeId> p0(P.begin(), P.begin() + static_cast<std::ptrdiff_t>(split));
    prefix_network(net, g0, p0, 0, Network::Ripple);
    G[split - 1] = g0.back();
    P[split - 1] = net.zero();
    for (size_t i = 0; i + 1 < split; ++i) G[i] = g0[i];
    prefix_network(net, G, P, split - 1, kind);
  }
  std::vector<NodeId> s(w);
  for (size_t i = 0; i < w; ++i) s[i] = i == 0 ? p[0] : net.bxor(p[i], G[i - 1]);
  return s;
}

// Every split of ripple | Kogge-Stone, each timed with the DelayModel from the arrival of x and
// y; the fastest wins (within 0.5 %, the one with fewer gates). Only Kogge-Stone above the
// split: in Yosys/ABC's default area-recovering mapping, a sparse prefix tree (Brent-Kung,
// Sklansky) whose group nodes have a single fanout is refactored into a chain of maj3 cells,
// i.e. a ripple (measured with `make compare-arith`); Kogge-Stone's nodes all have two
// fanouts and survive. The ripple part is what ABC makes of it anyway.
std::vector<NodeId> timing_adder(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y,
                                 const DelayModel& d) {
  const size_t w = x.size();
  const std::vector<double> base = arrival_times(net, d);
  struct Best {
    double delay = 0;
    size_t nodes = 0, split = 0;
  };
  std::optional<Best> best;
  for (size_t split = 1; split < std::max<size_t>(w, 2); ++split) {
    BitNet trial = net;
    const auto s = prefix_adder(trial, x, y, split, Network::KoggeStone);
    std::vector<double> arr = base;
    extend_arrivals(trial, d, arr);
    double delay = 0;
    for (auto b : s) delay = std::max(delay, arr[static_cast<size_t>(b)]);
    const Best c{delay, trial.nodes().size() - net.nodes().size(), split};
    if (!best || c.delay < best->delay * 0.995 || (c.delay <= best->delay * 1.005 && c.nodes < best->nodes)) best = c;
  }
  return prefix_adder(net, x, y, best->split, Network::KoggeStone);
}

}  // namespace

std::vector<NodeId> final_adder(BitNet& net, const std::vector<NodeId>& x, const std::vector<NodeId>& y,
                                AdderKind kind, const DelayModel* delays) {
  if (x.size() != y.size()) throw std::invalid_argument("final_adder: operands differ in width");
  if (x.empty()) throw std::invalid_argument("final_adder: empty operands");
  switch (kind) {
    case AdderKind::Ripple: return ripple(net, x, y);
    case AdderKind::KoggeStone: return prefix_adder(net, x, y, 0, Network::KoggeStone);
    case AdderKind::BrentKung: return prefix_adder(net, x, y, 0, Network::BrentKung);
    case AdderKind::Sklansky: return prefix_adder(net, x, y, 0, Network::Sklansky);
    case AdderKind::Timing: return timing_adder(net, x, y, delays ? *delays : builtin_delays());
    case AdderKind::Behavioral: break;
  }
  throw std::invalid_argument("final_adder: the behavioral adder is not a BitNet (emit an IR add instead)");
}

}  // namespace tpegen::arith
