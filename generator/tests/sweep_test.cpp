// Unit tests of the pure parts of `tpegen sweep` (sweep/sweep.hpp): grid expansion, the
// cache key and files, the derived figures, ratios and the CSV/Markdown/SVG reports.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "arch/design_name.hpp"
#include "arch/resolve.hpp"
#include "config/config_json.hpp"
#include "sweep/baseline_config.hpp"
#include "sweep/slurm.hpp"
#include "output/design_files.hpp"
#include "sweep/sweep.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace tpegen;
using namespace tpegen::sweep;

namespace {

DesignConfig resolve_json(const json& d) {
  DesignConfig c;
  tpegen::apply_json(c, d.dump(), "test");
  if (c.arch.empty()) throw ConfigError("missing arch");
  return resolve(c);
}

Result make_result(const std::string& arch, const std::string& pe, double area, double fmax, double power,
                   double macs) {
  DesignConfig c;
  c.arch = arch;
  c.pe = pe;
  c.rows = 2;
  c.cols = 2;
  if (arch == "cube") c.depth = 2;
  const DesignConfig r = resolve(c);
  Result x;
  x.name = canonical_name(r);
  x.config = config_to_json(r);
  x.ok = true;
  x.cells = 100;
  x.transistors = 1000;
  x.area_um2 = area;
  x.fmax_mhz = fmax;
  x.power_mw = power;
  x.clock_period_ns = 10;
  x.macs_per_cycle = macs;
  return x;
}

}  // namespace

TEST_CASE("sweep: the grid is the cartesian product on top of base, plus explicit points") {
  const std::string cfg = R"({"base": {"rows": 2, "cols": 2, "a_width": 4},
    "grid": {"arch": ["systolic-os", "cube"], "pe": ["mac", "opt1", "opt2"]},
    "points": [{"arch": "matrix2d", "depth": 2}, {"arch": "systolic-os", "pe": "mac"}]})";
  const auto pts = expand(cfg, "t", resolve_json);
  // 2 x 3 grid points + matrix2d; the explicit systolic-os mac repeats a grid point.
  REQUIRE(pts.size() == 7);
  int skipped = 0, ok = 0;
  for (const auto& p : pts) {
    if (p.resolved) {
      ++ok;
      CHECK(p.resolved->rows == 2);
      CHECK(p.resolved->a_width == 4);
      CHECK(p.name == canonical_name(*p.resolved));
    } else {
      ++skipped;  // opt2 on systolic-os
      CHECK(p.design.at("arch") == "systolic-os");
      CHECK(p.design.at("pe") == "opt2");
      CHECK(!p.skipped.empty());
    }
  }
  CHECK(skipped == 1);
  CHECK(ok == 6);
  // Grid keys in key order, so arch varies slowest ("arch" < "pe"); values in the order given.
  CHECK(pts[0].design.at("arch") == "systolic-os");
  CHECK(pts[0].design.at("pe") == "mac");
  CHECK(pts[1].design.at("pe") == "opt1");
  CHECK(!pts[2].resolved);
  CHECK(pts[3].design.at("arch") == "cube");
  CHECK(pts[6].design.at("arch") == "matrix2d");
}

TEST_CASE("sweep: base alone is one point; malformed configs are errors") {
  CHECK(expand(R"({"base": {"arch": "cube"}})", "t", resolve_json).size() == 1);
  CHECK_THROWS_AS(expand("[1]", "t", resolve_json), ConfigError);
  CHECK_THROWS_AS(expand("{", "t", resolve_json), ConfigError);
  CHECK_THROWS_AS(expand(R"({"bse": {}})", "t", resolve_json), ConfigError);
  CHECK_THROWS_AS(expand(R"({"grid": {"pe": "mac"}})", "t", resolve_json), ConfigError);
  CHECK_THROWS_AS(expand(R"({"grid": {"pe": []}})", "t", resolve_json), ConfigError);
  CHECK_THROWS_AS(expand(R"({"points": [3]})", "t", resolve_json), ConfigError);
  // An unknown design key is an invalid point, reported as skipped.
  const auto pts = expand(R"({"base": {"arch": "cube", "colz": 3}})", "t", resolve_json);
  REQUIRE(pts.size() == 1);
  CHECK(!pts[0].resolved);
  CHECK(pts[0].skipped.find("colz") != std::string::npos);
}

