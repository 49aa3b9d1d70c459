// The Liberty syntax as a tree, before any meaning: `type (args) { ... }` groups and
// `name : value ;` / `name (args) ;` attributes, each with the line it starts on.
#pragma once

#include <string>
#include <vector>

namespace tpegen::liberty {

struct Attribute {
  std::string name;
  std::vector<std::string> values;  // simple attribute: one value; complex: its arguments
  int line = 0;
};

struct Group {
  std::string type;
  std::vector<std::string> args;
  std::vector<Attribute> attrs;
  std::vector<Group> groups;
  int line = 0;

  /// The first attribute of that name, or nullptr.
  const Attribute* attr(const std::string& name) const {
    for (const Attribute& a : attrs)
      if (a.name == name) return &a;
    return nullptr;
  }
  /// The first value of the first attribute of that name, or `fallback`.
  std::string value(const std::string& name, const std::string& fallback = "") const {
    const Attribute* a = attr(name);
    return a && !a->values.empty() ? a->values.front() : fallback;
  }
  /// The group's first argument (a cell's or pin's name), "" when it has none.
  std::string name() const { return args.empty() ? std::string() : args.front(); }
};

}  // namespace tpegen::liberty
