// Methods over the catalog's reference sections: `families`, `timeline`,
// `paths`, `path`, `compositions`, `problems` and `cards`.

#include <algorithm>

#include "methods.hpp"
#include "patsel/reference.hpp"

namespace patsel::detail {
namespace {

json year_json(const std::optional<long long>& year) { return year ? json(*year) : json(nullptr); }

json family_json(const FamilySummary& f) {
  return {{"id", f.id},
          {"title", f.title},
          {"summary", f.summary},
          {"from_year", year_json(f.from_year)},
          {"to_year", year_json(f.to_year)},
          {"patterns", f.patterns}};
}

json step_json(const TimelineStep& step) {
  return {{"year", year_json(step.year)},
          {"pattern", step.pattern ? json(step.pattern->id) : json(nullptr)},
          {"title", step.title},
          {"tier", step.pattern ? json(to_string(step.pattern->tier)) : json(nullptr)},
          {"innovation", step.innovation},
          {"limitations", step.limitations},
          {"adopters", step.adopters}};
}

json trigger_json(const MigrationTrigger& t) {
  return {{"from", pattern_ref(*t.from)}, {"to", pattern_ref(*t.to)}, {"triggers", t.triggers}};
}

json path_summary_json(const LearningPathSummary& p) {
  return {{"id", p.id},       {"level", p.level},   {"title", p.title},
          {"summary", p.summary}, {"stages", p.stages}, {"patterns", p.patterns}};
}

json stage_json(const PathStage& stage) {
  return {{"title", stage.title}, {"patterns", array_of(stage.patterns, [](const PathPattern& p) {
             return pattern_ref(*p.pattern, {{"requires", p.requires_}, {"uncovered", p.uncovered}});
           })}};
}

json composition_json(const Composition& c) {
  return {{"id", c.id},
          {"pattern", c.whole ? json(c.whole->id) : json(nullptr)},
          {"title", c.title},
          {"summary", c.summary},
          {"parts", pattern_refs(c.parts)},
          {"formula", c.formula}};
}

json problem_json(const Problem& p) {
  return {{"id", p.id},
          {"area", p.area},
          {"title", p.title},
          {"description", p.description},
          {"primary", pattern_refs(p.primary)},
          {"supporting", pattern_refs(p.supporting)}};
}

json card_json(const Card& c) {
  return {{"id", c.id},
          {"title", c.title},
          {"essential", pattern_refs(c.essential)},
          {"important", pattern_refs(c.important)},
          {"advanced", pattern_refs(c.advanced)}};
}

// Params that are `{key: id}`, the id of a record of `section`: a missing
// or unknown id names the ones there are.
Result<std::string> record_id_param(const Catalog& catalog, const json& params, const std::string& key,
                                    const std::string& section, const std::string& what) {
  if (auto error = unknown_keys(params, {key})) return *error;
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
  auto only = pattern_filter(state.catalog, params);
  if (!only) return only.error();
  return json{{"families", array_of(patsel::families(state.catalog, only.value()), family_json)}};
}

Result<json> timeline(const EngineState& state, const json& params) {
  auto id = record_id_param(state.catalog, params, "family", "families", "a family");
  if (!id) return id.error();
  const Timeline family = *family_timeline(state.catalog, id.value());
  return json{{"id", family.id},
              {"title", family.title},
              {"summary", family.summary},
              {"timeline", array_of(family.steps, step_json)},
              {"migration_triggers", array_of(family.triggers, trigger_json)}};
}

Result<json> learning_paths(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {})) return *error;
  return json{{"paths", array_of(patsel::learning_paths(state.catalog), path_summary_json)}};
}

Result<json> learning_path(const EngineState& state, const json& params) {
  auto id = record_id_param(state.catalog, params, "path", "paths", "a learning path");
  if (!id) return id.error();
  const LearningPath path = *patsel::learning_path(state.catalog, state.reasoning().graph, id.value());
  return json{{"id", path.id},
              {"level", path.level},
              {"title", path.title},
              {"summary", path.summary},
              {"stages", array_of(path.stages, stage_json)}};
}

Result<json> compositions(const EngineState& state, const json& params) {
  auto only = pattern_filter(state.catalog, params);
  if (!only) return only.error();
  return json{{"compositions", array_of(patsel::compositions(state.catalog, only.value()), composition_json)}};
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
  return json{{"areas", areas}, {"problems", array_of(problems(state.catalog, area.value(), only.value()), problem_json)}};
}

Result<json> cards(const EngineState& state, const json& params) {
  std::string only;
  if (!params.empty()) {
    auto id = record_id_param(state.catalog, params, "card", "cards", "a card");
    if (!id) return id.error();
    only = id.value();
  }
  return json{{"cards", array_of(patsel::cards(state.catalog, only), card_json)}};
}

}  // namespace patsel::detail