TEST_CASE("sweep: cache key is stable and sensitive to every input") {
  DesignConfig c;
  c.arch = "systolic-os";
  c.rows = 2;
  c.cols = 2;
  const CacheInputs in{config_to_json(resolve(c)), "/lib/a.lib", 10.0, "0.1.0", json{{"fmax_search", 0}}};
  const std::string k = cache_key(in);
  CHECK(k.size() == 16);
  CHECK(k == cache_key(in));
  CacheInputs same = in;
  same.config = json::parse(in.config.dump());  // same content, rebuilt
  CHECK(cache_key(same) == k);
  CacheInputs x = in;
  x.config["rows"] = 3;
  CHECK(cache_key(x) != k);
  x = in;
  x.liberty = "/lib/b.lib";
  CHECK(cache_key(x) != k);
  x = in;
  x.clock_period_ns = 5.0;
  CHECK(cache_key(x) != k);
  x = in;
  x.clock_period_ns.reset();
  CHECK(cache_key(x) != k);
  x = in;
  x.version = "0.2.0";
  CHECK(cache_key(x) != k);
  x = in;
  x.run["fmax_search"] = 2;
  CHECK(cache_key(x) != k);
  x = in;
  x.run["activity"] = "sim";
  CHECK(cache_key(x) != k);
  x = in;
  x.rtl = rtl_digest({{"rtl/top.v", "module top; endmodule\n"}});
  CHECK(cache_key(x) != k);
}

TEST_CASE("sweep: the RTL digest follows the rtl/ files only") {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"rtl/a.v", "module a; endmodule\n"}, {"rtl/b.v", "module b; endmodule\n"}, {"manifest.json", "{}"}};
  const std::string d = rtl_digest(files);
  CHECK(d.size() == 16);
  auto changed = files;
  changed[2].second = "{\"x\": 1}";  // the manifest does not change the netlist
  CHECK(rtl_digest(changed) == d);
  changed = files;
  changed[1].second = "module b; wire w; endmodule\n";
  CHECK(rtl_digest(changed) != d);
  changed = files;
  changed[0].first = "rtl/c.v";
  CHECK(rtl_digest(changed) != d);
  // Moving text between files changes the digest (paths and texts are delimited).
  CHECK(rtl_digest({{"rtl/a.v", "ab"}, {"rtl/b.v", "c"}}) != rtl_digest({{"rtl/a.v", "a"}, {"rtl/b.v", "bc"}}));
}

