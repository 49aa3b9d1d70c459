#include "util/line_wrap.hpp"

#include <cstring>

namespace tpegen {

std::vector<std::string> wrap_words(const std::string& text, int width, const std::string& cont_indent,
                                    const std::string& cont_mark) {
  std::vector<std::string> lines;
  std::string cur;
  size_t pos = 0;
  const auto limit = static_cast<size_t>(width);
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (cur.empty()) {
      cur = (lines.empty() ? "" : cont_indent) + word;
    } else if (cur.size() + 1 + word.size() + cont_mark.size() <= limit) {
      cur += " " + word;
    } else {
      lines.push_back(cur + cont_mark);
      cur = cont_indent + word;
    }
  }
  if (!cur.empty() || lines.empty()) lines.push_back(cur);
  return lines;
}

namespace {

bool is_operator_token(const std::string& s, size_t p) {
  static const char* const ops[] = {"| ", "& ", "^ ", "+ ", "- ", "? ", ": ", "== ", "* "};
  for (const char* op : ops)
    if (s.compare(p, std::strlen(op), op) == 0) return true;
  return false;
}

}  // namespace

std::vector<std::string> wrap_code(const std::string& line, int limit) {
  const size_t indent = line.find_first_not_of(' ');
  if (line.size() <= static_cast<size_t>(limit) || indent == std::string::npos) return {line};
  const std::string cont(indent + 4, ' ');
  // Break candidates: spaces outside [...]; class 2 after a comma, 1 before an operator, 0 else.
  std::vector<std::pair<size_t, int>> breaks;
  int depth = 0;
  for (size_t p = indent; p < line.size(); ++p) {
    const char ch = line[p];
    if (ch == '[') ++depth;
    if (ch == ']') --depth;
    if (ch != ' ' || depth != 0 || p + 1 >= line.size() || line[p + 1] == ' ') continue;
    breaks.emplace_back(p, line[p - 1] == ',' ? 2 : is_operator_token(line, p + 1) ? 1 : 0);
  }
  std::vector<std::string> out;
  size_t start = 0;        // first character of the current piece in `line`
  std::string prefix;      // what the current output line starts with ("" or cont)
  size_t next_break = 0;   // first candidate after `start`
  while (prefix.size() + line.size() - start > static_cast<size_t>(limit)) {
    const size_t room = static_cast<size_t>(limit) - prefix.size();
    // The best class that fills at least half of the line, its last fitting candidate.
    size_t chosen = std::string::npos;
    for (int cls = 2; cls >= 0 && chosen == std::string::npos; --cls)
      for (size_t b = next_break; b < breaks.size() && breaks[b].first - start <= room; ++b)
        if (breaks[b].second >= cls && (cls == 0 || breaks[b].first - start >= room / 2)) chosen = b;
    if (chosen == std::string::npos) {  // nothing fits: break at the first candidate
      while (next_break < breaks.size() && breaks[next_break].first <= start) ++next_break;
      if (next_break == breaks.size()) break;
      chosen = next_break;
    }
    out.push_back(prefix + line.substr(start, breaks[chosen].first - start));
    start = breaks[chosen].first + 1;
    prefix = cont;
    next_break = chosen + 1;
  }
  out.push_back(prefix + line.substr(start));
  return out;
}

}  // namespace tpegen
