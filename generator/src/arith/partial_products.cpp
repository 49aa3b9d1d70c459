#include "arith/partial_products.hpp"

#include <stdexcept>

namespace tpegen::arith {
namespace {

void check_width(int width, const char* what) {
  if (width < 1 || width > 62) throw std::invalid_argument(std::string(what) + ": width must be 1..62");
}

// The value of `a` read as a `width`-bit number (a may be given as the value or as raw bits).
int64_t normalize(int64_t a, int width, bool is_signed) {
  const uint64_t m = (uint64_t{1} << width) - 1;
  uint64_t x = static_cast<uint64_t>(a) & m;
  if (is_signed && ((x >> (width - 1)) & 1U)) return static_cast<int64_t>(x) - (int64_t{1} << width);
  return static_cast<int64_t>(x);
}

// Bit k of a width-bit vector, extended beyond its top (sign or zero) and 0 below bit 0.
NodeId ext_bit(const BitNet& net, const std::vector<NodeId>& v, int k, bool is_signed) {
  if (k < 0) return net.zero();
  if (k < static_cast<int>(v.size())) return v[static_cast<size_t>(k)];
  return is_signed ? v.back() : net.zero();
}

}  // namespace

Encoding parse_encoding(const std::string& s) {
  if (s == "and") return Encoding::And;
  if (s == "booth") return Encoding::Booth;
  if (s == "ent") return Encoding::Ent;
  throw std::invalid_argument("invalid encoding '" + s + "': valid values are and, booth, ent");
}

const char* to_string(Encoding e) {
  switch (e) {
    case Encoding::And: return "and";
    case Encoding::Booth: return "booth";
    case Encoding::Ent: return "ent";
  }
  return "?";
}

int booth_digit_count(int width, bool is_signed) { return is_signed ? (width + 1) / 2 : width / 2 + 1; }
int ent_digit_count(int width, bool is_signed) { return is_signed ? (width + 1) / 2 : width / 2 + 1; }

std::vector<int> booth_digits(int64_t a, int width, bool is_signed) {
  check_width(width, "booth_digits");
  const int64_t x = normalize(a, width, is_signed);
  // Read x as a two's-complement value of 2n bits (bits beyond `width` are its sign
  // extension, 0 for unsigned values since then the top digit covers bit `width`).
  auto bit = [&](int k) -> int { return k < 0 ? 0 : k >= 63 ? (x < 0 ? 1 : 0) : static_cast<int>((x >> k) & 1); };
  const int n = booth_digit_count(width, is_signed);
  std::vector<int> d;
  for (int i = 0; i < n; ++i) d.push_back(-2 * bit(2 * i + 1) + bit(2 * i) + bit(2 * i - 1));
  return d;
}

std::vector<int> ent_digits(int64_t a, int width, bool is_signed) {
  check_width(width, "ent_digits");
  const int64_t x = normalize(a, width, is_signed);
  const bool s = x < 0;
  uint64_t m = static_cast<uint64_t>(s ? -x : x);
  const int n = ent_digit_count(width, is_signed);
  std::vector<int> d;
  int c = 0;
  for (int i = 0; i < n; ++i) {
    const int v = static_cast<int>((m >> (2 * i)) & 3U) + c;
    int digit = 0;
    if (i == n - 1) {
      digit = v;  // the top group takes v as is
      c = 0;
    } else if (v == 3) {
      digit = -1;
      c = 1;
    } else if (v == 4) {
      digit = 0;
      c = 1;
    } else {
      digit = v;
      c = 0;
    }
    d.push_back(s ? -digit : digit);
  }
  return d;
}

std::vector<Digit> booth_encode(BitNet& net, const std::vector<NodeId>& a, bool is_signed) {
  if (a.empty()) throw std::invalid_argument("booth_encode: empty operand");
  const int n = booth_digit_count(static_cast<int>(a.size()), is_signed);
  std::vector<Digit> out;
  for (int i = 0; i < n; ++i) {
    const NodeId x2 = ext_bit(net, a, 2 * i + 1, is_signed);
    const NodeId x1 = ext_bit(net, a, 2 * i, is_signed);
    const NodeId x0 = ext_bit(net, a, 2 * i - 1, is_signed);
    Digit d;
    d.one = net.bxor(x1, x0);
    const NodeId x10 = net.band(x1, x0);
    const NodeId nx10 = net.band(net.bnot(x1), net.bnot(x0));
    d.two = net.bor(net.band(x2, nx10), net.band(net.bnot(x2), x10));
    d.neg = net.band(x2, net.bnot(x10));  // 111 is digit 0: neg = 0
    out.push_back(d);
  }
  return out;
}

std::vector<Digit> ent_encode(BitNet& net, const std::vector<NodeId>& a, bool is_signed) {
  if (a.empty()) throw std::invalid_argument("ent_encode: empty operand");
  const int w = static_cast<int>(a.size());
  const NodeId s = is_signed ? a.back() : net.zero();
  // m = (A xor s) + s: the magnitude (|-2^(w-1)| = 2^(w-1) fits in w unsigned bits).
  std::vector<NodeId> m;
  NodeId c = s;
  for (int k = 0; k < w; ++k) {
    const NodeId t = net.bxor(a[static_cast<size_t>(k)], s);
    m.push_back(net.bxor(t, c));
    c = net.band(t, c);
  }
  const int n = ent_digit_count(w, is_signed);
  std::vector<Digit> out;
  NodeId carry = net.zero();
  for (int i = 0; i < n; ++i) {
    const NodeId h = ext_bit(net, m, 2 * i + 1, false);
    const NodeId l = ext_bit(net, m, 2 * i, false);
    Digit d;
    NodeId mneg = net.zero();
    d.one = net.bxor(l, carry);  // v in {1, 3}
    if (i == n - 1) {
      // Top group: v = 2h + l + carry <= 2 for every reachable input (see ent_digits).
      d.two = net.bor(h, net.band(l, carry));
    } else {
      // v = 2: (h, l, c) = (1, 0, 0) or (0, 1, 1); v = 3 -> -1 and v = 4 -> 0 with carry 1.
      d.two = net.band(net.bxor(h, l), net.bnot(net.bxor(l, carry)));
      mneg = net.band(h, d.one);
      carry = net.band(h, net.bor(l, carry));
    }
    d.neg = net.band(net.bxor(s, mneg), net.bor(d.one, d.two));
    out.push_back(d);
  }
  return out;
}

void add_digit_products(BitHeap& heap, BitNet& net, const std::vector<Digit>& digits, const std::vector<NodeId>& b,
                        bool b_signed, int weight) {
  if (b.empty()) throw std::invalid_argument("add_digit_products: empty operand");
  const int wb = static_cast<int>(b.size());
  // |d|*B needs wb+1 bits (signed B) or wb+1 magnitude bits plus a sign (unsigned B).
  const int p = b_signed ? wb + 1 : wb + 2;
  for (size_t i = 0; i < digits.size(); ++i) {
    const Digit& d = digits[i];
    const int w = weight + 2 * static_cast<int>(i);
    if (w >= heap.width()) break;
    // pp = (sel xor neg) as a p-bit two's-complement number, + neg at the LSB = d * B.
    std::vector<NodeId> x;
    for (int k = 0; k < p; ++k) {
      const NodeId sel = net.bor(net.band(d.one, ext_bit(net, b, k, b_signed)),
                                 net.band(d.two, ext_bit(net, b, k - 1, b_signed)));
      x.push_back(net.bxor(sel, d.neg));
    }
    heap.add_number(x, w, true, net);
    heap.add_bit(w, d.neg, net);
  }
}

void add_and_array(BitHeap& heap, BitNet& net, const std::vector<NodeId>& a, const std::vector<NodeId>& b,
                   bool is_signed, int weight) {
  if (a.empty() || b.empty()) throw std::invalid_argument("add_and_array: empty operand");
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      const NodeId ai = a[static_cast<size_t>(i)], bj = b[static_cast<size_t>(j)];
      // Baugh-Wooley: the sign row and column (not their corner) enter inverted.
      const bool invert = is_signed && ((i == n - 1) != (j == m - 1));
      const NodeId pp = net.band(ai, bj);
      heap.add_bit(weight + i + j, invert ? net.bnot(pp) : pp, net);
    }
  if (is_signed) {
    // -x 2^k = (~x) 2^k - 2^k over both inverted rows:
    // constant = 2^(n-1) + 2^(m-1) - 2^(n+m-1), shifted by the weight (mod 2^width).
    auto p2 = [](int k) { return k >= 64 ? uint64_t{0} : uint64_t{1} << k; };
    heap.add_constant(p2(weight + n - 1) + p2(weight + m - 1) - p2(weight + n + m - 1));
  }
}

void add_product(BitHeap& heap, BitNet& net, Encoding enc, const std::vector<NodeId>& a, const std::vector<NodeId>& b,
                 bool is_signed, int weight) {
  switch (enc) {
    case Encoding::And: add_and_array(heap, net, a, b, is_signed, weight); return;
    case Encoding::Booth: add_digit_products(heap, net, booth_encode(net, a, is_signed), b, is_signed, weight); return;
    case Encoding::Ent: add_digit_products(heap, net, ent_encode(net, a, is_signed), b, is_signed, weight); return;
  }
}

}  // namespace tpegen::arith