TEST_CASE("sweep: cache files round-trip; corrupt or foreign ones are ignored") {
  const fs::path dir = fs::temp_directory_path() / ("tpegen-sweep-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const Result r = make_result("cube", "opt1", 1234.5, 321.0, 2.5, 8);
  const CacheInputs in{r.config, "", std::nullopt, "0.1.0"};
  const std::string key = cache_key(in);
  const fs::path f = dir / (key + ".json");
  { std::ofstream(f) << cache_file_text(key, in, r); }
  std::string why;
  auto back = read_cache_file(f, key, &why);
  REQUIRE(back);
  CHECK(back->cached);
  CHECK(back->name == r.name);
  CHECK(*back->area_um2 == doctest::Approx(1234.5));
  CHECK(*back->fmax_mhz == doctest::Approx(321.0));
  CHECK(back->config == r.config);
  CHECK(!read_cache_file(f, "0000000000000000", &why));
  CHECK(why == "cache file for another key");
  { std::ofstream(f) << "{\"key\": \"" << key << "\", \"result\": {\"na"; }  // cut short
  CHECK(!read_cache_file(f, key, &why));
  CHECK(why.rfind("corrupt", 0) == 0);
  { std::ofstream(f) << "{\"key\": \"" << key << "\", \"result\": {\"name\": 3}}"; }
  CHECK(!read_cache_file(f, key, &why));
  CHECK(why.rfind("corrupt", 0) == 0);
  CHECK(!read_cache_file(dir / "missing.json", key, &why));
  // A gate-level result written before the sweep kept the energy by block is run again.
  Result gate = r;
  gate.energy_breakdown = tpegen::synth::EnergyBreakdown{1, 1, 1, 0, 0};
  { std::ofstream(f) << cache_file_text(key, in, gate); }
  CHECK(!read_cache_file(f, key, &why));
  CHECK(why == "cache file without the energy by block");
  gate.energy_blocks["top"] = {{1, 1, 1, 0, 0}, 1};
  { std::ofstream(f) << cache_file_text(key, in, gate); }
  CHECK(read_cache_file(f, key, &why));
  fs::remove_all(dir);
}

TEST_CASE("sweep: derived figures and ratios against the mac baseline") {
  const Result base = make_result("cube", "mac", 1000, 500, 2.0, 8);
  const Result opt = make_result("cube", "opt1", 800, 400, 1.0, 8);
  const Derived d = derive(base);
  // 8 MAC/cycle * 500 MHz / 1000 µm² = 4e9 MAC/s / 1e-3 mm² = 4000 GMAC/s/mm².
  CHECK(*d.area_eff == doctest::Approx(4000));
  // 2 mW / (8 MAC/cycle * 100 MHz) = 2.5 pJ/MAC.
  CHECK(*d.energy_pj == doctest::Approx(2.5));
  const Ratios q = ratios(opt, base);
  CHECK(*q.area == doctest::Approx(0.8));
  CHECK(*q.fmax == doctest::Approx(0.8));
  CHECK(*q.area_eff == doctest::Approx(1.0));
  CHECK(*q.energy == doctest::Approx(0.5));
  // reg2reg fmax, when known, is the one compared (the worst path may be port fan-out).
  Result base_r = base, opt_r = opt;
  base_r.fmax_reg2reg_mhz = 200;
  opt_r.fmax_reg2reg_mhz = 300;
  CHECK(*ratios(opt_r, base_r).fmax == doctest::Approx(1.5));
  CHECK(*derive(base_r).area_eff == doctest::Approx(1600));
  Result no_area = opt;
  no_area.area_um2.reset();
  CHECK(!ratios(no_area, base).area);
  CHECK(!ratios(no_area, base).area_eff);

  std::vector<Result> rs = {make_result("systolic-os", "mac", 1, 1, 1, 4), base, opt,
                            make_result("systolic-os", "opt1", 2, 1, 1, 4)};
  link_baselines(rs, sweep::baseline_config_json);
  CHECK(find_baseline(rs, 0) == -1);
  CHECK(find_baseline(rs, 1) == -1);
  CHECK(find_baseline(rs, 2) == 1);
  CHECK(find_baseline(rs, 3) == 0);
  // A baseline measured another way (other run keys) is not compared.
  rs[1].run = {{"activity", "sim"}};
  link_baselines(rs, sweep::baseline_config_json);
  CHECK(find_baseline(rs, 2) == -1);
  // No baseline of the same size: no ratios.
  Result bigger = make_result("cube", "opt1", 1, 1, 1, 8);
  bigger.config["rows"] = 4;
  std::vector<Result> two = {base, bigger};
  link_baselines(two, sweep::baseline_config_json);
  CHECK(find_baseline(two, 1) == -1);
}

TEST_CASE("sweep: baselines from the registry: first PE variant, or the architecture's own rule") {
  const json os_opt1 = config_to_json(resolve_json({{"arch", "systolic-os"}, {"pe", "opt1"}, {"encoding", "ent"}}));
  const auto b = sweep::baseline_config_json(os_opt1);
  REQUIRE(b);
  CHECK(b->at("pe") == "mac");
  CHECK(!b->contains("encoding"));  // PE options belong to the optimized design
  CHECK(b->at("rows") == 16);
  CHECK(!sweep::baseline_config_json(*b));  // a baseline has none
  // opt4c has only optimized PEs: its baseline is a row of N MAC PEs with K streamed.
  const auto c = sweep::baseline_config_json(config_to_json(resolve_json({{"arch", "opt4c"}, {"cols", 8}})));
  REQUIRE(c);
  CHECK(c->at("arch") == "systolic-os");
  CHECK(c->at("pe") == "mac");
  CHECK(c->at("rows") == 1);
  CHECK(c->at("cols") == 8);
  CHECK(!sweep::baseline_config_json(json{{"arch", "no-such-arch"}}));
}

TEST_CASE("sweep: measured energy and the searched fmax with its area take precedence") {
  Result r = make_result("cube", "opt1", 1000, 500, 2.0, 8);
  r.energy_per_mac_pj = 7.5;
  r.fmax_search_mhz = 800;
  r.fmax_search_area_um2 = 1600;
  const Derived d = derive(r);
  CHECK(*d.energy_pj == 7.5);
  CHECK(*d.area_eff == doctest::Approx(8.0 * 800 / 1600 * 1e3));
  CHECK(*r.fmax() == 800);
  const auto back = result_from_json(result_to_json(r));
  REQUIRE(back);
  CHECK(*back->energy_per_mac_pj == 7.5);
  CHECK(*back->fmax_search_area_um2 == 1600);
  const json report = {{"config", r.config}, {"cells", 1}, {"activity_source", "sim"}, {"energy_per_mac_pj", 3.25},
                       {"fmax_search", {{"steps", {{{"target_ns", nullptr}, {"period_ns", 2.0}, {"area_um2", 1000.0}},
                                                   {{"target_ns", 1.7}, {"period_ns", 1.5625}, {"area_um2", 1234.5}}}}}}};
  const Result f = result_from_report("x", report, json());
  CHECK(f.activity_source == "sim");
  CHECK(*f.energy_per_mac_pj == 3.25);
  CHECK(*f.fmax_search_mhz == 640);
  CHECK(*f.fmax_search_area_um2 == 1234.5);
}

TEST_CASE("sweep: the utilization of a measured energy and the unbuffered fmax of a buffered point") {
  const Result base = make_result("cube", "opt1", 1000, 500, 2.0, 8);
  const json report = {{"config", base.config}, {"cells", 1}, {"area_um2", 1000.0}, {"fmax_mhz", 400.0},
                       {"clock_period_ns", 10.0}, {"power_mw", 2.0}, {"activity_source", "sim"},
                       {"energy_per_mac_pj", 3.25}, {"utilization", 0.49},
                       {"high_fanout", {{"net", "u_fifo/rd_q[0]"}, {"fanout", 581}, {"buffered", true},
                                        {"unbuffered", {{"fmax_mhz", 12.4}, {"area_um2", 900.0}}}}}};
  Result r = result_from_report("p", report, json());
  CHECK(*r.utilization == 0.49);
  CHECK(*r.fmax_unbuffered_mhz == 12.4);
  CHECK(r.high_fanout_net == "u_fifo/rd_q[0] (fanout 581)");
  const auto back = result_from_json(result_to_json(r));
  REQUIRE(back);
  CHECK(*back->utilization == 0.49);
  CHECK(*back->fmax_unbuffered_mhz == 12.4);
  CHECK(back->high_fanout_net == r.high_fanout_net);
  const std::string md = to_markdown({r}, {});
  CHECK(md.find("| 400.0† |") != std::string::npos);
  CHECK(md.find("| sim, 49 % busy |") != std::string::npos);
  CHECK(md.find("| 3.250 |") != std::string::npos);  // measured: no rough mark
  CHECK(md.find("≈") == std::string::npos);
  CHECK(md.find("† Area, fmax and power of the netlist mapped again with ABC's buffering: a high-fanout net dominated "
                "the unbuffered netlist's critical path (`p`: u_fifo/rd_q[0] (fanout 581), 12.4 MHz unbuffered).") !=
        std::string::npos);
  const std::string csv = to_csv({r});
  CHECK(csv.substr(csv.size() - 13) == ",0.49,0,12.4\n");
}

TEST_CASE("sweep: run keys (clock period, fmax search, activity) are per point and part of its name") {
  const auto pts = expand(R"({"base": {"arch": "cube", "rows": 2, "cols": 2, "depth": 2},
                              "grid": {"clock_period": [5, 2.5], "activity": ["sim"]},
                              "points": [{"fmax_search": 3}, {"clock_period": -1}, {"activity": "vcd"}]})",
                          "t", resolve_json);
  REQUIRE(pts.size() == 5);
  CHECK(pts[0].run == json{{"clock_period", 5}, {"activity", "sim"}});
  CHECK(!pts[0].design.contains("clock_period"));
  CHECK(pts[0].name == pts[1].name.substr(0, pts[0].name.find('@')) + "@p5_sim");
  CHECK(pts[1].name.size() > 0);
  CHECK(pts[1].name.find("@p2.5_sim") != std::string::npos);
  CHECK(pts[2].name.find("@fs3") != std::string::npos);
  CHECK(!pts[3].resolved);
  CHECK(pts[3].skipped.find("clock_period") != std::string::npos);
  CHECK(pts[4].skipped.find("activity") != std::string::npos);
  CHECK(run_suffix(json::object()).empty());
}

