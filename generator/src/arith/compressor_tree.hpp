// Reduction of a bit heap to two rows (carry-save form) with half/full adders and
// optionally 4:2 compressors.
// References: C. S. Wallace 1964; L. Dadda 1965; Oklobdzija et al. 1996 (4:2 compressors);
// Oklobdzija, Villeger & Liu 1996 (three-greedy, arrival-driven placement: TreeKind::Timing).
#pragma once

#include <string>
#include <vector>

#include "arith/bitheap.hpp"
#include "arith/delay_model.hpp"

namespace tpegen::arith {

enum class TreeKind { Wallace, Dadda, Timing };

struct TreeOptions {
  TreeKind kind = TreeKind::Dadda;
  bool use_42 = false;  // reduce with 4:2 compressors where a column holds 4 or more bits
  const DelayModel* delays = nullptr;  // Timing: cell delays (nullptr: builtin_delays())
};

/// Parses "wallace" / "dadda" / "timing"; throws std::invalid_argument otherwise.
TreeKind parse_tree(const std::string& s);
const char* to_string(TreeKind k);

/// Two rows of heap.width() bits each (a missing bit is the zero node), whose sum mod
/// 2^width equals the heap's value.
struct CarrySave {
  std::vector<NodeId> sum, carry;
  int levels = 0;  // reduction levels used (Timing: the deepest chain of cells)
};

/// Reduces the heap (its constant is materialized first) to carry-save form.
CarrySave compress(BitHeap& heap, BitNet& net, const TreeOptions& opt);

/// TreeKind::Timing (timing_tree.cpp): column by column from the LSB, the earliest-arriving
/// bits go into cells first (three-greedy), each cell's latest input on its fastest pin.
CarrySave compress_timing(BitHeap& heap, BitNet& net, const TreeOptions& opt);

}  // namespace tpegen::arith
