// The words of a diagram: the labels on the picture and the legend's prose, from the model.
#pragma once

#include <string>
#include <vector>

#include "diagram/diagram_model.hpp"

namespace tpegen::diagram {

/// "a, b, c".
std::string join_words(const std::vector<std::string>& v, const char* sep = ", ");

/// A link on the picture: its data signals (its control signals when it has none).
std::string short_label(const Link& l);

/// A bus on the picture: its data signals (its control signals when it has none).
std::string feed_label(const Feed& f);

/// The far end of a feed: "port a_i", "ports valid_i, first_i", "register w_q", "encoder", ...
std::string far_words(const Feed& f);

/// One item per link, feed and block kind, then the PE and the core's ports.
std::vector<std::string> legend_items(const DiagramModel& m);

}  // namespace tpegen::diagram