TEST_CASE("sweep: the gate_delay run key is checked and named") {
  const auto pts = expand(R"({"base": {"arch": "cube", "rows": 2, "cols": 2, "depth": 2, "activity": "gate"},
                              "points": [{"gate_delay": "liberty"}, {"gate_delay": "fast"}, {"gate_delay": 1}]})",
                          "t", resolve_json);
  REQUIRE(pts.size() == 3);
  CHECK(pts[0].resolved);
  CHECK(pts[0].run == json{{"activity", "gate"}, {"gate_delay", "liberty"}});
  CHECK(pts[0].name.find("@gate_delay-liberty") != std::string::npos);
  CHECK(!pts[1].resolved);
  CHECK(pts[1].skipped.find("gate_delay = 'fast': valid values are unit, liberty") != std::string::npos);
  CHECK(!pts[2].resolved);
  CHECK(pts[2].skipped.find("gate_delay") != std::string::npos);
}

TEST_CASE("sweep: the gate_slice run key is checked and named") {
  const auto pts = expand(R"({"base": {"arch": "systolic-os", "rows": 8, "cols": 8, "activity": "gate"},
                              "points": [{"gate_slice": 4}, {"gate_slice": -2}, {"gate_slice": "4"}]})",
                          "t", resolve_json);
  REQUIRE(pts.size() == 3);
  CHECK(pts[0].resolved);
  CHECK(pts[0].run == json{{"activity", "gate"}, {"gate_slice", 4}});
  CHECK(pts[0].name.find("@gate_slice4") != std::string::npos);
  CHECK(!pts[1].resolved);
  CHECK(pts[1].skipped.find("gate_slice = -2: valid range is 1..256 (0: the whole design)") != std::string::npos);
  CHECK(!pts[2].resolved);
  CHECK(pts[2].skipped.find("gate_slice") != std::string::npos);
}

