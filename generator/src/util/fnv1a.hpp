// FNV-1a 64: a short, stable digest for cache keys and folder names (not for security).
#pragma once

#include <cstdint>
#include <string>

namespace tpegen {

inline constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

/// FNV-1a 64 of `s`, continued from `h` (start with kFnvBasis).
inline uint64_t fnv1a(uint64_t h, const std::string& s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace tpegen
