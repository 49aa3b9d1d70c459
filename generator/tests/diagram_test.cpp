// tpegen diagram: the model read from the IR of each family of architectures, and the SVG.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "diagram/design_diagram.hpp"
#include "diagram/diagram_model.hpp"
#include "diagram/diagram_svg.hpp"
#include "output/file_writer.hpp"
#include "util/text_file.hpp"
#include "wrap/axi_wrapper.hpp"

using namespace tpegen;
using namespace tpegen::diagram;

namespace {

DesignConfig config(const std::string& arch, const std::string& pe, int rows, int cols, int depth = kAuto) {
  DesignConfig c;
  c.arch = arch;
  c.pe = pe;
  c.rows = rows;
  c.cols = cols;
  c.depth = depth;
  return resolve(c);
}

DiagramModel model_of(const DesignConfig& c) {
  ir::Design d = find_arch(c.arch).build(c);
  if (c.wrap == "axi") wrap::add_axi_wrapper(d, design_timing(c), c);
  return read_model(d);
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

const Link* link_of(const DiagramModel& m, int di, int dj) {
  for (const Link& l : m.links)
    if (l.di == di && l.dj == dj) return &l;
  return nullptr;
}

const EdgeBlocks* edge(const DiagramModel& m, const std::string& kind, const std::string& side) {
  for (const EdgeBlocks& e : m.edges)
    if (e.role.kind == kind && e.role.side == side) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("diagram: a 2x2 output-stationary array, from its IR") {
  const DesignConfig c = config("systolic-os", "opt1", 2, 2);
  const DiagramModel m = model_of(c);
  CHECK(m.top == canonical_name(c));
  CHECK(m.rows == 2);
  CHECK(m.cols == 2);
  CHECK(m.layers.empty());
  // A moves right, B down, the drain chain up: found from the slices of the PE's ports.
  REQUIRE(link_of(m, 0, 1));
  CHECK(link_of(m, 0, 1)->data == std::vector<std::string>{"a"});
  CHECK(link_of(m, 0, 1)->control == std::vector<std::string>{"valid", "first", "last"});
  REQUIRE(link_of(m, 1, 0));
  CHECK(link_of(m, 1, 0)->data == std::vector<std::string>{"b"});
  REQUIRE(link_of(m, -1, 0));
  CHECK(link_of(m, -1, 0)->data == std::vector<std::string>{"drain"});
  CHECK(m.links.size() == 3);
  REQUIRE(edge(m, "skew", "left"));
  CHECK(edge(m, "skew", "left")->names == std::vector<std::string>{"a_skew", "first_skew", "last_skew", "valid_skew"});
  REQUIRE(edge(m, "skew", "top"));
  REQUIRE(edge(m, "readout", "top"));
  CHECK(edge(m, "readout", "top")->names.size() == 2);  // one per column
  CHECK(m.encoders == 0);
  CHECK_FALSE(m.readout_in_pe);

  const std::string svg = render_svg(m, "sub");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find(kDiagramMarker) != std::string::npos);
  CHECK(svg.find("<title>" + m.top + "</title>") != std::string::npos);
  CHECK(count(svg, "class=\"pe\"") == 4);  // one box per PE
  CHECK(count(svg, "class=\"readout\"") == 2);
  CHECK(svg.find(">Legend</text>") != std::string::npos);
  CHECK(svg.size() - svg.rfind("</svg>\n") == 7);
  CHECK(count(svg, "<svg") == 1);
  // The MAC PE has no read-out adders.
  CHECK(count(render_svg(model_of(config("systolic-os", "mac", 2, 2)), ""), "class=\"readout\"") == 0);
}

TEST_CASE("diagram: a large array is drawn as 3 x 3 PEs with ellipses and its full size") {
  const DiagramModel m = model_of(config("systolic-os", "mac", 16, 12));
  CHECK(m.rows == 16);
  CHECK(m.cols == 12);
  const std::string svg = render_svg(m, "");
  CHECK(count(svg, "class=\"pe\"") == 9);
  CHECK(svg.find("16 x 12 pe") != std::string::npos);
  CHECK(svg.find("[15][11]") != std::string::npos);
  CHECK(svg.find("⋮") != std::string::npos);
  CHECK(svg.find("⋯") != std::string::npos);
  CHECK(drawn_slots(3) == std::vector<int>{0, 1, 2});
  CHECK(drawn_slots(5) == std::vector<int>{0, 1, -1, 4});
}

TEST_CASE("diagram: weight-stationary partial sums flow down to read-out adders and the deskew") {
  const DiagramModel m = model_of(config("systolic-ws", "opt1", 3, 2));
  REQUIRE(link_of(m, 1, 0));
  CHECK(link_of(m, 1, 0)->data == std::vector<std::string>{"psum"});
  CHECK_FALSE(link_of(m, -1, 0));
  CHECK(edge(m, "readout", "bottom"));
  CHECK(edge(m, "deskew", "bottom"));
  CHECK(edge(m, "skew", "top"));  // c_i enters skewed
}

TEST_CASE("diagram: dot-product grids broadcast A along rows, B down columns; OPT2 encodes each row") {
  const DiagramModel mac = model_of(config("cube", "mac", 2, 3, 2));
  CHECK(mac.links.empty());
  bool row_a = false, col_b = false;
  for (const Feed& f : mac.feeds) {
    row_a = row_a || (f.into_pe && f.spread == Spread::Row && f.data == std::vector<std::string>{"a"});
    col_b = col_b || (f.into_pe && f.spread == Spread::Column && f.data == std::vector<std::string>{"b"});
  }
  CHECK(row_a);
  CHECK(col_b);
  CHECK_FALSE(mac.readout_in_pe);

  const DiagramModel opt2 = model_of(config("cube", "opt2", 3, 2, 2));
  CHECK(opt2.encoders == 3);
  CHECK(opt2.encoder_per_row);
  CHECK(opt2.readout_in_pe);
  const std::string svg = render_svg(opt2, "");
  CHECK(count(svg, "class=\"encoder\"") == 3);
  CHECK(count(svg, "class=\"pe\"") == 6);
}

TEST_CASE("diagram: an OPT4C column shares one encoder and has a read-out adder per PE") {
  const DiagramModel m = model_of(config("opt4c", "opt3", 1, 4));
  CHECK(m.rows == 1);
  CHECK(m.cols == 4);
  CHECK(m.encoders == 1);
  CHECK(m.readouts_beside_pes == 4);
  const std::string svg = render_svg(m, "");
  CHECK(count(svg, "class=\"pe\"") == 4);
  CHECK(count(svg, "class=\"readout\"") == 4);
  // OPT4E: E encoders per row.
  const DiagramModel e = model_of(config("opt4e", "opt3", 2, 2, 4));
  CHECK(e.encoders == 8);
  CHECK(e.rows == 2);
  CHECK(e.encoder_per_row);
}

TEST_CASE("diagram: the AXI wrapper and the pipeline registers are layers around the engine") {
  DesignConfig c = config("systolic-os", "mac", 2, 2);
  c.wrap = "axi";
  const DiagramModel m = model_of(c);
  REQUIRE(m.layers.size() == 1);
  CHECK(m.layers[0].kind == "axi");
  CHECK(m.layers[0].fifo_depth > 0);
  CHECK(m.core == canonical_name(c));
  CHECK(render_svg(m, "").find("class=\"fifo\"") != std::string::npos);

  DesignConfig p = config("cube", "mac", 2, 2, 2);
  p.in_regs = 1;
  const DiagramModel pm = model_of(resolve(p));
  REQUIRE(pm.layers.size() == 1);
  CHECK(pm.layers[0].kind == "pipeline");
  CHECK(pm.core == canonical_name(resolve(p)) + "_core");
}

TEST_CASE("diagram: every architecture draws, the same bytes twice") {
  for (const ArchDescriptor& a : architectures()) {
    DesignConfig c;
    c.arch = a.name;
    const DesignConfig r = resolve(c);
    const std::string svg = design_diagram_svg(r);
    CHECK_MESSAGE(svg.find("class=\"pe\"") != std::string::npos, a.name);
    CHECK(svg == design_diagram_svg(r));
  }
}

TEST_CASE("diagram: -o replaces a file tpegen wrote and refuses any other without --force") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / fmt::format("tpegen_diagram_test_{}", ::getpid());
  fs::create_directories(dir);
  const fs::path f = dir / "d.svg";
  write_output_file(f, std::string(kDiagramMarker) + " one -->", kDiagramMarker, false);
  write_output_file(f, std::string(kDiagramMarker) + " two -->", kDiagramMarker, false);  // ours: replaced
  CHECK(read_text_file(f) == std::string(kDiagramMarker) + " two -->");
  write_text_file(f, "the user's notes");
  CHECK_THROWS_WITH_AS(write_output_file(f, "x", kDiagramMarker, false),
                       doctest::Contains("the file exists and was not written by tpegen; pass --force"), ConfigError);
  CHECK(read_text_file(f) == std::string("the user's notes"));
  write_output_file(f, "x", kDiagramMarker, true);
  CHECK(read_text_file(f) == std::string("x"));
  CHECK_THROWS_WITH_AS(write_output_file(dir, "x", kDiagramMarker, true), doctest::Contains("it is a directory"),
                       ConfigError);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);  // no temporary left
  fs::remove_all(dir);
}