TEST_CASE("sweep: the activity_dist run key is checked and named") {
  const auto pts = expand(R"({"base": {"arch": "cube", "rows": 2, "cols": 2, "depth": 2, "activity": "sim"},
                              "points": [{"activity_dist": "uniform"}, {"activity_dist": "gauss"},
                                         {"activity_dist": "normal:0:60"}]})",
                          "t", resolve_json);
  REQUIRE(pts.size() == 3);
  CHECK(pts[2].name.find("@sim_dist-normal_0_60") != std::string::npos);
  CHECK(pts[0].resolved);
  CHECK(pts[0].run == json{{"activity", "sim"}, {"activity_dist", "uniform"}});
  CHECK(pts[0].name.find("@sim_dist-uniform") != std::string::npos);
  CHECK(!pts[1].resolved);
  CHECK(pts[1].skipped.find("activity_dist = 'gauss'") != std::string::npos);
}

TEST_CASE("sweep: macs per cycle by architecture") {
  CHECK(macs_per_cycle_formula(json{{"arch", "systolic-os"}, {"rows", 4}, {"cols", 3}, {"depth", 1}}) == 12);
  CHECK(macs_per_cycle_formula(json{{"arch", "cube"}, {"rows", 2}, {"cols", 3}, {"depth", 4}}) == 24);
  std::string note;
  // Variable latency: peak / expected cycles per step (2.35 for one int8 operand, 3.14 for 4).
  CHECK(macs_per_cycle_formula(json{{"arch", "opt4c"}, {"rows", 1}, {"cols", 32}, {"depth", 1}}, &note) ==
        doctest::Approx(32 / 2.348).epsilon(0.001));
  CHECK(!note.empty());
  CHECK(macs_per_cycle_formula(json{{"arch", "opt4e"}, {"rows", 1}, {"cols", 6}, {"depth", 4}}) ==
        doctest::Approx(24 / 3.135).epsilon(0.001));
  CHECK(macs_per_cycle_formula(json{{"arch", "opt4c"}, {"rows", 4}, {"cols", 6}, {"depth", 1}}) ==
        macs_per_cycle_formula(json{{"arch", "opt4e"}, {"rows", 1}, {"cols", 6}, {"depth", 4}}));
  CHECK(macs_per_cycle_formula(json{{"arch", "bitslice"}, {"pe", "opt3"}, {"cols", 16}}, &note) ==
        doctest::Approx(16 / 2.348).epsilon(0.001));
  CHECK(macs_per_cycle_formula(json{{"arch", "bitslice"}, {"pe", "laconic"}, {"cols", 16}}, &note) == doctest::Approx(16 / 9.9));
  CHECK(!note.empty());
  const json report = {{"config", {{"arch", "cube"}, {"pe", "mac"}, {"rows", 2}, {"cols", 2}, {"depth", 2}}},
                       {"cells", 10}, {"transistors", 20}, {"area_um2", 5.5}, {"fmax_mhz", nullptr},
                       {"clock_period_ns", 10.0},
                       {"path_groups", {{"reg2reg", {{"arrival_ns", 1.9}, {"slack_ns", 8.0}}}}}};
  const Result r = result_from_report("x", report, json{{"timing", {{"macs_per_cycle", 7}}}});
  CHECK(*r.macs_per_cycle == 7);
  CHECK(!r.fmax_mhz);
  CHECK(*r.area_um2 == 5.5);
  CHECK(*r.fmax_reg2reg_mhz == doctest::Approx(500));  // 1000 / (period - slack): setup time included
  CHECK(*result_from_report("x", report, json()).macs_per_cycle == 8);
  CHECK(*result_from_report("x", report, json{{"timing", {{"macs_per_cycle", "about 4"}}}}).macs_per_cycle == 8);
}

