// Expression trees of the tpegen IR.
//
// Every expression carries its bit width. Arithmetic nodes require operands of the
// result width (builders extend them explicitly), so the emitted Verilog never relies
// on context-determined widths or on signedness rules: all arithmetic is modulo 2^width.
// The one exception is Mul, which keeps its narrow operands (so synthesis builds a
// WA x WB multiplier, not a P x P one) and is only legal as the whole right-hand side
// of an assignment whose target has the product width.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tpegen::ir {

enum class ExprKind {
  Ref,          // a whole net
  Slice,        // net[lo +: width], lo = sum(coef * genvar) + offset
  Const,        // width'hvalue
  Concat,       // {args[0], args[1], ...}: args[0] is the most significant
  Replicate,    // {count{args[0]}}
  Not,          // ~a
  And, Or, Xor, // bitwise, equal widths
  Add, Sub,     // modulo 2^width, equal widths
  Mul,          // product of two narrow operands (see header comment)
  Eq,           // 1 bit
  Mux,          // args[0] ? args[1] : args[2]
};

/// A genvar term of an indexed slice: coef * var.
struct GenTerm {
  std::string var;
  int coef = 0;
};

/// A localparam of the module (Module::localparam), or the plain number `value` when the
/// name is empty. Symbolic slices are written with these names instead of raw strides.
struct Param {
  std::string name;
  int value = 1;
};

/// One term of a symbolic slice index: var * coef, or the constant coef when var is empty.
struct SymTerm {
  std::string var;
  Param coef;
};

struct Expr;
using ExprP = std::shared_ptr<const Expr>;

struct Expr {
  ExprKind kind = ExprKind::Const;
  int width = 0;
  std::string net;             // Ref, Slice
  int offset = 0;              // Slice: constant part of the low bit
  std::vector<GenTerm> terms;  // Slice: genvar part of the low bit
  uint64_t value = 0;          // Const
  int count = 0;               // Replicate
  bool signed_mul = false;     // Mul: operands are two's complement
  std::vector<ExprP> args;
  // Slice written symbolically (when `index` is not empty): net[(index...)*unit +: units*unit].
  // terms/offset/width above hold the same numbers, for the checks.
  std::vector<SymTerm> index;
  Param unit;
  Param units;
};

// ---- builders (all validate widths and throw std::logic_error on misuse) ----
ExprP ref(const std::string& net, int width);
ExprP slice(const std::string& net, int lo, int width);
ExprP slice(const std::string& net, std::vector<GenTerm> terms, int offset, int width);
/// net[(sum of index terms) * unit +: units * unit], e.g. element (i*COLS + j) of a bus of
/// WA-bit elements: slice("a", WA, {{"i", COLS}, {"j", {}}}). The emitter writes the names.
ExprP slice(const std::string& net, const Param& unit, std::vector<SymTerm> index, const Param& units = {});
/// Slice of an expression that must itself be a Ref or a Slice.
ExprP bits(const ExprP& e, int lo, int width);
ExprP constant(int width, uint64_t value);
ExprP concat(std::vector<ExprP> msb_first);
ExprP replicate(int count, const ExprP& e);
ExprP bnot(const ExprP& a);
ExprP band(const ExprP& a, const ExprP& b);
ExprP bor(const ExprP& a, const ExprP& b);
ExprP bxor(const ExprP& a, const ExprP& b);
ExprP add(const ExprP& a, const ExprP& b);
ExprP sub(const ExprP& a, const ExprP& b);
ExprP mul(const ExprP& a, const ExprP& b, int product_width, bool is_signed);
ExprP eq(const ExprP& a, const ExprP& b);
ExprP mux(const ExprP& sel, const ExprP& if_one, const ExprP& if_zero);
/// Extend (sign or zero) or truncate e to width; e must be a Ref or Slice when it grows signed.
ExprP resize(const ExprP& e, int width, bool is_signed);

/// True when the expression is a Ref or a Slice (an lvalue, and bit-selectable in Verilog).
bool is_lvalue(const ExprP& e);

}  // namespace tpegen::ir
