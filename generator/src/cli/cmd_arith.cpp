// `tpegen arith`: a stand-alone multiplier, OPT1 step or OPT4E step from the bit-heap library,
// with test vectors from its C++ model (exhaustive or random; none for the OPT4E step, which
// is checked formally).
#include <cstdlib>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "arch/components.hpp"
#include "arch/opt3_column.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/liberty_delays.hpp"
#include "cli/commands.hpp"
#include "liberty/cache.hpp"
#include "liberty/error.hpp"
#include "cli/design_flags.hpp"
#include "cli/help_format.hpp"
#include "cli/parse_errors.hpp"
#include "ir/check.hpp"
#include "output/design_files.hpp"
#include "output/dir_writer.hpp"
#include "output/provenance.hpp"
#include "synth/liberty_choice.hpp"
#include "util/paths.hpp"

namespace tpegen::cli {
namespace {

struct ArithOptions {
  arch::ComponentConfig comp;
  DesignFlags arith;  // widths and PE options, as for a design
  std::string vectors = "none";
  uint64_t seed = 1;
  std::string out_dir;
  bool force = false;
  std::string delay_liberty;
  bool print_delays = false;
};

// --delay-liberty: the timing tree's and adder's cell delays read from that liberty file, or from
// a library tpegen knows by name (found where --liberty of synth finds it).
std::shared_ptr<const arith::DelayModel> read_delays(std::string path) {
  for (const synth::KnownLibrary& lib : synth::known_libraries())
    if (path == lib.name) {
      const auto found = synth::locate_library(lib, synth::pdk_search_dirs(std::getenv("TPEGEN_PDK_DIR")));
      if (found.empty())
        throw ConfigError(fmt::format("invalid --delay-liberty = '{}': the library is not found ({}); give the file's "
                                      "path", path, lib.summary));
      path = found.string();
    }
  if (!std::ifstream(path)) throw ConfigError(fmt::format("invalid --delay-liberty = '{}': cannot read the file", path));
  try {
    return std::make_shared<const arith::DelayModel>(arith::delays_from_liberty(*liberty::load_library(path)));
  } catch (const liberty::Error& e) {  // malformed text
    throw ConfigError(fmt::format("invalid --delay-liberty = '{}': {}", path, e.why_at_line()));
  } catch (const std::invalid_argument& e) {  // a cell the delay model needs is missing
    throw ConfigError(fmt::format("invalid --delay-liberty = '{}': {}", path, e.what()));
  }
}

void run_arith(ArithOptions o) {
  apply_flags(o.comp.arith, o.arith);
  if (o.comp.behavioral)  // the bit-heap library's choices do not apply to `*`
    for (const char* flag : {"--encoding", "--tree", "--use-42", "--final-adder", "--delay-liberty"})
      if (o.arith.app->get_option(flag)->count() > 0)
        throw ConfigError(fmt::format("invalid {} with --behavioral: the behavioural reference leaves the "
                                      "arithmetic to the synthesis tool; drop {}", flag, flag));
  if (!o.delay_liberty.empty()) o.comp.delays = read_delays(o.delay_liberty);
  const arch::ComponentConfig c = arch::resolve_component(o.comp);
  const arith::DelayModel& delays = c.delays ? *c.delays : arith::builtin_delays();
  if (o.print_delays) fmt::print("{}", arith::describe(delays));
  uint64_t count = 0;
  const bool want_vectors = o.vectors != "none";
  if (want_vectors && o.vectors != "exhaustive") {
    try {
      count = std::stoull(o.vectors);
    } catch (const std::exception&) {
      count = 0;
    }
    if (count == 0)
      throw ConfigError(fmt::format("invalid --vectors = '{}': valid values are none, exhaustive or a count >= 1", o.vectors));
  }
  if (want_vectors && count == 0 && c.arith.a_width + c.arith.b_width > 20)
    throw ConfigError("invalid --vectors = exhaustive: a_width + b_width must be at most 20 (use a count)");
  ir::Design d = arch::build_component(c);
  ir::check_design(d);
  const std::vector<std::string> banner = provenance({"Component: " + component_name(c)});
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> rtl;
  for (auto& [path, text] : rtl_files(d, banner)) {
    files.emplace_back(path, text);
    rtl.push_back(path);
  }
  files.emplace_back("files.f", file_list(rtl, banner));
  if (want_vectors) files.emplace_back("vectors.txt", arch::component_vectors(c, count, o.seed));
  nlohmann::json config = config_to_json(c.arith);
  if (c.behavioral)
    for (const char* key : {"encoding", "tree", "use_42", "final_adder"}) config.erase(key);
  nlohmann::json manifest = {{"generator", "tpegen"},       {"version", version()}, {"terms", kOutputTerms},
                             {"top", d.top},                {"kind", c.kind},
                             {"config", config}, {"vectors", o.vectors},
                             {"latency_cycles", c.pipeline_level >= 0 ? 1 : 0}};
  if (c.behavioral) manifest["behavioral"] = true;
  if (!c.behavioral && (c.arith.tree == arith::TreeKind::Timing || c.arith.final_adder == arith::AdderKind::Timing)) manifest["delay_model"] = arith::describe(delays);
  if (c.kind == "opt4e-step") {
    manifest["streams"] = c.streams;
    manifest["digit_positions"] = arch::ent_digit_positions(c.arith);
  }
  manifest[kFilesWrittenKey] = files_written(files);
  files.emplace_back("manifest.json", manifest.dump(2) + "\n");
  const std::vector<std::string> kept = write_tree_atomically(o.out_dir, files, o.force);
  fmt::print("tpegen: wrote {} to {}\n", d.top, o.out_dir);
  print_kept(kept, o.out_dir);
}

}  // namespace

void setup_arith(CLI::App& app) {
  auto o = std::make_shared<ArithOptions>();
  app.add_option("--kind", o->comp.kind, "what to build: a multiplier, an OPT1 step or an OPT4E step")
      ->type_name(one_of(arch::kComponentKinds));
  app.add_flag("--behavioral", o->comp.behavioral,
               "multiplier, opt1-step: the reference tpegen's components are compared with (make compare-arith), "
               "written as `*` and `+` for the synthesis tool to build (opt1-step: acc_o = c_i + a_i * b_i)");
  app.add_option("--streams", o->comp.streams, "opt4e-step: digit streams E, 1..16 (default 2)");
  // --acc-width and --acc-wrap: opt1-step and opt4e-step; --final-adder: multiplier.
  add_design_flags(app, o->arith, {"a_width", "b_width", "signed", "acc_width", "acc_wrap", "encoding", "tree",
                                   "use_42", "final_adder"});
  app.add_option("--delay-liberty", o->delay_liberty,
                 "timing tree/adder: read the cell delays from this liberty file or library (sky130hd, sg13g2, nangate45; "
                 "default: built-in sky130hd)");
  app.add_flag("--print-delays", o->print_delays, "print the delay model the timing tree/adder uses");
  app.add_option("--pipeline-level", o->comp.pipeline_level,
                 "one register stage after this compressor-tree level (default: combinational)");
  app.add_option("--vectors", o->vectors, "none | exhaustive | COUNT random vectors from the C++ model");
  app.add_option("--seed", o->seed, "seed of random vectors (default 1)")->check(non_negative_whole());
  app.add_option("-o,--output", o->out_dir, "output directory")->required();
  app.add_flag("--force", o->force, "replace a non-empty output directory not written by tpegen");
  app.callback([o] { run_arith(*o); });
}

}  // namespace tpegen::cli
