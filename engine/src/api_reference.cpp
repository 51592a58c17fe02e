// api methods over the catalog's reference sections: `families`,
// `timeline`, `paths`, `path`, `compositions`, `problems` and `cards`.
// Each reads its section defensively: a record of the wrong shape is
// skipped, a reference to an unknown pattern is left out.

#include <algorithm>
#include <set>

#include "api_methods.hpp"
#include "api_reasoning_support.hpp"
#include "engine_state.hpp"

namespace patsel::api::detail {
namespace {

using patsel::detail::child;
using patsel::detail::string_or;
using patsel::detail::strings;

template <class T>
bool has(const std::vector<T>& list, const T& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The record of `section` whose id is `params[key]`; a missing or unknown
// id names the ones there are.
Result<const json*> record_param(const Catalog& catalog, const json& params, const std::string& key,
                                 const std::string& section, const std::string& what) {
  auto id = string_option(params, key, "");
  if (!id) return id.error();
  std::string known;
  for (const json& record : catalog.section(section)) {
    const std::string record_id = string_or(record, "id");
    if (record_id.empty()) continue;
    if (record_id == id.value()) return &record;
    known += (known.empty() ? "" : ", ") + record_id;
  }
  if (id.value().empty()) return bad_option("$." + key, "expected " + what + " id (" + known + ")");
  return bad_option("$." + key, "'" + id.value() + "' is not " + what + " of the catalog (" + known + ")");
}

// An optional pattern filter: absent gives nullptr.
Result<const Pattern*> pattern_filter(const Catalog& catalog, const json& params) {
  if (!member(params, "pattern")) return static_cast<const Pattern*>(nullptr);
  return pattern_param(catalog, params, "pattern");
}

// The catalog patterns a family's timeline and triggers name, in order.
std::vector<std::string> family_patterns(const json& family) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& id) {
    if (!id.empty() && !has(ids, id)) ids.push_back(id);
  };
  const json& timeline = child(family, "timeline");
  for (std::size_t i = 0; timeline.is_array() && i < timeline.size(); ++i) add(string_or(timeline[i], "pattern"));
  const json& triggers = child(family, "migration_triggers");
  for (std::size_t i = 0; triggers.is_array() && i < triggers.size(); ++i) {
    add(string_or(triggers[i], "from"));
    add(string_or(triggers[i], "to"));
  }
  return ids;
}

std::vector<std::string> known(const Catalog& catalog, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& id : ids)
    if (catalog.find(id)) out.push_back(id);
  return out;
}

}  // namespace

Result<json> families(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern"})) return *error;
  auto filter = pattern_filter(state.catalog, params);
  if (!filter) return filter.error();
  json out = json::array();
  for (const json& family : state.catalog.section("families")) {
    if (string_or(family, "id").empty()) continue;
    std::vector<std::string> ids = known(state.catalog, family_patterns(family));
    if (filter.value() && !has(ids, filter.value()->id)) continue;
    const json& timeline = child(family, "timeline");
    long long first = 0, last = 0;
    for (std::size_t i = 0; timeline.is_array() && i < timeline.size(); ++i)
      if (auto year = patsel::detail::integer(timeline[i], "year")) {
        first = first == 0 ? *year : std::min(first, *year);
        last = std::max(last, *year);
      }
    out.push_back({{"id", string_or(family, "id")},
                   {"title", string_or(family, "title")},
                   {"summary", string_or(family, "summary")},
                   {"from_year", first == 0 ? json(nullptr) : json(first)},
                   {"to_year", last == 0 ? json(nullptr) : json(last)},
                   {"patterns", ids}});
  }
  return json{{"families", std::move(out)}};
}

Result<json> timeline(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"family"})) return *error;
  auto found = record_param(state.catalog, params, "family", "families", "a family");
  if (!found) return found.error();
  const json& family = *found.value();
  json steps = json::array();
  const json& timeline = child(family, "timeline");
  for (std::size_t i = 0; timeline.is_array() && i < timeline.size(); ++i) {
    const json& entry = timeline[i];
    const Pattern* p = state.catalog.find(string_or(entry, "pattern"));
    auto year = patsel::detail::integer(entry, "year");
    // A step outside the catalog has a `name`; an unknown id is shown as its name.
    const std::string name = string_or(entry, "name", string_or(entry, "pattern"));
    steps.push_back({{"year", year ? json(*year) : json(nullptr)},
                     {"pattern", p ? json(p->id) : json(nullptr)},
                     {"title", p ? p->title : name},
                     {"tier", p ? json(to_string(p->tier)) : json(nullptr)},
                     {"innovation", string_or(entry, "innovation")},
                     {"limitations", strings(entry, "limitations")},
                     {"adopters", strings(entry, "adopters")}});
  }
  json triggers = json::array();
  const json& list = child(family, "migration_triggers");
  for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
    const Pattern* from = state.catalog.find(string_or(list[i], "from"));
    const Pattern* to = state.catalog.find(string_or(list[i], "to"));
    if (!from || !to) continue;
    triggers.push_back({{"from", pattern_ref(*from)}, {"to", pattern_ref(*to)}, {"triggers", strings(list[i], "triggers")}});
  }
  return json{{"id", string_or(family, "id")},
              {"title", string_or(family, "title")},
              {"summary", string_or(family, "summary")},
              {"timeline", std::move(steps)},
              {"migration_triggers", std::move(triggers)}};
}

