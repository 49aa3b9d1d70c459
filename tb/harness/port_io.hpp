// Reading and writing bit fields of Verilator ports whatever their C++ type: ports up to
// 64 bits are plain integers (CData/SData/IData/QData), wider ones are VlWide<N> arrays of
// 32-bit words. Element e of a flat vector of W-bit fields sits at bits [e*W +: W].
#pragma once

#include <cstdint>
#include <type_traits>

#include "verilated.h"

namespace tb {

inline uint64_t mask_bits(int w) { return w >= 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1; }

template <typename T>
std::enable_if_t<std::is_integral_v<T>> put(T& port, int lo, int w, uint64_t v) {
  const uint64_t m = mask_bits(w) << lo;
  port = static_cast<T>((static_cast<uint64_t>(port) & ~m) | ((v << lo) & m));
}

template <std::size_t N>
void put(VlWide<N>& port, int lo, int w, uint64_t v) {
  v &= mask_bits(w);
  while (w > 0) {
    const int word = lo / 32, off = lo % 32, n = std::min(w, 32 - off);
    const uint32_t m = static_cast<uint32_t>(mask_bits(n) << off);
    port[static_cast<size_t>(word)] =
        (port[static_cast<size_t>(word)] & ~m) | (static_cast<uint32_t>(v << off) & m);
    v >>= n;
    lo += n;
    w -= n;
  }
}

template <typename T>
std::enable_if_t<std::is_integral_v<T>, uint64_t> get(const T& port, int lo, int w) {
  return (static_cast<uint64_t>(port) >> lo) & mask_bits(w);
}

template <std::size_t N>
uint64_t get(const VlWide<N>& port, int lo, int w) {
  uint64_t v = 0;
  int done = 0;
  while (done < w) {
    const int word = (lo + done) / 32, off = (lo + done) % 32, n = std::min(w - done, 32 - off);
    const uint64_t chunk = (static_cast<uint64_t>(port[static_cast<size_t>(word)]) >> off) & mask_bits(n);
    v |= chunk << done;
    done += n;
  }
  return v;
}

/// Sets every bit of a port to 0.
template <typename T>
std::enable_if_t<std::is_integral_v<T>> clear(T& port) { port = 0; }
template <std::size_t N>
void clear(VlWide<N>& port) {
  for (size_t i = 0; i < N; ++i) port[i] = 0;
}

}  // namespace tb
