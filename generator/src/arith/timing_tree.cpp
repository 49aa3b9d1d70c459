// The arrival-driven compressor tree (TreeKind::Timing), after the three-greedy method of
// Oklobdzija, Villeger & Liu (IEEE TC 1996): there are no levels. Columns are reduced from the
// LSB up, so every carry into a column is known, with its arrival time, before the column is
// reduced. In a column the three earliest bits go into a full adder whose sum rejoins the
// column, until three bits are left (a half adder takes the two earliest) or two. The latest of
// a cell's inputs goes to its fastest pin. Arrival times come from the DelayModel (the
// liberty's own cells), starting from the partial-product logic the heap's bits come out of.
// With use_42 a column with 6 or more bits takes its five earliest into a 4:2 compressor (the
// two latest on x4 and cin, which bypass its first full adder).
#include <algorithm>
#include <numeric>

#include "arith/compressor_tree.hpp"

namespace tpegen::arith {
namespace {

class Reducer {
 public:
  Reducer(BitNet& net, const DelayModel& d) : net_(net), d_(d) { update(); }

  double t(NodeId id) const { return arr_[static_cast<size_t>(id)]; }
  int levels() const { return levels_; }

  void sort(std::vector<NodeId>& bits) const {
    std::stable_sort(bits.begin(), bits.end(), [&](NodeId a, NodeId b) { return t(a) < t(b); });
  }
  // Bits sorted by arrival, placed so that the latest meets the fastest pin (of `delays`).
  template <size_t N>
  std::vector<NodeId> place(std::vector<NodeId> bits, const std::array<double, N>& delays) const {
    std::vector<size_t> pins(N);
    std::iota(pins.begin(), pins.end(), 0);
    std::stable_sort(pins.begin(), pins.end(), [&](size_t a, size_t b) { return delays[a] > delays[b]; });
    std::vector<NodeId> in(N);
    for (size_t k = 0; k < N; ++k) in[pins[k]] = bits[k];
    return in;
  }
  int level_for(std::initializer_list<NodeId> in) const {
    int l = 0;
    for (auto id : in) l = std::max(l, depth_[static_cast<size_t>(id)]);
    return l + 1;
  }
  // Arrival times and cell depths of the nodes added since the last call.
  void update() {
    const size_t from = arr_.size();
    extend_arrivals(net_, d_, arr_);
    const auto& nodes = net_.nodes();
    for (size_t i = from; i < nodes.size(); ++i) {
      const Node& n = nodes[i];
      int l = n.op == NodeOp::CellOut ? net_.cells()[static_cast<size_t>(n.cell)].level : n.level;
      if (from > 0) levels_ = std::max(levels_, l);  // only what the tree built
      for (auto in : n.in) l = std::max(l, depth_[static_cast<size_t>(in)]);
      depth_.push_back(l);
    }
  }

 private:
  BitNet& net_;
  const DelayModel& d_;
  std::vector<double> arr_;
  std::vector<int> depth_;
  int levels_ = 0;
};

}  // namespace

CarrySave compress_timing(BitHeap& heap, BitNet& net, const TreeOptions& opt) {
  const DelayModel& d = opt.delays ? *opt.delays : builtin_delays();
  heap.materialize_constant(net);
  Reducer r(net, d);
  const size_t width = heap.columns().size();
  CarrySave cs;
  cs.sum.assign(width, net.zero());
  cs.carry.assign(width, net.zero());
  std::vector<NodeId> carries;  // into the current column, from the one below
  auto keep = [&](std::vector<NodeId>& to, NodeId id) {
    if (id != net.zero()) to.push_back(id);
  };
  for (size_t i = 0; i < width; ++i) {
    std::vector<NodeId> pool;
    for (auto id : heap.columns()[i]) keep(pool, id);
    for (auto id : carries) keep(pool, id);
    carries.clear();
    while (pool.size() > 2) {
      r.sort(pool);
      if (opt.use_42 && pool.size() >= 6) {
        const auto x = r.place(std::vector<NodeId>(pool.begin(), pool.begin() + 3), d.fa_sum);
        const bool swap = d.fa_sum[1] < d.fa_sum[2];  // the later of bits 4, 5 on the faster pin
        const NodeId x4 = pool[swap ? 4 : 3], cin = pool[swap ? 3 : 4];
        const auto o = net.compressor42(x[0], x[1], x[2], x4, cin, r.level_for({x[0], x[1], x[2], x4, cin}));
        pool.erase(pool.begin(), pool.begin() + 5);
        keep(pool, o[0]);
        keep(carries, o[1]);
        keep(carries, o[2]);
      } else if (pool.size() >= 4) {
        const auto x = r.place(std::vector<NodeId>(pool.begin(), pool.begin() + 3), d.fa_sum);
        const auto o = net.full_adder(x[0], x[1], x[2], r.level_for({x[0], x[1], x[2]}));
        pool.erase(pool.begin(), pool.begin() + 3);
        keep(pool, o[0]);
        keep(carries, o[1]);
      } else {
        const auto x = r.place(std::vector<NodeId>(pool.begin(), pool.begin() + 2), d.ha_sum);
        const auto o = net.half_adder(x[0], x[1], r.level_for({x[0], x[1]}));
        pool.erase(pool.begin(), pool.begin() + 2);
        keep(pool, o[0]);
        keep(carries, o[1]);
      }
      r.update();
    }
    if (!pool.empty()) cs.sum[i] = pool[0];
    if (pool.size() > 1) cs.carry[i] = pool[1];
  }
  cs.levels = r.levels();
  return cs;
}

}  // namespace tpegen::arith
