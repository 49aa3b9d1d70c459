// docs/reference/config.md: the design keys of the field table (config/config_fields.hpp) and
// the keys of a sweep file, with the run keys described by the synth flags they stand for.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arch/design_fields.hpp"
#include "arch/resolve.hpp"
#include "config/config_fields.hpp"
#include "docs/markdown.hpp"
#include "docs/reference.hpp"
#include "output/design_files.hpp"
#include "sweep/expand.hpp"

namespace tpegen::docs {
namespace {

std::string design_keys_table() {
  std::vector<std::vector<std::string>> rows;
  for (const ConfigField& f : config_fields()) {
    if (f.hidden) continue;
    std::string flags = code(f.flag);
    if (f.off_flag) flags += ", " + code(f.off_flag) + " (false)";
    rows.push_back({code(f.key), flags, field_type(f), text(field_range_doc(f)),
                    f.required ? "required" : value(field_default_doc(f)), text(applies_doc(f)), text(f.help)});
  }
  return table({"Key", "Flag", "Type", "Valid values", "Default", "Applies to", "Meaning"}, rows);
}

std::string run_keys_table(const std::vector<CommandDoc>& commands) {
  std::vector<std::vector<std::string>> rows;
  for (const sweep::RunKey& k : sweep::run_keys()) {
    const FlagDoc* flag = find_flag(commands, "synth", k.flag);
    std::string flags = code(std::string("synth ") + k.flag);
    if (find_flag(commands, "sweep", k.flag)) flags += ", " + code(std::string("sweep ") + k.flag);
    rows.push_back({code(k.key), flags, flag ? code(flag->value) : "", flag ? value(flag->default_value) : "",
                    flag ? text(flag->help) : "(no such flag of tpegen synth)"});
  }
  return table({"Key", "Flag", "Value", "Default", "Meaning"}, rows);
}

}  // namespace

std::string config_page(const std::vector<CommandDoc>& commands) {
  std::string out = kGeneratedMark;
  out += "# Configuration keys\n\n";
  out += "A design is set by flags (`tpegen generate --arch cube --rows 8`) or by a JSON object with the same "
         "keys, `-` written as `_` (`tpegen generate --config design.json`); flags given on the command line win "
         "over the file. The same keys make up the `config` object of every `manifest.json` (with every value "
         "resolved) and the design part of a sweep's points. A key that does not apply to a design (see *Applies "
         "to*) is an error where it is given, except `axis_width`, which a sweep may set beside a `wrap` grid.\n\n";
  out += "## Design keys\n\n";
  out += design_keys_table();
  out += "\nThe dimensions (`rows`, `cols`, `depth`) mean something different per architecture and some are "
         "fixed: see [the architectures](architectures.md).\n\n";
  DesignConfig example;
  example.arch = "systolic-os";
  out += "For example, the resolved configuration of `tpegen generate --arch systolic-os` (its manifest's "
         "`config`), which is also a valid `--config` file:\n\n";
  out += fmt::format("```json\n{}\n```\n\n", config_to_json(resolve(example)).dump(2));
  out += "## Sweep files\n\n";
  out += "`tpegen sweep FILE` reads a JSON object with these keys:\n\n";
  std::vector<std::vector<std::string>> file_rows;
  for (const sweep::SweepFileKey& k : sweep::sweep_file_keys()) file_rows.push_back({code(k.key), text(k.meaning)});
  out += table({"Key", "Holds"}, file_rows);
  out += "\nA point is a set of design keys (above) and run keys (below). Points that resolve to the same design "
         "and run keys are synthesized once; a point whose design is invalid is listed as skipped with the "
         "reason.\n\n";
  out += "### Run keys\n\n";
  out += "They set how a point is measured rather than what is built. Each stands for a flag of `tpegen synth`, "
         "with the same values. A point without one takes the value given to the same flag of `tpegen sweep` "
         "where it has one, else the default.\n\n";
  out += run_keys_table(commands);
  return out;
}

}  // namespace tpegen::docs
