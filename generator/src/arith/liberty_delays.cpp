#include "arith/liberty_delays.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace tpegen::arith {
namespace {

// ---- a liberty group tree: name (args) { attributes; groups } ----
struct Group {
  std::string type;
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::vector<std::string>>> attrs;  // simple: one value
  std::vector<Group> groups;

  const std::vector<std::string>* attr(const std::string& name) const {
    for (const auto& [k, v] : attrs)
      if (k == name) return &v;
    return nullptr;
  }
  std::string value(const std::string& name) const {
    const auto* v = attr(name);
    return v && !v->empty() ? v->front() : std::string();
  }
};

class Parser {
 public:
  explicit Parser(const std::string& t) : s_(t) {}

  Group parse() {
    Group root;
    statements(root);
    return root;
  }

 private:
  const std::string& s_;
  size_t i_ = 0;

  void skip() {
    for (;;) {
      while (i_ < s_.size() && (std::isspace(static_cast<unsigned char>(s_[i_])) || s_[i_] == '\\')) ++i_;
      if (s_.compare(i_, 2, "/*") != 0) return;
      const auto e = s_.find("*/", i_ + 2);
      i_ = e == std::string::npos ? s_.size() : e + 2;
    }
  }
  char peek() {
    skip();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  std::string token() {
    skip();
    if (i_ >= s_.size()) return "";
    if (s_[i_] == '"') {
      const auto e = s_.find('"', i_ + 1);
      std::string t = s_.substr(i_ + 1, (e == std::string::npos ? s_.size() : e) - i_ - 1);
      i_ = e == std::string::npos ? s_.size() : e + 1;
      t.erase(std::remove(t.begin(), t.end(), '\\'), t.end());
      t.erase(std::remove(t.begin(), t.end(), '\n'), t.end());
      return t;
    }
    const size_t b = i_;
    while (i_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[i_])) &&
           std::string_view("(){}:;,\"").find(s_[i_]) == std::string_view::npos)
      ++i_;
    if (i_ == b) ++i_;  // a lone punctuation character
    return s_.substr(b, i_ - b);
  }
  void statements(Group& g) {
    while (i_ < s_.size()) {
      const char c = peek();
      if (c == '\0') return;
      if (c == '}') {
        ++i_;
        return;
      }
      if (c == ';') {
        ++i_;
        continue;
      }
      std::string name = token();
      const char n = peek();
      if (n == ':') {
        ++i_;
        g.attrs.push_back({std::move(name), {token()}});
        if (peek() == ';') ++i_;
      } else if (n == '(') {
        ++i_;
        std::vector<std::string> args;
        while (peek() != ')' && i_ < s_.size()) {
          if (peek() == ',') {
            ++i_;
            continue;
          }
          args.push_back(token());
        }
        ++i_;
        if (peek() == '{') {
          ++i_;
          Group child;
          child.type = std::move(name);
          child.args = std::move(args);
          statements(child);
          g.groups.push_back(std::move(child));
        } else {
          g.attrs.push_back({std::move(name), std::move(args)});
          if (peek() == ';') ++i_;
        }
      }
    }
  }
};

// ---- pin functions as truth tables over the cell's inputs (bit m: input k = (m >> k) & 1) ----
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

std::vector<double> numbers(const std::string& s) {
  std::vector<double> v;
  std::string tok;
  std::istringstream in(s);
  while (std::getline(in, tok, ',')) {
    const auto b = tok.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    v.push_back(std::strtod(tok.c_str() + b, nullptr));
  }
  return v;
}

