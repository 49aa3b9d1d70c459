#include "liberty/cache.hpp"

#include <map>
#include <mutex>

#include "liberty/error.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;

namespace tpegen::liberty {
namespace {

struct Entry {
  std::uintmax_t size = 0;
  fs::file_time_type mtime;
  std::shared_ptr<const Library> lib;
};

}  // namespace

std::shared_ptr<const Library> load_library(const fs::path& path) {
  static std::mutex mutex;
  static std::map<std::string, Entry> cache;
  std::error_code ec;
  const fs::path key = fs::canonical(path, ec);
  if (ec) throw Error(path.string() + ": cannot read the file");
  const auto size = fs::file_size(key, ec);
  const auto mtime = fs::last_write_time(key, ec);
  if (ec) throw Error(path.string() + ": cannot read the file");
  // One lock over the parse: a second thread asking for the same file waits for the first.
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = cache.find(key.string());
      it != cache.end() && it->second.size == size && it->second.mtime == mtime)
    return it->second.lib;
  const auto text = read_text_file(key);
  if (!text) throw Error(path.string() + ": cannot read the file");
  auto lib = std::make_shared<const Library>(parse_library(*text, path.string()));
  cache[key.string()] = {size, mtime, lib};
  return lib;
}

}  // namespace tpegen::liberty
