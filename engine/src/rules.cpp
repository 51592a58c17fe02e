#include "patsel/rules.hpp"

#include <algorithm>
#include <cmath>

#include "json_util.hpp"
#include "number_text.hpp"

namespace patsel {
namespace {

using detail::json;
using detail::number_text;

// The documented range of a rule effect's weight (docs/catalog-data.md).
constexpr double kMinWeight = -5, kMaxWeight = 5;

constexpr std::string_view kTypeNames[] = {"number", "choice", "set", "boolean"};

std::optional<FieldType> parse_type(std::string_view word) {
  for (std::size_t i = 0; i < std::size(kTypeNames); ++i)
    if (word == kTypeNames[i]) return static_cast<FieldType>(i);
  return std::nullopt;
}

// Which operators apply to which type. Choices are ordered by their
// declaration, so `lt` and friends work on them too.
bool op_applies(FieldType type, const std::string& op) {
  static const std::vector<std::string> kNumber = {"eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "set"};
  static const std::vector<std::string> kChoice = {"eq", "ne", "lt", "lte", "gt", "gte", "in", "set"};
  static const std::vector<std::string> kSet = {"has", "has_any", "has_all", "set"};
  static const std::vector<std::string> kBoolean = {"eq", "ne", "set"};
  const std::vector<std::string>* ops = &kNumber;
  if (type == FieldType::choice) ops = &kChoice;
  if (type == FieldType::set) ops = &kSet;
  if (type == FieldType::boolean) ops = &kBoolean;
  return std::find(ops->begin(), ops->end(), op) != ops->end();
}

bool contains(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string joined(const std::vector<std::string>& words, const std::string& last) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " " + last + " " : ", ") + words[i];
  return out;
}

Result<ProfileField> read_field(const json& record, const std::string& where) {
  auto bad = [&](const std::string& path, const std::string& why) { return Error{"rule.bad_field", path + ": " + why}; };
  if (!record.is_object()) return bad(where, "expected an object");
  ProfileField field;
  field.id = detail::string_or(record, "id");
  if (field.id.empty()) return bad(where + ".id", "missing or not a string");
  const std::string type = detail::string_or(record, "type");
  auto parsed = parse_type(type);
  if (!parsed) return bad(where + ".type", "'" + type + "' is not a field type (number, choice, set, boolean)");
  field.type = *parsed;
  field.label = detail::string_or(record, "label", field.id);
  field.unit = detail::string_or(record, "unit");
  field.help = detail::string_or(record, "help");
  for (const char* key : {"min", "max"}) {
    const json* limit = detail::member(record, key);
    if (!limit) continue;
    if (!limit->is_number() || !std::isfinite(limit->get<double>())) return bad(where + "." + key, "expected a finite number");
    (std::string(key) == "min" ? field.min : field.max) = limit->get<double>();
  }
  if (field.type == FieldType::choice || field.type == FieldType::set) {
    const json* values = detail::member(record, "values");
    if (!values || !values->is_array() || values->empty())
      return bad(where + ".values", "a " + type + " field needs a list of values");
    for (std::size_t i = 0; i < values->size(); ++i) {
      if (!(*values)[i].is_string()) return bad(where + ".values[" + std::to_string(i) + "]", "expected a string");
      field.values.push_back((*values)[i].get<std::string>());
    }
  }
  field.data = record;
  return field;
}

class ConditionReader {
 public:
  explicit ConditionReader(const RuleBook& book) : book_(book) {}

  Result<Condition> read(const json& c, const std::string& path, int depth = 0) const {
    // Evaluation recurses, so a hand-made catalog must not nest without bound.
    if (depth > kMaxDepth) return bad(path, "conditions nest more than " + std::to_string(kMaxDepth) + " deep");
    if (!c.is_object() || c.empty()) return bad(path, "a condition is {field, op, value}, all, any or not");
    for (const char* group : {"all", "any"}) {
      const json* list = detail::member(c, group);
      if (!list) continue;
      if (!list->is_array() || list->empty()) return bad(path + "." + group, "expected a non-empty list of conditions");
      Condition out;
      out.kind = std::string(group) == "all" ? Condition::Kind::all : Condition::Kind::any;
      for (std::size_t i = 0; i < list->size(); ++i) {
        auto part = read((*list)[i], path + "." + group + "[" + std::to_string(i) + "]", depth + 1);
        if (!part) return part.error();
        out.parts.push_back(std::move(part).value());
      }
      return out;
    }
    if (const json* inner = detail::member(c, "not")) {
      auto part = read(*inner, path + ".not", depth + 1);
      if (!part) return part.error();
      Condition out;
      out.kind = Condition::Kind::negate;
      out.parts.push_back(std::move(part).value());
      return out;
    }
    return compare(c, path);
  }

