// Methods over the catalog's reference sections: `families`, `timeline`,
// `paths`, `path`, `compositions`, `problems` and `cards`.

#include <algorithm>

#include "methods.hpp"
#include "patsel/reference.hpp"

namespace patsel::detail {
namespace {

json year_json(const std::optional<long long>& year) { return year ? json(*year) : json(nullptr); }

// `params[key]`, the id of a record of `section`: a missing or unknown id
// names the ones there are.
Result<std::string> record_id_param(const Catalog& catalog, const json& params, const std::string& key,
                                    const std::string& section, const std::string& what) {
  auto id = string_option(params, key, "");
  if (!id) return id.error();
  const std::vector<std::string> ids = section_ids(catalog, section);
  for (const std::string& known : ids)
    if (known == id.value()) return id;
  if (id.value().empty()) return bad_option("$." + key, "expected " + what + " id (" + name_list(ids) + ")");
  return bad_option("$." + key, "'" + id.value() + "' is not " + what + " of the catalog (" + name_list(ids) + ")");
}

}  // namespace

Result<json> families(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern"})) return *error;
  auto only = optional_pattern_param(state.catalog, params, "pattern");
  if (!only) return only.error();
  json out = json::array();
  for (const FamilySummary& f : patsel::families(state.catalog, only.value()))
    out.push_back({{"id", f.id},
                   {"title", f.title},
                   {"summary", f.summary},
                   {"from_year", year_json(f.from_year)},
                   {"to_year", year_json(f.to_year)},
                   {"patterns", f.patterns}});
  return json{{"families", std::move(out)}};
}

Result<json> timeline(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"family"})) return *error;
  auto id = record_id_param(state.catalog, params, "family", "families", "a family");
  if (!id) return id.error();
  const Timeline family = *family_timeline(state.catalog, id.value());
  json steps = json::array();
  for (const TimelineStep& step : family.steps)
    steps.push_back({{"year", year_json(step.year)},
                     {"pattern", step.pattern ? json(step.pattern->id) : json(nullptr)},
                     {"title", step.title},
                     {"tier", step.pattern ? json(to_string(step.pattern->tier)) : json(nullptr)},
                     {"innovation", step.innovation},
                     {"limitations", step.limitations},
                     {"adopters", step.adopters}});
  json triggers = json::array();
  for (const MigrationTrigger& t : family.triggers)
    triggers.push_back({{"from", pattern_ref(*t.from)}, {"to", pattern_ref(*t.to)}, {"triggers", t.triggers}});
  return json{{"id", family.id},
              {"title", family.title},
              {"summary", family.summary},
              {"timeline", std::move(steps)},
              {"migration_triggers", std::move(triggers)}};
}

Result<json> learning_paths(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {})) return *error;
  json out = json::array();
  for (const LearningPathSummary& p : patsel::learning_paths(state.catalog))
    out.push_back({{"id", p.id},
                   {"level", p.level},
                   {"title", p.title},
                   {"summary", p.summary},
                   {"stages", p.stages},
                   {"patterns", p.patterns}});
  return json{{"paths", std::move(out)}};
}

Result<json> learning_path(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"path"})) return *error;
  auto id = record_id_param(state.catalog, params, "path", "paths", "a learning path");
  if (!id) return id.error();
  const LearningPath path = *patsel::learning_path(state.catalog, state.reasoning().graph, id.value());
  json stages = json::array();
  for (const PathStage& stage : path.stages) {
    json patterns = json::array();
    for (const PathPattern& p : stage.patterns) {
      json item = pattern_ref(*p.pattern);
      item["requires"] = p.requires_;
      item["uncovered"] = p.uncovered;
      patterns.push_back(std::move(item));
    }
    stages.push_back({{"title", stage.title}, {"patterns", std::move(patterns)}});
  }
  return json{{"id", path.id},
              {"level", path.level},
              {"title", path.title},
              {"summary", path.summary},
              {"stages", std::move(stages)}};
}

Result<json> compositions(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern"})) return *error;
  auto only = optional_pattern_param(state.catalog, params, "pattern");
  if (!only) return only.error();
  json out = json::array();
  for (const Composition& c : patsel::compositions(state.catalog, only.value()))
    out.push_back({{"id", c.id},
                   {"pattern", c.whole ? json(c.whole->id) : json(nullptr)},
                   {"title", c.title},
                   {"summary", c.summary},
                   {"parts", pattern_refs(c.parts)},
                   {"formula", c.formula}});
  return json{{"compositions", std::move(out)}};
}

Result<json> problem_matrix(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"area", "pattern"})) return *error;
  auto area = string_option(params, "area", "");
  if (!area) return area.error();
  auto only = optional_pattern_param(state.catalog, params, "pattern");
  if (!only) return only.error();
  const std::vector<std::string> areas = problem_areas(state.catalog);
  if (!area.value().empty() && std::find(areas.begin(), areas.end(), area.value()) == areas.end())
    return bad_option("$.area",
                      "'" + area.value() + "' is not an area of the problem matrix (" + name_list(areas) + ")");
  json out = json::array();
  for (const Problem& p : problems(state.catalog, area.value(), only.value()))
    out.push_back({{"id", p.id},
                   {"area", p.area},
                   {"title", p.title},
                   {"description", p.description},
                   {"primary", pattern_refs(p.primary)},
                   {"supporting", pattern_refs(p.supporting)}});
  return json{{"areas", areas}, {"problems", std::move(out)}};
}

Result<json> cards(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"card"})) return *error;
  std::string only;
  if (member(params, "card")) {
    auto id = record_id_param(state.catalog, params, "card", "cards", "a card");
    if (!id) return id.error();
    only = id.value();
  }
  json out = json::array();
  for (const Card& c : patsel::cards(state.catalog, only))
    out.push_back({{"id", c.id},
                   {"title", c.title},
                   {"essential", pattern_refs(c.essential)},
                   {"important", pattern_refs(c.important)},
                   {"advanced", pattern_refs(c.advanced)}});
  return json{{"cards", std::move(out)}};
}

}  // namespace patsel::detail
