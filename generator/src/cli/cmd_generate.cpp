#include <memory>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/design_flags.hpp"
#include "output/design_files.hpp"
#include "output/dir_writer.hpp"
#include "output/flow_files.hpp"
#include "synth/sta_flow.hpp"

namespace tpegen::cli {
namespace {

struct GenerateOptions {
  DesignFlags design;
  std::string out_dir;
  bool force = false;
  double clock_period_ns = synth::kDefaultClockPeriodNs;  // for the SDC and the flow configs
};

void run_generate(const GenerateOptions& o) {
  const DesignConfig c = load_design(o.design);
  synth::check_clock_period(o.clock_period_ns);
  DesignFiles files = make_design_files(c);
  add_flow_files(files, o.clock_period_ns);
  const std::vector<std::string> kept = write_tree_atomically(o.out_dir, files.files, o.force);
  fmt::print("tpegen: wrote {} ({} files) to {}\n", files.top, files.files.size(), o.out_dir);
  print_kept(kept, o.out_dir);
}

}  // namespace

void setup_generate(CLI::App& app) {
  auto o = std::make_shared<GenerateOptions>();
  add_design_flags(app, o->design);
  app.add_option("-o,--output", o->out_dir, "output directory")->required();
  app.add_option("--clock-period", o->clock_period_ns,
                 "clock period in ns written to the SDC and the ORFS/LibreLane configs (default 10; > 0)");
  app.add_flag("--force", o->force, "replace a non-empty output directory not written by tpegen, or overwrite files in it that tpegen did not write");
  app.callback([o] { run_generate(*o); });
}

}  // namespace tpegen::cli
