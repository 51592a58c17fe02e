#include "rule_checks.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace patsel::compile::detail {
namespace {

// Weights run from -5 (a strong reason against) to +5 (a strong reason
// for), so a score stays a small finite sum whatever the rules.
constexpr double kMinWeight = -5, kMaxWeight = 5;

const std::set<std::string> kTypes = {"number", "choice", "set", "boolean"};
const std::map<std::string, std::set<std::string>> kOperators = {
    {"number", {"eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "set"}},
    {"choice", {"eq", "ne", "in", "set"}},
    {"set", {"has", "has_any", "has_all", "set"}},
    {"boolean", {"eq", "ne", "set"}},
};

struct RuleContext {
  const json& fields;  // id -> declaration
  const std::string& file;
  const LineMap& lines;
  Report& report;

  int line(const std::string& path) const {
    auto it = lines.find(path);
    return it == lines.end() ? 0 : it->second;
  }
  void error(const std::string& rule, const std::string& path, const std::string& message) {
    report.error(rule, file, line(path), 0, message);
  }
};

bool value_fits(const json& field, const json& value) {
  const std::string type = field.value("type", "");
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  const json values = field.value("values", json::array());
  return value.is_string() && std::find(values.begin(), values.end(), value) != values.end();
}

bool check_condition(const json& c, const std::string& path, RuleContext& ctx) {
  if (!c.is_object() || c.empty()) {
    ctx.error("rule.bad_condition", path, path + ": a condition is {field, op, value}, all, any or not");
    return false;
  }
  for (const char* group : {"all", "any"})
    if (c.contains(group)) {
      const json& list = c[group];
      if (!list.is_array() || list.empty()) {
        ctx.error("rule.bad_condition", path, path + "." + group + ": expected a non-empty list of conditions");
        return false;
      }
      bool ok = true;
      for (std::size_t i = 0; i < list.size(); ++i)
        ok = check_condition(list[i], path + "." + group + "[" + std::to_string(i) + "]", ctx) && ok;
      return ok;
    }
  if (c.contains("not")) return check_condition(c["not"], path + ".not", ctx);

  const std::string field = c.value("field", "");
  const std::string op = c.value("op", "");
  if (!ctx.fields.contains(field)) {
    ctx.error("rule.unknown_field", path, path + ": '" + field + "' is not a profile field");
    return false;
  }
  const json& declaration = ctx.fields[field];
  const std::string type = declaration.value("type", "");
  if (!kOperators.at(type).count(op)) {
    ctx.error("rule.bad_operator", path, path + ": '" + op + "' does not apply to " + type + " field '" + field + "'");
    return false;
  }
  if (op == "set") return true;
  const json value = c.value("value", json());
  bool fits = true;
  if (op == "between") {
    fits = value.is_array() && value.size() == 2 && value[0].is_number() && value[1].is_number() && value[0] <= value[1];
  } else if (op == "in" || op == "has_any" || op == "has_all") {
    fits = value.is_array() && !value.empty();
    if (fits) for (const json& v : value) fits = fits && value_fits(declaration, v);
  } else if (op == "has") {
    fits = value_fits(declaration, value);
  } else {
    fits = value_fits(declaration, value);
  }
  if (!fits) ctx.error("rule.bad_value", path, path + ": value " + value.dump() + " does not fit '" + op + "' on " + type + " field '" + field + "'");
  return fits;
}

// A number field's min and max, when given, are finite numbers (YAML's
// `.nan` and `.inf` stay text, as JSON has no such numbers) with min <= max.
bool bounds_ok(const json& field, const std::string& path, const std::string& file, const LineMap& lines,
               Report& report) {
  auto line = [&](const std::string& at) {
    auto it = lines.find(at);
    return it != lines.end() ? it->second : lines.count(path) ? lines.at(path) : 0;
  };
  for (const char* key : {"min", "max"}) {
    const std::string at = path + "." + key;
    if (field.contains(key) && !(field[key].is_number() && std::isfinite(field[key].get<double>()))) {
      report.error("rule.bad_field", file, line(at), 0, at + ": " + field[key].dump() + " is not a finite number");
      return false;
    }
  }
  if (field.contains("min") && field.contains("max") && field["min"].get<double>() > field["max"].get<double>()) {
    report.error("rule.bad_field", file, line(path + ".min"), 0,
                 path + ": min " + field["min"].dump() + " is above max " + field["max"].dump());
    return false;
  }
  return true;
}

}  // namespace

void check_rules(json& profile, json& rules, const std::string& file, const LineMap& lines, Report& report) {
  json fields = json::object();
  for (std::size_t i = 0; i < profile.size(); ++i) {
    const json& f = profile[i];
    std::string path = "$.profile[" + std::to_string(i) + "]";
    std::string type = f.is_object() ? f.value("type", "") : "";
    if (!kTypes.count(type)) {
      report.error("rule.bad_field", file, lines.count(path) ? lines.at(path) : 0, 0,
                   path + ": type must be number, choice, set or boolean");
      continue;
    }
    if ((type == "choice" || type == "set") && (!f.contains("values") || !f["values"].is_array() || f["values"].empty())) {
      report.error("rule.bad_field", file, lines.count(path) ? lines.at(path) : 0, 0,
                   path + ": a " + type + " field needs a list of values");
      continue;
    }
    if (type == "number" && !bounds_ok(f, path, file, lines, report)) continue;
    if (f.contains("id") && f["id"].is_string()) fields[f["id"].get<std::string>()] = f;
  }
  RuleContext ctx{fields, file, lines, report};
  json kept = json::array();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    std::string path = "$.rules[" + std::to_string(i) + "]";
    const json& rule = rules[i];
    bool ok = rule.is_object() && rule.contains("when") && check_condition(rule["when"], path + ".when", ctx);
    if (rule.is_object() && !rule.contains("when")) ctx.error("rule.bad_condition", path, path + ": a rule needs a when condition");
    const json effects = rule.is_object() ? rule.value("effects", json::array()) : json::array();
    if (!effects.is_array() || effects.empty()) {
      ctx.error("rule.no_effects", path, path + ": a rule needs effects");
      ok = false;
    }
    for (std::size_t k = 0; effects.is_array() && k < effects.size(); ++k) {
      std::string epath = path + ".effects[" + std::to_string(k) + "]";
      const json& e = effects[k];
      if (!e.is_object() || !e.contains("weight") || !e["weight"].is_number() || e.value("reason", "").empty()) {
        ctx.error("rule.bad_effect", epath, epath + ": an effect needs a pattern, a numeric weight and a reason");
        ok = false;
      } else if (double w = e["weight"].get<double>(); !(w >= kMinWeight && w <= kMaxWeight)) {
        ctx.error("rule.bad_effect", epath + ".weight",
                  epath + ".weight: " + e["weight"].dump() + " is outside the weights' range, -5 to +5");
        ok = false;
      }
    }
    if (ok) kept.push_back(rule);
  }
  rules = std::move(kept);
}

}  // namespace patsel::compile::detail
