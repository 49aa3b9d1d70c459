// Unit tests of the field table (config/config_fields.hpp): the summary line, reproduce
// command and JSON config it writes are those tpegen wrote before the table (taken from
// `tpegen generate` at d62157a; the summary line of a wrapped design now names the wrapper,
// which a format-string mismatch used to drop), the reproduce command and the JSON config
// reproduce the design, and every field takes part in operator==.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arch/design_fields.hpp"
#include "arch/design_name.hpp"
#include "arch/resolve.hpp"
#include "arith/partial_products.hpp"
#include "cli/design_flags.hpp"
#include "config/config_json.hpp"
#include "config/config_fields.hpp"
#include "output/design_files.hpp"

using namespace tpegen;

namespace {

struct Pinned {
  const char* args;
  const char* summary;
  const char* command;
  const char* config;
};

const Pinned kPinned[] = {
    {"--arch systolic-os",
     "arch=systolic-os pe=mac rows=16 cols=16 depth=1 a_width=8 b_width=8 signed max_k=65536 acc_width=32 in_regs=0 out_regs=0",
     "tpegen generate --arch systolic-os --pe mac --rows 16 --cols 16 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 32",
     R"({"a_width":8,"acc_width":32,"acc_wrap":false,"arch":"systolic-os","b_width":8,"cols":16,"depth":1,"in_regs":0,"max_k":65536,"out_regs":0,"pe":"mac","rows":16,"signed":true})"},
    {"--arch mac-tree --cols 3 --depth 5 --unsigned --a-width 5 --b-width 11 --in-regs 1",
     "arch=mac-tree pe=mac rows=1 cols=3 depth=5 a_width=5 b_width=11 unsigned max_k=65536 acc_width=32 in_regs=1 out_regs=0",
     "tpegen generate --arch mac-tree --pe mac --cols 3 --depth 5 --a-width 5 --b-width 11 --unsigned --max-k 65536 --acc-width 32 --in-regs 1",
     R"({"a_width":5,"acc_width":32,"acc_wrap":false,"arch":"mac-tree","b_width":11,"cols":3,"depth":5,"in_regs":1,"max_k":65536,"out_regs":0,"pe":"mac","rows":1,"signed":false})"},
    {"--arch systolic-os --pe opt1 --rows 4 --cols 4 --unsigned --a-width 7 --b-width 5 --use-42 --final-adder ripple --in-regs 1 --drain shift",
     "arch=systolic-os pe=opt1 rows=4 cols=4 depth=1 a_width=7 b_width=5 unsigned max_k=65536 acc_width=28 in_regs=1 out_regs=0 encoding=booth tree=timing use_42 final_adder=ripple drain=shift",
     "tpegen generate --arch systolic-os --pe opt1 --rows 4 --cols 4 --a-width 7 --b-width 5 --unsigned --max-k 65536 --acc-width 28 --in-regs 1 --encoding booth --tree timing --use-42 --final-adder ripple --drain shift",
     R"({"a_width":7,"acc_width":28,"acc_wrap":false,"arch":"systolic-os","b_width":5,"cols":4,"depth":1,"drain":"shift","encoding":"booth","final_adder":"ripple","in_regs":1,"max_k":65536,"out_regs":0,"pe":"opt1","rows":4,"signed":false,"tree":"timing","use_42":true})"},
    {"--arch cube --pe opt2 --rows 3 --cols 2 --depth 4 --encoding ent --tree wallace --out-regs 2 --wrap axi --axis-width 64",
     "arch=cube pe=opt2 rows=3 cols=2 depth=4 a_width=8 b_width=8 signed max_k=65536 acc_width=32 in_regs=0 out_regs=2 encoding=ent tree=wallace final_adder=timing wrap=axi axis_width=64",
     "tpegen generate --arch cube --pe opt2 --rows 3 --cols 2 --depth 4 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 32 --out-regs 2 --encoding ent --tree wallace --final-adder timing --wrap axi --axis-width 64",
     R"({"a_width":8,"acc_width":32,"acc_wrap":false,"arch":"cube","axis_width":64,"b_width":8,"cols":2,"depth":4,"encoding":"ent","final_adder":"timing","in_regs":0,"max_k":65536,"out_regs":2,"pe":"opt2","rows":3,"signed":true,"tree":"wallace","use_42":false,"wrap":"axi"})"},
    {"--arch systolic-ws --rows 2 --cols 2 --acc-width 20 --acc-wrap --inject-bug adder",
     "arch=systolic-ws pe=mac rows=2 cols=2 depth=1 a_width=8 b_width=8 signed max_k=65536 acc_width=20 acc_wrap in_regs=0 out_regs=0 inject_bug=adder",
     "tpegen generate --arch systolic-ws --pe mac --rows 2 --cols 2 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 20 --acc-wrap --inject-bug adder",
     R"({"a_width":8,"acc_width":20,"acc_wrap":true,"arch":"systolic-ws","b_width":8,"cols":2,"depth":1,"in_regs":0,"inject_bug":"adder","max_k":65536,"out_regs":0,"pe":"mac","rows":2,"signed":true})"},
    {"--arch opt4e --cols 2",
     "arch=opt4e pe=opt3 rows=1 cols=2 depth=4 a_width=8 b_width=8 signed max_k=65536 acc_width=32 in_regs=0 out_regs=0",
     "tpegen generate --arch opt4e --pe opt3 --cols 2 --depth 4 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 32",
     R"({"a_width":8,"acc_width":32,"acc_wrap":false,"arch":"opt4e","b_width":8,"cols":2,"depth":4,"in_regs":0,"max_k":65536,"out_regs":0,"pe":"opt3","rows":1,"signed":true})"},
    {"--arch bitslice",
     "arch=bitslice pe=laconic rows=1 cols=16 depth=1 a_width=8 b_width=8 signed max_k=65536 acc_width=32 in_regs=0 out_regs=0",
     "tpegen generate --arch bitslice --pe laconic --cols 16 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 32",
     R"({"a_width":8,"acc_width":32,"acc_wrap":false,"arch":"bitslice","b_width":8,"cols":16,"depth":1,"in_regs":0,"max_k":65536,"out_regs":0,"pe":"laconic","rows":1,"signed":true})"},
    {"--arch matrix2d --pe opt1 --encoding and --final-adder behavioral --max-k 100",
     "arch=matrix2d pe=opt1 rows=16 cols=16 depth=4 a_width=8 b_width=8 signed max_k=100 acc_width=22 in_regs=0 out_regs=0 encoding=and tree=timing final_adder=behavioral",
     "tpegen generate --arch matrix2d --pe opt1 --rows 16 --cols 16 --depth 4 --a-width 8 --b-width 8 --signed --max-k 100 --acc-width 22 --encoding and --tree timing --final-adder behavioral",
     R"({"a_width":8,"acc_width":22,"acc_wrap":false,"arch":"matrix2d","b_width":8,"cols":16,"depth":4,"encoding":"and","final_adder":"behavioral","in_regs":0,"max_k":100,"out_regs":0,"pe":"opt1","rows":16,"signed":true,"tree":"timing","use_42":false})"},
};

// The resolved design of a command line of design flags.
DesignConfig parse_flags(const std::string& args) {
  CLI::App app;
  cli::DesignFlags flags;
  cli::add_design_flags(app, flags);
  app.parse(args, false);
  return cli::load_design(flags);
}

std::string error_of(const std::string& args) {
  try {
    parse_flags(args);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("field table: summary line, reproduce command and JSON config as before the table") {
  for (const Pinned& p : kPinned) {
    CAPTURE(p.args);
    const DesignConfig c = parse_flags(p.args);
    CHECK(describe(c) == p.summary);
    CHECK(equivalent_command(c) == p.command);
    CHECK(config_to_json(c) == nlohmann::json::parse(p.config));
    // Both reproduce the design.
    CHECK(parse_flags(std::string(p.command).substr(std::string("tpegen generate ").size())) == c);
    DesignConfig from_json;
    tpegen::apply_json(from_json, config_to_json(c).dump(), "inline");
    CHECK(resolve(from_json) == c);
  }
}

TEST_CASE("field table: keys and flags are unique, and every field takes part in operator==") {
  std::set<std::string> keys, flags;
  for (const ConfigField& f : config_fields()) {
    CAPTURE(f.key);
    CHECK(keys.insert(f.key).second);
    CHECK(flags.insert(f.flag).second);
    CHECK(&config_field(f.key) == &f);
    DesignConfig a, b;
    if (std::string(field_type(f)) == "int") {
      set_field_json(f, b, 3, "test");
    } else if (std::string(field_type(f)) == "bool") {
      set_field_json(f, b, !field_json(f, a).get<bool>(), "test");
    } else {
      set_field_json(f, b, f.choices.empty() ? "x" : f.choices.back(), "test");
    }
    CHECK_FALSE(a == b);
    copy_field(f, a, b);
    CHECK(a == b);
    reset_field(f, a);
    CHECK(a == DesignConfig{});
  }
  CHECK_THROWS_AS(config_field("bogus"), std::out_of_range);
}

TEST_CASE("field table: enums are parsed where they enter, with the flag and the valid values") {
  CHECK(error_of("--arch cube --pe opt1 --tree booth") == "invalid --tree = 'booth': valid values are dadda, wallace, timing");
  CHECK(error_of("--arch cube --pe opt1 --final-adder csa") ==
        "invalid --final-adder = 'csa': valid values are ripple, kogge-stone, brent-kung, sklansky, timing, behavioral");
  DesignConfig c;
  CHECK_THROWS_WITH_AS(tpegen::apply_json(c, R"({"encoding": "Booth"})", "cfg.json"),
                       "invalid --encoding = 'Booth': valid values are and, booth, ent; did you mean 'booth'?", ConfigError);
  CHECK_THROWS_WITH_AS(tpegen::apply_json(c, R"({"encoding": 1})", "cfg.json"),
                       "invalid encoding in config file cfg.json: wrong type", ConfigError);
  tpegen::apply_json(c, R"({"arch": "cube", "pe": "opt1", "encoding": "ent"})", "cfg.json");
  CHECK(c.encoding == arith::Encoding::Ent);
  CHECK(resolve(c).encoding == arith::Encoding::Ent);
}

TEST_CASE("field table: a field given where it does not apply is an error naming where it applies") {
  CHECK(error_of("--arch cube --encoding booth") == "invalid --encoding for --pe mac: it applies to --pe opt1 and opt2 only");
  CHECK(error_of("--arch cube --use-42") == "invalid --use-42 for --pe mac: it applies to --pe opt1 and opt2 only");
  CHECK(error_of("--arch cube --drain shift") == "invalid --drain for --arch cube: it applies to --arch systolic-os only");
  CHECK(error_of("--arch systolic-os --drain fifo") == "invalid --drain = 'fifo': valid values are buffered, shift, resolved");
  CHECK(error_of("--arch cube --wrap apb") == "invalid --wrap = 'apb': valid values are none, axi, axi-gemm");
  // The axis width means nothing without the wrapper, and is ignored there.
  CHECK(error_of("--arch cube --axis-width 64").empty());
  CHECK(config_to_json(parse_flags("--arch cube --axis-width 64")) == config_to_json(parse_flags("--arch cube")));
  CHECK(top_name(parse_flags("--arch cube --axis-width 64")) == top_name(parse_flags("--arch cube")));
}
