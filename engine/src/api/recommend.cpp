// Methods `profile.fields` and `recommend`: the decision calculator.

#include "methods.hpp"
#include "number_text.hpp"
#include "patsel/recommend.hpp"

namespace patsel::detail {

namespace {

json evidence_json(const Evidence& e) {
  return {{"rule", e.rule}, {"weight", number_json(e.weight)}, {"reason", e.reason}};
}

json scored_json(const PatternScore& s) {
  return pattern_ref(*s.pattern, {{"score", number_json(s.score)}, {"reasons", array_of(s.reasons, evidence_json)}});
}

json excluded_json(const ExcludedPattern& e) {
  return pattern_ref(*e.scored.pattern, {{"score", number_json(e.scored.score)},
                                         {"reason", e.reason},
                                         {"consider", pattern_refs(e.consider)},
                                         {"reasons", array_of(e.scored.reasons, evidence_json)}});
}

json complement_json(const Complement& c) {
  return pattern_ref(*c.pattern, {{"relationship", to_string(c.relationship)}, {"for", c.for_patterns}});
}

json field_problem_json(const FieldProblem& p) { return {{"field", p.field}, {"message", p.message}}; }

// A field's value as a profile would give it.
json value_json(const ProfileField& field, const FieldValue& value) {
  switch (field.type) {
    case FieldType::number: return number_json(value.number);
    case FieldType::choice: return value.word;
    case FieldType::set: return value.members;
    case FieldType::boolean: return value.flag;
  }
  return nullptr;
}

json next_field_json(const RuleBook& book, const NextField& n) {
  const ProfileField& field = book.fields[n.field];
  return {{"field", field.id},
          {"value", value_json(field, n.value)},
          {"adds", pattern_refs(n.adds)},
          {"drops", pattern_refs(n.drops)},
          {"moves", n.moves}};
}

}  // namespace

Result<json> profile_fields(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {})) return *error;
  const RuleBook& rules = state.reasoning().rules;
  return json{{"fields", array_of(rules.fields, [](const ProfileField& f) { return f.data; })},
              {"problems", errors_json(rules.problems)}};
}

Result<json> recommendations(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"profile", "tiers", "limit"})) return *error;
  const json* input = member(params, "profile");
  if (!input || !input->is_object()) return bad_option("$.profile", "expected an object of field values");
  auto tiers = tier_list(params, "tiers", {Tier::gold});
  if (!tiers) return tiers.error();
  auto limit = integer_option(params, "limit", 0, 0, 1000);
  if (!limit) return limit.error();

  const ReasoningState& reasoning = state.reasoning();
  Profile profile = read_profile(reasoning.rules, *input);
  RecommendQuery query{tiers.value(), static_cast<std::size_t>(limit.value())};
  Recommendation rec = patsel::recommend(state.catalog, reasoning.rules, reasoning.graph, profile, query);

  return json{{"ranked", array_of(rec.ranked, scored_json)},
              {"excluded", array_of(rec.excluded, excluded_json)},
              {"discouraged", array_of(rec.discouraged, scored_json)},
              {"complements", array_of(rec.complements, complement_json)},
              {"complexity", complexity_json(rec.complexity)},
              {"fired_rules", rec.fired},
              {"undecided_fields", rec.undecided_fields},
              {"next_fields", array_of(rec.next_fields, [&](const NextField& n) { return next_field_json(reasoning.rules, n); })},
              {"unknown_fields", profile.unknown_fields},
              {"invalid_fields", array_of(profile.invalid_fields, field_problem_json)},
              {"problems", errors_json(reasoning.rules.problems)}};
}

}  // namespace patsel::detail
