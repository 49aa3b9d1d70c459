// `tpegen docs --out DIR`: the reference pages generated from the code (docs/reference/*.md).
// The CLI page describes a fresh App built by setup_app, the one main() parses with.
#include <memory>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "docs/reference.hpp"
#include "util/paths.hpp"
#include "util/text_file.hpp"

namespace tpegen::cli {
namespace {

struct DocsOptions {
  std::string out_dir;
  bool force = false;
};

void run_docs(const DocsOptions& o) {
  CLI::App app;
  setup_app(app);
  const std::filesystem::path schema = source_root() / "schema" / "manifest.schema.json";
  const std::optional<std::string> schema_text = read_text_file(schema);
  if (!schema_text) throw std::runtime_error("cannot read " + schema.string());
  const auto pages = docs::reference_pages(describe_commands(app), *schema_text);
  docs::write_reference_pages(o.out_dir, pages, o.force);
  fmt::print("tpegen: wrote {} reference pages to {}\n", pages.size(), o.out_dir);
}

}  // namespace

void setup_docs(CLI::App& app) {
  auto o = std::make_shared<DocsOptions>();
  app.add_option("--out", o->out_dir, "directory for cli.md, config.md, architectures.md and manifest.md")
      ->required()
      ->type_name("DIR");
  app.add_flag("--force", o->force, "replace files of those names that tpegen docs did not write");
  app.callback([o] { run_docs(*o); });
}

}  // namespace tpegen::cli
