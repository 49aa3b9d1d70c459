// Unit tests of the IR: expression builders (width rules), Module/Design name rules, and
// the structural checks of check_design() (one driver per bit, every bit driven, port
// widths, generate loops expanded with their genvar values).
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "ir/check.hpp"
#include "ir/expr.hpp"
#include "ir/module.hpp"

using namespace tpegen::ir;

namespace {

// What check_design() says about d ("" when it accepts the design).
std::string check_error(const Design& d) {
  try {
    check_design(d);
  } catch (const std::logic_error& e) {
    return e.what();
  }
  return "";
}

// leaf: y = ~x, 4 bits.
void add_leaf(Design& d) {
  Module& leaf = d.add_module("leaf");
  auto x = leaf.input("x", 4);
  auto y = leaf.output("y", 4);
  leaf.assign(y, bnot(x));
}

// top: a 8-bit input split into two nibbles, each inverted by one `leaf` instance inside a
// generate loop of `count` iterations; instance i drives y[4*i +: 4].
Design leaf_pair(int count) {
  Design d;
  add_leaf(d);
  Module& top = d.add_module("top");
  top.input("a", 8);
  top.output("y", 8);
  Body& g = top.generate_for("i", count, "g_nib");
  g.instances.push_back({"leaf", "u_leaf", {}, {{"x", slice("a", {{"i", 4}}, 0, 4)}, {"y", slice("y", {{"i", 4}}, 0, 4)}}});
  d.top = "top";
  return d;
}

}  // namespace

TEST_CASE("expression builders reject width mismatches") {
  auto a8 = ref("a", 8), c8 = ref("c", 8), b4 = ref("b", 4), s1 = ref("s", 1), s2 = ref("t", 2);

  CHECK_THROWS_AS(add(a8, b4), std::logic_error);
  CHECK_THROWS_AS(sub(b4, a8), std::logic_error);
  CHECK_THROWS_AS(band(a8, b4), std::logic_error);
  CHECK_THROWS_AS(bor(a8, b4), std::logic_error);
  CHECK_THROWS_AS(bxor(a8, b4), std::logic_error);
  CHECK_THROWS_AS(eq(a8, b4), std::logic_error);
  CHECK_THROWS_AS(mux(s2, a8, c8), std::logic_error);  // select wider than 1 bit
  CHECK_THROWS_AS(mux(s1, a8, b4), std::logic_error);  // arms of different widths
  CHECK_THROWS_AS(mul(a8, b4, 11, true), std::logic_error);  // product narrower than 8 + 4
  CHECK_THROWS_AS(mul(add(a8, c8), b4, 12, true), std::logic_error);  // operand not a net/slice
  CHECK_THROWS_AS(bits(a8, 5, 4), std::logic_error);  // [5 +: 4] leaves the 8-bit value
  CHECK_THROWS_AS(bits(a8, -1, 2), std::logic_error);
  CHECK_THROWS_AS(bits(add(a8, c8), 0, 4), std::logic_error);  // not bit-selectable
  CHECK_THROWS_AS(ref("x", 0), std::logic_error);
  CHECK_THROWS_AS(constant(0, 0), std::logic_error);
  CHECK_THROWS_AS(slice("x", -1, 2), std::logic_error);
  CHECK_THROWS_AS(replicate(0, a8), std::logic_error);
  CHECK_THROWS_AS(concat({}), std::logic_error);

  // The legal forms compute the widths of their results.
  CHECK(add(a8, c8)->width == 8);
  CHECK(eq(a8, c8)->width == 1);
  CHECK(mux(s1, a8, c8)->width == 8);
  CHECK(mul(a8, b4, 12, true)->width == 12);
  CHECK(mul(a8, b4, 16, false)->width == 16);
  CHECK(concat({a8, b4, s1})->width == 13);
  CHECK(replicate(3, b4)->width == 12);
}

