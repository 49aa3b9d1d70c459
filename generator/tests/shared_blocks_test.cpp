// Sub-circuits a design needs more than once are one module each, built once, named by their
// function and parameters: the read-out adder (instantiated once per column of a systolic
// array, or inside the unit that needs it; inline `+` where no bit-level adder is chosen) and
// the OPT2 digit encoder (once per operand of a row encoder).
#include <doctest/doctest.h>

#include <string>

#include "arch/design_fields.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "arith/final_adder.hpp"
#include "config/design_config.hpp"
#include "ir/check.hpp"
#include "ir/module.hpp"

using namespace tpegen;

namespace {

DesignConfig config(const std::string& arch, const std::string& pe, int rows, int cols, const std::string& extra = "") {
  DesignConfig c;
  c.arch = arch;
  c.pe = pe;
  c.rows = rows;
  c.cols = cols;
  if (arch == "cube" || arch == "matrix2d" || arch == "mac-tree") c.depth = 2;
  if (extra == "kogge-stone") c.final_adder = arith::AdderKind::KoggeStone;
  if (extra == "behavioral") c.final_adder = arith::AdderKind::Behavioral;
  if (extra == "resolved") c.drain = "resolved";
  return resolve(c);
}

// Instances of `module` anywhere in m's body (generate loops counted once each).
int instances_of(const ir::Body& b, const std::string& module) {
  int n = 0;
  for (const ir::Instance& i : b.instances) n += i.module == module ? 1 : 0;
  for (const ir::GenerateFor& g : b.loops) n += instances_of(g.body, module);
  return n;
}

int modules_named_like(const ir::Design& d, const std::string& prefix) {
  int n = 0;
  for (const auto& m : d.modules()) n += m->name().rfind(prefix, 0) == 0 ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("read-out adder: one module per design, one instance per column of a systolic array") {
  for (const std::string arch : {"systolic-os", "systolic-ws"}) {
    CAPTURE(arch);
    const DesignConfig c = config(arch, "opt1", 3, 5);
    const ir::Design d = find_arch(c.arch).build(c);
    CHECK_NOTHROW(ir::check_design(d));
    const std::string name = "tpe_readout_adder_w" + std::to_string(c.acc_width) + "_timing";
    REQUIRE(d.find_module(name));
    CHECK(modules_named_like(d, "tpe_readout_adder") == 1);
    const ir::Module* m = d.find_module(name);
    CHECK(m->ports().size() == 3);
    CHECK(m->width_of("s_i") == c.acc_width);
    CHECK(m->width_of("c_i") == c.acc_width);
    CHECK(m->width_of("sum_o") == c.acc_width);
    CHECK(m->registers().empty());  // the caller registers the sum
    const ir::Module* core = d.find_module(d.top);
    REQUIRE(core);
    CHECK(instances_of(core->body(), name) == 5);  // one per column
    CHECK(core->blocks.empty());                    // instances, not inline logic
  }
}

TEST_CASE("read-out adder: named by width and kind; dot units and resolving PEs instantiate it too") {
  const DesignConfig ks = config("systolic-os", "opt1", 2, 2, "kogge-stone");
  CHECK(find_arch(ks.arch).build(ks).find_module("tpe_readout_adder_w" + std::to_string(ks.acc_width) +
                                                       "_kogge_stone"));
  for (const DesignConfig& c : {config("cube", "opt1", 2, 2), config("matrix2d", "opt2", 2, 2),
                                config("systolic-os", "opt1", 2, 2, "resolved")}) {
    CAPTURE(describe(c));
    const ir::Design d = find_arch(c.arch).build(c);
    CHECK_NOTHROW(ir::check_design(d));
    CHECK(modules_named_like(d, "tpe_readout_adder") == 1);
    int total = 0;
    for (const auto& m : d.modules()) total += instances_of(m->body(), "tpe_readout_adder_w32_timing");
    CHECK(total == 1);  // inside the one unit/PE module
  }
}

TEST_CASE("read-out adder: `+` stays inline (behavioral adder, behavioral view, the adder mutant)") {
  DesignConfig view = config("systolic-os", "opt1", 2, 3);
  view.view = "behavioral";
  DesignConfig bug = config("systolic-ws", "opt1", 2, 3);
  bug.inject_bug = "adder";
  for (const DesignConfig& c : {config("systolic-os", "opt1", 2, 3, "behavioral"), view, bug}) {
    CAPTURE(describe(c));
    const ir::Design d = find_arch(c.arch).build(c);
    CHECK(modules_named_like(d, "tpe_readout_adder") == 0);
    CHECK(d.find_module(d.top)->blocks.size() == 3);  // drawn as read-out adders all the same
  }
}

TEST_CASE("digit encoder: one module per design, one instance per operand of the OPT2 row encoder") {
  for (const std::string arch : {"cube", "matrix2d", "mac-tree"}) {
    CAPTURE(arch);
    DesignConfig c;
    c.arch = arch;
    c.pe = "opt2";
    if (arch != "mac-tree") c.rows = 2;  // mac-tree has no rows
    c.cols = 2;
    c.depth = 3;
    c.a_width = 6;
    c.is_signed = false;
    c = resolve(c);
    const ir::Design d = find_arch(c.arch).build(c);
    CHECK_NOTHROW(ir::check_design(d));
    const std::string name = "tpe_digit_encoder_booth_u6";
    REQUIRE(d.find_module(name));
    CHECK(modules_named_like(d, "tpe_digit_encoder") == 1);
    CHECK(d.find_module(name)->width_of("a_i") == 6);
    int total = 0;
    for (const auto& m : d.modules()) total += instances_of(m->body(), name);
    CHECK(total == 3);  // in the one row encoder module, one per operand
  }
}
