// Every compressor-tree configuration, named, for the arithmetic unit tests that loop over them.
#pragma once

#include <iterator>

#include "arith/compressor_tree.hpp"

struct NamedTree {
  tpegen::arith::TreeOptions opt;
  const char* name;
};
inline const NamedTree kAllTrees[] = {{{tpegen::arith::TreeKind::Dadda, false}, "dadda"},
                                      {{tpegen::arith::TreeKind::Wallace, false}, "wallace"},
                                      {{tpegen::arith::TreeKind::Dadda, true}, "dadda+4:2"},
                                      {{tpegen::arith::TreeKind::Wallace, true}, "wallace+4:2"},
                                      {{tpegen::arith::TreeKind::Timing, false}, "timing"},
                                      {{tpegen::arith::TreeKind::Timing, true}, "timing+4:2"}};
inline constexpr int kTreeCount = static_cast<int>(std::size(kAllTrees));
