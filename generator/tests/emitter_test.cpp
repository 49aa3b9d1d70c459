// Unit tests of the Verilog emitter: expression text, the full text of small modules
// (written out by hand below), and structural properties of every architecture's output
// as produced by make_design_files() (determinism, one module per file, banners).
// Tool-free: linting the emitted RTL with Verilator/Yosys lives in the integration tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "arch/common.hpp"
#include "arch/design_fields.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "config/design_config.hpp"
#include "emit/verilog_emitter.hpp"
#include "ir/module.hpp"
#include "output/design_files.hpp"
#include "util/paths.hpp"
#include "util/verilator_bugs.hpp"

using namespace tpegen;
using namespace tpegen::ir;
using tpegen::emit::emit_expr;

namespace {

int count_matches(const std::string& text, const std::regex& re) {
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The file's leading `//` header with its wrapped lines joined again (a continuation line
// starts with two more spaces).
std::vector<std::string> header_lines(const std::string& text) {
  std::vector<std::string> out;
  for (auto& line : lines_of(text)) {
    if (!starts_with(line, "// ")) break;
    if (starts_with(line, "//   ") && !out.empty())
      out.back() += " " + line.substr(5);
    else
      out.push_back(line);
  }
  return out;
}

// The text without `//` comments (the emitter writes no block comments).
std::string strip_comments(const std::string& text) {
  std::string out;
  for (auto& line : lines_of(text)) out += line.substr(0, line.find("//")) + "\n";
  return out;
}

// A small configuration of every (architecture, PE variant) pair in the registry.
std::vector<DesignConfig> small_configs() {
  std::vector<DesignConfig> out;
  for (auto& a : architectures()) {
    for (auto& pe : a.pes) {
      DesignConfig c;
      c.arch = a.name;
      c.pe = pe.name;
      if (a.rows.used) c.rows = 2;
      if (a.cols.used) c.cols = 3;
      if (a.depth.used) c.depth = 2;
      c.a_width = 4;
      c.b_width = 5;
      c.max_k = 16;
      const DesignConfig plain = resolve(c);
      out.push_back(plain);
      // With pipeline wrappers and unsigned operands (designs with a valid/ready handshake reject
      // pipeline registers: unsigned only).
      if (design_timing(plain).protocol == "fixed_latency") {
        c.in_regs = 1;
        c.out_regs = 2;
      }
      c.is_signed = false;
      out.push_back(resolve(c));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("emit_expr: nets, slices and genvar slices") {
  CHECK(emit_expr(ref("a", 8)) == "a");
  CHECK(emit_expr(slice("a", 4, 4)) == "a[7:4]");
  CHECK(emit_expr(slice("a", 0, 8)) == "a[7:0]");
  CHECK(emit_expr(slice("a", 3, 1)) == "a[3]");
  CHECK(emit_expr(slice("a", {{"i", 8}}, 0, 8)) == "a[i*8 +: 8]");
  CHECK(emit_expr(slice("a", {{"i", 1}}, 0, 1)) == "a[i +: 1]");
  CHECK(emit_expr(slice("a", {{"i", 8}, {"j", 2}}, 4, 2)) == "a[i*8 + j*2 + 4 +: 2]");
  CHECK(emit_expr(slice("a", {{"i", 12}, {"j", 1}}, 0, 3)) == "a[i*12 + j +: 3]");
  // bits() of a genvar slice adds to the constant part.
  CHECK(emit_expr(bits(slice("a", {{"i", 8}}, 0, 8), 2, 3)) == "a[i*8 + 2 +: 3]");

  // In its module's context a select of a 1-bit net (declared without a range) is the net.
  Module m("ctx");
  m.input("s", 1);
  m.input("v", 4);
  CHECK(emit_expr(slice("s", 0, 1), &m) == "s");
  CHECK(emit_expr(slice("s", 0, 1)) == "s[0]");
  CHECK(emit_expr(slice("v", 0, 1), &m) == "v[0]");
}

TEST_CASE("emit_expr: constants") {
  CHECK(emit_expr(constant(1, 1)) == "1'b1");
  CHECK(emit_expr(constant(1, 0)) == "1'b0");
  CHECK(emit_expr(constant(8, 0xAB)) == "8'hab");
  CHECK(emit_expr(constant(12, 0)) == "12'h0");
  CHECK(emit_expr(constant(4, 0x1F)) == "4'hf");  // masked to 4 bits
  CHECK(emit_expr(constant(64, ~uint64_t{0})) == "64'hffffffffffffffff");
  CHECK(emit_expr(constant(33, uint64_t{1} << 32)) == "33'h100000000");
}

TEST_CASE("emit_expr: concatenation, replication and extension") {
  CHECK(emit_expr(concat({ref("a", 8), slice("b", 0, 4), constant(2, 1)})) == "{a, b[3:0], 2'h1}");
  CHECK(emit_expr(replicate(3, slice("a", 7, 1))) == "{3{a[7]}}");
  CHECK(emit_expr(resize(ref("b", 4), 8, true)) == "{{4{b[3]}}, b}");
  CHECK(emit_expr(resize(ref("b", 4), 8, false)) == "{4'h0, b}");
  CHECK(emit_expr(resize(ref("b", 4), 5, true)) == "{b[3], b}");  // one copy: no replication
  CHECK(emit_expr(resize(ref("b", 8), 3, false)) == "b[2:0]");
  CHECK(emit_expr(concat({ref("x", 2)})) == "x");  // a single element is not wrapped
}

TEST_CASE("emit_expr: operators, parentheses, mux and multiply") {
  auto a = ref("a", 8), b = ref("b", 8), c = ref("c", 8), s = ref("s", 1);
  CHECK(emit_expr(add(a, b)) == "a + b");
  CHECK(emit_expr(sub(a, b)) == "a - b");
  CHECK(emit_expr(band(a, b)) == "a & b");
  CHECK(emit_expr(bor(a, b)) == "a | b");
  CHECK(emit_expr(bxor(a, b)) == "a ^ b");
  CHECK(emit_expr(eq(a, b)) == "a == b");
  CHECK(emit_expr(bnot(a)) == "~a");
  CHECK(emit_expr(bnot(add(a, b))) == "~(a + b)");
  CHECK(emit_expr(add(sub(a, b), c)) == "(a - b) + c");
  CHECK(emit_expr(sub(a, add(b, c))) == "a - (b + c)");
  CHECK(emit_expr(add(concat({slice("a", 0, 4), slice("b", 0, 4)}), c)) == "{a[3:0], b[3:0]} + c");
  CHECK(emit_expr(mux(s, a, b)) == "s ? a : b");
  CHECK(emit_expr(mux(eq(a, b), add(a, c), b)) == "(a == b) ? (a + c) : b");
  CHECK(emit_expr(mux(s, mux(s, a, b), c)) == "s ? (s ? a : b) : c");

  auto x = ref("x", 4), y = slice("w", {{"k", 6}}, 0, 6);
  CHECK(emit_expr(mul(x, y, 10, true)) == "$signed(x) * $signed(w[k*6 +: 6])");
  CHECK(emit_expr(mul(x, y, 10, false)) == "x * w[k*6 +: 6]");
  CHECK(emit_expr(mul(slice("a", 0, 4), slice("b", 4, 4), 8, true)) == "$signed(a[3:0]) * $signed(b[7:4])");
}

TEST_CASE("emit_module: full text of a module with every kind of statement") {
  Module m("acc4");
  m.comments = {"A test module."};
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a = m.input("a_i", 8, "operand");
  auto en = m.input("en_i", 1);
  auto s_o = m.output("s_o", 8, "sum");
  auto s_q = m.reg("s_q", 8);
  auto sum = m.wire("sum", add(a, s_q));
  auto d_q = m.reg("d_q", 1);
  m.wire("nib", 8);
  m.wire("lo", 4);
  m.update_with_reset(s_q, sum, 0x5a, en);
  m.update(d_q, en);
  m.assign(s_o, s_q);
  m.instance({"leaf", "u_leaf", {{"W", 4}, {"N", 2}}, {{"x", bits(a, 0, 4)}, {"y", ref("lo", 4)}}});
  Body& rows = m.generate_for("i", 2, "g_row");
  Body& cols = nested_for(rows, "j", 2, "g_col");
  cols.assigns.push_back({slice("nib", {{"i", 4}, {"j", 2}}, 0, 2), bnot(slice("a_i", {{"i", 4}, {"j", 2}}, 0, 2))});

  const std::string expected =
      "// Generated for a test.\n"
      "// Second banner line.\n"
      "\n"
      "// A test module.\n"
      "module acc4 (\n"
      "  input  wire       clk_i,\n"
      "  input  wire       rst_ni,\n"
      "  input  wire [7:0] a_i,  // operand\n"
      "  input  wire       en_i,\n"
      "  output wire [7:0] s_o   // sum\n"
      ");\n"
      "\n"
      "  reg  [7:0] s_q;\n"
      "  wire [7:0] sum;\n"
      "  reg  d_q;\n"
      "  wire [7:0] nib;\n"
      "  wire [3:0] lo;\n"
      "  genvar i;\n"
      "  genvar j;\n"
      "\n"
      "  assign sum = a_i + s_q;\n"
      "  assign s_o = s_q;\n"
      "\n"
      "  leaf #(\n"
      "    .W(4),\n"
      "    .N(2)\n"
      "  ) u_leaf (\n"
      "    .x(a_i[3:0]),\n"
      "    .y(lo)\n"
      "  );\n"
      "\n"
      "  for (i = 0; i < 2; i = i + 1) begin : g_row\n"
      "\n"
      "    for (j = 0; j < 2; j = j + 1) begin : g_col\n"
      "\n"
      "      assign nib[i*4 + j*2 +: 2] = ~a_i[i*4 + j*2 +: 2];\n"
      "    end\n"
      "  end\n"
      "\n"
      "  always @(posedge clk_i or negedge rst_ni) begin\n"
      "    if (!rst_ni) begin\n"
      "      s_q <= 8'h5a;\n"
      "    end else begin\n"
      "      if (en_i) s_q <= sum;\n"
      "    end\n"
      "  end\n"
      "\n"
      "  always @(posedge clk_i) begin\n"
      "    d_q <= en_i;\n"
      "  end\n"
      "\n"
      "endmodule\n";
  CHECK(emit::emit_module(m, {"Generated for a test.", "Second banner line."}) == expected);
}

TEST_CASE("emit_module: localparams, symbolic slices, wrapped statements and comments") {
  Module m("grid");
  m.comments = {"A comment long enough to be wrapped: " + std::string(40, 'x') + " " + std::string(40, 'y') + " end."};
  const Param wa = m.localparam("WA", 8, "A operand bits");
  const Param rows = m.localparam("ROWS", 3);
  m.input("a_i", 48, "a comment that is long enough to continue on the next line in the column where it started");
  m.output("q_o", 1);
  m.wire("h", 48);
  Body& loop = m.generate_for("j", 2, "g_col");
  loop.assigns.push_back({slice("h", wa, {{"j", rows}, {"", rows}, {"i", {}}}), slice("a_i", wa, {{"j", {}}})});
  // The symbolic slice holds the same numbers as a plain one.
  auto s = slice("h", wa, {{"j", rows}, {"", rows}, {"i", {}}});
  CHECK(s->offset == 24);
  CHECK(s->width == 8);
  REQUIRE(s->terms.size() == 2);
  CHECK(s->terms[0].var == "j");
  CHECK(s->terms[0].coef == 24);
  CHECK(s->terms[1].coef == 8);
  std::vector<ExprP> many;
  for (int i = 0; i < 30; ++i) many.push_back(slice("a_i", i, 1));
  m.assign(ref("q_o", 1), concat({constant(1, 0)}));
  m.wire("unused_many", concat(many));
  const std::string text = emit::emit_module(m, {});
  CHECK(text.find("  localparam WA = 8;  // A operand bits\n  localparam ROWS = 3;\n") != std::string::npos);
  CHECK(text.find("  assign h[(j*ROWS + ROWS + i)*WA +: WA] = a_i[j*WA +: WA];\n") != std::string::npos);
  CHECK(text.find("  input  wire [47:0] a_i,  // a comment that is long enough to continue on the next line in the\n"
                  "                           // column where it started\n") != std::string::npos);
  CHECK(text.find("// A comment long enough to be wrapped: " + std::string(40, 'x') + "\n// " + std::string(40, 'y') +
                  " end.\n") != std::string::npos);
  // The long concatenation breaks after commas, continuation lines indented by 4 more.
  CHECK(text.find("  assign unused_many = {a_i[0], a_i[1], a_i[2], a_i[3], a_i[4], a_i[5], a_i[6], a_i[7], a_i[8],\n"
                  "      a_i[9], a_i[10],") != std::string::npos);
  for (auto& line : lines_of(text)) CHECK(line.size() <= 100);
  // A slice naming a localparam the module does not have (or with another value) is a bug.
  Module other("other");
  other.input("a_i", 16);
  other.output("q_o", 8);
  other.generate_for("j", 2, "g").assigns.push_back({ref("q_o", 8), slice("a_i", Param{"WA", 8}, {{"j", {}}})});
  CHECK_THROWS_AS(emit::emit_module(other, {}), std::logic_error);
}

TEST_CASE("emit_module: minimal module without banner, nets or registers") {
  Module m("tiny");
  auto x = m.input("x", 1);
  auto y = m.output("y", 1);
  m.assign(y, bnot(x));
  const std::string expected =
      "module tiny (\n"
      "  input  wire x,\n"
      "  output wire y\n"
      ");\n"
      "\n"
      "  assign y = ~x;\n"
      "\n"
      "endmodule\n";
  CHECK(emit::emit_module(m, {}) == expected);
}

TEST_CASE("rtl_files: only the modules the top uses, callees first, top last") {
  Design d;
  arch::declare_templates(d);  // tpe_pipe and tpe_pipe_rst, neither instantiated below
  Module& leaf = d.add_module("leaf");
  leaf.assign(leaf.output("o", 1), leaf.input("i", 1));
  Module& unused = d.add_module("unused");
  unused.assign(unused.output("o", 1), unused.input("i", 1));
  Module& top = d.add_module("top");
  auto i = top.input("i", 1);
  auto o = top.output("o", 1);
  auto mid = top.wire("mid", 1);
  Body& loop = top.generate_for("g", 1, "g_leaf");  // a callee inside a generate loop counts
  loop.instances.push_back({"leaf", "u_leaf", {}, {{"i", i}, {"o", mid}}});
  top.instance({"leaf", "u_leaf2", {}, {{"i", mid}, {"o", o}}});
  d.top = "top";
  CHECK(d.used_modules() == std::vector<std::string>{"leaf", "top"});
  const std::vector<std::string> banner = {"banner"};
  auto files = rtl_files(d, banner);
  REQUIRE(files.size() == 2);
  CHECK(files[0].first == "rtl/leaf.v");
  CHECK(files[1].first == "rtl/top.v");
  CHECK(files[0].second == emit::emit_module(leaf, banner));
  // A template cell appears once it is instantiated, before its user.
  leaf.instance({"tpe_pipe", "u_p", {{"WIDTH", 1}, {"DEPTH", 1}}, {}});
  CHECK(d.used_modules() == std::vector<std::string>{"tpe_pipe", "leaf", "top"});
}

TEST_CASE("make_design_files is deterministic for every architecture and PE variant") {
  for (const DesignConfig& c : small_configs()) {
    CAPTURE(describe(c));
    const DesignFiles f1 = make_design_files(c);
    const DesignFiles f2 = make_design_files(c);
    CHECK(f1.top == f2.top);
    CHECK(f1.manifest == f2.manifest);
    REQUIRE(f1.files.size() == f2.files.size());
    for (size_t i = 0; i < f1.files.size(); ++i) {
      CHECK(f1.files[i].first == f2.files[i].first);
      CHECK(f1.files[i].second == f2.files[i].second);  // byte for byte
    }
    // The comparison is not vacuous: another operand width changes the output.
    DesignConfig other = c;
    other.a_width = 6;
    other.acc_width = kAuto;
    const DesignFiles f3 = make_design_files(resolve(other));
    CHECK(f3.files != f1.files);
    CHECK(f3.top != f1.top);
  }
}

TEST_CASE("emitted files: one module per file, file name = module name, banner with version and config") {
  const std::regex module_line(R"(^module ([A-Za-z_][A-Za-z0-9_]*) #?\()");
  const std::regex begin_kw(R"(\bbegin\b)"), end_kw(R"(\bend\b)");
  const std::regex generate_kw(R"(\bgenerate\b)"), endgenerate_kw(R"(\bendgenerate\b)");
  const std::regex endmodule_kw(R"(\bendmodule\b)");
  for (const DesignConfig& c : small_configs()) {
    CAPTURE(describe(c));
    const DesignFiles f = make_design_files(c);
    const ir::Design d = find_arch(c.arch).build(c);

    CHECK(f.top == canonical_name(c));
    CHECK(d.top == canonical_name(c));

    // Exactly the design's modules and the extern template files, under rtl/.
    std::set<std::string> written_rtl, expected_files;
    std::string files_f;
    for (auto& [path, text] : f.files)
      if (starts_with(path, "rtl/")) {
        CHECK(written_rtl.insert(path).second);  // no duplicates
        files_f += path + "\n";
      }
    for (auto& name : d.used_modules())
      expected_files.insert("rtl/" + (d.find_module(name) ? name + ".v" : d.find_extern(name)->file));
    CHECK(written_rtl == expected_files);
    CHECK(written_rtl.count("rtl/" + f.top + ".v") == 1);

    bool saw_files_f = false, saw_core = false, saw_manifest = false;
    for (auto& [path, text] : f.files) {
      if (path == "files.f") {
        saw_files_f = true;
        // The tpegen header as // comments, then every RTL file in the order they were written.
        CHECK(starts_with(text, std::string("// Generated by tpegen ") + version()));
        std::string listed;
        for (auto& line : lines_of(text))
          if (!starts_with(line, "//")) listed += line + "\n";
        CHECK(listed == files_f);
      } else if (path == f.top + ".core") {
        saw_core = true;
        CHECK(text.find("toplevel: " + f.top + "\n") != std::string::npos);
        CHECK(text.find(std::string("verilator_options: [") + kNoBitOpTreeFlag + "]") != std::string::npos);
      } else if (path == "manifest.json") {
        saw_manifest = true;
        CHECK(text == f.manifest.dump(2) + "\n");
      }
    }
    CHECK(saw_files_f);
    CHECK(saw_core);
    CHECK(saw_manifest);
    CHECK(f.manifest.at("top") == f.top);
    CHECK(f.manifest.at("version") == version());

    std::set<std::string> module_names;
    for (auto& [path, text] : f.files) {
      if (!starts_with(path, "rtl/")) continue;
      CAPTURE(path);
      // One module per file (templates included), named like the file.
      int modules = 0;
      std::string name;
      for (auto& line : lines_of(text)) {
        std::smatch sm;
        if (std::regex_search(line, sm, module_line)) {
          ++modules;
          name = sm[1];
        }
      }
      CHECK(modules == 1);
      CHECK(count_matches(text, endmodule_kw) == 1);
      CHECK(path == "rtl/" + name + ".v");
      CHECK(module_names.insert(name).second);
      // Balanced blocks and parentheses (outside comments).
      const std::string code = strip_comments(text);
      CHECK(count_matches(code, begin_kw) == count_matches(code, end_kw));
      CHECK(count_matches(code, generate_kw) == count_matches(code, endgenerate_kw));
      CHECK(std::count(code.begin(), code.end(), '(') == std::count(code.begin(), code.end(), ')'));
      CHECK(std::count(code.begin(), code.end(), '{') == std::count(code.begin(), code.end(), '}'));
      CHECK(std::count(code.begin(), code.end(), '[') == std::count(code.begin(), code.end(), ']'));
      // Verilog-2005 only.
      CHECK(code.find("always_ff") == std::string::npos);
      CHECK(code.find("logic ") == std::string::npos);

      if (!d.find_module(name)) continue;  // a template cell: no generated banner
      // Lines within 100 columns; loops without generate/endgenerate (Verilog-2005 needs none).
      for (auto& line : lines_of(text)) CHECK(line.size() <= 100);
      CHECK(count_matches(code, generate_kw) == 0);
      const auto lines = header_lines(text);
      REQUIRE(lines.size() > 3);
      CHECK(lines[0] == std::string("// Generated by tpegen ") + version() + " -- do not edit.");
      CHECK(lines[0].find(version()) != std::string::npos);
      CHECK(std::find(lines.begin(), lines.end(), "// Configuration: " + describe(c)) != lines.end());
      CHECK(std::find(lines.begin(), lines.end(), "// Reproduce: " + equivalent_command(c)) != lines.end());
      // The configuration is in the banner once (not again above the module).
      CHECK(count_matches(text, std::regex("Configuration: ")) == 1);
      // The configuration line spells out the parameters that matter.
      std::string header;
      for (auto& l : lines) header += l + "\n";
      CHECK(header.find("arch=" + c.arch + " ") != std::string::npos);
      CHECK(header.find("pe=" + c.pe + " ") != std::string::npos);
      CHECK(header.find("acc_width=" + std::to_string(c.acc_width)) != std::string::npos);
      CHECK(header.find("a_width=4 b_width=5") != std::string::npos);
      CHECK(header.find(c.is_signed ? " signed " : " unsigned ") != std::string::npos);
    }
    // Every module referenced by an instance is defined by one of the files.
    for (auto& m : d.modules()) {
      std::vector<const ir::Body*> todo = {&m->body()};
      while (!todo.empty()) {
        const ir::Body* b = todo.back();
        todo.pop_back();
        for (auto& inst : b->instances) CHECK(module_names.count(inst.module) == 1);
        for (auto& l : b->loops) todo.push_back(&l.body);
      }
    }
  }
}
