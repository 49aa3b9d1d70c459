#include "cli/parse_errors.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>

#include "util/did_you_mean.hpp"

namespace tpegen::cli {
namespace {

std::vector<std::string> subcommand_names(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

CLI::App* find_subcommand(CLI::App& app, const std::string& name) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

// The sub-command named on the command line (the first word that is not an option).
CLI::App* chosen_subcommand(CLI::App& app, const std::vector<std::string>& args) {
  for (auto& a : args)
    if (!a.empty() && a[0] != '-') return find_subcommand(app, a);
  return nullptr;
}

std::vector<std::string> option_names(const CLI::App& sub) {
  std::vector<std::string> names;
  for (const CLI::Option* o : sub.get_options()) {
    for (auto& l : o->get_lnames()) names.push_back("--" + l);
    for (auto& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

}  // namespace

const CLI::Validator& non_negative_whole() {
  static const CLI::Validator v(
      [](std::string& value) -> std::string {
        const bool digits = !value.empty() && std::all_of(value.begin(), value.end(), [](char ch) {
          return std::isdigit(static_cast<unsigned char>(ch));
        });
        return digits ? "" : fmt::format("'{}' is not a whole number >= 0", value);
      },
      "UINT");
  return v;
}

std::string check_subcommand(CLI::App& app, const std::vector<std::string>& args) {
  const std::vector<std::string> names = subcommand_names(app);
  for (auto& a : args) {
    if (a == "--help" || a == "-h" || a == "--help-all" || a == "--version") return "";
    if (a.empty() || a[0] == '-') continue;
    if (find_subcommand(app, a)) return "";
    return fmt::format("unknown command '{}'{} (commands: {}; see tpegen --help)", a, did_you_mean(a, names),
                       fmt::join(names, ", "));
  }
  return fmt::format("a command is required: {} (see tpegen --help)", fmt::join(names, ", "));
}

std::string describe_parse_error(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args) {
  CLI::App* sub = chosen_subcommand(app, args);
  const std::string where = sub ? "tpegen " + sub->get_name() : std::string("tpegen");
  const std::string help = fmt::format(" (see {} --help)", where);
  const std::string what = e.what();
  std::smatch m;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) && sub) {
    // An unknown option first (it also makes CLI11 call its value an extra), else a stray word.
    for (auto& a : args) {
      if (a.size() < 2 || a[0] != '-' || std::isdigit(static_cast<unsigned char>(a[1]))) continue;  // -4 is a value
      const std::string name = a.substr(0, a.find('='));
      if (!sub->get_option_no_throw(name) && !app.get_option_no_throw(name))
        return fmt::format("unknown option '{}' for '{}'{}", name, where, did_you_mean(name, option_names(*sub))) + help;
    }
    static const std::regex extras(R"(not expected: (.*)$)");
    const std::string words = std::regex_search(what, m, extras) ? m[1].str() : what;
    return fmt::format("unexpected argument(s) for '{}': {}", where, words) + help;
  }
  static const std::regex convert(R"(^Could not convert: (\S+) = (.*)$)");
  if (std::regex_match(what, m, convert)) {
    const CLI::Option* opt = sub ? sub->get_option_no_throw(m[1].str()) : nullptr;
    const std::string type = opt ? opt->get_type_name() : "";
    const std::string expected = type == "INT"     ? "a whole number"
                                 : type == "UINT"  ? "a whole number >= 0"
                                 : type == "FLOAT" ? "a number"
                                                   : "a value of type " + type;
    return fmt::format("invalid {} = '{}': expected {}", m[1].str(), m[2].str(), expected) + help;
  }
  static const std::regex no_value(R"(^(\S+): \d+ required \S+ missing$)");
  if (std::regex_match(what, m, no_value)) return fmt::format("missing the value of {}", m[1].str()) + help;
  if (dynamic_cast<const CLI::ValidationError*>(&e)) return "invalid " + what + help;
  static const std::regex required(R"(^(\S+) is required$)");
  if (std::regex_match(what, m, required)) return fmt::format("missing {}: it is required", m[1].str()) + help;
  return what + help;
}

}  // namespace tpegen::cli
