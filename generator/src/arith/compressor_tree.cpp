#include "arith/compressor_tree.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <utility>

namespace tpegen::arith {

TreeKind parse_tree(const std::string& s) {
  if (s == "dadda") return TreeKind::Dadda;
  if (s == "wallace") return TreeKind::Wallace;
  if (s == "timing") return TreeKind::Timing;
  throw std::invalid_argument("invalid tree '" + s + "': valid values are dadda, wallace, timing");
}

const char* to_string(TreeKind k) {
  switch (k) {
    case TreeKind::Wallace: return "wallace";
    case TreeKind::Dadda: return "dadda";
    case TreeKind::Timing: return "timing";
  }
  return "?";
}

namespace {

using Column = std::vector<NodeId>;

// Target height of the next level: the largest element of Dadda's sequence
// d_1 = 2, d_(j+1) = floor(1.5 d_j) (2, 3, 4, 6, 9, 13, ...) below the current height;
// with 4:2 compressors the sequence doubles instead (2, 4, 8, 16, ...).
int next_target(int height, bool use_42) {
  int d = 2;
  for (;;) {
    const int nd = use_42 ? 2 * d : d * 3 / 2;
    if (nd >= height) return d;
    d = nd;
  }
}

// A column's cells for one level, planned before they are built.
struct Planner {
  std::deque<NodeId> orig;   // bits present at the start of the level: the only cell inputs
  std::deque<NodeId> couts;  // couts of column i-1 (this level): usable as a 4:2 cin only
  std::vector<std::pair<CellKind, std::vector<NodeId>>> cells;
  int n42 = 0;
  NodeId zero = 0;

