// Unit tests of the generated reference pages (docs/) and the help text they share with
// --help (cli/help_format.hpp): every flag, key, architecture and schema key is on its page,
// the naming tokens are those canonical_name() builds, and no CLI11 placeholder shows.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "arith/final_adder.hpp"
#include "cli/app.hpp"
#include "config/config_fields.hpp"
#include "docs/markdown.hpp"
#include "docs/reference.hpp"
#include "sweep/expand.hpp"
#include "test_text.hpp"
#include "util/paths.hpp"
#include "util/text_file.hpp"

using namespace tpegen;

namespace {

std::vector<docs::CommandDoc> commands() {
  CLI::App app;
  cli::setup_app(app);
  return cli::describe_commands(app);
}

std::string schema_text() { return read_text_file(source_root() / "schema" / "manifest.schema.json").value(); }

}  // namespace

TEST_CASE("markdown text: special characters escaped outside code spans only") {
  CHECK(docs::text("a*b | c_d <x> [v]") == "a\\*b \\| c\\_d &lt;x&gt; \\[v\\]");
  CHECK(docs::text("see `tpegen list | head` <here>") == "see `tpegen list | head` &lt;here&gt;");
  CHECK(docs::text("two\nlines") == "two lines");
  CHECK(docs::sentence("ends") == "ends.");
  CHECK(docs::sentence("ends.") == "ends.");
  CHECK(docs::code("a`b") == "`` a`b ``");
  CHECK(docs::table({"A", "B"}, {{"1", "2"}}) == "| A | B |\n| --- | --- |\n| 1 | 2 |\n");
}

TEST_CASE("help text: no CLI11 placeholder, no '(default required)', real defaults") {
  CLI::App app;
  cli::setup_app(app);
  const std::regex placeholder(R"(\b(U?INT|FLOAT|TEXT):[A-Za-z]|\bUINT\b|\(default required\)|-2147483648)");
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    CAPTURE(sub->get_name());
    const std::string help = sub->help();
    CHECK_FALSE(std::regex_search(help, placeholder));
  }
  CLI::App* sim = app.get_subcommand("sim");
  const std::string sim_help = sim->help();
  CHECK(has(sim_help, "--seed INT"));                     // was "UINT:UINT"
  CHECK(has(sim_help, "--vcd-depth INT"));
  CHECK(has(sim_help, "--encoding and|booth|ent"));       // an enum shows its choices
  CHECK(has(sim_help, "width of A operands, 2..16 (default 8)"));
  CHECK(has(sim_help, "--arch NAME"));
  CHECK(has(sim_help, "(required: here or as \"arch\" in --config)"));
  const std::string synth_help = app.get_subcommand("synth")->help();
  CHECK(has(synth_help, "--activity static|sim|gate"));
  CHECK(has(synth_help, "--target asic|ice40|ecp5|xilinx7|gowin"));
  CHECK(has(app.get_subcommand("arith")->help(), "--kind multiplier|opt1-step|opt4e-step"));
  CHECK(has(app.get_subcommand("sweep")->help(), "--executor local|slurm"));
  // The default the help shows is the value the flag's variable starts with.
  CHECK(has(sim_help, "output elements were checked (default 0)"));  // --min-elements, from its variable
  CHECK_FALSE(has(app.get_subcommand("sweep")->help(), "default 0) (default"));  // said once
}

TEST_CASE("cli page: every command and every visible flag, with value, default and help") {
  const auto cmds = commands();
  const std::string page = docs::cli_page(cmds);
  CHECK(page.rfind(docs::kGeneratedMark, 0) == 0);
  CLI::App app;
  cli::setup_app(app);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    CAPTURE(sub->get_name());
    CHECK(has(page, "\n## tpegen " + sub->get_name() + "\n"));
    for (const CLI::Option* o : sub->get_options()) {
      if (o == sub->get_help_ptr()) continue;
      for (auto& l : o->get_lnames())
        CHECK(has(page, "`--" + l + "`") != o->get_group().empty());  // hidden test flags stay out
    }
  }
  const docs::FlagDoc* trials = docs::find_flag(cmds, "sim", "--trials");
  REQUIRE(trials);
  CHECK(trials->default_value == "100");
  CHECK(trials->value == "INT");
  const docs::FlagDoc* out = docs::find_flag(cmds, "generate", "-o");
  REQUIRE(out);
  CHECK(out->names == "-o, --output");
  CHECK(out->required);
  CHECK(has(page, "| `-o`, `--output` | `TEXT` | required | output directory |"));
  CHECK(has(page, "| `--rows` | `INT` | per architecture |"));
  CHECK(has(page, "| `--signed` |  |  |"));  // a flag: no value
  const docs::FlagDoc* config = docs::find_flag(cmds, "sweep", "CONFIG");
  REQUIRE(config);
  CHECK(config->positional);
  CHECK(docs::find_flag(cmds, "generate", "--inject-bug") == nullptr);
  CHECK_FALSE(std::regex_search(page, std::regex(R"(UINT|-2147483648)")));
}