TEST_CASE("constants are masked to their width") {
  CHECK(constant(4, 0x1F)->value == 0xF);
  CHECK(constant(1, 2)->value == 0);
  CHECK(constant(12, 0xABCDE)->value == 0xCDE);
  CHECK(constant(64, ~uint64_t{0})->value == ~uint64_t{0});
}

TEST_CASE("bits, slices and resize build the expected trees") {
  auto a8 = ref("a", 8);
  CHECK(bits(a8, 0, 8).get() == a8.get());  // the whole net is the net itself

  auto s = bits(a8, 2, 3);
  CHECK(s->kind == ExprKind::Slice);
  CHECK(s->net == "a");
  CHECK(s->offset == 2);
  CHECK(s->width == 3);

  // bits() of a genvar slice keeps the genvar terms and moves the constant part.
  auto g = slice("n", {{"i", 8}, {"j", 2}}, 4, 8);
  auto gs = bits(g, 3, 2);
  CHECK(gs->offset == 7);
  REQUIRE(gs->terms.size() == 2);
  CHECK(gs->terms[0].var == "i");
  CHECK(gs->terms[0].coef == 8);
  CHECK(gs->terms[1].var == "j");
  CHECK(gs->terms[1].coef == 2);

  // Sign extension: {4{b[3]}, b}.
  auto b4 = ref("b", 4);
  auto sx = resize(b4, 8, true);
  REQUIRE(sx->kind == ExprKind::Concat);
  CHECK(sx->width == 8);
  REQUIRE(sx->args.size() == 2);
  REQUIRE(sx->args[0]->kind == ExprKind::Replicate);
  CHECK(sx->args[0]->count == 4);
  CHECK(sx->args[0]->args[0]->kind == ExprKind::Slice);
  CHECK(sx->args[0]->args[0]->offset == 3);
  CHECK(sx->args[0]->args[0]->width == 1);
  CHECK(sx->args[1].get() == b4.get());

  // Zero extension: {4'h0, b}.
  auto zx = resize(b4, 8, false);
  REQUIRE(zx->kind == ExprKind::Concat);
  CHECK(zx->args[0]->kind == ExprKind::Const);
  CHECK(zx->args[0]->width == 4);
  CHECK(zx->args[0]->value == 0);

  // Truncation keeps the low bits.
  auto tr = resize(a8, 3, true);
  CHECK(tr->kind == ExprKind::Slice);
  CHECK(tr->offset == 0);
  CHECK(tr->width == 3);
  CHECK(resize(a8, 8, true).get() == a8.get());

  CHECK(is_lvalue(a8));
  CHECK(is_lvalue(s));
  CHECK_FALSE(is_lvalue(constant(2, 1)));
  CHECK_FALSE(is_lvalue(add(a8, a8)));
}

