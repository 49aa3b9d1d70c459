#include "liberty/parser.hpp"

#include <cctype>
#include <cstring>

#include "liberty/error.hpp"

namespace tpegen::liberty {
namespace {

class Parser {
 public:
  Parser(const std::string& text, const std::string& source) : s_(text), source_(source) {}

  Group library() {
    skip();
    const int line = line_here();
    const std::string name = p_ < s_.size() && s_[p_] != '"' ? token() : std::string();
    if (name != "library" || !peek('('))
      fail_at(line, "not a liberty file: no library (NAME) group at its start");
    Group lib = group_after_name(name, line);
    skip();
    if (p_ < s_.size()) fail("text after the end of the library group");
    return lib;
  }

 private:
  [[noreturn]] void fail_at(int line, const std::string& why) const { throw error_at(source_, line, why); }
  [[noreturn]] void fail(const std::string& why) { fail_at(line_here(), why); }

  // Lines are counted as the parser moves forward (it never moves back).
  int line_here() {
    for (; counted_ < p_ && counted_ < s_.size(); ++counted_)
      if (s_[counted_] == '\n') ++line_;
    return line_;
  }

  void skip() {
    for (;;) {
      while (p_ < s_.size() && (std::isspace(static_cast<unsigned char>(s_[p_])) || s_[p_] == '\\')) ++p_;
      if (s_.compare(p_, 2, "/*") == 0) {
        const int line = line_here();
        const size_t e = s_.find("*/", p_ + 2);
        if (e == std::string::npos) fail_at(line, "unterminated comment");
        p_ = e + 2;
      } else if (s_.compare(p_, 2, "//") == 0) {
        while (p_ < s_.size() && s_[p_] != '\n') ++p_;
      } else {
        return;
      }
    }
  }

  // A quoted string (without its quotes and line continuations) or a bare word up to a
  // delimiter, trailing blanks dropped.
  std::string token() {
    skip();
    if (p_ >= s_.size()) fail("unexpected end of file");
    if (s_[p_] == '"') {
      const int line = line_here();
      const size_t e = s_.find('"', p_ + 1);
      if (e == std::string::npos) fail_at(line, "unterminated string");
      std::string t;
      t.reserve(e - p_ - 1);
      for (size_t i = p_ + 1; i < e; ++i) {
        if (s_[i] == '\\' && i + 1 < e && s_[i + 1] == '\n') ++i;
        else if (s_[i] == '\\' && i + 2 < e && s_[i + 1] == '\r' && s_[i + 2] == '\n') i += 2;
        else t += s_[i];
      }
      p_ = e + 1;
      return t;
    }
    const size_t b = p_;
    while (p_ < s_.size() && !std::strchr(",;:(){}\"\n", s_[p_])) ++p_;
    size_t e = p_;
    while (e > b && (std::isspace(static_cast<unsigned char>(s_[e - 1])) || s_[e - 1] == '\\')) --e;
    return s_.substr(b, e - b);
  }

  bool peek(char c) {
    skip();
    return p_ < s_.size() && s_[p_] == c;
  }

  // `(args)` then either `{ body }` (a group) or an optional `;` (a complex attribute).
  std::vector<std::string> args() {
    ++p_;  // '('
    std::vector<std::string> a;
    while (!peek(')')) {
      if (p_ >= s_.size()) fail("missing ')'");
      if (peek(',')) {
        ++p_;
        continue;
      }
      const size_t before = p_;
      a.push_back(token());
      if (p_ == before) fail(std::string("unexpected '") + s_[p_] + "' in an argument list");
    }
    ++p_;
    return a;
  }

  Group group_after_name(const std::string& type, int line) {
    Group g;
    g.type = type;
    g.line = line;
    g.args = args();
    if (!peek('{')) fail("expected '{' after " + type + " (...)");
    ++p_;
    body(g);
    return g;
  }

  void body(Group& g) {
    for (;;) {
      skip();
      if (p_ >= s_.size()) fail_at(g.line, "missing '}' (unbalanced braces): the " + g.type + " group never closes");
      if (s_[p_] == '}') {
        ++p_;
        return;
      }
      if (s_[p_] == ';') {  // stray separators
        ++p_;
        continue;
      }
      const int line = line_here();
      const std::string name = token();
      if (name.empty()) fail(std::string("expected a name, found '") + s_[p_] + "'");
      if (peek(':')) {
        ++p_;
        g.attrs.push_back({name, {token()}, line});
        if (peek(';')) ++p_;
        continue;
      }
      if (!peek('(')) fail("expected ':' or '(' after '" + name + "'");
      const size_t at = p_;
      std::vector<std::string> a = args();
      if (peek('{')) {
        p_ = at;  // re-read as a group (cheap: argument lists are short)
        g.groups.push_back(group_after_name(name, line));
      } else {
        if (peek(';')) ++p_;
        g.attrs.push_back({name, std::move(a), line});
      }
    }
  }

  const std::string& s_;
  const std::string& source_;
  size_t p_ = 0, counted_ = 0;
  int line_ = 1;
};

}  // namespace

Group parse_group_tree(const std::string& text, const std::string& source) { return Parser(text, source).library(); }

}  // namespace tpegen::liberty
