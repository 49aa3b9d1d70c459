// emit_bitnet's word-level form of a BitNet: the same gates and cells, grouped into vector
// operations (see bitnet_to_ir.hpp), so that Verilator evaluates a few word operations per
// reduction level instead of one 1-bit operation per gate (`make bench`).
//
// Every node gets a column (its position in a vector): an input bit its bit index, a cell its
// heap column (carries one higher), a gate the lowest column it is read at. Cells group by
// kind, reduction level and depth within the level (0 in a tree; a 4:2's cin or a ripple
// carry reads its own level); gates group only with gates reading the same sources, since a
// gathered source costs more than the gate. A second node in an occupied column opens the
// next group (slot). A group's vector holds its members at their columns and zero elsewhere
// (a constant mask): a full-adder group is sum = a ^ b ^ c and carry = maj(a, b, c) one column
// up, on whole rows. Each operand pin is gathered from its sources, a source being
//   - a vector read at a fixed offset (heap bits at offset 0, or -1 for a folded carry; an
//     input bit as most gates can share it), masked to the members using it;
//   - a scalar broadcast to those members (a node read at several columns, e.g. a Booth
//     digit's `one`, which selects a whole partial-product row);
//   - a constant.
// A symmetric cell puts each operand on the pin that already reads that source.
#include <algorithm>
#include <bitset>
#include <map>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "emit/bitnet_to_ir.hpp"

namespace tpegen::emit {

using arith::BitNet;
using arith::CellKind;
using arith::NodeId;
using arith::NodeOp;
using namespace ir;

namespace {

enum class OpKind { Const, Vec, Bcast };

// One source of an operand: constant `a` (0/1); vector `a` at offset `off` (a member at
// column k reads bit k + off); or node `a` broadcast.
struct Operand {
  OpKind kind = OpKind::Const;
  int a = 0;
  int off = 0;
  auto key() const { return std::make_tuple(static_cast<int>(kind), a, off); }
  bool operator<(const Operand& o) const { return key() < o.key(); }
  bool operator==(const Operand& o) const { return key() == o.key(); }
};

// A W-bit value and the bits of it that can be non-zero.
struct Val {
  ExprP e;
  uint64_t sup = 0;
};

// Group operations: the gate ops, and one per cell kind.
enum class GOp { Not, And, Or, Xor, Mux, Ha, Fa, C42 };

// A pin of a group: its sources, each with the columns of the members reading it.
using Pin = std::map<Operand, uint64_t>;

struct Group {
  GOp op = GOp::Not;
  int level = 0;
  std::vector<Pin> pins;
  std::vector<uint64_t> mask;  // per output vector: columns of its members
  uint64_t at = 0;             // the members' own columns (where their operands sit on the pins)
  std::vector<int> vec;        // per output vector: its vector id
  std::vector<int> deps;       // groups whose vectors the pins read
  int rank = 0;                // ranked grouping: above the rank of every group it reads
};

constexpr int kMaxWidth = 64;

uint64_t bit_at(int k) { return k < 0 || k >= 64 ? 0 : uint64_t{1} << k; }

int pin_count(GOp op) {
  switch (op) {
    case GOp::Not: return 1;
    case GOp::Mux: case GOp::Fa: return 3;
    case GOp::C42: return 5;
    default: return 2;
  }
}

// Pins whose operands may be swapped: {first, last} ranges.
std::vector<std::pair<int, int>> symmetric_ranges(GOp op) {
  switch (op) {
    case GOp::Not: case GOp::Mux: return {};
    case GOp::C42: return {{0, 3}, {3, 5}};  // {x1, x2, x3} and {x4, cin}
    default: return {{0, pin_count(op)}};
  }
}

class VectorEmitter {
 public:
  VectorEmitter(Module& m, const BitNet& net, std::string prefix, const std::vector<ExprP>& inputs, int width)
      : m_(m), net_(net), prefix_(std::move(prefix)), inputs_(inputs), w_(width) {}

  bool plan();
  std::vector<ExprP> emit();

