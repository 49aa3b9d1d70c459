// The harness's random streams (idle gaps, garbage inputs, handshake patterns): xorshift64,
// cheap and the same on every platform, so a seed reproduces a run.
#pragma once

#include <cstdint>

namespace tb {

struct Xorshift64 {
  uint64_t state = 0x9e3779b97f4a7c15ULL;  // any non-zero value
  uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
};

}  // namespace tb
