// docs/reference/manifest.md: the keys of manifest.json, walked from schema/manifest.schema.json
// in the file's own order (ordered_json), one table per object of the schema.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "docs/markdown.hpp"
#include "docs/reference.hpp"

namespace tpegen::docs {
namespace {

using Json = nlohmann::ordered_json;

// "#/$defs/port" links to the section of `port`; a part of a definition,
// "#/$defs/axi/properties/memories", to its definition's section as "axi.memories".
std::string def_link(const std::string& ref) {
  const std::string path = ref.substr(std::string("#/$defs/").size());
  const std::string def = path.substr(0, path.find('/'));
  const std::string name = path == def ? def : def + "." + path.substr(path.rfind('/') + 1);
  return fmt::format("[{}](#{})", name, def);
}

// "integer >= 1", "one of `in`, `out`", "array of [port](#port)", "object of string".
std::string type_of(const Json& s) {
  if (s.contains("$ref")) return def_link(s.at("$ref").get<std::string>());
  if (s.contains("const")) return "always " + code(s.at("const").dump());
  if (s.contains("enum")) {
    std::string values;
    for (auto& v : s.at("enum")) values += (values.empty() ? "" : ", ") + code(v.is_string() ? v.get<std::string>() : v.dump());
    return "one of " + values;
  }
  std::string t = s.value("type", "any");
  if (t == "array" && s.contains("items")) {
    const Json& items = s.at("items");
    return "array of " + (items.contains("properties") ? std::string("objects (below)") : type_of(items));
  }
  if (t == "object" && s.contains("additionalProperties") && s.at("additionalProperties").is_object())
    return "object of " + type_of(s.at("additionalProperties"));
  if (s.contains("minimum")) t += fmt::format(" >= {}", s.at("minimum").dump());
  if (s.contains("exclusiveMinimum")) t += fmt::format(" > {}", s.at("exclusiveMinimum").dump());
  if (s.value("minLength", 0) > 0) t += ", not empty";
  return t;
}

bool is_required(const Json& object, const std::string& key) {
  if (!object.contains("required")) return false;
  for (auto& r : object.at("required"))
    if (r == key) return true;
  return false;
}

// One row per key; the keys of an inline object (or of an array's inline objects) follow
// their parent as parent.key (parent[].key).
void add_rows(const Json& object, const std::string& prefix, std::vector<std::vector<std::string>>& rows) {
  if (!object.contains("properties")) return;
  for (auto& [key, s] : object.at("properties").items()) {
    const std::string name = prefix + key;
    rows.push_back({code(name), type_of(s), is_required(object, key) ? "yes" : "no", text(s.value("description", ""))});
    if (s.contains("properties")) add_rows(s, name + ".", rows);
    if (s.contains("items") && s.at("items").contains("properties")) add_rows(s.at("items"), name + "[].", rows);
  }
}

std::string object_table(const Json& object) {
  std::vector<std::vector<std::string>> rows;
  add_rows(object, "", rows);
  return table({"Key", "Type", "Required", "Meaning"}, rows);
}

}  // namespace

std::string manifest_page(const std::string& schema_text) {
  Json schema;
  try {
    schema = Json::parse(schema_text);
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(std::string("invalid manifest schema: not valid JSON: ") + e.what());
  }
  std::string out = kGeneratedMark;
  out += "# Manifest reference\n\n";
  out += sentence(schema.value("description", "")) + "\n\n";
  out += fmt::format("This page is generated from `schema/manifest.schema.json` ({}).\n\n", text(schema.value("title", "")));
  out += "## manifest.json\n\n";
  out += object_table(schema);
  if (schema.contains("$defs")) {
    for (auto& [name, def] : schema.at("$defs").items()) {
      out += fmt::format("\n## {}\n\n", name);
      if (def.contains("description")) out += sentence(def.at("description").get<std::string>()) + "\n\n";
      if (name == "config") out += "The keys and their values are those of [the configuration](config.md).\n\n";
      out += object_table(def);
    }
  }
  return out;
}

}  // namespace tpegen::docs
