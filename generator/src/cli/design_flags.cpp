#include "cli/design_flags.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>

#include "arch/design_fields.hpp"
#include "arch/registry.hpp"
#include "cli/from_dir_flags.hpp"
#include "arch/resolve.hpp"
#include "cli/parse_errors.hpp"
#include "config/config_fields.hpp"
#include "config/config_json.hpp"
#include "util/text_file.hpp"

namespace tpegen::cli {
namespace {

// "width of A operands, 2..16" (the help formatter adds "(default 8)" from the flag's default
// string); scoped: "--pe opt1 and opt2: ..." for a field that applies to some designs only
// (named where the command has --arch and --pe).
std::string flag_help(const ConfigField& f, bool scoped) {
  std::string h = f.help;
  if (scoped && f.applies != Applies::All) h = fmt::format("{}: {}", applies_doc(f), h);
  if (std::string(field_type(f)) != "bool") h += ", " + field_range_doc(f);
  else if (field_default_doc(f) == "true") h += " (on by default)";
  if (f.required) h += " (required: here or as \"" + std::string(f.key) + "\" in --config)";
  return h;
}

// The word after the flag in --help: the choices of an enum, else its kind of value.
std::string value_name(const ConfigField& f) {
  if (!f.choices.empty()) return fmt::format("{}", fmt::join(f.choices, "|"));
  const std::string type = field_type(f);
  return type == "int" ? "INT" : f.key == std::string("arch") || f.key == std::string("pe") ? "NAME" : "TEXT";
}

}  // namespace

void add_design_flags(CLI::App& app, DesignFlags& flags) {
  app.add_option("--config", flags.config_file,
                 fmt::format("JSON object with any of the keys {} (the flags below, - as _; "
                             "signed is true/false); flags given on the command line win",
                             fmt::join(config_keys(), ", ")))
      ->type_name("FILE");
  std::vector<std::string> all;
  for (const ConfigField& f : config_fields()) all.push_back(f.key);
  add_design_flags(app, flags, all);
}

void add_design_flags(CLI::App& app, DesignFlags& flags, const std::vector<std::string>& keys) {
  flags.app = &app;
  auto has = [&](const char* key) { return std::find(keys.begin(), keys.end(), key) != keys.end(); };
  const bool scoped = has("arch") && has("pe");
  for (const ConfigField& f : config_fields()) {
    if (!has(f.key)) continue;
    CLI::Option* o = std::visit(
        [&](auto m) -> CLI::Option* {
          using T = std::decay_t<decltype(flags.cfg.*m)>;
          if constexpr (std::is_same_v<T, bool>) {
            CLI::Option* on = app.add_flag(f.flag, flags.cfg.*m, flag_help(f, scoped));
            if (f.off_flag) app.add_flag(f.off_flag, flags.off[f.key], fmt::format("the opposite of {}", f.flag))->excludes(on);
            return on;
          } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::string>) {
            return app.add_option(f.flag, flags.cfg.*m, flag_help(f, scoped));
          } else {
            return app.add_option(f.flag, flags.text[f.key], flag_help(f, scoped));
          }
        },
        f.member);
    if (o->get_expected_max() != 0) o->type_name(value_name(f))->default_str(field_default_doc(f));
    if (f.hidden) o->group("");  // exists for the regression's mutation checks
  }
}

void apply_flags(DesignConfig& c, const DesignFlags& f) {
  auto given = [&](const char* name) {
    const CLI::Option* o = f.app->get_option_no_throw(name);
    return o && o->count() > 0;
  };
  for (const ConfigField& field : config_fields()) {
    if (field.off_flag && given(field.off_flag)) c.*std::get<bool DesignConfig::*>(field.member) = false;
    if (!given(field.flag)) continue;
    if (const auto t = f.text.find(field.key); t != f.text.end())
      set_field_text(field, c, t->second);
    else
      copy_field(field, c, f.cfg);
  }
}

DesignConfig load_design(const DesignFlags& f) {
  if (!f.from_dir.empty()) return load_from_dir(f);
  DesignConfig c;
  if (!f.config_file.empty()) {
    const std::optional<std::string> text = read_text_file(f.config_file);
    if (!text) throw ConfigError(fmt::format("invalid --config = '{}': cannot read the file", f.config_file));
    apply_json(c, *text, f.config_file);
  }
  apply_flags(c, f);  // explicit flags override the file
  if (c.arch.empty())
    throw ConfigError(fmt::format("missing --arch: give one of the architectures listed by `tpegen list`{}",
                                  f.app->get_option_no_throw("--from") ? ", or --from a folder written by tpegen generate" : ""));
  return resolve(c);
}

}  // namespace tpegen::cli
