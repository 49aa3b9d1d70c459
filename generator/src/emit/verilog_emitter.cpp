#include "emit/verilog_emitter.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "util/line_wrap.hpp"

namespace tpegen::emit {
namespace {

using ir::ExprKind;
using ir::ExprP;

std::string range(int width) { return width == 1 ? std::string() : fmt::format("[{}:0] ", width - 1); }

std::string low_bit_text(const ir::Expr& e) {
  std::string s;
  for (auto& t : e.terms) {
    if (!s.empty()) s += " + ";
    s += t.coef == 1 ? t.var : fmt::format("{}*{}", t.var, t.coef);
  }
  if (e.offset != 0 || s.empty()) s += s.empty() ? fmt::format("{}", e.offset) : fmt::format(" + {}", e.offset);
  return s;
}

std::string param_text(const ir::Param& p) { return p.name.empty() ? std::to_string(p.value) : p.name; }

// A named localparam must be the module's, with the value the numbers were computed from.
void check_param(const ir::Param& p, const ir::Module* ctx) {
  if (p.name.empty() || !ctx) return;
  const ir::LocalParam* lp = ctx->find_localparam(p.name);
  if (!lp || lp->value != p.value)
    throw std::logic_error(fmt::format("emitter: slice uses localparam {} = {}, which module {} does not declare",
                                       p.name, p.value, ctx->name()));
}

// net[(i*COLS + j)*WA +: WA]: the index in elements of `unit` bits, written with its names.
std::string symbolic_slice(const ir::Expr& e, const ir::Module* ctx) {
  check_param(e.unit, ctx);
  check_param(e.units, ctx);
  std::string sum;
  for (auto& t : e.index) {
    check_param(t.coef, ctx);
    std::string term = t.var;
    if (t.var.empty())
      term = param_text(t.coef);
    else if (!t.coef.name.empty() || t.coef.value != 1)
      term += "*" + param_text(t.coef);
    sum += (sum.empty() ? "" : " + ") + term;
  }
  std::string low = sum;
  if (!e.unit.name.empty() || e.unit.value != 1)
    low = (e.index.size() > 1 ? "(" + sum + ")" : sum) + "*" + param_text(e.unit);
  std::string width = param_text(e.unit);
  if (!e.units.name.empty() || e.units.value != 1) width = param_text(e.units) + "*" + width;
  return fmt::format("{}[{} +: {}]", e.net, low, width);
}

bool atomic(const ExprP& e) {
  switch (e->kind) {
    case ExprKind::Ref: case ExprKind::Slice: case ExprKind::Const:
    case ExprKind::Concat: case ExprKind::Replicate:
      return true;
    default:
      return false;
  }
}

std::string operand(const ExprP& e, const ir::Module* ctx) {
  const std::string s = emit_expr(e, ctx);
  return atomic(e) ? s : "(" + s + ")";
}

std::string binary(const ExprP& e, const char* op, const ir::Module* ctx) {
  return fmt::format("{} {} {}", operand(e->args[0], ctx), op, operand(e->args[1], ctx));
}

}  // namespace

std::string emit_expr(const ExprP& e, const ir::Module* ctx) {
  switch (e->kind) {
    case ExprKind::Ref:
      return e->net;
    case ExprKind::Slice:
      if (ctx && ctx->width_of(e->net) == 1) return e->net;
      if (!e->index.empty()) return symbolic_slice(*e, ctx);
      if (!e->terms.empty()) return fmt::format("{}[{} +: {}]", e->net, low_bit_text(*e), e->width);
      if (e->width == 1) return fmt::format("{}[{}]", e->net, e->offset);
      return fmt::format("{}[{}:{}]", e->net, e->offset + e->width - 1, e->offset);
    case ExprKind::Const:
      if (e->width == 1) return fmt::format("1'b{}", e->value);
      return fmt::format("{}'h{:x}", e->width, e->value);
    case ExprKind::Concat: {
      std::string s = "{";
      for (size_t i = 0; i < e->args.size(); ++i) s += (i ? ", " : "") + emit_expr(e->args[i], ctx);
      return s + "}";
    }
    case ExprKind::Replicate:
      return fmt::format("{{{}{{{}}}}}", e->count, emit_expr(e->args[0], ctx));
    case ExprKind::Not:
      return "~" + operand(e->args[0], ctx);
    case ExprKind::And: return binary(e, "&", ctx);
    case ExprKind::Or: return binary(e, "|", ctx);
    case ExprKind::Xor: return binary(e, "^", ctx);
    case ExprKind::Add: return binary(e, "+", ctx);
    case ExprKind::Sub: return binary(e, "-", ctx);
    case ExprKind::Eq: return binary(e, "==", ctx);
    case ExprKind::Mul:
      if (e->signed_mul)
        return fmt::format("$signed({}) * $signed({})", emit_expr(e->args[0], ctx), emit_expr(e->args[1], ctx));
      return binary(e, "*", ctx);
    case ExprKind::Mux:
      return fmt::format("{} ? {} : {}", operand(e->args[0], ctx), operand(e->args[1], ctx),
                         operand(e->args[2], ctx));
  }
  throw std::logic_error("emitter: unknown expression kind");
}

namespace {

class ModuleWriter {
 public:
  explicit ModuleWriter(const ir::Module& m) : m_(m) {}

