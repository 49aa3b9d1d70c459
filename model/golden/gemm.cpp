// The golden GEMM (declared in gemm.hpp). Compiled into tpegen and into the cached objects
// every Verilated model links (sim/model_cache): so it must not include tb_params.h.
#include "golden/gemm.hpp"

#include <stdexcept>
#include <string>

namespace tpegen::golden {

std::vector<uint64_t> gemm(const Matrix& a, const Matrix& b, int acc_width) {
  if (a.cols != b.rows) throw std::invalid_argument("gemm: A is " + std::to_string(a.rows) + "x" +
                                                    std::to_string(a.cols) + ", B has " + std::to_string(b.rows) +
                                                    " rows");
  std::vector<uint64_t> c(static_cast<size_t>(a.rows) * static_cast<size_t>(b.cols), 0);
  for (int m = 0; m < a.rows; ++m)
    for (int k = 0; k < a.cols; ++k) {
      const uint64_t x = static_cast<uint64_t>(a.at(m, k));
      for (int n = 0; n < b.cols; ++n)
        c[static_cast<size_t>(m) * static_cast<size_t>(b.cols) + static_cast<size_t>(n)] +=
            x * static_cast<uint64_t>(b.at(k, n));
    }
  for (auto& x : c) x &= low_mask(acc_width);
  return c;
}

}  // namespace tpegen::golden