TEST_CASE("config page: every design key and every run key, run keys described by their synth flag") {
  const std::string page = docs::config_page(commands());
  for (const ConfigField& f : config_fields()) {
    const std::string key = f.key;
    CAPTURE(key);
    CHECK(has(page, std::string("| `") + f.key + "` | `" + f.flag + "`") != f.hidden);
  }
  for (const sweep::RunKey& k : sweep::run_keys()) {
    const std::string key = k.key;
    CAPTURE(key);
    CHECK(has(page, std::string("| `") + k.key + "` | `synth " + k.flag + "`"));
  }
  CHECK_FALSE(has(page, "no such flag"));
  for (const sweep::SweepFileKey& k : sweep::sweep_file_keys()) CHECK(has(page, std::string("| `") + k.key + "` |"));
  CHECK(has(page, "| `arch` | `--arch` | string | see `tpegen list` | required |"));
  CHECK(has(page, "| `clock_period` | `synth --clock-period`, `sweep --clock-period` | `NUMBER` | `10` |"));
  CHECK(has(page, "| `target` | `synth --target` | `asic|ice40|ecp5|xilinx7|gowin` | `asic` |"));
}

TEST_CASE("architectures page: every architecture, dimension and PE; the naming tokens are the code's") {
  const std::string page = docs::architectures_page();
  for (const ArchDescriptor& a : architectures()) {
    CAPTURE(a.name);
    CHECK(has(page, "\n## " + a.name + "\n"));
    for (auto& pe : a.pes) CHECK(has(page, "| `" + pe.name + "`"));
    DesignConfig c;
    c.arch = a.name;
    CHECK(has(page, "`tpegen generate --arch " + a.name + "` builds `" + top_name(resolve(c)) + "`"));
  }
  // Each read-out adder's token is in the page and in the name of a design with that adder.
  for (const std::string& adder : config_field("final_adder").choices) {
    CAPTURE(adder);
    const std::string token = final_adder_token(arith::parse_adder(adder));
    DesignConfig c;
    c.arch = "systolic-os";
    c.pe = "opt1";
    c.rows = c.cols = 4;
    set_field_text(config_field("final_adder"), c, adder);
    const std::string name = canonical_name(resolve(c));
    CHECK(has(name, "_" + token + "_r4c4"));
    CHECK(has(page, "| `" + token + "` | bit-weight PEs: the read-out adder `--final-adder " + adder + "` |"));
    CHECK(has(page, "`" + name + "`"));
  }
  CHECK(has(page, "`tpe_systolic_os_opt1_booth_timing_ta_r4c4_s8x8_acc32`"));  // ta: the timing-driven adder
  CHECK(has(page, "`tpe_cube_mac_r2c2d2_s8x8_acc32`"));
  CHECK(has(page, "`tpe_systolic_os_mac_r4c4_u4x8_acc"));
  CHECK(has(page, "_axi`"));
}

TEST_CASE("manifest page: every key of the schema, nested ones as parent.key") {
  const std::string text = schema_text();
  const std::string page = docs::manifest_page(text);
  const nlohmann::json schema = nlohmann::json::parse(text);
  for (auto& [key, s] : schema.at("properties").items()) {
    (void)s;
    CHECK(has(page, "| `" + key + "` |"));
  }
  for (auto& [name, def] : schema.at("$defs").items()) {
    CAPTURE(name);
    CHECK(has(page, "\n## " + name + "\n"));
    for (auto& [key, s] : def.at("properties").items()) {
      (void)s;
      CHECK(has(page, "| `" + key + "` |"));
    }
  }
  CHECK(has(page, "| `registers[].offset` | integer >= 0 | yes |"));
  CHECK(has(page, "| `config` | [config](#config) | yes |"));
  CHECK(has(page, "| `dir` | one of `in`, `out` | yes |"));
  CHECK_THROWS_AS(docs::manifest_page("{not json"), ConfigError);
}

TEST_CASE("write_reference_pages: replaces its own pages, refuses others' without --force") {
  const auto dir = std::filesystem::temp_directory_path() / "tpegen_docs_reference_test";
  std::filesystem::remove_all(dir);
  const std::vector<std::pair<std::string, std::string>> pages = {{"cli.md", std::string(docs::kGeneratedMark) + "new\n"}};
  docs::write_reference_pages(dir, pages, false);
  CHECK(read_text_file(dir / "cli.md") == pages[0].second);
  docs::write_reference_pages(dir, pages, false);  // its own page: replaced
  write_text_file(dir / "cli.md", "# notes\n");
  CHECK_THROWS_WITH_AS(docs::write_reference_pages(dir, pages, false), doctest::Contains("cli.md was not written by tpegen docs"),
                       ConfigError);
  CHECK(read_text_file(dir / "cli.md") == std::string("# notes\n"));
  docs::write_reference_pages(dir, pages, true);
  CHECK(read_text_file(dir / "cli.md") == pages[0].second);
  std::filesystem::remove_all(dir);
}