  std::string write(const std::vector<std::string>& banner) {
    for (auto& line : banner) out_ += "// " + line + "\n";
    if (!banner.empty()) out_ += "\n";
    for (auto& line : m_.comments) comment(line, 0);
    ports();
    declarations();
    body(m_.body(), 1);
    registers();
    out_ += "\nendmodule\n";
    return out_;
  }

 private:
  static std::string pad(int level) { return std::string(static_cast<size_t>(2 * level), ' '); }

  // Every code line goes through here: statements longer than the limit are wrapped.
  void put(const std::string& line) {
    for (auto& l : wrap_code(line)) out_ += l + "\n";
  }

  void comment(const std::string& text, int level) {
    const std::string prefix = pad(level) + "// ";
    for (auto& l : wrap_words(text, kLineLimit - static_cast<int>(prefix.size()))) out_ += prefix + l + "\n";
  }

  // Declarations with comments: the comments start in one column; a long one continues
  // below in that column (after a very long declaration it follows the declaration).
  void commented(const std::vector<std::pair<std::string, std::string>>& lines) {
    size_t column = 0;
    for (auto& [decl, text] : lines)
      if (!text.empty()) column = std::max(column, decl.size() + 2);
    const bool aligned = column + 3 + 30 <= static_cast<size_t>(kLineLimit);
    for (auto& [decl, text] : lines) {
      if (text.empty()) {
        out_ += decl + "\n";
        continue;
      }
      const size_t col = aligned ? column : decl.size() + 2;
      const int room = kLineLimit - static_cast<int>(col) - 3;
      const auto parts = wrap_words(text, std::max(room, 20));
      for (size_t k = 0; k < parts.size(); ++k) {
        const std::string lead = k == 0 ? decl : std::string();
        out_ += lead + std::string(col - lead.size(), ' ') + "// " + parts[k] + "\n";
      }
    }
  }

  void ports() {
    out_ += fmt::format("module {} (\n", m_.name());
    const auto& ps = m_.ports();
    size_t range_w = 0;
    for (auto& p : ps) range_w = std::max(range_w, range(p.width).size());
    std::vector<std::pair<std::string, std::string>> lines;
    for (size_t i = 0; i < ps.size(); ++i) {
      const auto& p = ps[i];
      lines.emplace_back(fmt::format("  {} wire {:<{}}{}{}", p.dir == ir::PortDir::In ? "input " : "output",
                                     range(p.width), range_w, p.name, i + 1 < ps.size() ? "," : ""),
                         p.comment);
    }
    commented(lines);
    out_ += ");\n";
  }

  void declarations() {
    std::set<std::string> genvars;
    collect_genvars(m_.body(), genvars);
    if (!m_.nets().empty() || !genvars.empty() || !m_.localparams().empty()) out_ += "\n";
    std::vector<std::pair<std::string, std::string>> params;
    for (auto& p : m_.localparams()) params.emplace_back(fmt::format("  localparam {} = {};", p.name, p.value), p.comment);
    commented(params);
    if (!params.empty() && !m_.nets().empty()) out_ += "\n";
    for (auto& n : m_.nets()) put(fmt::format("  {} {}{};", n.is_reg ? "reg " : "wire", range(n.width), n.name));
    for (auto& g : genvars) out_ += fmt::format("  genvar {};\n", g);
  }