TEST_CASE("Module rejects duplicate names and bad statements") {
  Module m("m");
  m.input("clk_i", 1);
  auto a = m.input("a", 8);
  CHECK_THROWS_AS(m.output("a", 8), std::logic_error);
  CHECK_THROWS_AS(m.input("a", 2), std::logic_error);
  CHECK_THROWS_AS(m.wire("a", 8), std::logic_error);
  CHECK_THROWS_AS(m.reg("a", 8), std::logic_error);
  auto w = m.wire("w", 4);
  CHECK_THROWS_AS(m.input("w", 4), std::logic_error);
  CHECK_THROWS_AS(m.instance({"leaf", "w", {}, {}}), std::logic_error);      // instance named like a net
  CHECK_THROWS_AS(m.generate_for("i", 2, "a"), std::logic_error);           // loop label named like a port
  CHECK_THROWS_AS(m.wire("", 1), std::logic_error);
  m.instance({"leaf", "u0", {}, {}});
  CHECK_THROWS_AS(m.instance({"leaf", "u0", {}, {}}), std::logic_error);

  // Assignments need an lvalue target of the same width.
  CHECK_THROWS_AS(m.assign(w, a), std::logic_error);
  CHECK_THROWS_AS(m.assign(bnot(w), w), std::logic_error);
  CHECK_NOTHROW(m.assign(w, bits(a, 4, 4)));

  // Register updates need a whole `reg` of the right width and a 1-bit enable.
  auto r = m.reg("r", 4);
  CHECK_THROWS_AS(m.update(w, bits(a, 0, 4)), std::logic_error);           // a wire, not a reg
  CHECK_THROWS_AS(m.update(r, a), std::logic_error);                       // 8 bits into 4
  CHECK_THROWS_AS(m.update(r, bits(a, 0, 4), bits(a, 0, 2)), std::logic_error);  // 2-bit enable
  CHECK_THROWS_AS(m.update(bits(r, 0, 2), bits(a, 0, 2)), std::logic_error);     // part of a reg
  CHECK_NOTHROW(m.update(r, bits(a, 0, 4), bits(a, 7, 1)));
  CHECK(m.width_of("r") == 4);
  CHECK(m.width_of("a") == 8);
  CHECK_THROWS_AS(m.width_of("nope"), std::logic_error);

  Design d;
  d.add_module("x");
  CHECK_THROWS_AS(d.add_module("x"), std::logic_error);
  CHECK_THROWS_AS(d.add_extern({"x", "x.v", {}}), std::logic_error);  // extern clashes with a module
  d.add_extern({"e", "e.v", {{"d_i", PortDir::In}, {"q_o", PortDir::Out}}});
  CHECK_THROWS_AS(d.add_module("e"), std::logic_error);
  CHECK(d.port_dir("e", "q_o") == PortDir::Out);
  CHECK_THROWS_AS(d.port_dir("e", "nope"), std::logic_error);
  CHECK_THROWS_AS(d.port_dir("nope", "d_i"), std::logic_error);
}

TEST_CASE("check_design accepts a correct design with a covering generate loop") {
  Design d = leaf_pair(2);
  CHECK(check_error(d) == "");

  // The same with registers, a clock and a reset, and an extern cell.
  Design r;
  r.add_extern({"cell", "cell.v", {{"d_i", PortDir::In}, {"q_o", PortDir::Out}}});
  Module& m = r.add_module("regs");
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a = m.input("a", 4);
  auto q = m.output("q", 4);
  auto z = m.output("z", 2);
  auto st = m.reg("st", 4);
  m.update_with_reset(st, a, 0);
  m.assign(q, st);
  m.instance({"cell", "u_cell", {}, {{"d_i", bits(a, 0, 2)}, {"q_o", z}}});
  CHECK(check_error(r) == "");
}

TEST_CASE("check_design: a generate loop one iteration short leaves bits undriven") {
  const std::string err = check_error(leaf_pair(1));
  CHECK(err.find("module top") != std::string::npos);
  CHECK(err.find("bit 4 of 'y' is never driven") != std::string::npos);
}

TEST_CASE("check_design: a generate loop one iteration long leaves the nets") {
  // Iteration 2 reads a[8 +: 4] (checked first: x is connected before y) and drives y[8 +: 4].
  const std::string err = check_error(leaf_pair(3));
  CHECK(err.find("'a'[8 +: 4] is out of range") != std::string::npos);

  // Only the driven slice leaves its net.
  Design d;
  Module& m = d.add_module("over");
  m.output("y", 8);
  Body& g = m.generate_for("i", 3, "g");
  g.assigns.push_back({slice("y", {{"i", 4}}, 0, 4), constant(4, 5)});
  CHECK(check_error(d).find("slice [8 +: 4] outside 'y'") != std::string::npos);
}

TEST_CASE("check_design: nested loops are expanded with both genvars") {
  // z[(i*3 + j)*2 +: 2] for i < 2, j < 3 covers the 12 bits of z exactly once.
  auto build = [](int inner) {
    Design d;
    Module& m = d.add_module("grid");
    m.input("a", 2);
    m.output("z", 12);
    Body& rows = m.generate_for("i", 2, "g_i");
    Body& cols = nested_for(rows, "j", inner, "g_j");
    cols.assigns.push_back({slice("z", {{"i", 6}, {"j", 2}}, 0, 2), ref("a", 2)});
    return d;
  };
  CHECK(check_error(build(3)) == "");
  const std::string err = check_error(build(2));
  // i = 0 covers bits 0..3, i = 1 bits 6..9: bit 4 is the first one never driven.
  CHECK(err.find("bit 4 of 'z' is never driven") != std::string::npos);
}

