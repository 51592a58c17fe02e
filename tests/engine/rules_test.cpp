// The requirements profile and the rule conditions: declarations,
// validation of a profile, and three-valued evaluation.

#include <doctest/doctest.h>

#include "patsel/rules.hpp"
#include "support.hpp"

using namespace patsel_test;
using patsel::Truth;

namespace {

patsel::RuleBook fixture_book() {
  auto catalog = catalog_at(catalog_fixture("reasoning.json"));
  return patsel::read_rule_book(catalog.section("profile"), catalog.section("rules"));
}

// Compiles one condition against the fixture's fields by wrapping it in a rule.
patsel::Condition condition(const patsel::RuleBook& fields, const char* text) {
  json profile = json::array();
  for (const auto& f : fields.fields) profile.push_back(f.data);
  json rules = json::array({{{"id", "r"}, {"when", json::parse(text)}, {"effects", {{{"pattern", "p"}, {"weight", 1}}}}}});
  auto book = patsel::read_rule_book(profile, rules);
  INFO(text);
  REQUIRE(book.problems.empty());
  REQUIRE(book.rules.size() == 1);
  return book.rules[0].when;
}

}  // namespace

TEST_CASE("the rule book keeps good fields and rules and reports the rest") {
  const patsel::RuleBook book = fixture_book();
  CHECK(book.fields.size() == 7);
  CHECK(book.fields[0].unit == "req/s");
  CHECK(*book.fields[6].min == 1);
  CHECK(book.fields[4].values == std::vector<std::string>{"gdpr", "hipaa", "pci"});
  CHECK(book.rules.size() == 12);
  REQUIRE(book.problems.size() == 3);
  CHECK(book.problems[0].to_string() ==
        "[rule.bad_field] $.profile[7].type: 'colour' is not a field type (number, choice, set, boolean)");
  CHECK(book.problems[1].to_string() == "[rule.bad_condition] $.rules[11].when.field: 'colour' is not a profile field");
  CHECK(book.problems[2].to_string() ==
        "[rule.bad_effect] $.rules[12].effects[0]: an effect needs a pattern and a numeric weight");

  SUBCASE("conditions that do not fit their field are refused with their place") {
    json profile = json::array({book.fields[0].data, book.fields[2].data, book.fields[4].data});
    json rules = json::parse(R"([
      {"id": "a", "when": {"field": "rps", "op": "has", "value": 1}, "effects": [{"pattern": "x", "weight": 1}]},
      {"id": "b", "when": {"field": "consistency", "op": "eq", "value": "linear"}, "effects": [{"pattern": "x", "weight": 1}]},
      {"id": "c", "when": {"field": "rps", "op": "between", "value": [10, 1]}, "effects": [{"pattern": "x", "weight": 1}]},
      {"id": "d", "when": {"any": []}, "effects": [{"pattern": "x", "weight": 1}]},
      {"id": "e", "when": {"not": {"field": "compliance", "op": "has_all", "value": "gdpr"}}, "effects": [{"pattern": "x", "weight": 1}]},
      {"id": "f", "when": {"field": "rps", "op": "gt", "value": 1}, "effects": []}])");
    auto checked = patsel::read_rule_book(profile, rules);
    CHECK(checked.rules.empty());
    std::vector<std::string> messages;
    for (const auto& p : checked.problems) messages.push_back(p.to_string());
    CHECK(messages == std::vector<std::string>{
                          "[rule.bad_condition] $.rules[0].when.op: 'has' does not apply to number field 'rps'",
                          "[rule.bad_condition] $.rules[1].when.value: value \"linear\" does not fit 'eq' on choice "
                          "field 'consistency'",
                          "[rule.bad_condition] $.rules[2].when.value: value [10,1] does not fit 'between' on number "
                          "field 'rps'",
                          "[rule.bad_condition] $.rules[3].when.any: expected a non-empty list of conditions",
                          "[rule.bad_condition] $.rules[4].when.not.value: value \"gdpr\" does not fit 'has_all' on "
                          "set field 'compliance'",
                          "[rule.bad_effect] $.rules[5].effects: a rule needs a list of effects"});
  }
}

