#include "diagram/diagram_legend.hpp"

#include <fmt/format.h>

namespace tpegen::diagram {
namespace {

std::string link_label(const Link& l) {
  std::string s = join_words(l.data);
  if (!l.control.empty()) s += (s.empty() ? "" : " + ") + join_words(l.control);
  return s;
}

const char* spread_words(Spread s) {
  switch (s) {
    case Spread::Each: return "one per PE";
    case Spread::Row: return "one per PE row, shared along the row";
    case Spread::Column: return "one per PE column, shared down the column";
    case Spread::All: return "one for all PEs";
  }
  return "";
}

const char* direction_words(const Link& l) {
  if (l.dj == 1) return "passed to the PE on the right";
  if (l.dj == -1) return "passed to the PE on the left";
  if (l.di == 1) return "passed to the PE below";
  return "passed to the PE above";
}

}  // namespace

std::string join_words(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string short_label(const Link& l) { return join_words(l.data.empty() ? l.control : l.data); }

std::string feed_label(const Feed& f) { return join_words(f.data.empty() ? f.control : f.data); }

std::string far_words(const Feed& f) {
  if (f.far_names.empty()) return f.far_kind;
  return f.far_kind + (f.far_names.size() > 1 ? "s " : " ") + join_words(f.far_names);
}

std::vector<std::string> legend_items(const DiagramModel& m) {
  std::vector<std::string> legend;
  for (const Link& l : m.links)
    legend.push_back(fmt::format("{}: {}, one register per hop", link_label(l), direction_words(l)));
  for (const Feed& f : m.feeds) {
    std::vector<std::string> all = f.data;
    all.insert(all.end(), f.control.begin(), f.control.end());
    legend.push_back(fmt::format("{}: {} every PE {} {} ({})", join_words(all), f.into_pe ? "into" : "out of",
                                 f.into_pe ? "from" : "to", far_words(f), spread_words(f.spread)));
  }
  if (m.encoders) legend.push_back(fmt::format("encoder ({} in all): {}", m.encoders, m.encoder_what));
  for (const EdgeBlocks& e : m.edges) {
    const bool readout = e.role.kind == "readout";
    legend.push_back(fmt::format("{} on the {} edge: {}", readout ? "read-out adders (CPA)" : e.role.kind, e.role.side,
                                 readout ? fmt::format("{}, one per column", e.names.size()) : join_words(e.names)));
  }
  if (m.readouts_beside_pes)
    legend.push_back(fmt::format("read-out adders (CPA): {}, one per PE", m.readouts_beside_pes));
  if (m.readout_in_pe) legend.push_back("CPA inside a PE: its own registered read-out adder");
  legend.push_back(fmt::format("{} ({}): {}", m.pe_instance, m.pe_module, m.pe_what));
  legend.push_back(
      fmt::format("ports of {}: in {}; out {}", m.core, join_words(m.core_inputs), join_words(m.core_outputs)));
  return legend;
}

}  // namespace tpegen::diagram
