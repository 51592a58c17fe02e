// Methods `profile.fields` and `recommend`: the decision calculator.

#include "methods.hpp"
#include "number_text.hpp"
#include "patsel/recommend.hpp"

namespace patsel::detail {

namespace {

json reasons_json(const std::vector<Evidence>& reasons) {
  json out = json::array();
  for (const Evidence& e : reasons)
    out.push_back({{"rule", e.rule}, {"weight", number_json(e.weight)}, {"reason", e.reason}});
  return out;
}

json scored_json(const PatternScore& s) {
  json out = pattern_ref(*s.pattern);
  out["score"] = number_json(s.score);
  out["reasons"] = reasons_json(s.reasons);
  return out;
}

}  // namespace

Result<json> profile_fields(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {})) return *error;
  json fields = json::array();
  for (const ProfileField& f : state.reasoning().rules.fields) fields.push_back(f.data);
  return json{{"fields", std::move(fields)}, {"problems", errors_json(state.reasoning().rules.problems)}};
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

  json ranked = json::array(), excluded = json::array(), discouraged = json::array(), complements = json::array();
  for (const PatternScore& s : rec.ranked) ranked.push_back(scored_json(s));
  for (const ExcludedPattern& e : rec.excluded) {
    json item = pattern_ref(*e.scored.pattern);
    item["score"] = number_json(e.scored.score);
    item["reason"] = e.reason;
    item["consider"] = pattern_refs(e.consider);
    item["reasons"] = reasons_json(e.scored.reasons);
    excluded.push_back(std::move(item));
  }
  for (const PatternScore& s : rec.discouraged) discouraged.push_back(scored_json(s));
  for (const Complement& c : rec.complements) {
    json item = pattern_ref(*c.pattern);
    item["relationship"] = to_string(c.relationship);
    item["for"] = c.for_patterns;
    complements.push_back(std::move(item));
  }
  json invalid = json::array();
  for (const FieldProblem& p : profile.invalid_fields) invalid.push_back({{"field", p.field}, {"message", p.message}});
  return json{{"ranked", std::move(ranked)},
              {"excluded", std::move(excluded)},
              {"discouraged", std::move(discouraged)},
              {"complements", std::move(complements)},
              {"complexity", complexity_json(rec.complexity)},
              {"fired_rules", rec.fired},
              {"undecided_fields", rec.undecided_fields},
              {"unknown_fields", profile.unknown_fields},
              {"invalid_fields", std::move(invalid)},
              {"problems", errors_json(reasoning.rules.problems)}};
}

}  // namespace patsel::detail
