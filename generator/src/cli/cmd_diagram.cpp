#include <memory>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "arch/design_name.hpp"
#include "cli/commands.hpp"
#include "cli/design_flags.hpp"
#include "diagram/design_diagram.hpp"
#include "diagram/diagram_svg.hpp"
#include "output/file_writer.hpp"

namespace tpegen::cli {
namespace {

struct DiagramOptions {
  DesignFlags design;
  std::string out_file;
  bool force = false;
};

void run_diagram(const DiagramOptions& o) {
  const DesignConfig c = load_design(o.design);
  write_output_file(o.out_file, diagram::design_diagram_svg(c), diagram::kDiagramMarker, o.force);
  fmt::print("tpegen: wrote the diagram of {} to {}\n", canonical_name(c), o.out_file);
}

}  // namespace

void setup_diagram(CLI::App& app) {
  auto o = std::make_shared<DiagramOptions>();
  add_design_flags(app, o->design);
  app.add_option("-o,--output", o->out_file, "SVG file to write")->required();
  app.add_flag("--force", o->force, "replace an existing file that tpegen did not write");
  app.callback([o] { run_diagram(*o); });
}

}  // namespace tpegen::cli
