// Modules, ports, nets, registers, instances and generate loops of the tpegen IR.
//
// Architectures build a Design; VerilogEmitter writes it; check_design() validates it
// (widths, one driver per bit, no undriven bit read). Nothing here formats HDL text.
//
// Example:
//   Design d;
//   Module& m = d.add_module("adder");
//   auto a = m.input("a_i", 8), b = m.input("b_i", 8);
//   auto s = m.output("s_o", 8);
//   m.assign(s, add(a, b));
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ir/expr.hpp"

namespace tpegen::ir {

enum class PortDir { In, Out };

struct Port {
  std::string name;
  PortDir dir = PortDir::In;
  int width = 1;
  std::string comment;
  bool control = false;  // a valid/enable-like signal: pipeline copies of it are reset
};

/// `localparam name = value;  // comment`: a named width or stride used by symbolic slices.
struct LocalParam {
  std::string name;
  int value = 0;
  std::string comment;
};

struct Net {
  std::string name;
  int width = 1;
  bool is_reg = false;  // driven by a Register (emitted as `reg`)
};

struct Assign {
  ExprP lhs;  // Ref or Slice
  ExprP rhs;
};

/// A clocked register update: on each rising clock edge, if enable (or always when
/// null), reg <= next. With has_reset, the register is cleared asynchronously by the
/// module's active-low reset to reset_value. `clock` names a gated clock net (ir/clock_gating);
/// empty: the module's clock.
struct Register {
  std::string reg;
  ExprP next;
  ExprP enable;
  bool has_reset = false;
  uint64_t reset_value = 0;
  std::string clock;
};

/// What a block is in a picture of the design (`tpegen diagram`): kind "pe", "encoder", "skew",
/// "deskew", "readout", "core" (the engine inside a wrapper) or "fifo"; side "left", "top" or
/// "bottom" for a block on the array's edge, empty for one beside each PE. The emitter ignores it.
struct Role {
  std::string kind;
  std::string side = {};
};

struct Instance {
  std::string module;
  std::string name;
  std::vector<std::pair<std::string, int64_t>> params;
  std::vector<std::pair<std::string, ExprP>> conns;  // in the callee's port order
  Role role = {};  // empty kind: not drawn on its own
};

/// Logic of a module that a picture of the design shows as a block although it is no
/// instance (a read-out adder): its role and the prefix of its nets.
struct Block {
  Role role;
  std::string name;
};

struct GenerateFor;

/// Statements that may appear at module level or inside a generate loop.
struct Body {
  std::vector<Assign> assigns;
  std::vector<Instance> instances;
  std::vector<GenerateFor> loops;
};

/// for (var = 0; var < count; var = var + 1) begin : label ... end
struct GenerateFor {
  std::string var;
  int count = 0;
  std::string label;
  Body body;
};

class Module {
 public:
  explicit Module(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }
  std::vector<std::string> comments;  // emitted above the module, one line each

  ExprP input(const std::string& name, int width, const std::string& comment = "", bool control = false);
  ExprP output(const std::string& name, int width, const std::string& comment = "", bool control = false);
  ExprP wire(const std::string& name, int width);
  /// Declares a localparam; the returned Param names it in symbolic slices.
  Param localparam(const std::string& name, int value, const std::string& comment = "");
  ExprP reg(const std::string& name, int width);
  /// Declares a wire and assigns it in one step; returns the wire.
  ExprP wire(const std::string& name, const ExprP& value);

  void assign(const ExprP& lhs, const ExprP& rhs);
  void update(const ExprP& reg, const ExprP& next, const ExprP& enable = nullptr);
  void update_with_reset(const ExprP& reg, const ExprP& next, uint64_t reset_value,
                         const ExprP& enable = nullptr);
  void instance(Instance inst);
  /// Adds a generate loop and returns its body for filling in.
  Body& generate_for(const std::string& var, int count, const std::string& label);

  const std::vector<Port>& ports() const { return ports_; }
  const std::vector<Net>& nets() const { return nets_; }
  const std::vector<LocalParam>& localparams() const { return params_; }
  const LocalParam* find_localparam(const std::string& name) const;
  const std::vector<Register>& registers() const { return regs_; }
  std::vector<Register>& registers() { return regs_; }  // for passes over finished modules
  const Body& body() const { return body_; }
  Body& body() { return body_; }

  const Port* find_port(const std::string& name) const;
  const Net* find_net(const std::string& name) const;
  /// Width of a port or net; throws when the name is unknown.
  int width_of(const std::string& name) const;
  bool has_resets() const;

  std::string clock = "clk_i";
  std::string reset_n = "rst_ni";
  std::vector<Block> blocks;  // for pictures only (Role)

 private:
  void claim_name(const std::string& name);

  std::string name_;
  std::vector<Port> ports_;
  std::vector<Net> nets_;
  std::vector<LocalParam> params_;
  std::vector<Register> regs_;
  Body body_;
  std::map<std::string, int> names_;
};

/// A module implemented by a hand-written file in rtl_templates/: only its interface is known.
struct ExternModule {
  std::string name;
  std::string file;  // file name inside rtl_templates/
  std::vector<std::pair<std::string, PortDir>> ports;
  std::vector<std::string> uses = {};  // the extern modules its file instantiates
};

class Design {
 public:
  /// Adds a module; names must be unique. Modules are emitted in insertion order.
  Module& add_module(const std::string& name);
  void add_extern(const ExternModule& ext);

  const std::vector<std::unique_ptr<Module>>& modules() const { return modules_; }
  const std::vector<ExternModule>& externs() const { return externs_; }
  const Module* find_module(const std::string& name) const;
  const ExternModule* find_extern(const std::string& name) const;
  /// Direction of port `port` on module or extern `module`; throws if unknown.
  PortDir port_dir(const std::string& module, const std::string& port) const;
  /// The modules and externs `top` instantiates, directly or not, each callee before its
  /// callers and `top` last (the order a file list wants); anything unused is left out.
  std::vector<std::string> used_modules() const;

  std::string top;

 private:
  std::vector<std::unique_ptr<Module>> modules_;
  std::vector<ExternModule> externs_;
};

}  // namespace tpegen::ir

namespace tpegen::ir {
/// Adds a generate loop nested in `parent` and returns its body (valid until the next
/// loop is added to `parent`).
Body& nested_for(Body& parent, const std::string& var, int count, const std::string& label);
}  // namespace tpegen::ir
