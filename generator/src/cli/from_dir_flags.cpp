#include "cli/from_dir_flags.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "config/config_fields.hpp"
#include "config/config_json.hpp"
#include "output/design_files.hpp"  // config_to_json
#include "output/generated_dir.hpp"

namespace tpegen::cli {

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

}  // namespace

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

}  // namespace tpegen::cli