 private:
  uint64_t all() const { return w_ >= 64 ? ~uint64_t{0} : bit_at(w_) - 1; }
  void place_columns(std::vector<int>& lo, std::vector<int>& hi);
  Operand operand(NodeId o, int at, bool bcast_input = false, bool open = false) const;
  std::vector<Operand> gate_key(NodeId i, unsigned mask, bool open) const;
  // The vector holding a node (input i is vector i).
  int vec_of(NodeId o) const {
    const auto& nd = net_.nodes()[static_cast<size_t>(o)];
    return nd.op == NodeOp::Input ? nd.input : node_vec_[static_cast<size_t>(o)];
  }
  int new_vec() {
    vecs_.emplace_back();
    read_.push_back(0);
    sup_.push_back(0);
    vec_group_.push_back(-1);
    return static_cast<int>(vecs_.size() - 1);
  }
  void place(const std::vector<NodeId>& outs, const std::vector<int>& cols, GOp op, int level, int depth,
             std::vector<Operand> in);
  bool group_nodes(bool ranked);
  bool order_groups();
  int rank_of(const Operand& o) const {
    if (o.kind == OpKind::Const) return 0;
    const int v = o.kind == OpKind::Vec ? o.a : vec_of(o.a);
    const int g = vec_group_[static_cast<size_t>(v)];
    return g < 0 ? 0 : groups_[static_cast<size_t>(g)].rank;
  }
  Val read(const Operand& o, int extra_shift, uint64_t mask);
  Val gather(const Pin& pin, int extra_shift);
  // v limited to `mask` (no operation when it cannot be non-zero elsewhere).
  Val masked(const Val& v, uint64_t mask) const {
    if (!(v.sup & ~mask)) return v;
    return {band(v.e, constant(w_, mask)), v.sup & mask};
  }
  std::string name(const char* tag, int level) {
    const std::string base = fmt::format("{}{}_l{}", prefix_, tag, level);
    return fmt::format("{}_{}", base, count_[base]++);
  }
  void emit_group(const Group& g);
  void mark_unused();