Result<json> learning_paths(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {})) return *error;
  json out = json::array();
  for (const json& path : state.catalog.section("paths")) {
    if (string_or(path, "id").empty()) continue;
    const json& stages = child(path, "stages");
    std::size_t patterns = 0;
    for (std::size_t i = 0; stages.is_array() && i < stages.size(); ++i)
      patterns += known(state.catalog, strings(stages[i], "patterns")).size();
    out.push_back({{"id", string_or(path, "id")},
                   {"level", string_or(path, "level")},
                   {"title", string_or(path, "title")},
                   {"summary", string_or(path, "summary")},
                   {"stages", stages.is_array() ? stages.size() : 0},
                   {"patterns", patterns}});
  }
  return json{{"paths", std::move(out)}};
}

Result<json> learning_path(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"path"})) return *error;
  auto found = record_param(state.catalog, params, "path", "paths", "a learning path");
  if (!found) return found.error();
  const json& record = *found.value();
  const json& stages = child(record, "stages");
  // Every pattern up to the current stage counts as learned, so a
  // prerequisite from a later stage (or outside the path) is `uncovered`.
  std::set<std::string> learned;
  json out_stages = json::array();
  for (std::size_t i = 0; stages.is_array() && i < stages.size(); ++i) {
    std::vector<std::string> ids = known(state.catalog, strings(stages[i], "patterns"));
    learned.insert(ids.begin(), ids.end());
    json patterns = json::array();
    for (const std::string& id : ids) {
      json item = pattern_ref(*state.catalog.find(id));
      std::vector<std::string> needs, uncovered;
      for (const Edge& e : state.reasoning().graph.edges(id))
        if (e.relation == Relation::requires_) {
          needs.push_back(e.target);
          if (!learned.count(e.target)) uncovered.push_back(e.target);
        }
      item["requires"] = needs;
      item["uncovered"] = uncovered;
      patterns.push_back(std::move(item));
    }
    out_stages.push_back({{"title", string_or(stages[i], "title")}, {"patterns", std::move(patterns)}});
  }
  return json{{"id", string_or(record, "id")},
              {"level", string_or(record, "level")},
              {"title", string_or(record, "title")},
              {"summary", string_or(record, "summary")},
              {"stages", std::move(out_stages)}};
}

Result<json> compositions(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern"})) return *error;
  auto filter = pattern_filter(state.catalog, params);
  if (!filter) return filter.error();
  json out = json::array();
  for (const json& record : state.catalog.section("compositions")) {
    if (string_or(record, "id").empty()) continue;
    const Pattern* whole = state.catalog.find(string_or(record, "pattern"));
    std::vector<std::string> parts = known(state.catalog, strings(record, "parts"));
    if (filter.value() && filter.value() != whole && !has(parts, filter.value()->id)) continue;
    std::string formula = (whole ? whole->title : string_or(record, "title")) + " =";
    for (std::size_t i = 0; i < parts.size(); ++i)
      formula += (i == 0 ? " " : " + ") + state.catalog.find(parts[i])->title;
    out.push_back({{"id", string_or(record, "id")},
                   {"pattern", whole ? json(whole->id) : json(nullptr)},
                   {"title", string_or(record, "title")},
                   {"summary", string_or(record, "summary")},
                   {"parts", pattern_refs(state.catalog, parts)},
                   {"formula", formula}});
  }
  return json{{"compositions", std::move(out)}};
}

Result<json> problem_matrix(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"area", "pattern"})) return *error;
  auto area = string_option(params, "area", "");
  if (!area) return area.error();
  auto filter = pattern_filter(state.catalog, params);
  if (!filter) return filter.error();
  std::vector<std::string> areas;
  for (const json& record : state.catalog.section("problems")) {
    const std::string a = string_or(record, "area");
    if (!a.empty() && !has(areas, a)) areas.push_back(a);
  }
  if (!area.value().empty() && !has(areas, area.value())) {
    std::string names;
    for (const std::string& a : areas) names += (names.empty() ? "" : ", ") + a;
    return bad_option("$.area", "'" + area.value() + "' is not an area of the problem matrix (" + names + ")");
  }
  json out = json::array();
  for (const json& record : state.catalog.section("problems")) {
    if (string_or(record, "id").empty()) continue;
    if (!area.value().empty() && string_or(record, "area") != area.value()) continue;
    std::vector<std::string> primary = known(state.catalog, strings(record, "primary"));
    std::vector<std::string> supporting = known(state.catalog, strings(record, "supporting"));
    if (filter.value() && !has(primary, filter.value()->id) && !has(supporting, filter.value()->id)) continue;
    out.push_back({{"id", string_or(record, "id")},
                   {"area", string_or(record, "area")},
                   {"title", string_or(record, "title")},
                   {"description", string_or(record, "description")},
                   {"primary", pattern_refs(state.catalog, primary)},
                   {"supporting", pattern_refs(state.catalog, supporting)}});
  }
  return json{{"areas", areas}, {"problems", std::move(out)}};
}

Result<json> cards(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"card"})) return *error;
  const json* only = nullptr;
  if (member(params, "card")) {
    auto found = record_param(state.catalog, params, "card", "cards", "a card");
    if (!found) return found.error();
    only = found.value();
  }
  json out = json::array();
  for (const json& record : state.catalog.section("cards")) {
    if (string_or(record, "id").empty() || (only && only != &record)) continue;
    out.push_back({{"id", string_or(record, "id")},
                   {"title", string_or(record, "title")},
                   {"essential", pattern_refs(state.catalog, strings(record, "essential"))},
                   {"important", pattern_refs(state.catalog, strings(record, "important"))},
                   {"advanced", pattern_refs(state.catalog, strings(record, "advanced"))}});
  }
  return json{{"cards", std::move(out)}};
}

}  // namespace patsel::api::detail
