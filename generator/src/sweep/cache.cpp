#include "sweep/cache.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "sweep/json_fields.hpp"
#include "synth/synth_report.hpp"
#include "util/fnv1a.hpp"
#include "util/text_file.hpp"

namespace tpegen::sweep {

using nlohmann::json;

json cache_key_json(const CacheInputs& in) {
  return {{"config", in.config},
          {"run", in.run},
          {"liberty", in.liberty},
          {"clock_period_ns", opt_json(in.clock_period_ns)},
          {"version", in.version},
          {"rtl", in.rtl},
          // A result measured under another fmax definition is not reused.
          {"fmax", synth::kFmaxDefinition}};
}

std::string cache_key(const CacheInputs& in) {
  return fmt::format("{:016x}", fnv1a(kFnvBasis, cache_key_json(in).dump()));  // objects are key-sorted: canonical
}

std::string rtl_digest(const std::vector<std::pair<std::string, std::string>>& files) {
  uint64_t h = kFnvBasis;
  for (const auto& [path, text] : files)
    if (path.rfind("rtl/", 0) == 0) h = fnv1a(fnv1a(h, path + '\0'), text + '\0');
  return fmt::format("{:016x}", h);
}

std::string cache_file_text(const std::string& key, const CacheInputs& in, const Result& r) {
  return json{{"key", key}, {"inputs", cache_key_json(in)}, {"result", result_to_json(r)}}.dump(2) + "\n";
}

std::optional<Result> read_cache_file(const std::filesystem::path& p, const std::string& key, std::string* why) {
  auto fail = [&](const std::string& w) -> std::optional<Result> {
    if (why) *why = w;
    return std::nullopt;
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return fail("no cache file");
  const std::optional<std::string> text = read_text_file(p);
  if (!text) return fail("no cache file");
  const json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail("corrupt cache file (not JSON)");
  if (!j.contains("key") || j.at("key") != key) return fail("cache file for another key");
  if (!j.contains("result")) return fail("corrupt cache file (no result)");
  std::optional<Result> r = result_from_json(j.at("result"));
  if (!r || !r->ok) return fail("corrupt cache file (bad result)");
  // Written before the sweep kept the energy by block: run again rather than report it empty.
  if (r->energy_breakdown && r->energy_blocks.empty()) return fail("cache file without the energy by block");
  r->cached = true;
  return r;
}

}  // namespace tpegen::sweep
