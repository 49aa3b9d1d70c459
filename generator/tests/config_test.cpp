// Unit tests of the design configuration: validation messages of resolve() (each names the
// parameter and its valid range), defaults, canonical names, and the JSON config file
// (config/config_json.hpp).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "arch/design_fields.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "cli/design_flags.hpp"
#include "config/config_json.hpp"
#include "config/design_config.hpp"
#include "test_text.hpp"

namespace fs = std::filesystem;
using namespace tpegen;

namespace {

DesignConfig cfg(const std::string& arch) {
  DesignConfig c;
  c.arch = arch;
  return c;
}

// The ConfigError message of resolve(c), or "" when it resolves.
std::string resolve_error(const DesignConfig& c) {
  try {
    resolve(c);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

std::string json_error(const std::string& text) {
  DesignConfig c;
  try {
    tpegen::apply_json(c, text, "cfg.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("resolve: unknown architecture and PE variant") {
  const std::string e = resolve_error(cfg("tpu9000"));
  CHECK(has(e, "--arch"));
  CHECK(has(e, "'tpu9000'"));
  for (const std::string name : {"systolic-os", "systolic-ws", "cube", "mac-tree", "matrix2d"}) {
    CAPTURE(name);
    CHECK(has(e, name));  // the message lists the valid names
  }
  CHECK(has(resolve_error(cfg("")), "--arch"));

  DesignConfig p = cfg("systolic-os");
  p.pe = "nope";
  const std::string pe = resolve_error(p);
  CHECK(has(pe, "--pe"));
  CHECK(has(pe, "'nope'"));
  CHECK(has(pe, "mac"));
}

TEST_CASE("resolve: dimensions out of range") {
  DesignConfig c = cfg("systolic-os");
  c.rows = 0;
  std::string e = resolve_error(c);
  CHECK(has(e, "--rows = 0"));
  CHECK(has(e, "1..256"));

  c.rows = -3;
  e = resolve_error(c);
  CHECK(has(e, "--rows = -3"));
  CHECK(has(e, "1..256"));

  c = cfg("cube");
  c.cols = 300;
  e = resolve_error(c);
  CHECK(has(e, "--cols = 300"));
  CHECK(has(e, "1..256"));

  c = cfg("matrix2d");
  c.depth = 257;
  e = resolve_error(c);
  CHECK(has(e, "--depth = 257"));
  CHECK(has(e, "1..256"));

  // The limits themselves are accepted.
  c = cfg("cube");
  c.rows = 1;
  c.cols = 256;
  c.depth = 1;
  CHECK(resolve_error(c) == "");
}

TEST_CASE("resolve: a dimension the architecture does not have") {
  DesignConfig c = cfg("systolic-os");
  c.depth = 4;
  std::string e = resolve_error(c);
  CHECK(has(e, "--depth = 4"));
  CHECK(has(e, "systolic-os"));
  CHECK(has(e, "fixed at 1"));

  c = cfg("systolic-ws");
  c.depth = 2;
  CHECK(has(resolve_error(c), "--depth = 2"));

  c = cfg("mac-tree");
  c.rows = 2;
  e = resolve_error(c);
  CHECK(has(e, "--rows = 2"));
  CHECK(has(e, "mac-tree"));
  CHECK(has(e, "fixed at 1"));

  // Giving the fixed value itself is harmless.
  c.rows = 1;
  CHECK(resolve_error(c) == "");
  c = cfg("systolic-os");
  c.depth = 1;
  CHECK(resolve_error(c) == "");
}

TEST_CASE("resolve: operand widths, max_k, pipeline stages, inject_bug") {
  DesignConfig c = cfg("systolic-os");
  c.a_width = 1;
  std::string e = resolve_error(c);
  CHECK(has(e, "--a-width = 1"));
  CHECK(has(e, "2..16"));

  c.a_width = 17;
  e = resolve_error(c);
  CHECK(has(e, "--a-width = 17"));
  CHECK(has(e, "2..16"));

  c = cfg("systolic-os");
  c.b_width = 17;
  e = resolve_error(c);
  CHECK(has(e, "--b-width = 17"));
  CHECK(has(e, "2..16"));

  c = cfg("systolic-os");
  c.max_k = 0;
  e = resolve_error(c);
  CHECK(has(e, "--max-k = 0"));
  CHECK(has(e, "1.." + std::to_string(1 << 24)));
  c.max_k = (1 << 24) + 1;
  CHECK(has(resolve_error(c), "--max-k"));
  c.max_k = 1 << 24;
  CHECK(resolve_error(c) == "");

  c = cfg("systolic-os");
  c.in_regs = 9;
  e = resolve_error(c);
  CHECK(has(e, "--in-regs = 9"));
  CHECK(has(e, "0..8"));
  c = cfg("systolic-os");
  c.out_regs = -1;
  e = resolve_error(c);
  CHECK(has(e, "--out-regs = -1"));
  CHECK(has(e, "0..8"));

  c = cfg("systolic-os");
  c.inject_bug = "multiplier";
  CHECK(has(resolve_error(c), "--inject-bug"));
  c.inject_bug = "adder";
  CHECK(resolve_error(c) == "");
}

TEST_CASE("resolve: accumulator width") {
  // int8 signed, max_k 65536: the exact width is 32 (2^30 = 16384 * 65536 needs 32 bits).
  DesignConfig c = cfg("systolic-os");
  c.acc_width = 31;
  std::string e = resolve_error(c);
  CHECK(has(e, "--acc-width = 31"));
  CHECK(has(e, "32..64"));
  CHECK(has(e, "--acc-wrap"));

  c.acc_wrap = true;  // explicitly accepted wrapping
  CHECK(resolve_error(c) == "");
  CHECK(resolve(c).acc_width == 31);

  c.acc_wrap = false;
  c.acc_width = 65;
  e = resolve_error(c);
  CHECK(has(e, "--acc-width = 65"));
  CHECK(has(e, "64"));
  c.acc_wrap = true;
  e = resolve_error(c);
  CHECK(has(e, "--acc-width = 65"));
  CHECK(has(e, "2..64"));
  c.acc_width = 1;
  CHECK(has(resolve_error(c), "2..64"));

  // Wider than exact is fine, and so is 64.
  c.acc_wrap = false;
  c.acc_width = 64;
  CHECK(resolve_error(c) == "");

  // A smaller max_k lowers the exact width: int8, K = 4: 4 * 16384 = 2^16 needs 18 bits.
  c = cfg("cube");
  c.max_k = 4;
  CHECK(resolve(c).acc_width == 18);
  c.acc_width = 17;
  CHECK(has(resolve_error(c), "18..64"));
}

TEST_CASE("resolve fills in the defaults") {
  const DesignConfig os = resolve(cfg("systolic-os"));
  CHECK(os.rows == 16);
  CHECK(os.cols == 16);
  CHECK(os.depth == 1);
  CHECK(os.acc_width == 32);  // int8 signed, K = 65536
  CHECK(os.pe == "mac");
  CHECK(os.a_width == 8);
  CHECK(os.b_width == 8);
  CHECK(os.is_signed);
  CHECK(os.max_k == 65536);

  const DesignConfig ws = resolve(cfg("systolic-ws"));
  CHECK(ws.rows == 16);
  CHECK(ws.cols == 16);
  CHECK(ws.depth == 1);

  const DesignConfig cube = resolve(cfg("cube"));
  CHECK(cube.rows == 8);
  CHECK(cube.cols == 8);
  CHECK(cube.depth == 8);
  CHECK(cube.acc_width == 32);

  const DesignConfig mt = resolve(cfg("mac-tree"));
  CHECK(mt.rows == 1);
  CHECK(mt.cols == 16);
  CHECK(mt.depth == 16);

  const DesignConfig m2 = resolve(cfg("matrix2d"));
  CHECK(m2.rows == 16);
  CHECK(m2.cols == 16);
  CHECK(m2.depth == 4);

  // uint8, K = 65536: 65025 * 65536 < 2^32: 32 bits as well. 4x4 signed, K = 1: products in
  // [-56, 64]: 8 bits.
  DesignConfig u = cfg("systolic-os");
  u.is_signed = false;
  CHECK(resolve(u).acc_width == 32);
  DesignConfig s4 = cfg("systolic-os");
  s4.a_width = s4.b_width = 4;
  s4.max_k = 1;
  CHECK(resolve(s4).acc_width == 8);

  // Explicit values are kept, and resolving twice changes nothing.
  DesignConfig x = cfg("matrix2d");
  x.rows = 3;
  x.cols = 5;
  x.depth = 7;
  const DesignConfig rx = resolve(x);
  CHECK(rx.rows == 3);
  CHECK(rx.cols == 5);
  CHECK(rx.depth == 7);
  CHECK(resolve(rx) == rx);
  CHECK(resolve(os) == os);
}

TEST_CASE("canonical_name examples") {
  CHECK(canonical_name(resolve(cfg("systolic-os"))) == "tpe_systolic_os_mac_r16c16_s8x8_acc32");
  CHECK(canonical_name(resolve(cfg("systolic-ws"))) == "tpe_systolic_ws_mac_r16c16_s8x8_acc32");
  CHECK(canonical_name(resolve(cfg("cube"))) == "tpe_cube_mac_r8c8d8_s8x8_acc32");
  CHECK(canonical_name(resolve(cfg("mac-tree"))) == "tpe_mac_tree_mac_c16d16_s8x8_acc32");
  CHECK(canonical_name(resolve(cfg("matrix2d"))) == "tpe_matrix2d_mac_r16c16d4_s8x8_acc32");

  DesignConfig c = cfg("matrix2d");
  c.rows = 2;
  c.cols = 3;
  c.depth = 4;
  c.a_width = 4;
  c.b_width = 6;
  c.is_signed = false;
  c.acc_width = 12;
  c.acc_wrap = true;
  c.in_regs = 2;
  c.out_regs = 1;
  CHECK(canonical_name(resolve(c)) == "tpe_matrix2d_mac_r2c3d4_u4x6_acc12w_i2_o1");

  DesignConfig b = cfg("systolic-os");
  b.rows = 4;
  b.cols = 4;
  b.out_regs = 3;
  b.inject_bug = "adder";
  CHECK(canonical_name(resolve(b)) == "tpe_systolic_os_mac_r4c4_s8x8_acc32_o3_bug_adder");

  // --drain: buffered (the default) keeps the old name; shift is named; only systolic-os.
  DesignConfig dr = cfg("systolic-os");
  CHECK(resolve(dr).drain == "buffered");
  dr.drain = "buffered";
  CHECK(canonical_name(resolve(dr)) == "tpe_systolic_os_mac_r16c16_s8x8_acc32");
  dr.drain = "shift";
  dr.pe = "opt1";
  CHECK(canonical_name(resolve(dr)) == "tpe_systolic_os_opt1_booth_timing_ta_r16c16_s8x8_acc32_dshift");
  CHECK(find_arch("systolic-os").timing(resolve(dr)).first_after_last_cycles == 31);
  CHECK(find_arch("systolic-os").timing(resolve(cfg("systolic-os"))).first_after_last_cycles == 1);
  // resolved: opt1 only (the MAC drain is binary already), named, no bubble, same result timing.
  dr.drain = "resolved";
  CHECK(canonical_name(resolve(dr)) == "tpe_systolic_os_opt1_booth_timing_ta_r16c16_s8x8_acc32_dres");
  const auto res_t = find_arch("systolic-os").timing(resolve(dr));
  CHECK(res_t.first_after_last_cycles == 1);
  CHECK(res_t.readout_adder_cycles == 1);
  CHECK(res_t.tile_spacing_cycles == 31);
  CHECK(describe(resolve(dr)).find(" drain=resolved") != std::string::npos);
  dr.pe = "mac";
  CHECK_THROWS_AS(resolve(dr), ConfigError);
  DesignConfig ws = cfg("systolic-ws");
  ws.drain = "shift";
  CHECK_THROWS_AS(resolve(ws), ConfigError);

  // Names are usable as Verilog identifiers and distinct for distinct configurations.
  std::set<std::string> names;
  int n = 0;
  for (const char* arch : {"systolic-os", "systolic-ws", "cube", "mac-tree", "matrix2d"}) {
    for (int w : {4, 8}) {
      for (bool sg : {true, false}) {
        for (int regs : {0, 1}) {
          DesignConfig d = cfg(arch);
          d.a_width = w;
          d.is_signed = sg;
          d.in_regs = regs;
          const std::string name = canonical_name(resolve(d));
          CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos);
          names.insert(name);
          ++n;
        }
      }
    }
  }
  CHECK(static_cast<int>(names.size()) == n);
}

TEST_CASE("apply_json: errors") {
  std::string e = json_error(R"({"arch": "cube", "bogus": 1})");
  CHECK(has(e, "unknown key 'bogus'"));
  CHECK(has(e, "cfg.json"));

  e = json_error(R"({"rows": "four"})");
  CHECK(has(e, "rows"));
  CHECK(has(e, "wrong type"));
  CHECK(has(e, "cfg.json"));
  CHECK(has(json_error(R"({"signed": "yes"})"), "wrong type"));
  CHECK(has(json_error(R"({"arch": 3})"), "wrong type"));
  CHECK(has(json_error(R"({"acc_wrap": 1})"), "wrong type"));
  CHECK(has(json_error(R"({"max_k": [1]})"), "wrong type"));

  for (const std::string text : {"[1, 2]", "42", "\"cube\"", "null"}) {
    CAPTURE(text);
    e = json_error(text);
    CHECK(has(e, "not a JSON object"));
    CHECK(has(e, "cfg.json"));
  }
  for (const std::string text : {"not json", "", "{\"arch\": "}) {  // with the position of the error
    CAPTURE(text);
    e = json_error(text);
    CHECK(has(e, "not valid JSON: line 1, column "));
    CHECK(has(e, "cfg.json"));
  }
}

TEST_CASE("apply_json: integer keys reject booleans, fractions and out-of-range numbers") {
  // nlohmann's get<int>() converts these silently: rows = true became 1, 2.5 became 2,
  // and 4294967297 became 1 (truncated to 32 bits), so a wrong config file was accepted
  // as a different, valid design.
  for (const std::string text : {R"({"rows": true})", R"({"rows": 2.5})", R"({"max_k": 4294967297})",
                           R"({"a_width": -8589934584})"}) {
    CAPTURE(text);
    CHECK(has(json_error(text), "wrong type"));
  }
}

TEST_CASE("apply_json: values are applied, absent keys are kept") {
  DesignConfig c;
  c.pe = "mac";
  tpegen::apply_json(c,
                  R"({"arch": "matrix2d", "rows": 2, "cols": 3, "depth": 5, "a_width": 4, "b_width": 6,
                      "signed": false, "max_k": 100, "acc_width": 20, "acc_wrap": true, "in_regs": 1,
                      "out_regs": 2, "inject_bug": "adder"})",
                  "inline");
  CHECK(c.arch == "matrix2d");
  CHECK(c.pe == "mac");  // absent: kept
  CHECK(c.rows == 2);
  CHECK(c.cols == 3);
  CHECK(c.depth == 5);
  CHECK(c.a_width == 4);
  CHECK(c.b_width == 6);
  CHECK_FALSE(c.is_signed);
  CHECK(c.max_k == 100);
  CHECK(c.acc_width == 20);
  CHECK(c.acc_wrap);
  CHECK(c.in_regs == 1);
  CHECK(c.out_regs == 2);
  CHECK(c.inject_bug == "adder");

  DesignConfig d;
  tpegen::apply_json(d, R"({"arch": "cube"})", "inline");
  CHECK(d.arch == "cube");
  CHECK(d.rows == kAuto);
  CHECK(d.a_width == 8);
  CHECK(d.is_signed);
}

TEST_CASE("load_design: a config file's values are applied and flags override them") {
  const fs::path file = fs::temp_directory_path() / ("tpegen_config_test_" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream out(file);
    out << R"({"arch": "cube", "rows": 2, "cols": 3, "depth": 4, "a_width": 6, "signed": false})";
  }
  {
    CLI::App app;
    cli::DesignFlags flags;
    cli::add_design_flags(app, flags);
    app.parse("--config " + file.string(), false);
    const DesignConfig c = cli::load_design(flags);
    CHECK(c.arch == "cube");
    CHECK(c.rows == 2);
    CHECK(c.cols == 3);
    CHECK(c.depth == 4);
    CHECK(c.a_width == 6);
    CHECK(c.b_width == 8);
    CHECK_FALSE(c.is_signed);
    CHECK(c.acc_width == exact_acc_width(6, 8, false, 65536));  // resolved
  }
  {
    CLI::App app;
    cli::DesignFlags flags;
    cli::add_design_flags(app, flags);
    app.parse("--config " + file.string() + " --rows 5 --signed", false);
    const DesignConfig c = cli::load_design(flags);
    CHECK(c.rows == 5);  // the flag wins
    CHECK(c.cols == 3);  // the file still applies
    CHECK(c.is_signed);
  }
  {
    // A value from the file is validated like a flag.
    std::ofstream out(file);
    out << R"({"arch": "cube", "rows": 0})";
  }
  {
    CLI::App app;
    cli::DesignFlags flags;
    cli::add_design_flags(app, flags);
    app.parse("--config " + file.string(), false);
    CHECK_THROWS_WITH_AS(cli::load_design(flags), doctest::Contains("--rows = 0"), ConfigError);
  }
  fs::remove(file);
  {
    CLI::App app;
    cli::DesignFlags flags;
    cli::add_design_flags(app, flags);
    app.parse("--config " + file.string(), false);  // the file is gone
    CHECK_THROWS_WITH_AS(cli::load_design(flags), doctest::Contains("cannot read"), ConfigError);
  }
  {
    CLI::App app;
    cli::DesignFlags flags;
    cli::add_design_flags(app, flags);
    app.parse("--rows 2", false);
    CHECK_THROWS_WITH_AS(cli::load_design(flags), doctest::Contains("missing --arch"), ConfigError);
  }
}
