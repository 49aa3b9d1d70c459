#include "cli/design_flags.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "arch/design_fields.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "cli/parse_errors.hpp"
#include "config/config_fields.hpp"
#include "output/design_files.hpp"
#include "output/generated_dir.hpp"
#include "util/did_you_mean.hpp"
#include "util/json_text.hpp"
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

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const ConfigField& f : config_fields())
      if (!f.hidden) k.push_back(f.key);
    return k;
  }();
  return keys;
}

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

void add_from_flag(CLI::App& app, DesignFlags& flags, const std::string& also) {
  CLI::Option* from = app.add_option(
      "--from", flags.from_dir,
      "a folder written by tpegen generate: its design (from its manifest.json) without typing the flags again" + also +
          "; a design flag given beside it must agree with the folder's design (else an error)");
  if (CLI::Option* config = app.get_option_no_throw("--config")) from->excludes(config);
}

std::optional<double> from_clock_period(const DesignFlags& f) {
  if (f.from_dir.empty()) return std::nullopt;
  return read_generated_dir(f.from_dir).clock_period_ns;
}

namespace {

std::string json_value_text(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// The folder's design, with the flags given beside --from, which may only repeat it.
DesignConfig load_from_dir(const DesignFlags& f) {
  const GeneratedDir g = read_generated_dir(f.from_dir);
  DesignConfig c;
  try {
    apply_json(c, g.config.dump(), f.from_dir + "/manifest.json");
  } catch (const ConfigError& e) {
    throw ConfigError(fmt::format("invalid --from = '{}': {}", f.from_dir, e.what()));
  }
  const nlohmann::json folder = config_to_json(resolve(c));
  apply_flags(c, f);
  const DesignConfig resolved = resolve(c);
  const nlohmann::json given = config_to_json(resolved);
  if (given == folder) return resolved;
  for (const ConfigField& field : config_fields()) {
    const CLI::Option* on = f.app->get_option_no_throw(field.flag);
    const CLI::Option* off = field.off_flag ? f.app->get_option_no_throw(field.off_flag) : nullptr;
    const bool flag_given = (on && on->count() > 0) || (off && off->count() > 0);
    if (!flag_given || given.value(field.key, nlohmann::json()) == folder.value(field.key, nlohmann::json())) continue;
    const std::string flag = on && on->count() > 0 ? field.flag : field.off_flag;
    const nlohmann::json value = given.value(field.key, nlohmann::json());
    const std::string shown = value.is_boolean() || value.is_null() ? flag : flag + " = " + json_value_text(value);
    throw ConfigError(fmt::format(
        "invalid {} with --from = '{}': the folder's design has {} = {}; drop {} (or generate the folder again with it)",
        shown, f.from_dir, field.key, json_value_text(folder.value(field.key, nlohmann::json("(unset)"))), flag));
  }
  throw ConfigError(fmt::format("invalid --from = '{}': the flags given beside it change the folder's design; drop them",
                                f.from_dir));
}

}  // namespace

void apply_json(DesignConfig& c, const std::string& text, const std::string& origin) {
  const nlohmann::json j = parse_json_object(text, fmt::format("invalid --config = '{}'", origin));
  // The files `tpegen generate` writes beside the RTL are not design configs; their folder is.
  if (j.contains("DESIGN_NAME") || (j.value("generator", "") == "tpegen" && j.contains("config")))
    throw ConfigError(fmt::format("invalid --config = '{}': a file written by tpegen generate, not a design config; "
                                  "give its folder to sim or synth as --from DIR",
                                  origin));
  std::vector<std::string> known;
  for (const ConfigField& f : config_fields()) known.push_back(f.key);
  for (auto& [key, value] : j.items()) {
    (void)value;
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    throw ConfigError(fmt::format("invalid --config = '{}': unknown key '{}'{} (keys: {})", origin, key,
                                  did_you_mean(key, config_keys()), fmt::join(config_keys(), ", ")));
  }
  for (const ConfigField& f : config_fields())
    if (j.contains(f.key)) set_field_json(f, c, j.at(f.key), origin);
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

std::optional<nlohmann::json> baseline_config_json(const nlohmann::json& config) {
  try {
    DesignConfig c;
    apply_json(c, config.dump(), "sweep result");
    const std::optional<DesignConfig> b = baseline_of(resolve(c));
    if (!b) return std::nullopt;
    return config_to_json(resolve(*b));
  } catch (const ConfigError&) {
    return std::nullopt;  // e.g. a cached result of another tpegen version: no comparison
  }
}

}  // namespace tpegen::cli
