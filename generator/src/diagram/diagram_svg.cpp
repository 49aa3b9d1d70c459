#include "diagram/diagram_svg.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "diagram/diagram_legend.hpp"
#include "util/line_wrap.hpp"
#include "util/text.hpp"

namespace tpegen::diagram {
namespace {

// Sizes in SVG user units (px at 100 %).
constexpr int kPeW = 112, kPeH = 60;       // a PE box
constexpr int kGapX = 60, kGapY = 56;      // between PE boxes: room for arrows and buses
constexpr int kCpaW = 44, kCpaH = 22;      // a read-out adder
constexpr int kBand = 34;                  // one row of edge blocks (skew, read-out)
constexpr int kArrow = 34;                 // an arrow entering or leaving the grid
constexpr int kLegendChars = 118;          // wrap width of the legend's prose

struct Colors {
  const char* fill;
  const char* stroke;
};
constexpr Colors kPe{"#dbe9f6", "#3b6ea5"}, kEncoder{"#fde2c4", "#c07020"}, kSkew{"#e2f0d9", "#4c8a3a"},
    kReadout{"#f6d5db", "#a33b52"}, kWrapper{"#f4f4f4", "#777777"}, kFifo{"#ece3f5", "#6a4c93"};


// The SVG elements, appended in drawing order.
class Canvas {
 public:
  void box(double x, double y, double w, double h, Colors c, const char* cls, double radius = 4) {
    out_ += fmt::format("<rect class=\"{}\" x=\"{:g}\" y=\"{:g}\" width=\"{:g}\" height=\"{:g}\" rx=\"{:g}\" "
                        "fill=\"{}\" stroke=\"{}\"/>\n", cls, x, y, w, h, radius, c.fill, c.stroke);
  }
  void frame(double x, double y, double w, double h, const char* cls) {
    out_ += fmt::format("<rect class=\"{}\" x=\"{:g}\" y=\"{:g}\" width=\"{:g}\" height=\"{:g}\" fill=\"none\" "
                        "stroke=\"#999\" stroke-dasharray=\"6,4\"/>\n", cls, x, y, w, h);
  }
  void text(double x, double y, const std::string& s, const char* anchor = "start", int size = 12,
            const char* extra = "") {
    out_ += fmt::format("<text x=\"{:g}\" y=\"{:g}\" text-anchor=\"{}\" font-size=\"{}\"{}>{}</text>\n", x, y, anchor,
                        size, extra, xml_escape(s));
  }
  void arrow(double x1, double y1, double x2, double y2, const char* color = "#333", bool dashed = false) {
    out_ += fmt::format("<line x1=\"{:g}\" y1=\"{:g}\" x2=\"{:g}\" y2=\"{:g}\" stroke=\"{}\" stroke-width=\"1.6\"{} "
                        "marker-end=\"url(#arrow)\"/>\n", x1, y1, x2, y2, color,
                        dashed ? " stroke-dasharray=\"4,3\"" : "");
  }
  void line(double x1, double y1, double x2, double y2, const char* color, double width = 2.4) {
    out_ += fmt::format("<line x1=\"{:g}\" y1=\"{:g}\" x2=\"{:g}\" y2=\"{:g}\" stroke=\"{}\" stroke-width=\"{:g}\"/>\n",
                        x1, y1, x2, y2, color, width);
  }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

const Link* find_link(const DiagramModel& m, int di, int dj) {
  for (const Link& l : m.links)
    if (l.di == di && l.dj == dj) return &l;
  return nullptr;
}

const EdgeBlocks* find_edge(const DiagramModel& m, const char* kind_prefix, const char* side) {
  for (const EdgeBlocks& e : m.edges)
    if (e.role.side == side && e.role.kind.rfind(kind_prefix, 0) == 0) return &e;
  return nullptr;
}

// Geometry of the PE grid and the bands around it.
struct Layout {
  std::vector<int> rows, cols;  // drawn indices, -1: ellipsis
  double gx = 0, gy = 0;         // top-left of the first PE box
  double pitch_x = kPeW + kGapX, pitch_y = kPeH + kGapY;
  double x(size_t c) const { return gx + static_cast<double>(c) * pitch_x; }
  double y(size_t r) const { return gy + static_cast<double>(r) * pitch_y; }
  double grid_w() const { return static_cast<double>(cols.size()) * pitch_x - kGapX; }
  double grid_h() const { return static_cast<double>(rows.size()) * pitch_y - kGapY; }
};

// The wrappers as nested boxes around the core's place, outermost first: an AXI wrapper with its
// stream ports, register port and result FIFO; pipeline registers as a plain frame.
void draw_layers(Canvas& cv, const std::vector<Layer>& layers, double x, double y, double w, double h) {
  for (const Layer& l : layers) {
    const bool axi = l.kind == "axi";
    cv.box(x, y, w, h, kWrapper, "wrapper", 8);
    const char* what = axi ? ": AXI4-Stream / AXI4-Lite wrapper" : ": pipeline registers on every port";
    cv.text(x + 10, y + 18, l.module + what, "start", 12, " font-weight=\"bold\"");
    if (axi) {
      const double mid = y + h / 2;
      double top_x = x + 160;
      for (const auto& [group, input] : l.port_groups) {
        const bool stream = group.size() >= 4 && group.compare(group.size() - 4, 4, "axis") == 0;
        if (stream && input) {
          cv.arrow(x - 14, mid, x + 148, mid);
          cv.text(x + 4, mid - 8, group + ": input records", "start", 11);
        } else if (stream) {
          const double fx = x + w - 176;
          cv.box(fx, mid - 26, 96, 52, kFifo, "fifo");
          cv.text(fx + 48, mid - 6, "result FIFO", "middle", 11);
          cv.text(fx + 48, mid + 10, fmt::format("{} entries", l.fifo_depth), "middle", 11);
          cv.arrow(x + w - 190, mid, fx, mid);
          cv.arrow(fx + 96, mid, x + w + 14, mid);
          cv.text(x + w - 8, mid - 34, group + ": output records", "end", 11);
        } else {
          cv.arrow(top_x, y - 4, top_x, y + 44);
          cv.text(top_x + 6, y + 40, group + ": control and status registers", "start", 11);
          top_x += 260;
        }
      }
    }
    const double p_l = axi ? 150 : 40, p_r = axi ? 190 : 40, p_t = axi ? 70 : 40;
    x += p_l;
    y += p_t;
    w -= p_l + p_r;
    h -= p_t + 24;
  }
}

std::string slot_text(int i) { return i < 0 ? "…" : std::to_string(i); }

}  // namespace

std::vector<int> drawn_slots(int count) {
  if (count <= 4) {
    std::vector<int> v;
    for (int i = 0; i < count; ++i) v.push_back(i);
    return v;
  }
  return {0, 1, -1, count - 1};
}

std::string render_svg(const DiagramModel& m, const std::string& subtitle) {
  Canvas cv;
  Layout g;
  g.rows = drawn_slots(m.rows);
  g.cols = drawn_slots(m.cols);
  const bool cpa_beside = m.readouts_beside_pes > 0;
  if (cpa_beside) g.pitch_y += kCpaH + 14;

  const EdgeBlocks* skew_left = find_edge(m, "skew", "left");
  const EdgeBlocks* skew_top = find_edge(m, "skew", "top");
  const EdgeBlocks* ro_top = find_edge(m, "readout", "top");
  const EdgeBlocks* ro_bottom = find_edge(m, "readout", "bottom");
  const EdgeBlocks* deskew_bottom = find_edge(m, "deskew", "bottom");
  const Link* right = find_link(m, 0, 1);
  const Link* down = find_link(m, 1, 0);
  const Link* up = find_link(m, -1, 0);
  std::vector<const Feed*> row_buses, col_buses, each_out, controls;
  for (const Feed& f : m.feeds) {
    if (f.data.empty()) {
      controls.push_back(&f);
    } else if (f.into_pe && (f.spread == Spread::Row || (f.spread == Spread::All && m.rows == 1) ||
                             (f.spread == Spread::All && f.far_kind == "encoder"))) {
      row_buses.push_back(&f);
    } else if (f.into_pe && (f.spread == Spread::Column || f.spread == Spread::All)) {
      col_buses.push_back(&f);
    } else if (!f.into_pe) {
      each_out.push_back(&f);
    } else {
      controls.push_back(&f);  // drawn as text only (per-PE inputs from outside are rare)
    }
  }

  // Bands around the grid, from the grid outwards.
  const double left_band = (skew_left ? 90.0 : 0.0) + (m.encoders ? 110.0 : 0.0) + 70;
  const double top_band = 24 + 44 + (ro_top ? kBand : 0) + (skew_top ? kBand : 0) + (col_buses.empty() ? 0 : 18);
  const double skew_names_h =  // the left skews' names, under their box
      skew_left ? 12.0 * static_cast<double>(wrap_words(join_words(skew_left->names), 16).size()) : 0;
  const double bottom_band =
      40 + (ro_bottom ? kBand : 0) + (deskew_bottom ? kBand : 0) + (each_out.empty() ? 0 : 14) + skew_names_h;
  const double right_band = 120;  // the size label

  // Wrapper padding, outermost first.
  double pad_l = 0, pad_r = 0, pad_t = 0, pad_b = 0;
  for (const Layer& l : m.layers) {
    const bool axi = l.kind == "axi";
    pad_l += axi ? 150 : 40;
    pad_r += axi ? 190 : 40;
    pad_t += axi ? 70 : 40;
    pad_b += 24;
  }
  const std::vector<std::string> sub_lines = wrap_words(subtitle, kLegendChars + 10);
  const double margin = 20, title_h = 46 + 16.0 * static_cast<double>(sub_lines.size());
  const double core_x = margin + pad_l, core_y = title_h + pad_t;
  g.gx = core_x + left_band;
  g.gy = core_y + top_band;
  const double core_w = left_band + g.grid_w() + right_band, core_h = top_band + g.grid_h() + bottom_band;
  const double content_w = core_x + core_w + pad_r + margin;

  draw_layers(cv, m.layers, margin, title_h, core_w + pad_l + pad_r, core_h + pad_t + pad_b);
  cv.frame(core_x, core_y, core_w, core_h, "core");
  cv.text(core_x + 8, core_y + 16, m.core, "start", 12, " font-weight=\"bold\"");

  const double grid_r = g.gx + g.grid_w(), grid_b = g.gy + g.grid_h();
  auto cx = [&](size_t c) { return g.x(c) + kPeW / 2.0; };
  auto cy = [&](size_t r) { return g.y(r) + kPeH / 2.0; };

  // ---- top band: skew, read-out adders, arrows in and out ----
  double band_y = g.gy - kArrow;  // the bottom of the next block upwards
  if (ro_top) {
    band_y -= kCpaH;
    for (size_t c = 0; c < g.cols.size(); ++c) {
      if (g.cols[c] < 0) continue;
      cv.box(cx(c) + 14 - kCpaW / 2.0, band_y, kCpaW, kCpaH, kReadout, "readout");
      cv.text(cx(c) + 14, band_y + 15, "CPA", "middle", 11);
    }
    band_y -= 12;
  }
  if (skew_top) {
    band_y -= kCpaH;
    cv.box(g.gx, band_y, g.grid_w(), kCpaH, kSkew, "skew");
    cv.text(g.gx + g.grid_w() / 2, band_y + 15, "skew: " + join_words(skew_top->names), "middle", 11);
  }
  for (size_t c = 0; c < g.cols.size(); ++c) {
    if (g.cols[c] < 0) continue;
    if (down) {  // enters row 0 from above
      const double top = skew_top ? band_y + kCpaH : g.gy - kArrow;
      cv.arrow(cx(c) - 14, top, cx(c) - 14, g.gy);
    }
    if (up) cv.arrow(cx(c) + 14, g.gy, cx(c) + 14, ro_top ? g.gy - kArrow : g.gy - kArrow + 4);
  }
  if (down) cv.text(cx(0) - 18, g.gy - 8, short_label(*down), "end", 11);
  if (up) cv.text(cx(0) + 18, g.gy - 8, short_label(*up), "start", 11);

  // ---- left band: skew or encoders, arrows in ----
  const double left_x = core_x + 16;
  if (skew_left) {
    const double sx = g.gx - kArrow - 56;
    cv.box(sx, g.gy, 50, g.grid_h(), kSkew, "skew");
    cv.text(sx + 25, g.gy + g.grid_h() / 2, "skew", "middle", 11,
            fmt::format(" transform=\"rotate(-90 {:g} {:g})\"", sx + 29, g.gy + g.grid_h() / 2).c_str());
    const std::vector<std::string> lines = wrap_words(join_words(skew_left->names), 16);
    for (size_t k = 0; k < lines.size(); ++k)
      cv.text(sx, g.gy + g.grid_h() + 14 + 12.0 * static_cast<double>(k), lines[k], "start", 10);
  }
  if (m.encoders) {
    const int per_row = m.encoder_per_row ? m.encoders / m.rows : m.encoders;
    for (size_t r = 0; r < g.rows.size(); ++r) {
      if (g.rows[r] < 0) continue;
      const double ex = left_x + 8, ey = g.y(r) + 6;
      cv.box(ex, ey, 92, kPeH - 12, kEncoder, "encoder");
      cv.text(ex + 46, ey + 20, "encoder", "middle", 11);
      cv.text(ex + 46, ey + 36, per_row > 1 ? fmt::format("× {}", per_row) : "", "middle", 11);
      if (!m.encoder_inputs.empty()) {
        cv.arrow(ex - 14, ey + kPeH - 18, ex, ey + kPeH - 18);
        if (r == 0) cv.text(ex - 4, ey - 4, join_words(m.encoder_inputs), "start", 11);
      }
    }
  }
  for (size_t r = 0; r < g.rows.size(); ++r) {
    if (g.rows[r] < 0) continue;
    if (right) cv.arrow(g.gx - kArrow, cy(r), g.gx, cy(r));
    if (m.rows > 1)
      cv.text(g.gx - 4, g.y(r) + kPeH + 12, fmt::format("row {}", slot_text(g.rows[r])), "end", 10,
            " fill=\"#666\"");
  }
  if (right) cv.text(g.gx - kArrow / 2.0, cy(0) - 6, short_label(*right), "middle", 11);

  // ---- buses from outside the grid ----
  for (size_t k = 0; k < row_buses.size(); ++k) {
    const Feed& f = *row_buses[k];
    const double off = 10 + 8.0 * static_cast<double>(k), tap = 20 + 8.0 * static_cast<double>(k);
    const bool from_encoder = f.far_kind == "encoder";
    for (size_t r = 0; r < g.rows.size(); ++r) {
      if (g.rows[r] < 0) continue;
      const double by = g.y(r) - off, x0 = from_encoder ? left_x + 100 : left_x;
      if (from_encoder) cv.line(x0, g.y(r) + kPeH / 2.0, x0 + 6, g.y(r) + kPeH / 2.0, kEncoder.stroke);
      cv.line(from_encoder ? x0 + 6 : x0, from_encoder ? g.y(r) + kPeH / 2.0 : by, from_encoder ? x0 + 6 : x0, by,
              from_encoder ? kEncoder.stroke : "#555");
      cv.line(from_encoder ? x0 + 6 : x0, by, g.x(g.cols.size() - 1) + tap, by,
              from_encoder ? kEncoder.stroke : "#555");
      for (size_t c = 0; c < g.cols.size(); ++c)
        if (g.cols[c] >= 0) cv.arrow(g.x(c) + tap, by, g.x(c) + tap, g.y(r));
    }
    cv.text(from_encoder ? left_x + 110 : left_x + 2, g.y(0) - off - 4,
            feed_label(f) + (from_encoder ? " (encoded digits)" : ""), "start", 11);
  }
  for (size_t k = 0; k < col_buses.size(); ++k) {
    const Feed& f = *col_buses[k];
    const double off = 12 + 8.0 * static_cast<double>(k), tap = 14 + 6.0 * static_cast<double>(k);
    for (size_t c = 0; c < g.cols.size(); ++c) {
      if (g.cols[c] < 0) continue;
      const double bx = g.x(c) - off;
      cv.line(bx, g.gy - kArrow - 6, bx, g.y(g.rows.size() - 1) + tap, "#555");
      for (size_t r = 0; r < g.rows.size(); ++r)
        if (g.rows[r] >= 0) cv.arrow(bx, g.y(r) + tap, g.x(c), g.y(r) + tap);
    }
    cv.text(g.x(0) - off, g.gy - kArrow - 10 - 12.0 * static_cast<double>(k), feed_label(f), "middle", 11);
  }

  // ---- the PEs and the links between them ----
  for (size_t r = 0; r < g.rows.size(); ++r)
    for (size_t c = 0; c < g.cols.size(); ++c) {
      const double x = g.x(c), y = g.y(r);
      if (g.rows[r] < 0 || g.cols[c] < 0) {
        const char* dots = g.rows[r] < 0 && g.cols[c] < 0 ? "⋱" : g.rows[r] < 0 ? "⋮" : "⋯";
        cv.text(x + kPeW / 2.0, y + kPeH / 2.0 + 8, dots, "middle", 26, " fill=\"#555\"");
        continue;
      }
      cv.box(x, y, kPeW, kPeH, kPe, "pe");
      cv.text(x + kPeW / 2.0, y + 20, m.pe_instance, "middle", 12, " font-weight=\"bold\"");
      cv.text(x + kPeW / 2.0, y + 36, m.rows > 1 ? fmt::format("[{}][{}]", g.rows[r], g.cols[c])
                                                  : fmt::format("[{}]", g.cols[c]), "middle", 11);
      if (m.readout_in_pe) {
        cv.box(x + kPeW - kCpaW - 4, y + kPeH - 18, kCpaW, 14, kReadout, "readout", 2);
        cv.text(x + kPeW - kCpaW / 2.0 - 4, y + kPeH - 7, "CPA", "middle", 9);
      }
      if (cpa_beside) {
        const double ry = y + kPeH + 14;
        cv.arrow(x + kPeW / 2.0, y + kPeH, x + kPeW / 2.0, ry);
        cv.box(x + kPeW / 2.0 - kCpaW / 2.0, ry, kCpaW, kCpaH, kReadout, "readout");
        cv.text(x + kPeW / 2.0, ry + 15, "CPA", "middle", 11);
      }
      const bool last_col = c + 1 == g.cols.size(), last_row = r + 1 == g.rows.size();
      const bool dashed_c = !last_col && (g.cols[c + 1] < 0), dashed_r = !last_row && (g.rows[r + 1] < 0);
      if (right && !last_col) cv.arrow(x + kPeW, cy(r), g.x(c + 1), cy(r), "#333", dashed_c || g.cols[c] < 0);
      const double below = y + kPeH + (cpa_beside ? kCpaH + 14 : 0);  // under the PE's read-out adder
      if (down && !last_row) cv.arrow(cx(c) - 14, below, cx(c) - 14, g.y(r + 1), "#333", dashed_r);
      if (up && !last_row) cv.arrow(cx(c) + 14, g.y(r + 1), cx(c) + 14, y + kPeH, "#333", dashed_r);
      for (size_t k = 0; k < each_out.size(); ++k)
        if (each_out[k]->far_kind != "readout")
          cv.arrow(x + kPeW - 10, y + kPeH, x + kPeW + 8, y + kPeH + 16);
    }
  // Ellipsis rows and columns still carry the chains: dashed arrows around them.
  for (size_t r = 0; r < g.rows.size(); ++r)
    for (size_t c = 0; c + 1 < g.cols.size(); ++c)
      if (right && g.cols[c] < 0 && g.rows[r] >= 0)
        cv.arrow(g.x(c) + kPeW - 30, cy(r), g.x(c + 1), cy(r), "#333", true);
  for (size_t r = 0; r + 1 < g.rows.size(); ++r)
    for (size_t c = 0; c < g.cols.size(); ++c) {
      if (g.rows[r] >= 0 || g.cols[c] < 0) continue;
      if (down) cv.arrow(cx(c) - 14, g.y(r) + kPeH - 6, cx(c) - 14, g.y(r + 1), "#333", true);
      if (up) cv.arrow(cx(c) + 14, g.y(r + 1), cx(c) + 14, g.y(r) + kPeH - 6, "#333", true);
    }
  if (!each_out.empty()) {
    std::vector<std::string> names;
    for (const Feed* f : each_out)
      if (f->far_kind != "readout") names.push_back(feed_label(*f) + " to " + far_words(*f));
    if (!names.empty())
      cv.text(g.x(g.cols.size() - 1) + kPeW + 10, g.y(g.rows.size() - 1) + kPeH + 26, join_words(names), "start", 11);
  }

  // ---- bottom band: chains leaving the last row, read-out adders, deskew ----
  double bottom_y = grid_b + (cpa_beside ? kCpaH + 14 : 0);
  if (down && (ro_bottom || deskew_bottom)) {  // else nothing reads the bottom edge
    for (size_t c = 0; c < g.cols.size(); ++c)
      if (g.cols[c] >= 0) cv.arrow(cx(c) - 14, bottom_y, cx(c) - 14, bottom_y + kArrow);
  }
  if (down) bottom_y += kArrow;
  if (ro_bottom) {
    for (size_t c = 0; c < g.cols.size(); ++c)
      if (g.cols[c] >= 0) {
        cv.box(cx(c) - 14 - kCpaW / 2.0, bottom_y, kCpaW, kCpaH, kReadout, "readout");
        cv.text(cx(c) - 14, bottom_y + 15, "CPA", "middle", 11);
        cv.arrow(cx(c) - 14, bottom_y + kCpaH, cx(c) - 14, bottom_y + kCpaH + 12);
      }
    bottom_y += kCpaH + 12;
  }
  if (deskew_bottom) {
    cv.box(g.gx, bottom_y, g.grid_w(), kCpaH, kSkew, "deskew");
    cv.text(g.gx + g.grid_w() / 2, bottom_y + 15, "deskew: " + join_words(deskew_bottom->names), "middle", 11);
  }

  // The size, next to the grid.
  const std::string size = m.rows > 1 ? fmt::format("{} x {} {}", m.rows, m.cols, m.pe_instance)
                                      : fmt::format("{} {}", m.cols, m.pe_instance);
  cv.text(grid_r + 8, g.gy - 6, size, "start", 13, " font-weight=\"bold\"");

  // ---- title, legend ----
  std::vector<std::string> lines;
  for (const std::string& item : legend_items(m))
    for (const std::string& l : wrap_words(item, kLegendChars, "   "))
      lines.push_back(l);

  const double legend_y = title_h + core_h + pad_t + pad_b + 26;
  const double width = std::max(content_w, 880.0);
  const double height = legend_y + 44 + 15.0 * static_cast<double>(lines.size()) + 16;

  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:g}\" height=\"{1:g}\" viewBox=\"0 0 {0:g} {1:g}\" "
      "font-family=\"DejaVu Sans, Verdana, sans-serif\">\n"
      "{3}: drawn from the IR of {2} -->\n<title>{2}</title>\n"
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
      "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      width, height, xml_escape(m.top), kDiagramMarker);
  s += fmt::format("<text x=\"{:g}\" y=\"28\" font-size=\"17\" font-weight=\"bold\">{}</text>\n", margin, xml_escape(m.top));
  for (size_t i = 0; i < sub_lines.size(); ++i)
    s += fmt::format("<text x=\"{:g}\" y=\"{:g}\" font-size=\"12\" fill=\"#444\">{}</text>\n", margin,
                     48 + 16.0 * static_cast<double>(i), xml_escape(sub_lines[i]));
  s += cv.str();
  // Legend swatches, then the prose.
  struct Swatch {
    Colors c;
    const char* what;
  };
  std::vector<Swatch> sw = {{kPe, "PE"}};
  if (m.encoders) sw.push_back({kEncoder, "encoder"});
  if (skew_left || skew_top || deskew_bottom) sw.push_back({kSkew, "skew / deskew buffer"});
  if (m.readout_in_pe || m.readouts_beside_pes || ro_top || ro_bottom) sw.push_back({kReadout, "read-out adder (CPA)"});
  for (const Layer& l : m.layers)
    if (l.kind == "axi") sw.push_back({kFifo, "result FIFO"});
  double lx = margin;
  s += fmt::format("<text x=\"{:g}\" y=\"{:g}\" font-size=\"13\" font-weight=\"bold\">Legend</text>\n", lx, legend_y);
  for (const Swatch& w : sw) {
    s += fmt::format("<rect x=\"{:g}\" y=\"{:g}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{}\" stroke=\"{}\"/>"
                     "<text x=\"{:g}\" y=\"{:g}\" font-size=\"12\">{}</text>\n",
                     lx + 70, legend_y - 12, w.c.fill, w.c.stroke, lx + 88, legend_y - 1, w.what);
    lx += 40 + 7.5 * static_cast<double>(std::string(w.what).size());
  }
  s += fmt::format("<text x=\"{:g}\" y=\"{:g}\" font-size=\"12\">→ register-to-register link or bus; dashed: "
                   "through the rows or columns not drawn</text>\n", margin, legend_y + 20);
  for (size_t i = 0; i < lines.size(); ++i)
    s += fmt::format("<text x=\"{:g}\" y=\"{:g}\" font-size=\"12\">{}</text>\n", margin,
                     legend_y + 40 + 15.0 * static_cast<double>(i), xml_escape(lines[i]));
  return s + "</svg>\n";
}

}  // namespace tpegen::diagram