  Module& m_;
  const BitNet& net_;
  std::string prefix_;
  const std::vector<ExprP>& inputs_;
  int w_;
  std::vector<int> col_;        // column of each live node (-1: dead or constant)
  std::vector<int> cell_col_;   // column of each live cell
  std::vector<bool> scalar_;    // read at columns too far apart for one offset: broadcast
  std::map<std::vector<Operand>, int> votes_;  // gate_key(open) -> gates that could share it
  std::vector<int> node_vec_;   // vector holding each grouped node
  std::vector<Group> groups_;
  std::vector<int> order_;      // groups, producers first
  std::map<std::tuple<int, int, int, std::vector<Operand>>, std::vector<int>> by_key_;
  std::vector<ExprP> vecs_;     // vector id -> W-bit net
  std::vector<uint64_t> read_;  // vector id -> bits some reader uses (for lint)
  std::vector<uint64_t> sup_;   // vector id -> bits that can be non-zero
  std::vector<int> vec_group_;  // vector id -> group (-1: an input)
  std::map<std::string, int> count_;
  bool ranked_ = false;
};

// Columns and broadcast flags, walking readers before producers (ids are topological).
void VectorEmitter::place_columns(std::vector<int>& lo, std::vector<int>& hi) {
  const auto& nodes = net_.nodes();
  const size_t n = nodes.size();
  auto read_at = [&](NodeId id, int at) {
    auto k = static_cast<size_t>(id);
    lo[k] = std::min(lo[k], at);
    hi[k] = std::max(hi[k], at);
  };
  for (auto& bitsv : net_.output_bits())
    for (size_t k = 0; k < bitsv.size(); ++k) read_at(bitsv[k], static_cast<int>(k));
  for (size_t i = n; i-- > 0;) {
    const auto& nd = nodes[i];
    if (nd.op == NodeOp::Input) {
      if (hi[i] >= 0) col_[i] = nd.bit;
      continue;
    }
    if (nd.op == NodeOp::Const0 || nd.op == NodeOp::Const1) continue;
    if (nd.op == NodeOp::CellOut) {
      const auto& cell = net_.cells()[static_cast<size_t>(nd.cell)];
      if (static_cast<size_t>(cell.out[0]) != i) continue;  // handled at the cell's first output
      int cc = kMaxWidth + 1;
      for (size_t k = 0; k < cell.out.size(); ++k)
        cc = std::min(cc, lo[static_cast<size_t>(cell.out[k])] - (k > 0 ? 1 : 0));
      if (cc > kMaxWidth) continue;  // dead cell
      cc = std::max(cc, 0);
      cell_col_[static_cast<size_t>(nd.cell)] = cc;
      for (size_t k = 0; k < cell.out.size(); ++k) {
        const auto o = static_cast<size_t>(cell.out[k]);
        if (hi[o] < 0) continue;  // e.g. the top column's carry
        col_[o] = cc + (k > 0 ? 1 : 0);
        scalar_[o] = lo[o] < col_[o] || hi[o] > col_[o] + 1;  // read at its column or, folded, one up
      }
      for (auto in : cell.in) read_at(in, cc);
      continue;
    }
    if (hi[i] < 0) continue;  // dead gate
    col_[i] = lo[i];
    scalar_[i] = hi[i] > lo[i] + 1;
    for (auto in : nd.in) read_at(in, col_[i]);
  }
}

bool VectorEmitter::plan() {
  const auto& nodes = net_.nodes();
  const size_t n = nodes.size();
  std::vector<int> lo(n, kMaxWidth + 1), hi(n, -1);
  col_.assign(n, -1);
  cell_col_.assign(net_.cells().size(), -1);
  scalar_.assign(n, false);
  place_columns(lo, hi);
  for (size_t i = 0; i < n; ++i)
    if (col_[i] >= w_) return false;
  // An input bit a gate reads is either a vector read at an offset (b[k] across a Booth row)
  // or a broadcast (a folded digit that is just a[0] selects a whole row): each gate takes
  // the choice that the most gates share (counted with the other operands left open).
  for (size_t i = 0; i < n; ++i) {
    const auto& nd = nodes[i];
    if (col_[i] < 0 || nd.op == NodeOp::Input || nd.op == NodeOp::CellOut) continue;
    for (unsigned mask = 0; mask < (1U << nd.in.size()); ++mask) {
      const auto key = gate_key(static_cast<NodeId>(i), mask, true);
      if (!key.empty()) ++votes_[key];
    }
  }
  // Groups by operation alone may read each other (a tree's outputs read by gates as shallow
  // as the partial products, e.g. a multiplier's final adder): then again with each group
  // reading only groups made before it.
  return group_nodes(false) || group_nodes(true);
}

bool VectorEmitter::group_nodes(bool ranked) {
  const auto& nodes = net_.nodes();
  const size_t n = nodes.size();
  ranked_ = ranked;
  vecs_.clear();
  read_.clear();
  sup_.clear();
  vec_group_.clear();
  groups_.clear();
  order_.clear();
  by_key_.clear();
  for (size_t i = 0; i < inputs_.size(); ++i) new_vec();  // vector i is input i
  node_vec_.assign(n, -1);
  // Cells are keyed by their depth within their level (0 for a tree's cells, which read only
  // lower levels; more in a ripple chain or a folded 4:2's second adder), gates by depth.
  std::vector<int> depth(n, 0), chain(n, 0), lvl(n, -1);
  std::vector<bool> cell_done(net_.cells().size(), false);
  for (size_t i = 0; i < n; ++i) {
    const auto& nd = nodes[i];
    if (col_[i] < 0 || nd.op == NodeOp::Input) continue;
    std::vector<Operand> in;
    GOp op = GOp::Not;
    switch (nd.op) {
      case NodeOp::Not: op = GOp::Not; break;
      case NodeOp::And: op = GOp::And; break;
      case NodeOp::Or: op = GOp::Or; break;
      case NodeOp::Xor: op = GOp::Xor; break;
      case NodeOp::Mux: op = GOp::Mux; break;
      case NodeOp::CellOut: {
        if (cell_done[static_cast<size_t>(nd.cell)]) continue;
        cell_done[static_cast<size_t>(nd.cell)] = true;
        const auto& cell = net_.cells()[static_cast<size_t>(nd.cell)];
        const int cc = cell_col_[static_cast<size_t>(nd.cell)];
        int d = 0, ch = 0;
        for (auto x : cell.in) {
          const auto xi = static_cast<size_t>(x);
          in.push_back(operand(x, cc));
          d = std::max(d, depth[xi] + 1);
          if (lvl[xi] == cell.level) ch = std::max(ch, chain[xi] + 1);
        }
        for (auto o : cell.out) {
          depth[static_cast<size_t>(o)] = d;
          chain[static_cast<size_t>(o)] = ch;
          lvl[static_cast<size_t>(o)] = cell.level;
        }
        op = cell.kind == CellKind::HalfAdder ? GOp::Ha : cell.kind == CellKind::FullAdder ? GOp::Fa : GOp::C42;
        // Outputs nothing reads (the top column's carry) take no place in the vectors.
        std::vector<int> cols;
        for (auto o : cell.out) cols.push_back(col_[static_cast<size_t>(o)]);
        place(cell.out, cols, op, cell.level, op == GOp::C42 ? d : ch, std::move(in));
        continue;
      }
      default: continue;
    }
    int d = 0;
    unsigned best = 0;
    int best_votes = -1;
    for (unsigned mask = 0; mask < (1U << nd.in.size()); ++mask) {
      const auto key = gate_key(static_cast<NodeId>(i), mask, true);
      if (key.empty()) continue;
      const int v = votes_[key] * 8 - static_cast<int>(std::bitset<8>(mask).count());  // ties: fewer broadcasts
      if (v > best_votes) best_votes = v, best = mask;
    }
    in = gate_key(static_cast<NodeId>(i), best, false);
    in.erase(in.begin());
    for (auto x : nd.in) {
      const auto xi = static_cast<size_t>(x);
      d = std::max(d, depth[xi] + 1);
      if (lvl[xi] == nd.level) chain[i] = std::max(chain[i], chain[xi] + 1);
    }
    depth[i] = d;
    lvl[i] = nd.level;
    place({static_cast<NodeId>(i)}, {col_[i]}, op, nd.level, d, std::move(in));
  }
  return order_groups();
}

Operand VectorEmitter::operand(NodeId o, int at, bool bcast_input, bool open) const {
  const auto k = static_cast<size_t>(o);
  const auto& nd = net_.nodes()[k];
  if (nd.op == NodeOp::Const0) return {OpKind::Const, 0, 0};
  if (nd.op == NodeOp::Const1) return {OpKind::Const, 1, 0};
  if (nd.op == NodeOp::Input) {
    if (bcast_input) return {OpKind::Bcast, o, 0};
    return {OpKind::Vec, nd.input, nd.bit - at};  // input i is vector i
  }
  if (!scalar_[k]) return {OpKind::Vec, open ? -1 : node_vec_[k], col_[k] - at};
  return {OpKind::Bcast, o, 0};
}

// {op and level as a constant, then gate i's operands}, input operand j broadcast when bit j
// of `mask` is set; `open`: other operands' vectors left unknown (for the vote). Empty when
// the mask broadcasts an operand that is not an input.
std::vector<Operand> VectorEmitter::gate_key(NodeId i, unsigned mask, bool open) const {
  const auto& nd = net_.nodes()[static_cast<size_t>(i)];
  std::vector<Operand> key;
  for (size_t j = 0; j < nd.in.size(); ++j) {
    const bool is_input = net_.nodes()[static_cast<size_t>(nd.in[j])].op == NodeOp::Input;
    if (((mask >> j) & 1U) && !is_input) return {};
    key.push_back(operand(nd.in[j], col_[static_cast<size_t>(i)], (mask >> j) & 1U, open));
  }
  if (nd.op == NodeOp::And || nd.op == NodeOp::Or || nd.op == NodeOp::Xor) std::sort(key.begin(), key.end());
  key.insert(key.begin(), Operand{OpKind::Const, static_cast<int>(nd.op) * 1000 + nd.level, 0});
  return key;
}

// Puts the node(s) `outs` (a gate, or a cell's outputs) into a group of this operation, level
// and depth (-1: any) that has no member at their columns yet, or into a new one; each operand
// goes to a pin (a symmetric one that already reads the same source, if any).
void VectorEmitter::place(const std::vector<NodeId>& outs, const std::vector<int>& cols, GOp op, int level, int depth,
                          std::vector<Operand> in) {
  // A gate costs one operation, a gathered source about two: gates group only with gates
  // reading the same sources (pins of one source each); cells (several operations) group by
  // level and gather their pins.
  const bool is_cell = op == GOp::Ha || op == GOp::Fa || op == GOp::C42;
  std::vector<Operand> sources;
  if (!is_cell) {
    sources = in;
    if (op == GOp::And || op == GOp::Or || op == GOp::Xor) std::sort(sources.begin(), sources.end());
  }
  auto& candidates = by_key_[{static_cast<int>(op), level, is_cell ? depth : 0, sources}];
  int rank = 1;
  for (const auto& x : in) rank = std::max(rank, rank_of(x) + 1);
  int at = -1;  // the member's column (of its first live output, minus one for a carry)
  for (size_t k = 0; k < outs.size() && at < 0; ++k)
    if (cols[k] >= 0) at = cols[k] - (k > 0 ? 1 : 0);
  int gi = -1;
  for (int c : candidates) {
    // Free output columns are not enough: a member whose sum is unused and one whose carry is
    // unused can sit at the same column, and their operands would be ORed on the pins.
    bool free = (!ranked_ || rank <= groups_[static_cast<size_t>(c)].rank) &&
                !(groups_[static_cast<size_t>(c)].at & bit_at(at));
    for (size_t k = 0; k < outs.size(); ++k)
      free = free && (cols[k] < 0 || !(groups_[static_cast<size_t>(c)].mask[k] & bit_at(cols[k])));
    if (free) {
      gi = c;
      break;
    }
  }
  if (gi < 0) {
    Group g;
    g.op = op;
    g.level = level;
    g.rank = rank;
    g.pins.resize(static_cast<size_t>(pin_count(op)));
    g.mask.assign(outs.size(), 0);
    groups_.push_back(std::move(g));
    gi = static_cast<int>(groups_.size() - 1);
    for (size_t k = 0; k < outs.size(); ++k) {
      const int v = new_vec();
      vec_group_[static_cast<size_t>(v)] = gi;
      groups_[static_cast<size_t>(gi)].vec.push_back(v);
    }
    candidates.push_back(gi);
  }
  auto& g = groups_[static_cast<size_t>(gi)];
  g.at |= bit_at(at);
  for (size_t k = 0; k < outs.size(); ++k) {
    if (cols[k] < 0) continue;
    g.mask[k] |= bit_at(cols[k]);
    node_vec_[static_cast<size_t>(outs[k])] = g.vec[k];
  }
  // Operands to pins: within a symmetric range, each to a pin that already has its source.
  std::vector<int> pin_of(in.size(), -1);
  auto ranges = symmetric_ranges(op);
  if (ranges.empty())
    for (size_t k = 0; k < in.size(); ++k) pin_of[k] = static_cast<int>(k);
  for (const auto& [b, e] : ranges) {
    std::vector<bool> taken(in.size(), false);
    for (int k = b; k < e; ++k)
      for (int p = b; p < e; ++p)
        if (!taken[static_cast<size_t>(p)] && g.pins[static_cast<size_t>(p)].count(in[static_cast<size_t>(k)])) {
          pin_of[static_cast<size_t>(k)] = p;
          taken[static_cast<size_t>(p)] = true;
          break;
        }
    for (int k = b; k < e; ++k) {
      if (pin_of[static_cast<size_t>(k)] >= 0) continue;
      for (int p = b; p < e; ++p)
        if (!taken[static_cast<size_t>(p)]) {
          pin_of[static_cast<size_t>(k)] = p;
          taken[static_cast<size_t>(p)] = true;
          break;
        }
    }
  }
  for (size_t k = 0; k < in.size(); ++k) g.pins[static_cast<size_t>(pin_of[k])][in[k]] |= bit_at(at);
}

// Groups in dependency order; false when two groups read each other (then the caller emits
// the net bit by bit).
bool VectorEmitter::order_groups() {
  for (auto& g : groups_) {
    for (const auto& pin : g.pins)
      for (const auto& [x, mask] : pin) {
        int v = -1;
        if (x.kind == OpKind::Vec) v = x.a;
        if (x.kind == OpKind::Bcast) v = vec_of(x.a);
        if (v >= 0 && vec_group_[static_cast<size_t>(v)] >= 0) g.deps.push_back(vec_group_[static_cast<size_t>(v)]);
      }
    std::sort(g.deps.begin(), g.deps.end());
    g.deps.erase(std::unique(g.deps.begin(), g.deps.end()), g.deps.end());
  }
  std::vector<int> state(groups_.size(), 0);  // 0 new, 1 on the stack, 2 done
  std::vector<std::pair<int, size_t>> stack;
  for (size_t root = 0; root < groups_.size(); ++root) {
    if (state[root]) continue;
    stack.push_back({static_cast<int>(root), 0});
    state[root] = 1;
    while (!stack.empty()) {
      auto& [gi, next] = stack.back();
      const auto& deps = groups_[static_cast<size_t>(gi)].deps;
      if (next < deps.size()) {
        const int d = deps[next++];
        if (state[static_cast<size_t>(d)] == 1) return false;
        if (state[static_cast<size_t>(d)] == 0) {
          state[static_cast<size_t>(d)] = 1;
          stack.push_back({d, 0});
        }
        continue;
      }
      state[static_cast<size_t>(gi)] = 2;
      order_.push_back(gi);
      stack.pop_back();
    }
  }
  return true;
}

// One source of a pin for the members in `mask`, W bits; extra_shift = 1 reads it for the
// column above (carries). Bits outside the mask may be anything (the group's output is masked).
Val VectorEmitter::read(const Operand& o, int extra_shift, uint64_t mask) {
  const uint64_t at = (mask << extra_shift) & all();
  switch (o.kind) {
    case OpKind::Const: return {constant(w_, o.a ? at : 0), o.a ? at : 0};
    case OpKind::Bcast: {
      const auto k = static_cast<size_t>(o.a);
      const int v = vec_of(o.a);
      read_[static_cast<size_t>(v)] |= bit_at(col_[k]);
      return {mux(bits(vecs_[static_cast<size_t>(v)], col_[k], 1), constant(w_, at), constant(w_, 0)), at};
    }
    case OpKind::Vec: break;
  }
  const ExprP& x = vecs_[static_cast<size_t>(o.a)];
  const uint64_t sup = sup_[static_cast<size_t>(o.a)];
  uint64_t& used = read_[static_cast<size_t>(o.a)];
  const int d = o.off - extra_shift;  // result bit k = x[k + d]
  if (d >= w_ || -d >= w_) return {constant(w_, 0), 0};
  if (d == 0) {
    used = all();
    return {x, sup};
  }
  if (d > 0) {
    used |= all() & ~(bit_at(d) - 1);
    return {concat({constant(d, 0), bits(x, d, w_ - d)}), sup >> d};
  }
  used |= bit_at(w_ + d) - 1;
  return {concat({bits(x, 0, w_ + d), constant(-d, 0)}), (sup << -d) & all()};
}

// A pin as one W-bit value: its one source as is, or each source masked to its members (no
// mask where the source can only be non-zero there anyway).
Val VectorEmitter::gather(const Pin& pin, int extra_shift) {
  if (pin.size() == 1) return read(pin.begin()->first, extra_shift, pin.begin()->second);
  Val acc{nullptr, 0};
  for (const auto& [x, mask] : pin) {
    const Val r = masked(read(x, extra_shift, mask), (mask << extra_shift) & all());
    acc = acc.e ? Val{bor(acc.e, r.e), acc.sup | r.sup} : r;
  }
  return acc;
}

namespace {
Val vand(const Val& a, const Val& b) { return {band(a.e, b.e), a.sup & b.sup}; }
Val vor(const Val& a, const Val& b) { return {bor(a.e, b.e), a.sup | b.sup}; }
Val vxor(const Val& a, const Val& b) { return {bxor(a.e, b.e), a.sup | b.sup}; }
Val majority3(const Val& a, const Val& b, const Val& c) { return vor(vor(vand(a, b), vand(a, c)), vand(b, c)); }
}  // namespace

void VectorEmitter::emit_group(const Group& g) {
  auto out = [&](size_t k, const std::string& nm, const Val& v) {
    if (g.mask[k] == 0) return;  // an output no member's reader uses
    const auto vi = static_cast<size_t>(g.vec[k]);
    vecs_[vi] = m_.wire(nm, masked(v, g.mask[k]).e);
    sup_[vi] = v.sup & g.mask[k];
  };
  // A gathered pin read twice (sum and carry) gets a wire of its own.
  std::vector<Val> pin_wire(g.pins.size());
  const std::string tag = g.op == GOp::Ha ? "ha" : g.op == GOp::Fa ? "fa" : g.op == GOp::C42 ? "c42" : g.level ? "g" : "pp";
  const std::string nm = name(tag.c_str(), g.level);
  const bool cell = g.op == GOp::Ha || g.op == GOp::Fa || g.op == GOp::C42;
  auto up = [&](const Val& v) {  // one column up (nothing is left of a 1-bit vector)
    if (w_ == 1) return Val{constant(1, 0), 0};
    return Val{concat({bits(v.e, 0, w_ - 1), constant(1, 0)}), (v.sup << 1) & all()};
  };
  auto r = [&](size_t k, int shift = 0) -> Val {
    const Pin& pin = g.pins[k];
    if (!cell || pin.size() == 1) return gather(pin, shift);
    if (!pin_wire[k].e) {
      const Val v = gather(pin, 0);
      pin_wire[k] = {m_.wire(fmt::format("{}_i{}", nm, k), v.e), v.sup};  // read whole below
    }
    return shift == 0 ? pin_wire[k] : up(pin_wire[k]);
  };
  switch (g.op) {
    case GOp::Not: out(0, nm, {bnot(r(0).e), all()}); return;
    case GOp::And: {
      // A broadcast select is a mux: one conditional instead of a replicated mask.
      for (size_t s = 0; s < 2; ++s) {
        const Pin& p = g.pins[s];
        if (p.size() != 1 || p.begin()->first.kind != OpKind::Bcast) continue;
        const auto k = static_cast<size_t>(p.begin()->first.a);
        const int v = vec_of(p.begin()->first.a);
        read_[static_cast<size_t>(v)] |= bit_at(col_[k]);
        const Val other = r(1 - s);
        out(0, nm, {mux(bits(vecs_[static_cast<size_t>(v)], col_[k], 1), other.e, constant(w_, 0)), other.sup});
        return;
      }
      out(0, nm, vand(r(0), r(1)));
      return;
    }
    case GOp::Or: out(0, nm, vor(r(0), r(1))); return;
    case GOp::Xor: out(0, nm, vxor(r(0), r(1))); return;
    case GOp::Mux: {
      const Val sel = r(0), a = r(1), b = r(2);
      out(0, nm, {bor(band(sel.e, a.e), band(bnot(sel.e), b.e)), a.sup | b.sup});
      return;
    }
    case GOp::Ha:
      out(0, nm + "_s", vxor(r(0), r(1)));
      out(1, nm + "_c", vand(r(0, 1), r(1, 1)));
      return;
    case GOp::Fa:
      out(0, nm + "_s", vxor(vxor(r(0), r(1)), r(2)));
      out(1, nm + "_c", majority3(r(0, 1), r(1, 1), r(2, 1)));
      return;
    case GOp::C42: {
      // Pins {x1, x2, x3} {x4, cin}: s1 = x1^x2^x3, sum = s1^x4^cin, carry = maj(s1, x4, cin)
      // and cout = maj(x1, x2, x3), both one column up.
      const Val x = vxor(vxor(r(0), r(1)), r(2));
      const Val s1{m_.wire(nm + "_s1", x.e), x.sup};
      out(0, nm + "_s", vxor(vxor(s1, r(3)), r(4)));
      out(1, nm + "_c", majority3(up(s1), r(3, 1), r(4, 1)));
      out(2, nm + "_co", majority3(r(0, 1), r(1, 1), r(2, 1)));
      return;
    }
  }
}

// Verilator -Wall: bits of a vector that no reader uses go to one *_unused wire.
void VectorEmitter::mark_unused() {
  std::vector<ExprP> unused;
  for (size_t v = 0; v < vecs_.size(); ++v) {
    if (!vecs_[v] || read_[v] == all()) continue;
    for (int k = 0; k < w_;) {
      if (read_[v] & bit_at(k)) {
        ++k;
        continue;
      }
      int e = k;
      while (e < w_ && !(read_[v] & bit_at(e))) ++e;
      unused.push_back(bits(vecs_[v], k, e - k));
      k = e;
    }
  }
  if (unused.empty()) return;
  std::reverse(unused.begin(), unused.end());
  m_.wire(prefix_ + "vec_unused", unused.size() == 1 ? unused[0] : concat(unused));
}

std::vector<ExprP> VectorEmitter::emit() {
  // Inputs: vector i is input i zero-extended to W bits.
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const ExprP& x = inputs_[i];
    vecs_[i] = m_.wire(prefix_ + "in_" + net_.inputs()[i].name, x->width == w_ ? x : concat({constant(w_ - x->width, 0), x}));
    sup_[i] = x->width >= 64 ? ~uint64_t{0} : bit_at(x->width) - 1;
  }
  for (int gi : order_) emit_group(groups_[static_cast<size_t>(gi)]);
  // Outputs: OR of the masked vectors their bits sit in (a bit elsewhere is broadcast).
  std::vector<ExprP> result;
  for (size_t o = 0; o < net_.outputs().size(); ++o) {
    Pin pieces;
    uint64_t ones = 0;
    const auto& bitsv = net_.output_bits()[o];
    for (size_t k = 0; k < bitsv.size(); ++k) {
      const Operand x = operand(bitsv[k], static_cast<int>(k));
      if (x.kind == OpKind::Const) ones |= x.a ? bit_at(static_cast<int>(k)) : 0;
      else pieces[x] |= bit_at(static_cast<int>(k));
    }
    ExprP e = ones ? constant(w_, ones) : nullptr;
    for (const auto& [x, mask] : pieces) {
      const ExprP p = masked(read(x, 0, mask), mask).e;
      e = e ? bor(e, p) : p;
    }
    if (!e) e = constant(w_, 0);
    result.push_back(m_.wire(prefix_ + net_.outputs()[o].name, e));
  }
  mark_unused();
  return result;
}

}  // namespace

std::vector<ExprP> emit_bitnet_vectors(Module& m, const BitNet& net, const std::string& prefix,
                                       const std::vector<ExprP>& inputs) {
  int w = 0;
  for (const auto& o : net.outputs()) w = std::max(w, o.width);
  bool ok = w <= kMaxWidth && inputs.size() == net.inputs().size();
  for (const auto& o : net.outputs()) ok = ok && o.width == w;
  for (size_t i = 0; ok && i < inputs.size(); ++i) ok = inputs[i]->width == net.inputs()[i].width && inputs[i]->width <= w;
  if (ok) {
    // plan() touches nothing in m: a net that does not fit (a column beyond W, groups that
    // would read each other) is emitted bit by bit instead.
    VectorEmitter e(m, net, prefix, inputs, w);
    if (e.plan()) return e.emit();
  }
  return emit_bitnet_flat(m, net, prefix, inputs);
}

}  // namespace tpegen::emit