TEST_CASE("conditions may not nest without bound") {
  json when = {{"field", "rps"}, {"op", "set"}};
  for (int i = 0; i < 40; ++i) when = {{"not", when}};
  json profile = json::array({{{"id", "rps"}, {"type", "number"}}});
  json rules = json::array({{{"id", "deep"}, {"when", when}, {"effects", {{{"pattern", "p"}, {"weight", 1}}}}}});
  auto book = patsel::read_rule_book(profile, rules);
  CHECK(book.rules.empty());
  REQUIRE(book.problems.size() == 1);
  std::string expected_path = "$.rules[0].when";
  for (int i = 0; i < 33; ++i) expected_path += ".not";
  CHECK(book.problems[0].to_string() == "[rule.bad_condition] " + expected_path + ": conditions nest more than 32 deep");
}

TEST_CASE("a profile is checked against the declared fields; problems are reported, not fatal") {
  const patsel::RuleBook book = fixture_book();
  SUBCASE("valid values of every type are kept") {
    auto profile = patsel::read_profile(book, json::parse(R"({"rps": 2500.5, "consistency": "causal",
      "compliance": ["pci", "gdpr", "pci"], "greenfield": false, "team": 1, "budget": null})"));
    CHECK(profile.unknown_fields.empty());
    CHECK(profile.invalid_fields.empty());
    CHECK(profile.values.size() == 5);  // null means "not given"
    CHECK(profile.values.at("rps").number == 2500.5);
    CHECK(profile.values.at("consistency").word == "causal");
    CHECK(profile.values.at("compliance").members == std::vector<std::string>{"pci", "gdpr"});
    CHECK(profile.values.at("greenfield").flag == false);
  }
  SUBCASE("unknown and invalid fields are listed by name (in key order) with a message naming the path") {
    auto profile = patsel::read_profile(book, json::parse(R"({"rps": -1, "consistency": "linear",
      "compliance": ["gdpr", "sox"], "team": 2000, "dependencies": "3", "greenfield": "yes", "colour": "red",
      "budget": "low"})"));
    CHECK(profile.unknown_fields == std::vector<std::string>{"colour"});
    std::vector<std::string> messages;
    for (const auto& p : profile.invalid_fields) messages.push_back(p.field + " | " + p.message);
    CHECK(messages == std::vector<std::string>{
                          "compliance | $.profile.compliance: \"sox\" is not one of gdpr, hipaa or pci",
                          "consistency | $.profile.consistency: \"linear\" is not one of strong, causal or eventual",
                          "dependencies | $.profile.dependencies: expected a number",
                          "greenfield | $.profile.greenfield: expected true or false",
                          "rps | $.profile.rps: -1 is below the minimum 0",
                          "team | $.profile.team: 2000 is above the maximum 1000"});
    CHECK(profile.values.size() == 1);  // only budget
  }
}

