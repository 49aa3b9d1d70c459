#include "liberty/units.hpp"

#include <cctype>
#include <cstdlib>
#include <map>

#include "liberty/error.hpp"

namespace tpegen::liberty {

double unit_factor(const std::string& u, const std::string& base, const std::string& source, int line) {
  size_t i = 0;
  while (i < u.size() && (std::isdigit(static_cast<unsigned char>(u[i])) || u[i] == '.')) ++i;
  const double mult = i ? std::strtod(u.substr(0, i).c_str(), nullptr) : 1.0;
  std::string rest = u.substr(i);
  while (!rest.empty() && rest.front() == ' ') rest.erase(rest.begin());
  std::string lower;
  for (char ch : rest) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string lbase;
  for (char ch : base) lbase += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (lower.size() >= lbase.size() && lower.compare(lower.size() - lbase.size(), lbase.size(), lbase) == 0)
    lower.resize(lower.size() - lbase.size());
  static const std::map<std::string, double> prefix = {{"", 1},     {"m", 1e-3},  {"u", 1e-6},
                                                       {"n", 1e-9}, {"p", 1e-12}, {"f", 1e-15}};
  const auto it = prefix.find(lower);
  if (it == prefix.end()) throw error_at(source, line, "unknown unit '" + u + "'");
  return mult * it->second;
}

Units read_units(const Group& lib, const std::string& source) {
  Units u;
  const auto simple = [&](const char* name, const char* fallback, const char* base) {
    const Attribute* a = lib.attr(name);
    return unit_factor(a && !a->values.empty() ? a->values.front() : fallback, base, source, a ? a->line : lib.line);
  };
  u.time_s = simple("time_unit", "1ns", "s");
  u.voltage_v = simple("voltage_unit", "1V", "V");
  u.leakage_power_w = simple("leakage_power_unit", "1nW", "W");
  if (const Attribute* cap = lib.attr("capacitive_load_unit")) {
    if (cap->values.size() != 2) throw error_at(source, cap->line, "capacitive_load_unit needs (number, unit)");
    u.capacitance_f = std::strtod(cap->values[0].c_str(), nullptr) * unit_factor(cap->values[1], "f", source, cap->line);
  }
  return u;
}

}  // namespace tpegen::liberty
