#include "ir/check.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace tpegen::ir {
namespace {

using Env = std::map<std::string, int>;

class DriverCheck {
 public:
  DriverCheck(const Design& d, const Module& m) : design_(d), m_(m) {
    for (auto& n : m.nets()) drivers_[n.name].assign(static_cast<size_t>(n.width), 0);
    for (auto& p : m.ports())
      if (p.dir == PortDir::Out) drivers_[p.name].assign(static_cast<size_t>(p.width), 0);
  }

  void run() {
    for (auto& r : m_.registers()) mark(ref(r.reg, m_.width_of(r.reg)), {});
    walk(m_.body(), {});
    for (auto& [name, bits] : drivers_)
      for (size_t i = 0; i < bits.size(); ++i)
        if (bits[i] == 0) fail(fmt::format("bit {} of '{}' is never driven", i, name));
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::logic_error(fmt::format("IR check, module {}: {}", m_.name(), what));
  }

  int low_bit(const ExprP& e, const Env& env) const {
    int lo = e->offset;
    for (auto& t : e->terms) {
      auto it = env.find(t.var);
      if (it == env.end()) fail(fmt::format("genvar '{}' used outside its loop", t.var));
      lo += t.coef * it->second;
    }
    return lo;
  }

  void mark(const ExprP& e, const Env& env) {
    if (!is_lvalue(e)) fail("a driven connection is not a net or slice");
    auto it = drivers_.find(e->net);
    if (it == drivers_.end()) fail(fmt::format("'{}' is driven but is an input or undeclared", e->net));
    const int lo = e->kind == ExprKind::Ref ? 0 : low_bit(e, env);
    if (lo < 0 || lo + e->width > static_cast<int>(it->second.size()))
      fail(fmt::format("slice [{} +: {}] outside '{}'", lo, e->width, e->net));
    for (int b = lo; b < lo + e->width; ++b)
      if (++it->second[static_cast<size_t>(b)] > 1)
        fail(fmt::format("bit {} of '{}' has more than one driver", b, e->net));
  }

  void check_reads(const ExprP& e, const Env& env) const {
    if (e->kind == ExprKind::Slice) {
      const int lo = low_bit(e, env);
      if (lo < 0 || lo + e->width > m_.width_of(e->net))
        fail(fmt::format("read of '{}'[{} +: {}] is out of range", e->net, lo, e->width));
    } else if (e->kind == ExprKind::Ref) {
      m_.width_of(e->net);
    }
    for (auto& a : e->args) check_reads(a, env);
  }

  void walk(const Body& body, const Env& env) {
    for (auto& a : body.assigns) {
      check_reads(a.rhs, env);
      mark(a.lhs, env);
    }
    for (auto& inst : body.instances) {
      const Module* callee = design_.find_module(inst.module);
      for (auto& [port, expr] : inst.conns) {
        if (callee) {
          const Port* p = callee->find_port(port);
          if (!p) fail(fmt::format("instance {} connects unknown port '{}'", inst.name, port));
          if (p->width != expr->width)
            fail(fmt::format("instance {} port '{}' is {} bits, connection {}", inst.name, port,
                             p->width, expr->width));
        }
        if (design_.port_dir(inst.module, port) == PortDir::Out)
          mark(expr, env);
        else
          check_reads(expr, env);
      }
    }
    for (auto& loop : body.loops) {
      Env inner = env;
      for (int i = 0; i < loop.count; ++i) {
        inner[loop.var] = i;
        walk(loop.body, inner);
      }
    }
  }

  const Design& design_;
  const Module& m_;
  std::map<std::string, std::vector<int>> drivers_;
};

}  // namespace

void check_design(const Design& d) {
  for (auto& m : d.modules()) {
    DriverCheck(d, *m).run();
    if (!m->registers().empty() && !m->find_port(m->clock))
      throw std::logic_error("IR check: module " + m->name() + " has registers but no clock port");
    if (m->has_resets() && !m->find_port(m->reset_n))
      throw std::logic_error("IR check: module " + m->name() + " has reset registers but no reset port");
  }
}

}  // namespace tpegen::ir