TEST_CASE("sweep: CSV and Markdown of a synthetic result set") {
  Result failed = make_result("systolic-os", "opt1", 0, 0, 0, 4);
  failed.ok = false;
  failed.error = "yosys failed, badly | really";
  failed.area_um2.reset();
  failed.fmax_mhz.reset();
  std::vector<Result> rs = {make_result("cube", "mac", 1000, 500, 2.0, 8),
                            make_result("cube", "opt1", 800, 400, 1.0, 8), failed};
  link_baselines(rs, sweep::baseline_config_json);
  const std::string csv = to_csv(rs);
  std::vector<std::string> lines;
  for (size_t p = 0, q; (q = csv.find('\n', p)) != std::string::npos; p = q + 1) lines.push_back(csv.substr(p, q - p));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].rfind("name,arch,pe,rows,cols,depth,", 0) == 0);
  CHECK(lines[1].find(",cube,mac,2,2,2,8,8,ok,,100,1000,1000,500,") != std::string::npos);
  CHECK(lines[2].find(",ok,,100,1000,800,400,,") != std::string::npos);
  CHECK(lines[2].find("," + rs[0].name + ",0.8,0.8,1,0.5") != std::string::npos);
  CHECK(lines[3].find(",failed,\"yosys failed, badly | really\",") != std::string::npos);

  const std::vector<Point> pts = expand(R"({"base": {"arch": "systolic-os", "pe": "opt2"}})", "t", resolve_json);
  const std::string md = to_markdown(rs, pts);
  CHECK(md.find("| design | arch | pe |") != std::string::npos);
  // Energy from static activity (power / MAC rate) is marked rough, and so is a ratio built on it.
  CHECK(md.find("| cube | opt1 | 2x2x2 s8x8 | 100 | 800.0 | 400.0 | - | - | 1.000 | - | 8 | 4000.00 | ≈1.250 | 0.80x | "
                "0.80x | 1.00x | ≈0.50x |") != std::string::npos);
  CHECK(md.find("| cube | mac | 2x2x2 s8x8 | 100 | 1000.0 | 500.0 | - | - | 2.000 | - | 8 | 4000.00 | ≈2.500 |  |  |  |  |") !=
        std::string::npos);
  CHECK(md.find("\n≈ Energy from static activity (0.1 toggles per net and cycle, every cycle busy): a rough estimate") !=
        std::string::npos);
  CHECK(lines[1].substr(lines[1].size() - 3) == ",1,");  // energy_rough, no unbuffered fmax
  CHECK(lines[0].find(",utilization,energy_rough,fmax_unbuffered_mhz") != std::string::npos);
  CHECK(md.find("FAILED: yosys failed, badly \\| really") != std::string::npos);
  CHECK(md.find("Skipped (invalid combinations)") != std::string::npos);

  const std::string svg1 = svg_area_fmax(rs), svg2 = svg_area_eff(rs);
  CHECK(svg1.rfind("<svg ", 0) == 0);
  CHECK(svg1.find("</svg>") != std::string::npos);
  CHECK(svg1.find("<circle") != std::string::npos);
  CHECK(svg2.find("<rect x=") != std::string::npos);
  CHECK(svg2.find("</svg>") != std::string::npos);
  // Each point and bar names its size; the plots take the page's width; the scatter's legend
  // names the PE colours and the baseline line.
  CHECK(svg1.find(">cube mac 2x2x2</text>") != std::string::npos);
  CHECK(svg1.find(">cube opt1 2x2x2</text>") != std::string::npos);
  CHECK(svg1.find(">to its baseline</text>") != std::string::npos);
  CHECK(svg1.find(">mac</text>") != std::string::npos);
  size_t bar_sizes = 0;
  for (size_t p = svg2.find(">2x2x2</text>"); p != std::string::npos; p = svg2.find(">2x2x2</text>", p + 1)) ++bar_sizes;
  CHECK(bar_sizes == 2);  // the failed point has no bar
  CHECK(svg1.find("width=\"100%\" viewBox=") != std::string::npos);
  CHECK(svg2.find("width=\"100%\" viewBox=") != std::string::npos);
}

