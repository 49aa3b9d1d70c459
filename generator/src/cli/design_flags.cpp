#include "cli/design_flags.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <type_traits>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "arch/registry.hpp"
#include "cli/parse_errors.hpp"
#include "output/design_files.hpp"
#include "util/json_text.hpp"
#include "util/text_file.hpp"

namespace tpegen::cli {
namespace {

template <typename T>
void take(const nlohmann::json& j, const char* key, T& out, const std::string& origin) {
  if (!j.contains(key)) return;
  const nlohmann::json& v = j.at(key);
  bool ok = false;
  if constexpr (std::is_same_v<T, bool>) {
    ok = v.is_boolean();
  } else if constexpr (std::is_same_v<T, int>) {
    // get<int>() would silently accept true, 2.5 and 2^32 + 1 (as 1, 2 and 1).
    ok = v.is_number_unsigned() ? v.get<uint64_t>() <= static_cast<uint64_t>(INT_MAX)
         : v.is_number_integer() ? v.get<int64_t>() >= INT_MIN && v.get<int64_t>() <= INT_MAX
                                 : false;
  } else {
    ok = v.is_string();
  }
  if (!ok) throw ConfigError(fmt::format("invalid {} in config file {}: wrong type", key, origin));
  out = v.get<T>();
}

}  // namespace

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> keys = {"arch",    "pe",        "rows",     "cols",    "depth",
                                                "a_width", "b_width",   "signed",   "max_k",   "acc_width",
                                                "acc_wrap", "in_regs",  "out_regs", "encoding", "tree",
                                                "use_42",  "final_adder", "drain", "view", "wrap", "axis_width"};
  return keys;
}

void add_design_flags(CLI::App& app, DesignFlags& f) {
  f.app = &app;
  DesignConfig& c = f.cfg;
  app.add_option("--config", f.config_file,
                 fmt::format("JSON object with any of the keys {} (the flags below, - as _; "
                             "signed is true/false); flags given on the command line win",
                             fmt::join(config_keys(), ", ")));
  app.add_option("--arch", c.arch, "architecture (see `tpegen list`)");
  std::vector<std::string> defaults;
  for (auto& a : architectures()) defaults.push_back(a.name + " " + a.pes.front().name);
  app.add_option("--pe", c.pe, fmt::format("PE variant (see `tpegen list`); default per architecture: {}",
                                           fmt::join(defaults, ", ")));
  app.add_option("--rows", c.rows, "hardware rows (meaning per architecture: `tpegen list`)");
  app.add_option("--cols", c.cols, "hardware columns");
  app.add_option("--depth", c.depth, "hardware depth (dot-product length)");
  app.add_option("--a-width", c.a_width, "width of A operands, 2..16 (default 8)");
  app.add_option("--b-width", c.b_width, "width of B operands, 2..16 (default 8)");
  auto* s = app.add_flag("--signed", c.is_signed, "two's-complement operands (default)");
  app.add_flag("--unsigned", f.is_unsigned, "unsigned operands")->excludes(s);
  app.add_option("--max-k", c.max_k, "longest reduction the accumulator holds exactly (default 65536)");
  app.add_option("--acc-width", c.acc_width, "accumulator bits (default: exact for --max-k)");
  app.add_flag("--acc-wrap", c.acc_wrap, "allow --acc-width below the exact width (results modulo 2^acc-width)");
  app.add_option("--in-regs", c.in_regs, "pipeline register stages on every input, 0..8 (default 0)");
  app.add_option("--out-regs", c.out_regs, "pipeline register stages on every output, 0..8 (default 0)");
  app.add_option("--encoding", c.encoding, "bit-weight PEs: encoded operand A as and | booth | ent (default booth)");
  app.add_option("--tree", c.tree, "bit-weight PEs: compressor tree dadda | wallace (default dadda)");
  app.add_flag("--use-42", c.use_42, "bit-weight PEs: use 4:2 compressors in the tree");
  app.add_option("--final-adder", c.final_adder,
                 "bit-weight PEs: read-out adder ripple | kogge-stone | brent-kung | behavioral (default brent-kung)");
  app.add_option("--drain", c.drain,
                 "systolic-os: buffered (default; drain registers, compute continues while results leave) | "
                 "shift (the accumulators shift the results out; the next tile waits, see the manifest timing)");
  app.add_option("--view", c.view,
                 "--pe opt1: structural (default; the bit-level netlist) | behavioral (a fast twin for system "
                 "simulation: same ports and cycle timing, arithmetic as + and *)");
  app.add_option("--inject-bug", c.inject_bug, "test only: 'adder' breaks the accumulator adder, 'lockstep' lets the encoders of "
                 "an opt4c/opt4e step take operands on their own")
      ->group("");  // hidden: it exists for the regression's mutation check
  app.add_option("--wrap", c.wrap, "none | axi: AXI4-Stream A/B/C with an AXI4-Lite control port around the engine "
                 "(default none)");
  app.add_option("--axis-width", c.axis_width, "--wrap axi: tdata bits of the streams, a multiple of 8 in 8..1024 (default 32)");
}