 private:
  static constexpr int kMaxDepth = 32;
  const RuleBook& book_;

  static Error bad(const std::string& path, const std::string& why) {
    return Error{"rule.bad_condition", path + ": " + why};
  }

  Result<Condition> compare(const json& c, const std::string& path) const {
    Condition out;
    const std::string field = detail::string_or(c, "field");
    auto index = book_.field_index(field);
    if (!index) return bad(path + ".field", "'" + field + "' is not a profile field");
    out.field = *index;
    out.op = detail::string_or(c, "op");
    const ProfileField& declared = book_.fields[*index];
    const std::string type(to_string(declared.type));
    if (!op_applies(declared.type, out.op))
      return bad(path + ".op", "'" + out.op + "' does not apply to " + type + " field '" + field + "'");
    if (out.op == "set") return out;
    const json* value = detail::member(c, "value");
    const bool many = out.op == "between" || out.op == "in" || out.op == "has_any" || out.op == "has_all";
    bool fits = value != nullptr && (many ? value->is_array() && !value->empty() : !value->is_array());
    if (fits) {
      std::vector<json> items = many ? std::vector<json>(value->begin(), value->end()) : std::vector<json>{*value};
      for (const json& item : items) {
        if (declared.type == FieldType::number && item.is_number()) {
          out.numbers.push_back(item.get<double>());
        } else if (declared.type == FieldType::boolean && item.is_boolean()) {
          out.flag = item.get<bool>();
        } else if ((declared.type == FieldType::choice || declared.type == FieldType::set) && item.is_string() &&
                   contains(declared.values, item.get<std::string>())) {
          out.words.push_back(item.get<std::string>());
        } else {
          fits = false;
        }
      }
      if (out.op == "between") fits = fits && out.numbers.size() == 2 && out.numbers[0] <= out.numbers[1];
    }
    if (!fits)
      return bad(path + ".value", "value " + (value ? value->dump() : std::string("(none)")) + " does not fit '" +
                                      out.op + "' on " + type + " field '" + field + "'");
    return out;
  }
};

Result<Rule> read_rule(const RuleBook& book, const json& record, const std::string& where) {
  if (!record.is_object()) return Error{"rule.bad_rule", where + ": expected an object"};
  Rule rule;
  rule.id = detail::string_or(record, "id");
  if (rule.id.empty()) return Error{"rule.bad_rule", where + ".id: missing or not a string"};
  const json* when = detail::member(record, "when");
  if (!when) return Error{"rule.bad_condition", where + ".when: a rule needs a condition"};
  auto condition = ConditionReader(book).read(*when, where + ".when");
  if (!condition) return condition.error();
  rule.when = std::move(condition).value();
  const json* effects = detail::member(record, "effects");
  if (!effects || !effects->is_array() || effects->empty())
    return Error{"rule.bad_effect", where + ".effects: a rule needs a list of effects"};
  for (std::size_t i = 0; i < effects->size(); ++i) {
    const json& e = (*effects)[i];
    const std::string path = where + ".effects[" + std::to_string(i) + "]";
    const json* weight = detail::member(e, "weight");
    RuleEffect effect{detail::string_or(e, "pattern"), 0, detail::string_or(e, "reason")};
    if (effect.pattern.empty() || !weight || !weight->is_number() || !std::isfinite(weight->get<double>()))
      return Error{"rule.bad_effect", path + ": an effect needs a pattern and a numeric weight"};
    effect.weight = weight->get<double>();
    // Within -5..+5, a score is a finite sum however many rules fire.
    if (effect.weight < kMinWeight || effect.weight > kMaxWeight)
      return Error{"rule.bad_effect", path + ".weight: " + number_text(effect.weight) + " is outside -5 to +5"};
    rule.effects.push_back(std::move(effect));
  }
  return rule;
}

Truth truth(bool value) { return value ? Truth::yes : Truth::no; }

Truth compare(const ProfileField& field, const Condition& c, const FieldValue& v) {
  const std::string& op = c.op;
  if (field.type == FieldType::set) {
    auto has = [&](const std::string& w) { return contains(v.members, w); };
    if (op == "has" || op == "has_all") return truth(std::all_of(c.words.begin(), c.words.end(), has));
    if (op == "has_any") return truth(std::any_of(c.words.begin(), c.words.end(), has));
    return Truth::no;
  }
  if (field.type == FieldType::boolean) return truth(op == "eq" ? v.flag == c.flag : v.flag != c.flag);
  // Numbers compare as numbers, choices by their place in the declaration.
  auto rank = [&](const std::string& w) {
    return static_cast<double>(std::find(field.values.begin(), field.values.end(), w) - field.values.begin());
  };
  const bool choice = field.type == FieldType::choice;
  const double given = choice ? rank(v.word) : v.number;
  std::vector<double> wanted = c.numbers;
  if (choice) {
    wanted.clear();
    for (const std::string& w : c.words) wanted.push_back(rank(w));
  }
  if (op == "in") return truth(std::find(wanted.begin(), wanted.end(), given) != wanted.end());
  if (wanted.empty()) return Truth::no;
  if (op == "eq") return truth(given == wanted[0]);
  if (op == "ne") return truth(given != wanted[0]);
  if (op == "lt") return truth(given < wanted[0]);
  if (op == "lte") return truth(given <= wanted[0]);
  if (op == "gt") return truth(given > wanted[0]);
  if (op == "gte") return truth(given >= wanted[0]);
  if (op == "between") return truth(wanted.size() == 2 && wanted[0] <= given && given <= wanted[1]);
  return Truth::no;
}

std::string with_unit(const ProfileField& field, const std::string& text) {
  return field.unit.empty() ? text : text + " " + field.unit;
}

}  // namespace

std::string_view to_string(FieldType type) { return kTypeNames[static_cast<std::size_t>(type)]; }

std::optional<std::size_t> RuleBook::field_index(std::string_view id) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].id == id) return i;
  return std::nullopt;
}

