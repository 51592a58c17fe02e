#pragma once
// The requirements profile and the recommendation rules of catalog.json
// (`profile` and `rules`, written in data/rules.yaml): typed fields a user
// fills in, and conditions over them that add weighted evidence for or
// against patterns.
//
// Missing values: a comparison on a field the user left empty (or gave an
// invalid value) is *unknown*, never true. Conditions combine in three-valued
// (Kleene) logic: `not` keeps unknown unknown, `all` is false as soon as one
// part is false, `any` is true as soon as one part is true, and a rule fires
// only when its condition is true. So `not: {field: peak_rps, op: lt, value:
// 10}` does not fire for an empty peak_rps: nothing is known about it. Only
// the `set` operator (was the field given?) is true or false on its own.

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patsel/result.hpp"

namespace patsel {

enum class FieldType { number, choice, set, boolean };

std::string_view to_string(FieldType type);

/// One declared profile field.
struct ProfileField {
  std::string id;
  std::string label;
  FieldType type = FieldType::number;
  std::string unit;
  std::string help;
  std::optional<double> min;         ///< numbers only
  std::optional<double> max;         ///< numbers only
  std::vector<std::string> values;   ///< choice and set: the allowed words, in order
  nlohmann::json data;               ///< the declaration as in catalog.json
};

/// A field's value as the user gave it; which member holds it follows the type.
struct FieldValue {
  double number = 0;
  bool flag = false;
  std::string word;                  ///< choice
  std::vector<std::string> members;  ///< set, in the order given, without duplicates
};

/// A field the profile could not use, and why.
struct FieldProblem {
  std::string field;
  std::string message;  ///< names the JSON path, e.g. "$.profile.peak_rps: ..."
};

/// A profile checked against the declared fields.
struct Profile {
  std::map<std::string, FieldValue> values;  ///< the valid values only
  std::vector<std::string> unknown_fields;   ///< keys no field declares, in input order
  std::vector<FieldProblem> invalid_fields;  ///< wrong type, out of range, not an allowed value
};

/// Three-valued truth of a condition.
enum class Truth { no, yes, unknown };

/// A condition compiled from catalog.json: a comparison or a combination.
struct Condition {
  enum class Kind { compare, all, any, negate };
  Kind kind = Kind::compare;
  std::vector<Condition> parts;  ///< all/any: the parts; negate: exactly one
  std::size_t field = 0;         ///< compare: index into RuleBook::fields
  std::string op;                ///< compare: eq ne lt lte gt gte between in has has_any has_all set
  std::vector<double> numbers;   ///< compare on a number field: the value(s)
  std::vector<std::string> words;  ///< compare on a choice or set field: the value(s)
  bool flag = false;             ///< compare on a boolean field
};

struct RuleEffect {
  std::string pattern;
  double weight = 0;  ///< -5 to +5; a rule with a weight outside is a `rule.bad_effect` problem
  std::string reason;
};

struct Rule {
  std::string id;
  Condition when;
  std::vector<RuleEffect> effects;
};

/// The fields and rules of a catalog, compiled once at load.
struct RuleBook {
  std::vector<ProfileField> fields;
  std::vector<Rule> rules;
  /// Declarations and rules that were left out because they are malformed,
  /// e.g. `[rule.bad_condition] $.rules[4].when.all[1]: 'colour' is not a profile field`.
  std::vector<Error> problems;

  /// The index of field `id` in `fields`, or nullopt.
  std::optional<std::size_t> field_index(std::string_view id) const;
};

/// Compiles catalog.json's `profile` and `rules` arrays. Never fails as a
/// whole: what cannot be used is reported in `problems`.
///
/// ```
/// auto book = patsel::read_rule_book(catalog.section("profile"), catalog.section("rules"));
/// ```
RuleBook read_rule_book(const nlohmann::json& profile, const nlohmann::json& rules);

/// Checks a profile (a JSON object, field id -> value) against the declared
/// fields. `null` means "not given". Unknown and invalid fields are
/// reported, not fatal: the valid ones are still used.
///
/// ```
/// auto profile = patsel::read_profile(book, {{"peak_rps", 10000}, {"consistency", "strong"}});
/// ```
Profile read_profile(const RuleBook& book, const nlohmann::json& input);

/// Evaluates a condition in three-valued logic (see the top of this file).
Truth evaluate(const RuleBook& book, const Condition& condition, const Profile& profile);

/// Fields a condition reads, in the order they appear.
void condition_fields(const Condition& condition, std::vector<std::size_t>& out);

/// A condition in a few words, as a reader would say it, with the labels
/// a form shows for values: "3 dependencies or more", "10,000 req/s or
/// more", "under 10 req/s", "Strong", "HIPAA or PCI DSS", "not Eventual".
std::string describe(const RuleBook& book, const Condition& condition);

}  // namespace patsel