TEST_CASE("sweep: the Slurm executor's sbatch command and option checks") {
  sweep::SlurmOptions o;
  o.max_parallel = 3;
  o.partition = "cpu";
  o.time = "1:00:00";
  o.mem = "4G";
  o.sbatch_args = {"--account=hw"};
  CHECK_NOTHROW(sweep::check_slurm_options(o));
  // Run without a shell: one argument each, nothing quoted.
  CHECK(sweep::sbatch_argv("/w", 5, o) ==
        std::vector<std::string>{"sbatch", "--parsable", "--job-name=tpegen-sweep", "--array=0-4%3",
                                 "--output=/w/slurm/log/%A_%a.out", "--partition=cpu", "--time=1:00:00", "--mem=4G",
                                 "--account=hw", "/w/slurm/sweep-point.sh"});
  const std::string cmd = sweep::sbatch_command("/w", 5, o);  // shown by --dry-run
  CHECK(cmd == "sbatch --parsable --job-name=tpegen-sweep --array=0-4%3 --output=/w/slurm/log/%A_%a.out "
               "--partition=cpu --time=1:00:00 --mem=4G --account=hw /w/slurm/sweep-point.sh");
  CHECK(sweep::sbatch_command("/w a", 1, o).find(" '--output=/w a/slurm/log/%A_%a.out' ") != std::string::npos);
  o.max_parallel = 0;  // no throttle
  CHECK(sweep::sbatch_command("/w", 1, o).find(" --array=0-0 ") != std::string::npos);
  for (const char* t : {"30", "30:00", "1:00:00", "2-0", "2-12:30", "2-12:30:00", "UNLIMITED"}) {
    o.time = t;
    CHECK_NOTHROW(sweep::check_slurm_options(o));
  }
  o.time = "1h";
  CHECK_THROWS_AS(sweep::check_slurm_options(o), ConfigError);
  o.time = "";
  o.mem = "4X";
  CHECK_THROWS_AS(sweep::check_slurm_options(o), ConfigError);
  o.mem = "";
  o.partition = "a b";
  CHECK_THROWS_AS(sweep::check_slurm_options(o), ConfigError);
  o.partition = "";
  o.sbatch_args = {"account=hw"};
  CHECK_THROWS_AS(sweep::check_slurm_options(o), ConfigError);
}