RuleBook read_rule_book(const json& profile, const json& rules) {
  RuleBook book;
  for (std::size_t i = 0; profile.is_array() && i < profile.size(); ++i) {
    const std::string where = "$.profile[" + std::to_string(i) + "]";
    auto field = read_field(profile[i], where);
    if (!field) {
      book.problems.push_back(field.error());
    } else if (book.field_index(field.value().id)) {
      book.problems.push_back({"rule.bad_field", where + ".id: '" + field.value().id + "' is declared twice; kept the first"});
    } else {
      book.fields.push_back(std::move(field).value());
    }
  }
  for (std::size_t i = 0; rules.is_array() && i < rules.size(); ++i) {
    auto rule = read_rule(book, rules[i], "$.rules[" + std::to_string(i) + "]");
    if (rule)
      book.rules.push_back(std::move(rule).value());
    else
      book.problems.push_back(rule.error());
  }
  return book;
}

Profile read_profile(const RuleBook& book, const json& input) {
  Profile profile;
  for (auto it = input.begin(); input.is_object() && it != input.end(); ++it) {
    const std::string& id = it.key();
    const json& value = it.value();
    auto index = book.field_index(id);
    if (!index) {
      profile.unknown_fields.push_back(id);
      continue;
    }
    if (value.is_null()) continue;
    const ProfileField& field = book.fields[*index];
    const std::string path = "$.profile." + id + ": ";
    auto invalid = [&](const std::string& why) { profile.invalid_fields.push_back({id, path + why}); };
    FieldValue v;
    switch (field.type) {
      case FieldType::number: {
        if (!value.is_number() || !std::isfinite(value.get<double>())) {
          invalid("expected a number" + (field.unit.empty() ? std::string() : " (" + field.unit + ")"));
          continue;
        }
        v.number = value.get<double>();
        if (field.min && v.number < *field.min) {
          invalid(number_text(v.number) + " is below the minimum " + number_text(*field.min));
          continue;
        }
        if (field.max && v.number > *field.max) {
          invalid(number_text(v.number) + " is above the maximum " + number_text(*field.max));
          continue;
        }
        break;
      }
      case FieldType::boolean:
        if (!value.is_boolean()) {
          invalid("expected true or false");
          continue;
        }
        v.flag = value.get<bool>();
        break;
      case FieldType::choice:
        if (!value.is_string() || !contains(field.values, value.get<std::string>())) {
          invalid(value.dump() + " is not one of " + joined(field.values, "or"));
          continue;
        }
        v.word = value.get<std::string>();
        break;
      case FieldType::set: {
        if (!value.is_array()) {
          invalid("expected a list of values from " + joined(field.values, "and"));
          continue;
        }
        bool ok = true;
        for (const json& member : value) {
          if (!member.is_string() || !contains(field.values, member.get<std::string>())) {
            invalid(member.dump() + " is not one of " + joined(field.values, "or"));
            ok = false;
            break;
          }
          if (!contains(v.members, member.get<std::string>())) v.members.push_back(member.get<std::string>());
        }
        if (!ok) continue;
        break;
      }
    }
    profile.values.emplace(id, std::move(v));
  }
  return profile;
}

