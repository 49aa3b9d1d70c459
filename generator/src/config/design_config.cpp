#include "config/design_config.hpp"

#include <algorithm>

#include "config/config_fields.hpp"

namespace tpegen {
namespace {

// Smallest two's-complement width holding every value of [lo, hi].
int signed_bits(long long lo, long long hi) {
  int n = 1;
  while (!(lo >= -(1LL << (n - 1)) && hi <= (1LL << (n - 1)) - 1)) ++n;
  return n;
}

int unsigned_bits(unsigned long long hi) {
  int n = 1;
  while (n < 64 && hi > (1ULL << n) - 1) ++n;
  return n;
}

}  // namespace

bool DesignConfig::operator==(const DesignConfig& o) const {
  for (const ConfigField& f : config_fields())
    if (!field_equal(f, *this, o)) return false;
  return true;
}

int exact_acc_width(int a_width, int b_width, bool is_signed, long long max_k) {
  if (!is_signed) {
    const unsigned long long pmax = ((1ULL << a_width) - 1) * ((1ULL << b_width) - 1);
    return unsigned_bits(pmax * static_cast<unsigned long long>(max_k));
  }
  const long long amin = -(1LL << (a_width - 1)), amax = (1LL << (a_width - 1)) - 1;
  const long long bmin = -(1LL << (b_width - 1)), bmax = (1LL << (b_width - 1)) - 1;
  const long long pmax = amin * bmin;
  const long long pmin = std::min(amin * bmax, amax * bmin);
  return signed_bits(pmin * max_k, pmax * max_k);
}

long long exact_k_bound(int a_width, int b_width, bool is_signed, int acc_width, long long cap) {
  // exact_acc_width grows with k: the last k that fits, by bisection on [0, cap].
  long long lo = 0, hi = cap;
  while (lo < hi) {
    const long long mid = lo + (hi - lo + 1) / 2;
    if (exact_acc_width(a_width, b_width, is_signed, mid) <= acc_width) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

}  // namespace tpegen