TEST_CASE("check_design: overlapping generate slices drive a bit twice") {
  Design d;
  Module& m = d.add_module("ovl");
  m.input("a", 4);
  m.output("y", 7);
  Body& g = m.generate_for("i", 2, "g");
  // Stride 3 but width 4: iteration 0 drives bits 0..3, iteration 1 bits 3..6.
  g.assigns.push_back({slice("y", {{"i", 3}}, 0, 4), ref("a", 4)});
  const std::string err = check_error(d);
  CHECK(err.find("bit 3 of 'y' has more than one driver") != std::string::npos);
}

TEST_CASE("check_design catches a doubly-driven bit") {
  Design d;
  Module& m = d.add_module("dbl");
  auto a = m.input("a", 8);
  m.output("y", 8);
  m.assign(slice("y", 0, 4), bits(a, 0, 4));
  m.assign(slice("y", 3, 5), bits(a, 3, 5));  // bit 3 again
  const std::string err = check_error(d);
  CHECK(err.find("module dbl") != std::string::npos);
  CHECK(err.find("bit 3 of 'y' has more than one driver") != std::string::npos);

  // A register and an assignment driving the same net.
  Design d2;
  Module& m2 = d2.add_module("dbl2");
  m2.input("clk_i", 1);
  auto b = m2.input("b", 2);
  auto r = m2.reg("r", 2);
  m2.update(r, b);
  m2.assign(r, b);
  m2.output("o", 2);
  m2.assign(ref("o", 2), r);
  CHECK(check_error(d2).find("bit 0 of 'r' has more than one driver") != std::string::npos);

  // An instance output and an assignment on the same bits.
  Design d3 = leaf_pair(2);
  Module& top = *d3.modules().back();
  top.assign(slice("y", 7, 1), slice("a", 0, 1));
  CHECK(check_error(d3).find("bit 7 of 'y' has more than one driver") != std::string::npos);
}

TEST_CASE("check_design catches undriven output and internal bits") {
  Design d;
  Module& m = d.add_module("und");
  auto a = m.input("a", 8);
  m.output("y", 8);
  m.assign(slice("y", 0, 7), bits(a, 0, 7));  // y[7] is left floating
  CHECK(check_error(d).find("bit 7 of 'y' is never driven") != std::string::npos);

  Design d2;
  Module& m2 = d2.add_module("und2");
  auto b = m2.input("b", 2);
  auto o = m2.output("o", 2);
  m2.assign(o, b);
  m2.wire("w", 3);  // declared, never driven
  CHECK(check_error(d2).find("bit 0 of 'w' is never driven") != std::string::npos);
}

TEST_CASE("check_design catches an instance port width mismatch") {
  Design d;
  add_leaf(d);
  Module& top = d.add_module("top");
  top.input("a", 8);
  top.output("y", 5);
  top.instance({"leaf", "u_leaf", {}, {{"x", slice("a", 0, 4)}, {"y", slice("y", 0, 5)}}});
  const std::string err = check_error(d);
  CHECK(err.find("instance u_leaf port 'y' is 4 bits, connection 5") != std::string::npos);

  Design d2;
  add_leaf(d2);
  Module& t2 = d2.add_module("top");
  t2.input("a", 8);
  t2.output("y", 4);
  t2.instance({"leaf", "u_leaf", {}, {{"x", ref("a", 8)}, {"y", ref("y", 4)}}});
  CHECK(check_error(d2).find("port 'x' is 4 bits, connection 8") != std::string::npos);

  Design d3;
  add_leaf(d3);
  Module& t3 = d3.add_module("top");
  t3.input("a", 4);
  t3.output("y", 4);
  t3.instance({"leaf", "u_leaf", {}, {{"x", ref("a", 4)}, {"q", ref("y", 4)}}});
  CHECK(check_error(d3).find("unknown port 'q'") != std::string::npos);
}