void apply_json(DesignConfig& c, const std::string& text, const std::string& origin) {
  const nlohmann::json j = parse_json_object(text, fmt::format("invalid --config = '{}'", origin));
  std::vector<std::string> known = config_keys();
  known.push_back("inject_bug");  // test only, like --inject-bug
  for (auto& [key, value] : j.items()) {
    (void)value;
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    const auto near = closest_name(key, known);
    throw ConfigError(fmt::format("invalid --config = '{}': unknown key '{}'{} (keys: {})", origin, key,
                                  near ? fmt::format("; did you mean '{}'?", *near) : "", fmt::join(config_keys(), ", ")));
  }
  take(j, "arch", c.arch, origin);
  take(j, "pe", c.pe, origin);
  take(j, "rows", c.rows, origin);
  take(j, "cols", c.cols, origin);
  take(j, "depth", c.depth, origin);
  take(j, "a_width", c.a_width, origin);
  take(j, "b_width", c.b_width, origin);
  take(j, "signed", c.is_signed, origin);
  take(j, "max_k", c.max_k, origin);
  take(j, "acc_width", c.acc_width, origin);
  take(j, "acc_wrap", c.acc_wrap, origin);
  take(j, "in_regs", c.in_regs, origin);
  take(j, "out_regs", c.out_regs, origin);
  take(j, "encoding", c.encoding, origin);
  take(j, "tree", c.tree, origin);
  take(j, "use_42", c.use_42, origin);
  take(j, "final_adder", c.final_adder, origin);
  take(j, "drain", c.drain, origin);
  take(j, "view", c.view, origin);
  take(j, "inject_bug", c.inject_bug, origin);
  take(j, "wrap", c.wrap, origin);
  take(j, "axis_width", c.axis_width, origin);
}

DesignConfig load_design(const DesignFlags& f) {
  DesignConfig c;
  if (!f.config_file.empty()) {
    const std::optional<std::string> text = read_text_file(f.config_file);
    if (!text) throw ConfigError(fmt::format("invalid --config = '{}': cannot read the file", f.config_file));
    apply_json(c, *text, f.config_file);
  }
  // Explicit flags override the file.
  auto given = [&](const char* name) { return f.app->get_option(name)->count() > 0; };
  const DesignConfig& x = f.cfg;
  if (given("--arch")) c.arch = x.arch;
  if (given("--pe")) c.pe = x.pe;
  if (given("--rows")) c.rows = x.rows;
  if (given("--cols")) c.cols = x.cols;
  if (given("--depth")) c.depth = x.depth;
  if (given("--a-width")) c.a_width = x.a_width;
  if (given("--b-width")) c.b_width = x.b_width;
  if (given("--signed")) c.is_signed = true;
  if (given("--unsigned")) c.is_signed = false;
  if (given("--max-k")) c.max_k = x.max_k;
  if (given("--acc-width")) c.acc_width = x.acc_width;
  if (given("--acc-wrap")) c.acc_wrap = true;
  if (given("--in-regs")) c.in_regs = x.in_regs;
  if (given("--out-regs")) c.out_regs = x.out_regs;
  if (given("--encoding")) c.encoding = x.encoding;
  if (given("--tree")) c.tree = x.tree;
  if (given("--use-42")) c.use_42 = true;
  if (given("--final-adder")) c.final_adder = x.final_adder;
  if (given("--drain")) c.drain = x.drain;
  if (given("--view")) c.view = x.view;
  if (given("--inject-bug")) c.inject_bug = x.inject_bug;
  if (given("--wrap")) c.wrap = x.wrap;
  if (given("--axis-width")) c.axis_width = x.axis_width;
  if (c.arch.empty()) throw ConfigError("missing --arch: give one of the architectures listed by `tpegen list`");
  return resolve(c);
}

std::optional<nlohmann::json> baseline_config_json(const nlohmann::json& config) {
  try {
    DesignConfig c;
    apply_json(c, config.dump(), "sweep result");
    const std::optional<DesignConfig> b = baseline_of(resolve(c));
    if (!b) return std::nullopt;
    return config_to_json(resolve(*b));
  } catch (const ConfigError&) {
    return std::nullopt;  // e.g. a cached result of another tpegen version: no comparison
  }
}

}  // namespace tpegen::cli
