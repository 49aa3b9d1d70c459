#include "output/dir_writer.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;

namespace tpegen {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

void add_strings(const nlohmann::json& list, std::set<std::string>& out) {
  if (!list.is_array()) return;
  for (auto& f : list)
    if (f.is_string()) out.insert(fs::path(f.get<std::string>()).lexically_normal().generic_string());
}

// The files a previous tpegen write put into dir. Manifests older than kFilesWrittenKey list
// only their RTL ("files"); the other names such a write used are added to it.
std::set<std::string> previously_written(const nlohmann::json& manifest) {
  std::set<std::string> owned;
  if (manifest.contains(kFilesWrittenKey)) {
    add_strings(manifest.at(kFilesWrittenKey), owned);
    return owned;
  }
  add_strings(manifest.value("files", nlohmann::json::array()), owned);
  owned.insert({"files.f", "manifest.json", "vectors.txt"});
  if (manifest.contains("top") && manifest.at("top").is_string()) owned.insert(manifest.at("top").get<std::string>() + ".core");
  return owned;
}

// What below dir a previous write did not put there: files and links, and directories that
// hold nothing (a directory with content is looked into). Relative generic paths, sorted:
// directory order depends on the file system, and the list is printed to the user.
std::vector<std::string> foreign_entries(const fs::path& dir, const std::set<std::string>& owned) {
  std::vector<std::string> foreign;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    const std::string rel = fs::relative(it->path(), dir).generic_string();
    const bool is_dir = it->is_directory() && !it->is_symlink();
    if (is_dir ? fs::is_empty(it->path()) : !owned.count(rel)) foreign.push_back(rel);
  }
  std::sort(foreign.begin(), foreign.end());
  return foreign;
}

}  // namespace

nlohmann::json read_tpegen_manifest(const fs::path& dir) {
  std::ifstream in(dir / "manifest.json");
  if (!in) return nullptr;
  auto j = nlohmann::json::parse(in, nullptr, false);
  return !j.is_discarded() && j.is_object() && j.value("generator", "") == "tpegen" ? j : nullptr;
}

bool written_by_tpegen(const fs::path& dir) { return !read_tpegen_manifest(dir).is_null(); }

std::vector<std::string> files_written(const Files& files) {
  std::vector<std::string> out;
  for (auto& [rel, text] : files) out.push_back(rel);
  if (std::find(out.begin(), out.end(), "manifest.json") == out.end()) out.push_back("manifest.json");
  return out;
}

std::vector<std::string> write_tree_atomically(const fs::path& dir_in, const Files& files, bool force) {
  if (dir_in.empty()) throw ConfigError("invalid -o = '': an empty path names no directory");
  fs::path dir = fs::absolute(dir_in).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "out/" (or "out/.") names "out"
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir))
    throw ConfigError(fmt::format("invalid -o = '{}': it exists and is not a directory", dir_in.string()));
  const nlohmann::json manifest = exists ? read_tpegen_manifest(dir) : nullptr;
  if (exists && !fs::is_empty(dir) && manifest.is_null() && !force)
    throw ConfigError(fmt::format(
        "invalid -o = '{}': the directory is not empty and was not written by tpegen; pass --force to replace it",
        dir_in.string()));
  // Files of the user's in a directory tpegen wrote before: carried over, never overwritten.
  std::vector<std::string> kept;
  if (exists && !manifest.is_null()) {
    std::set<std::string> new_files, new_dirs;
    for (auto& [rel, text] : files) {
      new_files.insert(fs::path(rel).lexically_normal().generic_string());
      for (fs::path p = fs::path(rel).parent_path(); !p.empty(); p = p.parent_path()) new_dirs.insert(p.generic_string());
    }
    std::vector<std::string> clashing;
    for (auto& rel : foreign_entries(dir, previously_written(manifest))) {
      const bool is_dir = fs::is_directory(fs::symlink_status(dir / rel));
      if (is_dir && new_dirs.count(rel)) continue;  // an empty folder the new tree has anyway
      (new_files.count(rel) || (!is_dir && new_dirs.count(rel)) ? clashing : kept).push_back(rel);
    }
    if (!clashing.empty() && !force)
      throw ConfigError(fmt::format(
          "invalid -o = '{}': it holds {} not written by tpegen that the new design would overwrite: {}; move "
          "them away or pass --force to overwrite them",
          dir_in.string(), clashing.size() == 1 ? "a file" : "files", fmt::join(clashing, ", ")));
  }
  const fs::path parent = dir.parent_path();
  fs::create_directories(parent, ec);
  if (ec)
    throw ConfigError(fmt::format("invalid -o = '{}': cannot create {}: {}", dir_in.string(), parent.string(),
                                  ec.message()));
  const std::string tag = fmt::format(".{}.tpegen-{}", dir.filename().string(), ::getpid());
  const fs::path tmp = parent / (tag + "-new");
  const fs::path old = parent / (tag + "-old");
  try {
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    for (auto& [rel, text] : files) {
      const fs::path p = tmp / rel;
      fs::create_directories(p.parent_path());
      write_text_file(p, text);
    }
    // The user's files move into the new tree before it replaces the old one, so at every
    // moment each of them is in exactly one of the two.
    for (auto& rel : kept) {
      fs::create_directories((tmp / rel).parent_path());
      fs::rename(dir / rel, tmp / rel);  // an empty folder moves as itself
    }
    if (exists) fs::rename(dir, old);
    fs::rename(tmp, dir);
    if (exists) fs::remove_all(old);
  } catch (const fs::filesystem_error& e) {
    if (!fs::exists(dir, ec) && fs::exists(old, ec)) fs::rename(old, dir, ec);
    bool all_back = true;  // whatever of the user's already moved goes back first
    for (auto& rel : kept) {
      if (!fs::exists(fs::symlink_status(tmp / rel, ec))) continue;
      fs::rename(tmp / rel, dir / rel, ec);
      all_back = all_back && !ec;
    }
    if (all_back) fs::remove_all(tmp, ec);
    throw ConfigError(fmt::format("invalid -o = '{}': cannot write output: {}{}", dir_in.string(), e.what(),
                                  all_back ? "" : "; files not written by tpegen are still in " + tmp.string()));
  }
  return kept;
}

}  // namespace tpegen
