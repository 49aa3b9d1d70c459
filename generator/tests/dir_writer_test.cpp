// Unit tests of write_tree_atomically() (output/dir_writer.hpp): fresh output, replacing a
// tpegen-written directory, refusing a foreign one unless forced, and failing cleanly
// (ConfigError, nothing half-written, no temporary directory left behind).
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include "config/design_config.hpp"
#include "output/dir_writer.hpp"
#include "test_text.hpp"

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using tpegen::ConfigError;
using tpegen::write_tree_atomically;
using tpegen::written_by_tpegen;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// A fresh, empty scratch directory, removed with everything in it at the end of the scope.
struct TempRoot {
  fs::path path;
  TempRoot() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() /
           ("tpegen_dir_writer_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempRoot() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempRoot(const TempRoot&) = delete;
  TempRoot& operator=(const TempRoot&) = delete;
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// Names directly inside dir.
std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> out;
  for (auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

// Every regular file below dir, as relative path -> contents.
std::set<std::pair<std::string, std::string>> tree(const fs::path& dir) {
  std::set<std::pair<std::string, std::string>> out;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.emplace(fs::relative(e.path(), dir).generic_string(), read(e.path()));
  return out;
}

std::set<std::pair<std::string, std::string>> as_set(const Files& f) { return {f.begin(), f.end()}; }

const std::string kManifest = "{\n  \"generator\": \"tpegen\",\n  \"top\": \"x\"\n}\n";

// A tpegen manifest listing every file of the write, as generate and arith write it.
Files with_manifest(Files files) {
  nlohmann::json m = {{"generator", "tpegen"}, {"top", "x"}};
  m[tpegen::kFilesWrittenKey] = tpegen::files_written(files);
  files.emplace_back("manifest.json", m.dump(2) + "\n");
  return files;
}

Files design_a() {
  return with_manifest({{"rtl/top.v", "module top;\nendmodule\n"},
                        {"rtl/sub/deep.v", "// deep\n"},
                        {"files.f", "rtl/top.v\n"},
                        {"old_only.txt", "only in A"}});
}

Files design_b() {
  return with_manifest({{"rtl/top.v", "module top2;\nendmodule\n"}, {"files.f", "rtl/top.v\n"}, {"empty.txt", ""}});
}

std::string error_of(const fs::path& dir, const Files& files, bool force) {
  try {
    write_tree_atomically(dir, files, force);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("write_tree_atomically: fresh directory") {
  TempRoot root;
  const fs::path out = root.path / "nested" / "out";  // parents are created too
  write_tree_atomically(out, design_a(), false);
  CHECK(tree(out) == as_set(design_a()));
  CHECK(entries(root.path) == std::set<std::string>{"nested"});
  CHECK(entries(root.path / "nested") == std::set<std::string>{"out"});  // no temporaries left
  CHECK(written_by_tpegen(out));
}

TEST_CASE("write_tree_atomically: an existing empty directory is used") {
  TempRoot root;
  const fs::path out = root.path / "out";
  fs::create_directories(out);
  write_tree_atomically(out, design_b(), false);
  CHECK(tree(out) == as_set(design_b()));
  CHECK(entries(root.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_tree_atomically: a directory written by tpegen is replaced") {
  TempRoot root;
  const fs::path out = root.path / "out";
  write_tree_atomically(out, design_a(), false);
  write_tree_atomically(out, design_b(), false);
  CHECK(tree(out) == as_set(design_b()));  // old_only.txt and rtl/sub are gone
  CHECK_FALSE(fs::exists(out / "old_only.txt"));
  CHECK_FALSE(fs::exists(out / "rtl" / "sub"));
  CHECK(entries(root.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_tree_atomically: a foreign non-empty directory is refused and left untouched") {
  TempRoot root;
  const fs::path out = root.path / "out";
  write(out / "mine.txt", "keep me");
  write(out / "src" / "main.c", "int main() {}\n");
  const auto before = tree(out);

  const std::string e = error_of(out, design_a(), false);
  CHECK(has(e, "--force"));
  CHECK(has(e, out.string()));
  CHECK(tree(out) == before);
  CHECK(entries(root.path) == std::set<std::string>{"out"});

  // A manifest.json from another generator, or an unparsable one, does not make it tpegen's.
  write(out / "manifest.json", R"({"generator": "other"})");
  CHECK_FALSE(written_by_tpegen(out));
  CHECK(has(error_of(out, design_a(), false), "--force"));
  write(out / "manifest.json", "{ not json");
  CHECK_FALSE(written_by_tpegen(out));
  CHECK(has(error_of(out, design_a(), false), "--force"));
  write(out / "manifest.json", R"(["generator", "tpegen"])");
  CHECK_FALSE(written_by_tpegen(out));
  CHECK(has(error_of(out, design_a(), false), "--force"));
  CHECK(read(out / "mine.txt") == "keep me");
}

TEST_CASE("write_tree_atomically: with force a foreign directory is replaced") {
  TempRoot root;
  const fs::path out = root.path / "out";
  write(out / "mine.txt", "replace me");
  write_tree_atomically(out, design_b(), true);
  CHECK(tree(out) == as_set(design_b()));
  CHECK_FALSE(fs::exists(out / "mine.txt"));
  CHECK(entries(root.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_tree_atomically: the output path is a regular file") {
  TempRoot root;
  const fs::path out = root.path / "out";
  write(out, "a file");
  const std::string e = error_of(out, design_a(), true);
  CHECK(has(e, out.string()));
  CHECK(read(out) == "a file");
  CHECK(entries(root.path) == std::set<std::string>{"out"});
}

TEST_CASE("write_tree_atomically: an unwritable location gives ConfigError and leaves nothing behind") {
  TempRoot root;
  write(root.path / "file", "plain file");
  const fs::path out = root.path / "file" / "sub";  // a directory cannot live under a file
  const std::string e = error_of(out, design_a(), false);
  CHECK(e != "");
  CHECK(has(e, out.string()));
  CHECK(entries(root.path) == std::set<std::string>{"file"});
  CHECK(read(root.path / "file") == "plain file");

  // Deeper: a missing parent below the file.
  CHECK(error_of(root.path / "file" / "a" / "b", design_a(), true) != "");
  CHECK(entries(root.path) == std::set<std::string>{"file"});
}

TEST_CASE("write_tree_atomically: a failure while writing removes the temporary directory") {
  // "x" is written as a file, then "x/y" needs it to be a directory: the write fails halfway.
  const Files bad = {{"manifest.json", kManifest}, {"x", "file"}, {"x/y", "cannot"}};

  SUBCASE("fresh output") {
    TempRoot root;
    const fs::path out = root.path / "out";
    const std::string e = error_of(out, bad, false);
    CHECK(has(e, out.string()));
    CHECK(entries(root.path).empty());  // neither out nor a temporary sibling
  }
  SUBCASE("the previous output survives") {
    TempRoot root;
    const fs::path out = root.path / "out";
    write_tree_atomically(out, design_a(), false);
    CHECK(error_of(out, bad, false) != "");
    CHECK(tree(out) == as_set(design_a()));
    CHECK(entries(root.path) == std::set<std::string>{"out"});
  }
}

TEST_CASE("write_tree_atomically: a trailing slash or a relative path names the same directory") {
  TempRoot root;
  SUBCASE("trailing slash, fresh") {
    const fs::path out = root.path / "out";
    CHECK(error_of(out.string() + "/", design_a(), false) == "");
    CHECK(tree(out) == as_set(design_a()));
    CHECK(entries(root.path) == std::set<std::string>{"out"});
  }
  SUBCASE("trailing slash, replacing") {
    const fs::path out = root.path / "out";
    write_tree_atomically(out, design_a(), false);
    CHECK(error_of(out.string() + "/", design_b(), false) == "");
    CHECK(tree(out) == as_set(design_b()));
    CHECK(entries(root.path) == std::set<std::string>{"out"});
  }
  SUBCASE("relative path with dot-dot") {
    const fs::path out = root.path / "out";
    fs::create_directories(root.path / "elsewhere");
    write_tree_atomically(root.path / "elsewhere" / ".." / "out", design_b(), false);
    CHECK(tree(out) == as_set(design_b()));
    CHECK(entries(root.path) == std::set<std::string>{"elsewhere", "out"});
  }
}

TEST_CASE("write_tree_atomically: files of the user's in a tpegen directory survive a rewrite") {
  TempRoot root;
  const fs::path out = root.path / "out";
  write_tree_atomically(out, design_a(), false);
  write(out / "my_wrapper.v", "module my_wrapper;\nendmodule\n");
  write(out / "rtl" / "sub" / "notes.txt", "mine, inside a folder tpegen wrote");
  write(out / "rtl" / "sub" / "deep.v", "// deep\n");  // unchanged content: still tpegen's file
  fs::create_directories(out / "my_empty_dir");
  const std::vector<std::string> kept = write_tree_atomically(out, design_b(), false);
  CHECK(kept == std::vector<std::string>{"my_empty_dir", "my_wrapper.v", "rtl/sub/notes.txt"});
  auto expected = as_set(design_b());
  expected.emplace("my_wrapper.v", "module my_wrapper;\nendmodule\n");
  expected.emplace("rtl/sub/notes.txt", "mine, inside a folder tpegen wrote");
  CHECK(tree(out) == expected);  // old_only.txt and rtl/sub/deep.v (A's) are gone, the user's files are not
  CHECK(fs::is_directory(out / "my_empty_dir"));
  CHECK(entries(root.path) == std::set<std::string>{"out"});
  // Written again: the kept files are still not tpegen's, so they stay again.
  CHECK(write_tree_atomically(out, design_a(), false).size() == 3);
  CHECK(read(out / "my_wrapper.v") == "module my_wrapper;\nendmodule\n");
}

TEST_CASE("write_tree_atomically: a user's file the new design would overwrite is refused, named, unless forced") {
  TempRoot root;
  const fs::path out = root.path / "out";
  write_tree_atomically(out, design_b(), false);
  write(out / "old_only.txt", "the user's file, with the name a design writes");
  const auto before = tree(out);
  const std::string e = error_of(out, design_a(), false);
  CHECK(has(e, "old_only.txt"));
  CHECK(has(e, "--force"));
  CHECK(tree(out) == before);  // nothing changed
  CHECK(entries(root.path) == std::set<std::string>{"out"});
  write_tree_atomically(out, design_a(), true);
  CHECK(tree(out) == as_set(design_a()));
}

TEST_CASE("write_tree_atomically: a manifest from before files_written keeps the user's files too") {
  TempRoot root;
  const fs::path out = root.path / "out";
  write(out / "rtl" / "top.v", "old top");
  write(out / "files.f", "rtl/top.v\n");
  write(out / "x.core", "CAPI=2:\n");
  write(out / "manifest.json", R"({"generator": "tpegen", "top": "x", "files": ["rtl/top.v"]})");
  write(out / "my_wrapper.v", "mine");
  CHECK(write_tree_atomically(out, design_b(), false) == std::vector<std::string>{"my_wrapper.v"});
  auto expected = as_set(design_b());
  expected.emplace("my_wrapper.v", "mine");
  CHECK(tree(out) == expected);  // x.core was tpegen's: gone
}
