#include "liberty/function.hpp"

#include <algorithm>
#include <cctype>

namespace tpegen::liberty {
namespace {

class FunctionEval {
 public:
  FunctionEval(const std::string& f, const std::vector<std::string>& inputs) : f_(f), in_(inputs) {}
  std::optional<uint64_t> table() {
    const uint64_t full = in_.size() >= 6 ? ~uint64_t{0} : (uint64_t{1} << (1U << in_.size())) - 1;
    auto r = or_expr();
    skip();
    if (!r || i_ != f_.size()) return std::nullopt;
    return *r & full;
  }

 private:
  const std::string& f_;
  const std::vector<std::string>& in_;
  size_t i_ = 0;

  void skip() {
    while (i_ < f_.size() && f_[i_] == ' ') ++i_;
  }
  static uint64_t var(size_t k) {
    uint64_t t = 0;
    for (unsigned m = 0; m < 64; ++m)
      if ((m >> k) & 1U) t |= uint64_t{1} << m;
    return t;
  }
  std::optional<uint64_t> primary() {
    skip();
    if (i_ >= f_.size()) return std::nullopt;
    std::optional<uint64_t> r;
    if (f_[i_] == '!') {
      ++i_;
      r = primary();
      if (r) r = ~*r;
    } else if (f_[i_] == '(') {
      ++i_;
      r = or_expr();
      skip();
      if (i_ >= f_.size() || f_[i_] != ')') return std::nullopt;
      ++i_;
    } else {
      const size_t b = i_;
      while (i_ < f_.size() && (std::isalnum(static_cast<unsigned char>(f_[i_])) || f_[i_] == '_')) ++i_;
      const std::string name = f_.substr(b, i_ - b);
      if (name == "0") r = 0;
      else if (name == "1") r = ~uint64_t{0};
      else {
        const auto it = std::find(in_.begin(), in_.end(), name);
        if (it == in_.end()) return std::nullopt;
        r = var(static_cast<size_t>(it - in_.begin()));
      }
    }
    skip();
    while (r && i_ < f_.size() && f_[i_] == '\'') {
      r = ~*r;
      ++i_;
      skip();
    }
    return r;
  }
  std::optional<uint64_t> xor_expr() {
    auto r = primary();
    while (r && peek_is("^")) {
      ++i_;
      auto b = primary();
      if (!b) return std::nullopt;
      r = *r ^ *b;
    }
    return r;
  }
  std::optional<uint64_t> and_expr() {
    auto r = xor_expr();
    for (;;) {
      skip();
      if (!r || i_ >= f_.size()) return r;
      const char c = f_[i_];
      if (c == '&' || c == '*') ++i_;
      else if (!(c == '!' || c == '(' || std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return r;
      auto b = xor_expr();  // juxtaposition is AND too
      if (!b) return std::nullopt;
      r = *r & *b;
    }
  }
  std::optional<uint64_t> or_expr() {
    auto r = and_expr();
    while (r && (peek_is("|") || peek_is("+"))) {
      ++i_;
      auto b = and_expr();
      if (!b) return std::nullopt;
      r = *r | *b;
    }
    return r;
  }
  bool peek_is(const char* c) {
    skip();
    return i_ < f_.size() && f_[i_] == c[0];
  }
};

}  // namespace

std::optional<uint64_t> truth_table(const std::string& function, const std::vector<std::string>& inputs) {
  return FunctionEval(function, inputs).table();
}

}  // namespace tpegen::liberty
