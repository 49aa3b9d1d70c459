#include "docs/reference.hpp"

#include <optional>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "docs/markdown.hpp"
#include "util/text_file.hpp"

namespace tpegen::docs {

const FlagDoc* find_flag(const std::vector<CommandDoc>& commands, const std::string& command, const std::string& flag) {
  for (const CommandDoc& c : commands) {
    if (c.name != command) continue;
    for (const FlagDoc& f : c.flags) {
      // names is "-o, --output": match whole names only
      const std::string names = ", " + f.names + ",";
      if (names.find(" " + flag + ",") != std::string::npos) return &f;
    }
  }
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> reference_pages(const std::vector<CommandDoc>& commands,
                                                                 const std::string& schema_text) {
  return {{"cli.md", cli_page(commands)},
          {"config.md", config_page(commands)},
          {"architectures.md", architectures_page()},
          {"manifest.md", manifest_page(schema_text)}};
}

void write_reference_pages(const std::filesystem::path& dir,
                           const std::vector<std::pair<std::string, std::string>>& pages, bool force) {
  for (auto& [name, page] : pages) {
    (void)page;
    const std::optional<std::string> old = read_text_file(dir / name);
    if (old && !force && old->rfind(kGeneratedMark, 0) != 0)
      throw ConfigError(fmt::format("invalid --out = '{}': {} was not written by tpegen docs; pass --force to replace it",
                                    dir.string(), name));
  }
  std::filesystem::create_directories(dir);
  for (auto& [name, page] : pages) write_text_file_atomic(dir / name, page);
}

}  // namespace tpegen::docs
