// docs/reference/cli.md: every command and flag, from the CLI11 definitions --help shows.
#include <fmt/format.h>

#include "docs/markdown.hpp"
#include "docs/reference.hpp"

namespace tpegen::docs {
namespace {

std::string usage(const CommandDoc& c) {
  std::string u = "tpegen " + c.name;
  bool options = false;
  for (const FlagDoc& f : c.flags) {
    if (f.positional) u += f.required ? " " + f.names : " [" + f.names + "]";
    options |= !f.positional;
  }
  return options ? u + " [flags]" : u;
}

std::string flag_cell(const FlagDoc& f) {
  std::string names;
  std::string rest = f.names;
  // "-o, --output" -> "`-o`, `--output`"
  while (!rest.empty()) {
    const size_t comma = rest.find(", ");
    names += (names.empty() ? "" : ", ") + code(rest.substr(0, comma));
    rest = comma == std::string::npos ? "" : rest.substr(comma + 2);
  }
  return names;
}

}  // namespace

std::string cli_page(const std::vector<CommandDoc>& commands) {
  std::string out = kGeneratedMark;
  out += "# Command-line reference\n\n";
  out += "Every command and flag of `tpegen`, from the same definitions as `tpegen COMMAND --help`. "
         "The value of a flag is a whole number (`INT`), a number (`NUMBER`), text or a path (`TEXT`, "
         "`FILE`, `DIR`), a name listed by `tpegen list` (`NAME`) or one of the listed choices (`a|b|c`). Flags given on the command line win over a `--config` file. "
         "Bad input ends with one line `tpegen: error: ...` naming the flag and its valid values, and exit "
         "status 2.\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const CommandDoc& c : commands)
    rows.push_back({fmt::format("[{}](#tpegen-{})", c.name, c.name), text(c.summary)});
  out += table({"Command", "What it does"}, rows);
  for (const CommandDoc& c : commands) {
    out += fmt::format("\n## tpegen {}\n\n{}\n\n", c.name, sentence(c.summary));
    out += fmt::format("```\n{}\n```\n\n", usage(c));
    if (c.flags.empty()) {
      out += "No flags.\n";
      continue;
    }
    std::vector<std::vector<std::string>> flags;
    for (const FlagDoc& f : c.flags)
      flags.push_back({flag_cell(f), code(f.value), f.required ? "required" : value(f.default_value), text(f.help)});
    out += table({"Flag", "Value", "Default", "Meaning"}, flags);
  }
  return out;
}

}  // namespace tpegen::docs
