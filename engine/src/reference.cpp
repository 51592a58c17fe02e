#include "patsel/reference.hpp"

#include <algorithm>
#include <set>

#include "json_util.hpp"

namespace patsel {
namespace {

using detail::child;
using detail::json;
using detail::string_or;
using detail::strings;

template <class T>
bool has(const std::vector<T>& list, const T& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool has_pattern(const std::vector<const Pattern*>& list, const Pattern* p) { return has(list, p); }

// The patterns of the catalog among `ids`, in order; unknown ids are left out.
std::vector<const Pattern*> known(const Catalog& catalog, const std::vector<std::string>& ids) {
  std::vector<const Pattern*> out;
  for (const std::string& id : ids)
    if (const Pattern* p = catalog.find(id)) out.push_back(p);
  return out;
}

// The first record of `section` whose id is `id`, or nullptr.
const json* record(const Catalog& catalog, std::string_view section, std::string_view id) {
  for (const json& r : catalog.section(section)) {
    const std::string record_id = string_or(r, "id");
    if (!record_id.empty() && record_id == id) return &r;
  }
  return nullptr;
}

// The patterns a family's timeline and triggers name, each once, in order.
std::vector<std::string> family_pattern_ids(const json& family) {
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

}  // namespace

std::vector<std::string> section_ids(const Catalog& catalog, std::string_view section) {
  std::vector<std::string> ids;
  for (const json& r : catalog.section(section))
    if (std::string id = string_or(r, "id"); !id.empty()) ids.push_back(std::move(id));
  return ids;
}

std::vector<FamilySummary> families(const Catalog& catalog, const Pattern* only) {
  std::vector<FamilySummary> out;
  for (const json& family : catalog.section("families")) {
    if (string_or(family, "id").empty()) continue;
    std::vector<std::string> ids;
    for (const Pattern* p : known(catalog, family_pattern_ids(family))) ids.push_back(p->id);
    if (only && !has(ids, only->id)) continue;
    // A year of 0 stands for "unknown".
    const json& timeline = child(family, "timeline");
    long long first = 0, last = 0;
    for (std::size_t i = 0; timeline.is_array() && i < timeline.size(); ++i)
      if (auto year = detail::integer(timeline[i], "year")) {
        first = first == 0 ? *year : std::min(first, *year);
        last = std::max(last, *year);
      }
    FamilySummary summary{string_or(family, "id"), string_or(family, "title"), string_or(family, "summary"), {}, {},
                          std::move(ids)};
    if (first != 0) summary.from_year = first;
    if (last != 0) summary.to_year = last;
    out.push_back(std::move(summary));
  }
  return out;
}

std::optional<Timeline> family_timeline(const Catalog& catalog, std::string_view id) {
  const json* family = record(catalog, "families", id);
  if (!family) return std::nullopt;
  Timeline out{string_or(*family, "id"), string_or(*family, "title"), string_or(*family, "summary"), {}, {}};
  const json& timeline = child(*family, "timeline");
  for (std::size_t i = 0; timeline.is_array() && i < timeline.size(); ++i) {
    const json& entry = timeline[i];
    TimelineStep step;
    step.year = detail::integer(entry, "year");
    step.pattern = catalog.find(string_or(entry, "pattern"));
    step.title = step.pattern ? step.pattern->title : string_or(entry, "name", string_or(entry, "pattern"));
    step.innovation = string_or(entry, "innovation");
    step.limitations = strings(entry, "limitations");
    step.adopters = strings(entry, "adopters");
    out.steps.push_back(std::move(step));
  }
  const json& triggers = child(*family, "migration_triggers");
  for (std::size_t i = 0; triggers.is_array() && i < triggers.size(); ++i) {
    const Pattern* from = catalog.find(string_or(triggers[i], "from"));
    const Pattern* to = catalog.find(string_or(triggers[i], "to"));
    if (from && to) out.triggers.push_back({from, to, strings(triggers[i], "triggers")});
  }
  return out;
}

std::vector<LearningPathSummary> learning_paths(const Catalog& catalog) {
  std::vector<LearningPathSummary> out;
  for (const json& path : catalog.section("paths")) {
    if (string_or(path, "id").empty()) continue;
    const json& stages = child(path, "stages");
    LearningPathSummary summary{string_or(path, "id"), string_or(path, "level"), string_or(path, "title"),
                                string_or(path, "summary"), stages.is_array() ? stages.size() : 0, 0};
    for (std::size_t i = 0; stages.is_array() && i < stages.size(); ++i)
      summary.patterns += known(catalog, strings(stages[i], "patterns")).size();
    out.push_back(std::move(summary));
  }
  return out;
}

std::optional<LearningPath> learning_path(const Catalog& catalog, const RelationGraph& graph, std::string_view id) {
  const json* path = record(catalog, "paths", id);
  if (!path) return std::nullopt;
  LearningPath out{string_or(*path, "id"), string_or(*path, "level"), string_or(*path, "title"),
                   string_or(*path, "summary"), {}};
  std::set<std::string> learned;
  const json& stages = child(*path, "stages");
  for (std::size_t i = 0; stages.is_array() && i < stages.size(); ++i) {
    const std::vector<const Pattern*> patterns = known(catalog, strings(stages[i], "patterns"));
    for (const Pattern* p : patterns) learned.insert(p->id);
    PathStage stage{string_or(stages[i], "title"), {}};
    for (const Pattern* p : patterns) {
      PathPattern item{p, {}, {}};
      for (const Edge& e : graph.edges(p->id))
        if (e.relation == Relation::requires_) {
          item.requires_.push_back(e.target);
          if (!learned.count(e.target)) item.uncovered.push_back(e.target);
        }
      stage.patterns.push_back(std::move(item));
    }
    out.stages.push_back(std::move(stage));
  }
  return out;
}

std::vector<Composition> compositions(const Catalog& catalog, const Pattern* only) {
  std::vector<Composition> out;
  for (const json& r : catalog.section("compositions")) {
    if (string_or(r, "id").empty()) continue;
    Composition c{string_or(r, "id"), catalog.find(string_or(r, "pattern")), string_or(r, "title"),
                  string_or(r, "summary"), known(catalog, strings(r, "parts")), {}};
    if (only && only != c.whole && !has_pattern(c.parts, only)) continue;
    c.formula = (c.whole ? c.whole->title : c.title) + " =";
    for (std::size_t i = 0; i < c.parts.size(); ++i) c.formula += (i == 0 ? " " : " + ") + c.parts[i]->title;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> problem_areas(const Catalog& catalog) {
  std::vector<std::string> areas;
  for (const json& r : catalog.section("problems")) {
    const std::string area = string_or(r, "area");
    if (!area.empty() && !has(areas, area)) areas.push_back(area);
  }
  return areas;
}

std::vector<Problem> problems(const Catalog& catalog, std::string_view area, const Pattern* only) {
  std::vector<Problem> out;
  for (const json& r : catalog.section("problems")) {
    if (string_or(r, "id").empty()) continue;
    if (!area.empty() && string_or(r, "area") != area) continue;
    Problem problem{string_or(r, "id"),
                    string_or(r, "area"),
                    string_or(r, "title"),
                    string_or(r, "description"),
                    known(catalog, strings(r, "primary")),
                    known(catalog, strings(r, "supporting"))};
    if (only && !has_pattern(problem.primary, only) && !has_pattern(problem.supporting, only)) continue;
    out.push_back(std::move(problem));
  }
  return out;
}

std::vector<Card> cards(const Catalog& catalog, std::string_view id) {
  std::vector<Card> out;
  const json* only = id.empty() ? nullptr : record(catalog, "cards", id);
  if (!id.empty() && !only) return out;
  for (const json& r : catalog.section("cards")) {
    if (string_or(r, "id").empty() || (only && only != &r)) continue;
    out.push_back({string_or(r, "id"), string_or(r, "title"), known(catalog, strings(r, "essential")),
                   known(catalog, strings(r, "important")), known(catalog, strings(r, "advanced"))});
  }
  return out;
}

}  // namespace patsel