  static void collect_genvars(const ir::Body& b, std::set<std::string>& out) {
    for (auto& l : b.loops) {
      out.insert(l.var);
      collect_genvars(l.body, out);
    }
  }

  // Verilog-2005 needs no generate/endgenerate around a loop: the loop is written bare.
  void body(const ir::Body& b, int level) {
    if (!b.assigns.empty()) out_ += "\n";
    for (auto& a : b.assigns)
      put(fmt::format("{}assign {} = {};", pad(level), emit_expr(a.lhs, &m_), emit_expr(a.rhs, &m_)));
    for (auto& inst : b.instances) instance(inst, level);
    for (auto& loop : b.loops) {
      out_ += "\n";
      put(fmt::format("{}for ({v} = 0; {v} < {n}; {v} = {v} + 1) begin : {label}", pad(level),
                      fmt::arg("v", loop.var), fmt::arg("n", loop.count), fmt::arg("label", loop.label)));
      body(loop.body, level + 1);
      out_ += pad(level) + "end\n";
    }
  }

  void instance(const ir::Instance& inst, int level) {
    out_ += "\n" + pad(level) + inst.module;
    if (!inst.params.empty()) {
      out_ += " #(\n";
      for (size_t i = 0; i < inst.params.size(); ++i)
        out_ += fmt::format("{}.{}({}){}\n", pad(level + 1), inst.params[i].first, inst.params[i].second,
                            i + 1 < inst.params.size() ? "," : "");
      out_ += pad(level) + ")";
    }
    out_ += fmt::format(" {} (\n", inst.name);
    for (size_t i = 0; i < inst.conns.size(); ++i)
      put(fmt::format("{}.{}({}){}", pad(level + 1), inst.conns[i].first, emit_expr(inst.conns[i].second, &m_),
                      i + 1 < inst.conns.size() ? "," : ""));
    out_ += pad(level) + ");\n";
  }

  void update_line(const ir::Register& r, int level) {
    if (r.enable)
      put(fmt::format("{}if ({}) {} <= {};", pad(level), emit_expr(r.enable, &m_), r.reg, emit_expr(r.next, &m_)));
    else
      put(fmt::format("{}{} <= {};", pad(level), r.reg, emit_expr(r.next, &m_)));
  }

  // One always block per clock (the module's, then each gated clock in order of first use)
  // and per reset style.
  void registers() {
    std::vector<std::string> clocks;
    for (auto& r : m_.registers()) {
      const std::string& clk = r.clock.empty() ? m_.clock : r.clock;
      if (std::find(clocks.begin(), clocks.end(), clk) == clocks.end()) clocks.push_back(clk);
    }
    for (const std::string& clk : clocks) {
      std::vector<const ir::Register*> with_reset, plain;
      for (auto& r : m_.registers())
        if ((r.clock.empty() ? m_.clock : r.clock) == clk) (r.has_reset ? with_reset : plain).push_back(&r);
      if (!with_reset.empty()) {
        out_ += fmt::format("\n  always @(posedge {} or negedge {}) begin\n", clk, m_.reset_n);
        out_ += fmt::format("    if (!{}) begin\n", m_.reset_n);
        for (auto* r : with_reset)
          out_ += fmt::format("      {} <= {};\n", r->reg, emit_expr(ir::constant(m_.width_of(r->reg), r->reset_value)));
        out_ += "    end else begin\n";
        for (auto* r : with_reset) update_line(*r, 3);
        out_ += "    end\n  end\n";
      }
      if (!plain.empty()) {
        out_ += fmt::format("\n  always @(posedge {}) begin\n", clk);
        for (auto* r : plain) update_line(*r, 2);
        out_ += "  end\n";
      }
    }
  }

  const ir::Module& m_;
  std::string out_;
};

}  // namespace

std::string emit_module(const ir::Module& m, const std::vector<std::string>& banner) {
  return ModuleWriter(m).write(banner);
}

}  // namespace tpegen::emit