  NodeId take() {
    const NodeId b = orig.front();
    orig.pop_front();
    return b;
  }
  NodeId take_or_zero() { return orig.empty() ? zero : take(); }
  NodeId take_cout() {
    const NodeId c = couts.front();
    couts.pop_front();
    return c;
  }
  // Height of the column after the level: leftovers + one sum per cell + incoming carries.
  int projected(size_t carries_in) const {
    return static_cast<int>(orig.size() + couts.size() + cells.size() + carries_in);
  }
  void c42(NodeId cin, int bits = 4) {  // `bits` originals (at most 4), zeros for the rest
    std::vector<NodeId> in;
    for (int k = 0; k < 4; ++k) in.push_back(k < bits ? take_or_zero() : zero);
    in.push_back(cin);
    cells.emplace_back(CellKind::Compressor42, std::move(in));
    ++n42;
  }
  void c42_fifth_cin() {  // cin = a fifth original bit
    const NodeId cin = orig[4];
    orig.erase(orig.begin() + 4);
    c42(cin);
  }
  void fa() {
    const NodeId a = take(), b = take(), c = take();
    cells.emplace_back(CellKind::FullAdder, std::vector<NodeId>{a, b, c});
  }
  void ha() {
    const NodeId a = take(), b = take();
    cells.emplace_back(CellKind::HalfAdder, std::vector<NodeId>{a, b});
  }
};

// Wallace: every group of 4 (4:2, cin = a cout of column i-1, else a fifth bit, else 0),
// then every group of 3 -> FA, a leftover pair -> HA.
void plan_wallace(Planner& p, bool use_42) {
  while (use_42 && p.orig.size() >= 4) {
    if (!p.couts.empty()) p.c42(p.take_cout());
    else if (p.orig.size() >= 5) p.c42_fifth_cin();
    else p.c42(p.zero);
  }
  while (p.orig.size() >= 3) p.fa();
  if (p.orig.size() == 2) p.ha();
}

// Dadda (Dadda 1965): a FA while the column exceeds the target by 2 or more, a HA when by 1.
void plan_dadda(Planner& p, size_t carries_in, int target) {
  while (p.projected(carries_in) > target) {
    const int excess = p.projected(carries_in) - target;
    if (excess >= 2 && p.orig.size() >= 3) p.fa();
    else if (p.orig.size() >= 2) p.ha();
    else break;  // cannot happen for heights <= the next Dadda number; the next level continues
  }
}

// Dadda with 4:2 compressors, target T = 2S from a height <= 2T. Invariant: every column
// sends at most S carries and S couts to the next, which then can always reach T: m =
// ceil(n/4) <= S compressors take all of its n <= 4S bits, each absorbing a cout if one is
// left, so the height is m + C + max(0, K - m) <= 2S. Lazy (fewest cells) first; that
// all-compressor plan is the fallback.
void plan_dadda42(Planner& p, size_t carries_in, int target) {
  const int s = target / 2;
  const Planner start = p;
  while (p.projected(carries_in) > target) {
    const int excess = p.projected(carries_in) - target;
    const size_t n = p.orig.size();
    if (excess >= 3 && n >= 4 && !p.couts.empty()) p.c42(p.take_cout());  // -4
    else if (excess >= 4 && n >= 5) p.c42_fifth_cin();                      // -4
    else if (excess >= 3 && n == 3 && !p.couts.empty()) p.c42(p.take_cout());  // x4 = 0: -3
    else if (excess >= 3 && n >= 4) p.c42(p.zero);                              // -3
    else if (excess >= 2 && n >= 3) p.fa();                                     // -2
    else if (excess >= 2 && n == 2 && !p.couts.empty()) p.c42(p.take_cout());  // -2
    else if (n >= 2) p.ha();                                                    // -1
    else break;
  }
  if (p.projected(carries_in) <= target && static_cast<int>(p.cells.size()) <= s && p.n42 <= s) return;
  // Fallback: m = ceil(n/4) compressors share the n bits evenly, each absorbing a cout.
  p = start;
  const int n = static_cast<int>(p.orig.size()), m = (n + 3) / 4;
  for (int j = 0; j < m; ++j) p.c42(p.couts.empty() ? p.zero : p.take_cout(), n / m + (j < n % m ? 1 : 0));
  if (p.projected(carries_in) > target || static_cast<int>(p.cells.size()) > s)
    throw std::logic_error("compress: 4:2 level cannot reach its target");
}

// One reduction level. Sums stay in their column; carries and the couts not consumed as a
// cin go to the next column for the next level (out of the top column: dropped).
// target < 0: Wallace (greedy).
std::vector<Column> reduce_level(const std::vector<Column>& cols, BitNet& net, int level, int target, bool use_42) {
  const size_t width = cols.size();
  std::vector<Column> next(width);
  std::vector<NodeId> carries_in, couts_in;  // from column i-1, produced in this level
  for (size_t i = 0; i < width; ++i) {
    Planner p;
    p.zero = net.zero();
    p.orig.assign(cols[i].begin(), cols[i].end());
    p.couts.assign(couts_in.begin(), couts_in.end());
    if (target < 0) plan_wallace(p, use_42);
    else if (use_42) plan_dadda42(p, carries_in.size(), target);
    else plan_dadda(p, carries_in.size(), target);
    Column sums;
    std::vector<NodeId> carries_out, couts_out;
    for (const auto& [kind, in] : p.cells) {
      if (kind == CellKind::Compressor42) {
        const auto o = net.compressor42(in[0], in[1], in[2], in[3], in[4], level);
        sums.push_back(o[0]);
        carries_out.push_back(o[1]);
        couts_out.push_back(o[2]);
      } else {
        const auto o = kind == CellKind::FullAdder ? net.full_adder(in[0], in[1], in[2], level)
                                                   : net.half_adder(in[0], in[1], level);
        sums.push_back(o[0]);
        carries_out.push_back(o[1]);
      }
    }
    Column& out = next[i];
    out.insert(out.end(), p.orig.begin(), p.orig.end());
    out.insert(out.end(), sums.begin(), sums.end());
    out.insert(out.end(), carries_in.begin(), carries_in.end());
    out.insert(out.end(), p.couts.begin(), p.couts.end());
    // A folded cell may output a constant 0 (e.g. the carry of x + 0): it drops out.
    out.erase(std::remove(out.begin(), out.end(), net.zero()), out.end());
    carries_out.erase(std::remove(carries_out.begin(), carries_out.end(), net.zero()), carries_out.end());
    couts_out.erase(std::remove(couts_out.begin(), couts_out.end(), net.zero()), couts_out.end());
    carries_in = std::move(carries_out);
    couts_in = std::move(couts_out);
  }
  return next;
}

int height(const std::vector<Column>& cols) {
  size_t h = 0;
  for (const auto& c : cols) h = std::max(h, c.size());
  return static_cast<int>(h);
}

}  // namespace

CarrySave compress(BitHeap& heap, BitNet& net, const TreeOptions& opt) {
  if (opt.kind == TreeKind::Timing) return compress_timing(heap, net, opt);
  heap.materialize_constant(net);
  std::vector<Column> cols = heap.columns();
  CarrySave cs;
  while (height(cols) > 2) {
    const int level = cs.levels + 1;
    const int target = opt.kind == TreeKind::Dadda ? next_target(height(cols), opt.use_42) : -1;
    const int height_before = height(cols);
    cols = reduce_level(cols, net, level, target, opt.use_42);
    if (height(cols) >= height_before) throw std::logic_error("compress: a reduction level made no progress");
    cs.levels = level;
  }
  const size_t width = cols.size();
  cs.sum.assign(width, net.zero());
  cs.carry.assign(width, net.zero());
  for (size_t i = 0; i < width; ++i) {
    if (!cols[i].empty()) cs.sum[i] = cols[i][0];
    if (cols[i].size() > 1) cs.carry[i] = cols[i][1];
  }
  return cs;
}

}  // namespace tpegen::arith
