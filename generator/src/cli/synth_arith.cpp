#include "cli/synth_arith.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "output/generated_dir.hpp"
#include "synth/arith_flow.hpp"
#include "synth/tools.hpp"
#include "util/config_error.hpp"
#include "util/tools.hpp"
#include "util/work_dir.hpp"

namespace tpegen::cli {
namespace {

// What the arithmetic mode takes; every other option of `tpegen synth` is about a design.
const char* const kArithOptions[] = {"--from", "--liberty", "--yosys", "--booth", "--work", "--json", "--help"};

}  // namespace

void add_arith_synth_flags(CLI::App& app, ArithSynthFlags& f) {
  app.add_option("--yosys", f.yosys,
                 "with --from a tpegen arith folder: the Yosys program to run (default: yosys on PATH), e.g. a wrapper "
                 "around another version; it runs in the work folder with plain file names, so a WebAssembly Yosys "
                 "that sees only that folder works too");
  app.add_flag("--booth", f.booth,
               "with --from a tpegen arith folder: synth -booth (Yosys's Booth multiplier mapping); needs a Yosys "
               "with the booth pass, not Debian 12's 0.23 (e.g. --yosys wrapping @yowasp/yosys 0.55)");
}

bool run_arith_synth(const CLI::App& app, const std::string& from, const std::string& liberty, const std::string& work,
                     const std::string& json, const ArithSynthFlags& f) {
  if (from.empty() || !is_arith_dir(from)) {
    for (const char* flag : {"--yosys", "--booth"})
      if (app.get_option(flag)->count() > 0)
        throw ConfigError(fmt::format("invalid {}: it applies only with --from a folder written by tpegen arith", flag));
    return false;
  }
  for (const CLI::Option* opt : app.get_options()) {
    const std::string name = opt->get_name();
    if (opt->count() > 0 && std::find(std::begin(kArithOptions), std::end(kArithOptions), name) == std::end(kArithOptions))
      throw ConfigError(fmt::format("invalid {} with --from = '{}': a tpegen arith folder takes only --liberty, "
                                    "--yosys, --booth, --work and --json",
                                    name, from));
  }
  const ArithDir dir = read_arith_dir(from);
  synth::ArithFlowOptions o;
  o.from = from;
  o.lib = synth::chosen_liberty(liberty);
  if (o.lib.path.empty())
    throw ConfigError(fmt::format("invalid --liberty: synthesizing a tpegen arith folder needs a liberty file ({})",
                                  o.lib.origin));
  if (f.yosys == "yosys") require_tool(Tool::Yosys);
  o.yosys = synth::check_yosys_program(f.yosys);
  require_tool(Tool::Sta);
  o.booth = f.booth;
  o.json = json;  // its folder checked by the caller (check_json_target)
  o.work = make_work_dir(work, "tpegen-synth-" + dir.top);
  synth::run_arith_flow(dir, o);
  return true;
}

}  // namespace tpegen::cli
