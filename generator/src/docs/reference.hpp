// The reference pages generated from the code (docs/reference/*.md): the command line as the
// CLI defines it, the configuration keys of the field table and the sweep's run keys, the
// architecture registry with the naming scheme of generated modules, and the manifest schema.
// Each page is a pure function of its inputs, so the same code gives the same bytes.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tpegen::docs {

/// One flag (or positional argument) of a command, as its --help shows it.
struct FlagDoc {
  std::string names;          // "-o, --output"; a positional's name ("CONFIG")
  std::string value;          // placeholder of its value ("INT", "and|booth|ent"); "" for a bare flag
  std::string default_value;  // "" when none is shown
  std::string help;           // without the default
  bool required = false;
  bool positional = false;
};

struct CommandDoc {
  std::string name;  // "generate"
  std::string summary;
  std::vector<FlagDoc> flags;
};

/// The flag of `command` named `flag` ("--activity"); nullptr when there is none.
const FlagDoc* find_flag(const std::vector<CommandDoc>& commands, const std::string& command, const std::string& flag);

std::string cli_page(const std::vector<CommandDoc>& commands);
/// Config keys from the field table; the sweep's run keys with the help of the synth flags
/// they stand for.
std::string config_page(const std::vector<CommandDoc>& commands);
std::string architectures_page();
/// From the text of schema/manifest.schema.json.
std::string manifest_page(const std::string& schema_text);

/// The four pages by file name (cli.md, config.md, architectures.md, manifest.md).
std::vector<std::pair<std::string, std::string>> reference_pages(const std::vector<CommandDoc>& commands,
                                                                 const std::string& schema_text);

/// Writes the pages into `dir` (created when missing). A file there that was not generated
/// (does not start with kGeneratedMark) is replaced only with `force`; throws ConfigError
/// naming it (before anything is written) otherwise.
void write_reference_pages(const std::filesystem::path& dir,
                           const std::vector<std::pair<std::string, std::string>>& pages, bool force);

}  // namespace tpegen::docs