TEST_CASE("conditions are three-valued: a missing field is unknown, and only true fires") {
  const patsel::RuleBook book = fixture_book();
  auto eval = [&](const char* when, const char* profile_text) {
    return patsel::evaluate(book, condition(book, when), patsel::read_profile(book, json::parse(profile_text)));
  };
  SUBCASE("comparisons on numbers") {
    CHECK(eval(R"({"field": "rps", "op": "gte", "value": 10})", R"({"rps": 10})") == Truth::yes);
    CHECK(eval(R"({"field": "rps", "op": "gt", "value": 10})", R"({"rps": 10})") == Truth::no);
    CHECK(eval(R"({"field": "rps", "op": "between", "value": [5, 10]})", R"({"rps": 10})") == Truth::yes);
    CHECK(eval(R"({"field": "rps", "op": "in", "value": [1, 2]})", R"({"rps": 3})") == Truth::no);
    CHECK(eval(R"({"field": "rps", "op": "ne", "value": 3})", R"({"rps": 3.5})") == Truth::yes);
  }
  SUBCASE("choices compare by value, and by declaration order for lt and friends") {
    CHECK(eval(R"({"field": "budget", "op": "lt", "value": "high"})", R"({"budget": "medium"})") == Truth::yes);
    CHECK(eval(R"({"field": "budget", "op": "gte", "value": "medium"})", R"({"budget": "low"})") == Truth::no);
    CHECK(eval(R"({"field": "consistency", "op": "in", "value": ["strong", "causal"]})", R"({"consistency": "causal"})") ==
          Truth::yes);
  }
  SUBCASE("sets: has, has_any, has_all; an empty set is known to hold nothing") {
    CHECK(eval(R"({"field": "compliance", "op": "has_all", "value": ["gdpr", "pci"]})", R"({"compliance": ["pci"]})") ==
          Truth::no);
    CHECK(eval(R"({"field": "compliance", "op": "has_any", "value": ["gdpr", "pci"]})", R"({"compliance": ["pci"]})") ==
          Truth::yes);
    CHECK(eval(R"({"not": {"field": "compliance", "op": "has", "value": "gdpr"}})", R"({"compliance": []})") ==
          Truth::yes);
  }
  SUBCASE("a missing or invalid value is unknown, and not keeps it unknown") {
    CHECK(eval(R"({"field": "rps", "op": "lt", "value": 10})", "{}") == Truth::unknown);
    CHECK(eval(R"({"not": {"field": "rps", "op": "lt", "value": 10}})", "{}") == Truth::unknown);
    CHECK(eval(R"({"field": "rps", "op": "ne", "value": 10})", R"({"rps": "ten"})") == Truth::unknown);
    CHECK(eval(R"({"field": "greenfield", "op": "eq", "value": true})", "{}") == Truth::unknown);
  }
  SUBCASE("set asks whether a field was given, and is never unknown") {
    CHECK(eval(R"({"field": "team", "op": "set"})", "{}") == Truth::no);
    CHECK(eval(R"({"field": "team", "op": "set"})", R"({"team": 3})") == Truth::yes);
  }
  SUBCASE("all is false on one false part, any is true on one true part, else unknown wins") {
    const char* all = R"({"all": [{"field": "rps", "op": "gte", "value": 3}, {"field": "team", "op": "gte", "value": 3}]})";
    CHECK(eval(all, R"({"rps": 1})") == Truth::no);
    CHECK(eval(all, R"({"rps": 5})") == Truth::unknown);
    CHECK(eval(all, R"({"rps": 5, "team": 5})") == Truth::yes);
    const char* any = R"({"any": [{"field": "rps", "op": "gte", "value": 3}, {"field": "team", "op": "gte", "value": 3}]})";
    CHECK(eval(any, R"({"rps": 5})") == Truth::yes);
    CHECK(eval(any, R"({"rps": 1})") == Truth::unknown);
    CHECK(eval(any, R"({"rps": 1, "team": 1})") == Truth::no);
  }
}

TEST_CASE("conditions describe themselves in a few words, as a reader would say them") {
  const patsel::RuleBook book = fixture_book();
  auto text = [&](const char* when) { return patsel::describe(book, condition(book, when)); };
  CHECK(text(R"({"field": "rps", "op": "gte", "value": 10000})") == "10,000 req/s or more");
  CHECK(text(R"({"field": "rps", "op": "between", "value": [1.5, 3]})") == "1.5 to 3 req/s");
  CHECK(text(R"({"field": "dependencies", "op": "lt", "value": 3})") == "under 3");
  CHECK(text(R"({"field": "rps", "op": "lte", "value": 1000})") == "1000 req/s or less");
  CHECK(text(R"({"field": "rps", "op": "gt", "value": 1250000.5})") == "over 1,250,000.5 req/s");
  CHECK(text(R"({"field": "rps", "op": "eq", "value": 0})") == "exactly 0 req/s");
  CHECK(text(R"({"field": "consistency", "op": "eq", "value": "strong"})") == "strong");
  CHECK(text(R"({"field": "consistency", "op": "ne", "value": "eventual"})") == "not eventual");
  CHECK(text(R"({"field": "consistency", "op": "in", "value": ["strong", "causal", "eventual"]})") ==
        "strong, causal or eventual");
  CHECK(text(R"({"field": "compliance", "op": "has_all", "value": ["gdpr", "pci"]})") == "gdpr and pci");
  CHECK(text(R"({"field": "greenfield", "op": "eq", "value": false})") == "no");
  CHECK(text(R"({"not": {"field": "team", "op": "set"}})") == "not given");
  CHECK(text(R"({"not": {"any": [{"field": "team", "op": "set"}, {"field": "rps", "op": "lt", "value": 10}]}})") ==
        "not (given or under 10 req/s)");
}
