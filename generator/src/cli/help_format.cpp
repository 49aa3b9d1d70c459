#include "cli/help_format.hpp"

#include <sstream>

#include <CLI/CLI.hpp>

namespace tpegen::cli {

namespace {

bool takes_value(const CLI::Option& opt) { return opt.get_expected_max() != 0; }  // flags expect 0 values

}  // namespace

std::string value_placeholder(const CLI::Option& opt) {
  if (!takes_value(opt)) return "";
  std::string type = opt.get_type_name();
  type = type.substr(0, type.find(':'));  // a validator's name follows its type: "UINT:UINT"
  if (type == "INT" || type == "UINT") return "INT";
  if (type == "FLOAT") return "NUMBER";
  return type;
}

std::string one_of(const std::vector<std::string>& choices) {
  std::string s;
  for (auto& c : choices) s += (s.empty() ? "" : "|") + c;
  return s;
}

std::string shown_default(const CLI::Option& opt) {
  if (!takes_value(opt) || opt.get_required()) return "";
  const std::string d = opt.get_default_str();
  return d == "[]" ? "" : d;  // an empty list
}

std::string help_with_default(const CLI::Option& opt) {
  const std::string help = opt.get_description();
  const std::string d = shown_default(opt);
  // "(default 2)", "(0..10, default 0)", "unit (default: ...)": the text says it already.
  for (const char* said : {"(default", ", default", "; default"})
    if (help.find(said) != std::string::npos) return help;
  if (d.empty()) return help;
  return help + " (default " + d + ")";
}

namespace {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_option_desc(const CLI::Option* opt) const override { return help_with_default(*opt); }
};

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
  if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
  std::ostringstream out;
  if (takes_value(*opt)) {
    if (const std::string v = value_placeholder(*opt); !v.empty()) out << " " << v;
    if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out << " ...";
    if (opt->get_required()) out << " (required)";
  }
  if (!opt->get_envname().empty()) out << " (env " << opt->get_envname() << ")";
  if (!opt->get_excludes().empty()) {
    out << " (not with";
    for (const CLI::Option* other : opt->get_excludes()) out << " " << other->get_name();
    out << ")";
  }
  return out.str();
}

}  // namespace

std::shared_ptr<CLI::FormatterBase> help_formatter() { return std::make_shared<HelpFormatter>(); }

}  // namespace tpegen::cli
