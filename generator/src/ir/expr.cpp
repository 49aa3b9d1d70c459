#include "ir/expr.hpp"

#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace tpegen::ir {
namespace {

std::shared_ptr<Expr> make(ExprKind kind, int width) {
  if (width <= 0) throw std::logic_error(fmt::format("IR: expression width {} must be positive", width));
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->width = width;
  return e;
}

// A product keeps narrow operands, so it is only correct as a whole assignment right-hand
// side: nested in another operator, Verilog's width/sign rules would extend it differently.
void not_a_product(const ExprP& e) {
  if (e->kind == ExprKind::Mul) throw std::logic_error("IR: a product may only be assigned, not nested in an expression");
}

void same_width(const ExprP& a, const ExprP& b, const char* op) {
  not_a_product(a);
  not_a_product(b);
  if (a->width != b->width)
    throw std::logic_error(fmt::format("IR: operands of {} have widths {} and {}", op, a->width, b->width));
}

ExprP binary(ExprKind kind, const ExprP& a, const ExprP& b, const char* op) {
  same_width(a, b, op);
  auto e = make(kind, a->width);
  e->args = {a, b};
  return e;
}

}  // namespace

ExprP ref(const std::string& net, int width) {
  auto e = make(ExprKind::Ref, width);
  e->net = net;
  return e;
}

ExprP slice(const std::string& net, int lo, int width) { return slice(net, {}, lo, width); }

ExprP slice(const std::string& net, std::vector<GenTerm> terms, int offset, int width) {
  if (offset < 0) throw std::logic_error("IR: negative slice offset");
  auto e = make(ExprKind::Slice, width);
  e->net = net;
  e->terms = std::move(terms);
  e->offset = offset;
  return e;
}

ExprP slice(const std::string& net, const Param& unit, std::vector<SymTerm> index, const Param& units) {
  if (index.empty()) throw std::logic_error("IR: symbolic slice without an index");
  std::vector<GenTerm> terms;
  int offset = 0;
  for (auto& t : index) {
    const int bits = t.coef.value * unit.value;
    if (t.var.empty()) {
      offset += bits;
      continue;
    }
    bool merged = false;
    for (auto& g : terms)
      if (g.var == t.var) {
        g.coef += bits;
        merged = true;
      }
    if (!merged) terms.push_back({t.var, bits});
  }
  auto s = std::const_pointer_cast<Expr>(slice(net, std::move(terms), offset, units.value * unit.value));
  s->index = std::move(index);
  s->unit = unit;
  s->units = units;
  return s;
}

ExprP bits(const ExprP& e, int lo, int width) {
  if (lo < 0 || lo + width > e->width)
    throw std::logic_error(fmt::format("IR: bits [{} +: {}] outside a {}-bit value", lo, width, e->width));
  if (e->kind == ExprKind::Ref) {
    if (lo == 0 && width == e->width) return e;
    return slice(e->net, lo, width);
  }
  if (e->kind == ExprKind::Slice) return slice(e->net, e->terms, e->offset + lo, width);
  throw std::logic_error("IR: bits() of an expression that is not a net or slice");
}

ExprP constant(int width, uint64_t value) {
  auto e = make(ExprKind::Const, width);
  e->value = width >= 64 ? value : (value & ((uint64_t{1} << width) - 1));
  return e;
}

ExprP concat(std::vector<ExprP> msb_first) {
  if (msb_first.empty()) throw std::logic_error("IR: empty concatenation");
  if (msb_first.size() == 1) return msb_first.front();
  int w = 0;
  for (auto& a : msb_first) {
    not_a_product(a);
    w += a->width;
  }
  auto e = make(ExprKind::Concat, w);
  e->args = std::move(msb_first);
  return e;
}

ExprP replicate(int count, const ExprP& a) {
  if (count <= 0) throw std::logic_error("IR: replication count must be positive");
  not_a_product(a);
  if (count == 1) return a;
  auto e = make(ExprKind::Replicate, count * a->width);
  e->count = count;
  e->args = {a};
  return e;
}

ExprP bnot(const ExprP& a) {
  not_a_product(a);
  auto e = make(ExprKind::Not, a->width);
  e->args = {a};
  return e;
}
ExprP band(const ExprP& a, const ExprP& b) { return binary(ExprKind::And, a, b, "&"); }
ExprP bor(const ExprP& a, const ExprP& b) { return binary(ExprKind::Or, a, b, "|"); }
ExprP bxor(const ExprP& a, const ExprP& b) { return binary(ExprKind::Xor, a, b, "^"); }
ExprP add(const ExprP& a, const ExprP& b) { return binary(ExprKind::Add, a, b, "+"); }
ExprP sub(const ExprP& a, const ExprP& b) { return binary(ExprKind::Sub, a, b, "-"); }

ExprP mul(const ExprP& a, const ExprP& b, int product_width, bool is_signed) {
  if (!is_lvalue(a) || !is_lvalue(b)) throw std::logic_error("IR: multiplier operands must be nets or slices");
  if (product_width < a->width + b->width)
    throw std::logic_error("IR: product narrower than the sum of its operand widths");
  auto e = make(ExprKind::Mul, product_width);
  e->signed_mul = is_signed;
  e->args = {a, b};
  return e;
}

ExprP eq(const ExprP& a, const ExprP& b) {
  same_width(a, b, "==");
  auto e = make(ExprKind::Eq, 1);
  e->args = {a, b};
  return e;
}

ExprP mux(const ExprP& sel, const ExprP& if_one, const ExprP& if_zero) {
  if (sel->width != 1) throw std::logic_error("IR: mux select must be 1 bit");
  not_a_product(sel);
  same_width(if_one, if_zero, "?:");
  auto e = make(ExprKind::Mux, if_one->width);
  e->args = {sel, if_one, if_zero};
  return e;
}

ExprP resize(const ExprP& e, int width, bool is_signed) {
  if (width == e->width) return e;
  if (width < e->width) return bits(e, 0, width);
  const int extra = width - e->width;
  if (!is_signed) return concat({constant(extra, 0), e});
  return concat({replicate(extra, bits(e, e->width - 1, 1)), e});
}

bool is_lvalue(const ExprP& e) { return e->kind == ExprKind::Ref || e->kind == ExprKind::Slice; }

}  // namespace tpegen::ir