// Linear interpolation (extrapolation at the ends) of y(x) over the grid xs.
double lerp_at(const std::vector<double>& xs, const std::vector<double>& ys, double x) {
  if (xs.size() < 2 || ys.size() != xs.size()) return ys.empty() ? 0 : ys.front();
  size_t k = 1;
  while (k + 1 < xs.size() && xs[k] < x) ++k;
  const double t = (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
  return ys[k - 1] + t * (ys[k] - ys[k - 1]);
}

struct Library {
  std::map<std::string, bool> load_first;  // template name -> variable_1 is the load
};

// A table (cell_rise, rise_transition, ...) at input slew `slew` and load `load`.
std::optional<double> table_at(const Group& t, const Library& lib, double slew, double load) {
  const auto* vals = t.attr("values");
  if (!vals || vals->empty()) return std::nullopt;
  std::vector<std::vector<double>> rows;
  for (const auto& r : *vals) rows.push_back(numbers(r));
  const auto* i1 = t.attr("index_1");
  const auto* i2 = t.attr("index_2");
  if (!i1) return rows[0].empty() ? std::nullopt : std::optional<double>(rows[0][0]);  // scalar
  const auto x1 = numbers(i1->front());
  const bool swap = !t.args.empty() && lib.load_first.count(t.args[0]) && lib.load_first.at(t.args[0]);
  const double v1 = swap ? load : slew, v2 = swap ? slew : load;
  if (!i2) return lerp_at(x1, rows.size() == 1 ? rows[0] : std::vector<double>(), v1);
  const auto x2 = numbers(i2->front());
  if (rows.size() != x1.size()) return std::nullopt;
  std::vector<double> col;
  for (const auto& r : rows) col.push_back(lerp_at(x2, r, v2));
  return lerp_at(x1, col, v1);
}

struct LibCell {
  const Group* g = nullptr;
  std::string name;
  double area = 0;
  std::vector<std::string> inputs;
  std::vector<std::pair<std::string, uint64_t>> outputs;  // pin, truth table
};

const Group* pin_group(const LibCell& c, const std::string& pin) {
  for (const Group& p : c.g->groups)
    if (p.type == "pin" && !p.args.empty() && p.args[0] == pin) return &p;
  return nullptr;
}

// Worst of rise/fall of `kind` ("cell" or "transition") from `in` to output `out`.
std::optional<double> arc(const LibCell& c, const std::string& out, const std::string& in, const Library& lib,
                          double slew, double load, const char* kind) {
  const Group* p = pin_group(c, out);
  if (!p) return std::nullopt;
  std::optional<double> worst;
  for (const Group& t : p->groups) {
    if (t.type != "timing" || t.value("related_pin") != in) continue;
    for (const Group& tab : t.groups) {
      const bool want = kind == std::string("cell") ? (tab.type == "cell_rise" || tab.type == "cell_fall")
                                                    : (tab.type == "rise_transition" || tab.type == "fall_transition");
      if (!want) continue;
      if (const auto v = table_at(tab, lib, slew, load)) worst = std::max(worst.value_or(*v), *v);
    }
  }
  return worst;
}

double input_cap(const LibCell& c) {
  double sum = 0;
  for (const auto& in : c.inputs)
    if (const Group* p = pin_group(c, in)) sum += std::strtod(p->value("capacitance").c_str(), nullptr);
  return c.inputs.empty() ? 0 : sum / static_cast<double>(c.inputs.size());
}

bool is_mux(uint64_t tt) {
  const int perm[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  for (const auto& p : perm) {
    uint64_t m = 0;
    for (unsigned x = 0; x < 8; ++x) {
      const unsigned s = (x >> p[0]) & 1U, a = (x >> p[1]) & 1U, b = (x >> p[2]) & 1U;
      if (s ? a : b) m |= uint64_t{1} << x;
    }
    if (m == tt) return true;
  }
  return false;
}

}  // namespace

DelayModel delays_from_liberty(const std::string& text, const std::string& source) {
  const Group root = Parser(text).parse();
  const Group* libg = nullptr;
  for (const Group& g : root.groups)
    if (g.type == "library") libg = &g;
  if (!libg) throw std::invalid_argument(fmt::format("'{}' is not a liberty file (no library group)", source));
  Library lib;
  for (const Group& g : libg->groups)
    if (g.type == "lu_table_template" && !g.args.empty())
      lib.load_first[g.args[0]] = g.value("variable_1").find("capacitance") != std::string::npos;

  std::vector<LibCell> cells;
  for (const Group& g : libg->groups) {
    if (g.type != "cell" || g.args.empty() || g.value("dont_use") == "true") continue;
    bool sequential = false;
    for (const Group& s : g.groups) sequential |= s.type == "ff" || s.type == "latch" || s.type == "statetable";
    if (sequential) continue;
    LibCell c;
    c.g = &g;
    c.name = g.args[0];
    c.area = std::strtod(g.value("area").c_str(), nullptr);
    for (const Group& p : g.groups)
      if (p.type == "pin" && !p.args.empty() && p.value("direction") == "input") c.inputs.push_back(p.args[0]);
    if (c.inputs.empty() || c.inputs.size() > 3) continue;
    bool ok = true;
    for (const Group& p : g.groups) {
      if (p.type != "pin" || p.args.empty() || p.value("direction") != "output") continue;
      const auto tt = FunctionEval(p.value("function"), c.inputs).table();
      if (!tt) ok = false;
      else c.outputs.push_back({p.args[0], *tt});
    }
    if (ok && !c.outputs.empty()) cells.push_back(std::move(c));
  }
  // Smallest cell with `n` inputs whose outputs have exactly these tables (any order).
  auto find = [&](size_t n, std::vector<uint64_t> tts, bool mux = false) -> const LibCell* {
    const LibCell* best = nullptr;
    std::sort(tts.begin(), tts.end());
    for (const LibCell& c : cells) {
      if (c.inputs.size() != n || c.outputs.size() != (mux ? 1 : tts.size())) continue;
      std::vector<uint64_t> have;
      for (const auto& o : c.outputs) have.push_back(o.second);
      std::sort(have.begin(), have.end());
      if (mux ? !is_mux(have[0]) : have != tts) continue;
      if (!best || c.area < best->area || (c.area == best->area && c.name < best->name)) best = &c;
    }
    return best;
  };
  const LibCell* fa = find(3, {0xE8, 0x96});
  const LibCell* ha = find(2, {0x8, 0x6});
  const LibCell* inv = find(1, {0x1});
  const LibCell* and2 = find(2, {0x8});
  const LibCell* or2 = find(2, {0xE});
  const LibCell* xor2 = find(2, {0x6});
  const LibCell* mux2 = find(3, {0}, true);
  const std::pair<const LibCell*, const char*> needed[] = {{inv, "inverter"}, {and2, "AND2"}, {or2, "OR2"}, {xor2, "XOR2"}};
  for (const auto& [cell, what] : needed)
    if (!cell)
      throw std::invalid_argument(fmt::format("liberty '{}' has no {} cell (the timing tree's delay model needs it)",
                                              source, what));

  // Reference point: fanout 2 of the full adder's (else XOR2's) inputs, its own output slew.
  const LibCell* ref = fa ? fa : xor2;
  const double load = 2 * input_cap(*ref);
  double slew = 0;
  {
    if (const Group* p = pin_group(*ref, ref->outputs[0].first))
      for (const Group& t : p->groups)
        for (const Group& tab : t.groups)
          if (tab.type == "rise_transition" && tab.attr("index_1") && slew == 0)
            slew = numbers(tab.attr("index_1")->front()).front();
    slew = arc(*ref, ref->outputs[0].first, ref->inputs[0], lib, slew, load, "transition").value_or(slew);
  }
  auto gate = [&](const LibCell* c) {
    double worst = 0;
    for (const auto& in : c->inputs) {
      const auto v = arc(*c, c->outputs[0].first, in, lib, slew, load, "cell");
      if (!v) throw std::invalid_argument(fmt::format("liberty '{}': cell {} has no delay from {} to {}", source,
                                                      c->name, in, c->outputs[0].first));
      worst = std::max(worst, *v);
    }
    return worst;
  };
  DelayModel d;
  d.source = fmt::format("{} (liberty)", source);
  d.inv = gate(inv);
  d.and2 = gate(and2);
  d.or2 = gate(or2);
  d.xor2 = gate(xor2);
  d.mux2 = mux2 ? gate(mux2) : d.and2 + d.or2;
  // Per-pin arcs of a two-output adder cell: outputs[k] with table tt_k.
  auto adder_arcs = [&](const LibCell* c, uint64_t sum_tt, auto& sum, auto& carry) {
    for (const auto& [pin, tt] : c->outputs)
      for (size_t k = 0; k < c->inputs.size(); ++k) {
        const auto v = arc(*c, pin, c->inputs[k], lib, slew, load, "cell");
        if (!v) throw std::invalid_argument(fmt::format("liberty '{}': cell {} has no delay from {} to {}", source,
                                                        c->name, c->inputs[k], pin));
        (tt == sum_tt ? sum : carry)[k] = *v;
      }
  };
  if (fa) {
    d.fa_cell = fa->name;
    adder_arcs(fa, 0x96, d.fa_sum, d.fa_carry);
  } else {  // sum = (a ^ b) ^ cin; carry = (a & b) | (cin & (a ^ b))
    d.fa_sum = {2 * d.xor2, 2 * d.xor2, d.xor2};
    d.fa_carry = {d.xor2 + d.and2 + d.or2, d.xor2 + d.and2 + d.or2, d.and2 + d.or2};
  }
  if (ha) {
    d.ha_cell = ha->name;
    adder_arcs(ha, 0x6, d.ha_sum, d.ha_carry);
  } else {
    d.ha_sum = {d.xor2, d.xor2};
    d.ha_carry = {d.and2, d.and2};
  }
  return d;
}

std::string describe(const DelayModel& d) {
  auto arr = [](const auto& a) {
    std::string s;
    for (double v : a) s += fmt::format("{}{:.3f}", s.empty() ? "" : " ", v);
    return s;
  };
  return fmt::format(
      "source: {}\nfull adder: {} (a b cin -> sum: {}; -> carry: {})\nhalf adder: {} (a b -> sum: {}; -> carry: {})\n"
      "inv {:.3f} and2 {:.3f} or2 {:.3f} xor2 {:.3f} mux2 {:.3f} (ns)\n",
      d.source, d.fa_cell.empty() ? "composed of XOR2/AND2/OR2" : d.fa_cell, arr(d.fa_sum), arr(d.fa_carry),
      d.ha_cell.empty() ? "composed of XOR2/AND2" : d.ha_cell, arr(d.ha_sum), arr(d.ha_carry), d.inv, d.and2, d.or2,
      d.xor2, d.mux2);
}

}  // namespace tpegen::arith