Truth evaluate(const RuleBook& book, const Condition& c, const Profile& profile) {
  switch (c.kind) {
    case Condition::Kind::negate: {
      Truth inner = c.parts.empty() ? Truth::unknown : evaluate(book, c.parts[0], profile);
      return inner == Truth::unknown ? Truth::unknown : truth(inner == Truth::no);
    }
    case Condition::Kind::all:
    case Condition::Kind::any: {
      // all: one `no` decides; any: one `yes` decides; else unknown wins over the rest.
      const Truth decisive = c.kind == Condition::Kind::all ? Truth::no : Truth::yes;
      bool unknown = false;
      for (const Condition& part : c.parts) {
        Truth t = evaluate(book, part, profile);
        if (t == decisive) return decisive;
        unknown = unknown || t == Truth::unknown;
      }
      return unknown ? Truth::unknown : decisive == Truth::no ? Truth::yes : Truth::no;
    }
    case Condition::Kind::compare:
      break;
  }
  if (c.field >= book.fields.size()) return Truth::unknown;
  const ProfileField& field = book.fields[c.field];
  auto it = profile.values.find(field.id);
  if (c.op == "set") return truth(it != profile.values.end());
  if (it == profile.values.end()) return Truth::unknown;
  return compare(field, c, it->second);
}

void condition_fields(const Condition& c, std::vector<std::size_t>& out) {
  if (c.kind == Condition::Kind::compare) {
    if (std::find(out.begin(), out.end(), c.field) == out.end()) out.push_back(c.field);
    return;
  }
  for (const Condition& part : c.parts) condition_fields(part, out);
}

namespace {

// "10,000": thousands grouped, as a reader writes them.
std::string grouped(double n) {
  std::string text = number_text(n);
  const std::size_t digits_start = text[0] == '-' ? 1 : 0;
  std::size_t end = text.find_first_of(".eE");
  if (end == std::string::npos) end = text.size();
  if (end - digits_start <= 4) return text;  // 1000 stays 1000; 10000 -> 10,000
  for (std::size_t at = end; at > digits_start + 3; at -= 3) text.insert(at - 3, ",");
  return text;
}

// What a form shows for a choice or set value: its label, else the value.
std::string value_words(const ProfileField& field, const std::string& value) {
  const std::string label = detail::string_or(detail::child(field.data, "value_labels"), value);
  return label.empty() ? value : label;
}

bool compound(const Condition& c) { return c.kind == Condition::Kind::all || c.kind == Condition::Kind::any; }

}  // namespace

std::string describe(const RuleBook& book, const Condition& c) {
  if (c.kind == Condition::Kind::negate) {
    if (c.parts.empty()) return "not given";
    const std::string inner = describe(book, c.parts[0]);
    return compound(c.parts[0]) ? "not (" + inner + ")" : "not " + inner;
  }
  if (compound(c)) {
    std::string out;
    for (const Condition& part : c.parts)
      out += (out.empty() ? "" : c.kind == Condition::Kind::all ? " and " : " or ") + describe(book, part);
    return out;
  }
  if (c.field >= book.fields.size()) return "?";
  const ProfileField& field = book.fields[c.field];
  if (c.op == "set") return "given";
  if (field.type == FieldType::boolean) return (c.op == "eq") == c.flag ? "yes" : "no";
  std::vector<std::string> values;
  for (const std::string& w : c.words) values.push_back(value_words(field, w));
  if (field.type == FieldType::set) return joined(values, c.op == "has_all" ? "and" : "or");
  if (field.type == FieldType::number)
    for (double n : c.numbers) values.push_back(grouped(n));
  if (values.empty()) return "?";
  if (c.op == "between" && values.size() == 2) return with_unit(field, values[0] + " to " + values[1]);
  if (c.op == "in") return with_unit(field, joined(values, "or"));
  const bool choice = field.type == FieldType::choice;
  const std::string v = values[0];
  if (c.op == "eq") return choice ? v : with_unit(field, "exactly " + v);
  if (c.op == "ne") return "not " + with_unit(field, v);
  if (c.op == "lt") return with_unit(field, (choice ? "below " : "under ") + v);
  if (c.op == "lte") return with_unit(field, v) + (choice ? " or below" : " or less");
  if (c.op == "gt") return with_unit(field, (choice ? "above " : "over ") + v);
  if (c.op == "gte") return with_unit(field, v) + (choice ? " or above" : " or more");
  return with_unit(field, c.op + " " + v);
}

}  // namespace patsel
