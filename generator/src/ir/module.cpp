#include "ir/module.hpp"

#include <functional>
#include <memory>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

namespace tpegen::ir {

// names_ maps each name to where find_port/find_net find it (-1 - port index, 1 + net index,
// 0: neither), so that a look-up costs a map search, not a scan of a top module's nets.
void Module::claim_name(const std::string& name) {
  if (name.empty()) throw std::logic_error("IR: empty name in module " + name_);
  if (!names_.emplace(name, 0).second)
    throw std::logic_error(fmt::format("IR: name '{}' declared twice in module {}", name, name_));
}

ExprP Module::input(const std::string& name, int width, const std::string& comment, bool control) {
  claim_name(name);
  names_[name] = -static_cast<int>(ports_.size()) - 1;
  ports_.push_back({name, PortDir::In, width, comment, control});
  return ref(name, width);
}

ExprP Module::output(const std::string& name, int width, const std::string& comment, bool control) {
  claim_name(name);
  names_[name] = -static_cast<int>(ports_.size()) - 1;
  ports_.push_back({name, PortDir::Out, width, comment, control});
  return ref(name, width);
}

ExprP Module::wire(const std::string& name, int width) {
  claim_name(name);
  names_[name] = static_cast<int>(nets_.size()) + 1;
  nets_.push_back({name, width, false});
  return ref(name, width);
}

Param Module::localparam(const std::string& name, int value, const std::string& comment) {
  claim_name(name);
  params_.push_back({name, value, comment});
  return {name, value};
}

const LocalParam* Module::find_localparam(const std::string& name) const {
  for (auto& p : params_)
    if (p.name == name) return &p;
  return nullptr;
}

ExprP Module::reg(const std::string& name, int width) {
  claim_name(name);
  names_[name] = static_cast<int>(nets_.size()) + 1;
  nets_.push_back({name, width, true});
  return ref(name, width);
}

ExprP Module::wire(const std::string& name, const ExprP& value) {
  auto w = wire(name, value->width);
  assign(w, value);
  return w;
}

void Module::assign(const ExprP& lhs, const ExprP& rhs) {
  if (!is_lvalue(lhs)) throw std::logic_error("IR: assignment target must be a net or slice");
  if (lhs->width != rhs->width)
    throw std::logic_error(fmt::format("IR: assigning {} bits to {}-bit '{}' in {}", rhs->width,
                                       lhs->width, lhs->net, name_));
  body_.assigns.push_back({lhs, rhs});
}

void Module::update(const ExprP& reg, const ExprP& next, const ExprP& enable) {
  if (reg->kind != ExprKind::Ref) throw std::logic_error("IR: register target must be a whole net");
  const Net* n = find_net(reg->net);
  if (!n || !n->is_reg) throw std::logic_error(fmt::format("IR: '{}' is not a reg in {}", reg->net, name_));
  if (next->width != reg->width)
    throw std::logic_error(fmt::format("IR: register '{}' is {} bits, next value {}", reg->net,
                                       reg->width, next->width));
  if (enable && enable->width != 1) throw std::logic_error("IR: register enable must be 1 bit");
  regs_.push_back({reg->net, next, enable, false, 0, {}});
}

void Module::update_with_reset(const ExprP& reg, const ExprP& next, uint64_t reset_value,
                               const ExprP& enable) {
  update(reg, next, enable);
  regs_.back().has_reset = true;
  regs_.back().reset_value = reset_value;
}

void Module::instance(Instance inst) {
  claim_name(inst.name);
  body_.instances.push_back(std::move(inst));
}

Body& Module::generate_for(const std::string& var, int count, const std::string& label) {
  claim_name(label);
  if (names_.find(var) == names_.end()) claim_name(var);
  body_.loops.push_back({var, count, label, {}});
  return body_.loops.back().body;
}

const Port* Module::find_port(const std::string& name) const {
  auto it = names_.find(name);
  return it != names_.end() && it->second < 0 ? &ports_[static_cast<size_t>(-it->second - 1)] : nullptr;
}

const Net* Module::find_net(const std::string& name) const {
  auto it = names_.find(name);
  return it != names_.end() && it->second > 0 ? &nets_[static_cast<size_t>(it->second - 1)] : nullptr;
}

int Module::width_of(const std::string& name) const {
  if (auto p = find_port(name)) return p->width;
  if (auto n = find_net(name)) return n->width;
  throw std::logic_error(fmt::format("IR: unknown signal '{}' in module {}", name, name_));
}

bool Module::has_resets() const {
  for (auto& r : regs_)
    if (r.has_reset) return true;
  return false;
}

Module& Design::add_module(const std::string& name) {
  if (find_module(name) || find_extern(name))
    throw std::logic_error("IR: module '" + name + "' defined twice");
  modules_.push_back(std::make_unique<Module>(name));
  return *modules_.back();
}

void Design::add_extern(const ExternModule& ext) {
  if (find_extern(ext.name)) return;
  if (find_module(ext.name)) throw std::logic_error("IR: extern '" + ext.name + "' clashes with a module");
  externs_.push_back(ext);
}

const Module* Design::find_module(const std::string& name) const {
  for (auto& m : modules_)
    if (m->name() == name) return m.get();
  return nullptr;
}

const ExternModule* Design::find_extern(const std::string& name) const {
  for (auto& e : externs_)
    if (e.name == name) return &e;
  return nullptr;
}

namespace {

void callees_of(const Body& body, std::vector<std::string>& out) {
  for (auto& inst : body.instances) out.push_back(inst.module);
  for (auto& loop : body.loops) callees_of(loop.body, out);
}

}  // namespace

std::vector<std::string> Design::used_modules() const {
  std::vector<std::string> order;
  std::set<std::string> done, on_path;
  // Depth-first post-order: a module is listed once all its callees are.
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    if (done.count(name)) return;
    if (!on_path.insert(name).second) throw std::logic_error("IR: module '" + name + "' instantiates itself");
    if (const Module* m = find_module(name)) {
      std::vector<std::string> callees;
      callees_of(m->body(), callees);
      for (auto& c : callees) visit(c);
    } else if (const ExternModule* e = find_extern(name)) {
      for (auto& c : e->uses) visit(c);
    } else {
      throw std::logic_error("IR: instance of unknown module '" + name + "'");
    }
    on_path.erase(name);
    done.insert(name);
    order.push_back(name);
  };
  visit(top);
  return order;
}

PortDir Design::port_dir(const std::string& module, const std::string& port) const {
  if (auto m = find_module(module)) {
    if (auto p = m->find_port(port)) return p->dir;
  } else if (auto e = find_extern(module)) {
    for (auto& [name, dir] : e->ports)
      if (name == port) return dir;
  } else {
    throw std::logic_error("IR: instance of unknown module '" + module + "'");
  }
  throw std::logic_error(fmt::format("IR: module '{}' has no port '{}'", module, port));
}

}  // namespace tpegen::ir

namespace tpegen::ir {
Body& nested_for(Body& parent, const std::string& var, int count, const std::string& label) {
  parent.loops.push_back({var, count, label, {}});
  return parent.loops.back().body;
}
}  // namespace tpegen::ir