TEST_CASE("check_design catches other structural errors") {
  SUBCASE("driving an input") {
    Design d;
    Module& m = d.add_module("m");
    auto a = m.input("a", 2);
    m.assign(a, constant(2, 1));
    CHECK(check_error(d).find("'a' is driven but is an input") != std::string::npos);
  }
  SUBCASE("registers without a clock port") {
    Design d;
    Module& m = d.add_module("m");
    auto a = m.input("a", 2);
    auto o = m.output("o", 2);
    auto r = m.reg("r", 2);
    m.update(r, a);
    m.assign(o, r);
    CHECK(check_error(d).find("no clock port") != std::string::npos);
  }
  SUBCASE("reset registers without a reset port") {
    Design d;
    Module& m = d.add_module("m");
    m.input("clk_i", 1);
    auto a = m.input("a", 2);
    auto o = m.output("o", 2);
    auto r = m.reg("r", 2);
    m.update_with_reset(r, a, 0);
    m.assign(o, r);
    CHECK(check_error(d).find("no reset port") != std::string::npos);
  }
  SUBCASE("a genvar outside its loop") {
    Design d;
    Module& m = d.add_module("m");
    m.input("a", 2);
    m.output("o", 2);
    m.assign(ref("o", 2), slice("a", {{"i", 1}}, 0, 2));
    CHECK(check_error(d).find("genvar 'i' used outside its loop") != std::string::npos);
  }
  SUBCASE("a read beyond the end of a net") {
    Design d;
    Module& m = d.add_module("m");
    m.input("a", 8);
    m.output("o", 4);
    Body& g = m.generate_for("i", 1, "g");
    g.assigns.push_back({ref("o", 4), slice("a", {{"i", 4}}, 6, 4)});
    CHECK(check_error(d).find("out of range") != std::string::npos);
  }
  SUBCASE("an output connected to an expression") {
    Design d;
    add_leaf(d);
    Module& t = d.add_module("top");
    t.input("a", 4);
    t.output("y", 4);
    t.instance({"leaf", "u_leaf", {}, {{"x", ref("a", 4)}, {"y", bnot(ref("y", 4))}}});
    CHECK(check_error(d).find("not a net or slice") != std::string::npos);
  }
}

TEST_CASE("check_design: a genvar slice reaching below bit 0 is rejected") {
  // The IR allows negative genvar coefficients (GenTerm::coef is an int), so a slice's low
  // bit can become negative for some iteration. Here iteration 1 reads a[-4 +: 4]: Verilog
  // would read undefined bits, so the check must refuse it like a read past the top.
  Design d;
  Module& m = d.add_module("neg");
  m.input("a", 8);
  m.output("o", 8);
  Body& g = m.generate_for("i", 2, "g");
  g.assigns.push_back({slice("o", {{"i", 4}}, 0, 4), slice("a", {{"i", -4}}, 0, 4)});
  CHECK(check_error(d).find("out of range") != std::string::npos);
}

TEST_CASE("a product may only be a whole assignment right-hand side") {
  using namespace tpegen::ir;
  auto p = mul(ref("a", 8), ref("b", 8), 16, true);
  CHECK_THROWS_AS(add(p, ref("x", 16)), std::logic_error);
  CHECK_THROWS_AS(concat({constant(1, 0), p}), std::logic_error);
  CHECK_THROWS_AS(mux(ref("s", 1), p, ref("x", 16)), std::logic_error);
  CHECK_THROWS_AS(bnot(p), std::logic_error);
  Module m("m");
  m.input("a", 8);
  m.input("b", 8);
  CHECK_NOTHROW(m.wire("p", p));
}
