// Methods `health.list`, `health.get`, `health.review` and `diff`: how
// healthy each pattern is, which are due for review, and what changed
// since another catalog.

#include <algorithm>

#include "methods.hpp"
#include "patsel/diff.hpp"
#include "patsel/health.hpp"
#include "patsel/list.hpp"

namespace patsel::detail {
namespace {

// `today`: the date answers are computed for; absent, the newest date of
// the catalog's health data, so the same catalog gives the same answer.
Result<std::optional<Month>> today_param(const Catalog& catalog, const json& params) {
  auto text = string_option(params, "today", "");
  if (!text) return text.error();
  if (text.value().empty()) return newest_health_date(catalog);
  auto month = parse_month(text.value());
  if (!month) return bad_option("$.today", "'" + text.value() + "' is not a date (YYYY-MM or YYYY)");
  return std::optional<Month>(month);
}

json date_json(const std::optional<Month>& month) { return month ? json(month->to_string()) : json(nullptr); }

json model_json(const HealthModel& model) {
  json signals = json::array();
  for (std::size_t i = 0; i < kHealthSignalCount; ++i)
    signals.push_back({{"id", kHealthSignals[i].id}, {"label", kHealthSignals[i].label}, {"weight", model.weights[i]}});
  return {{"signals", std::move(signals)},
          {"reliance_full_at", model.reliance_full_at},
          {"maturity_full_at", model.maturity_full_at},
          {"adoption_recent_years", model.adoption_recent_years},
          {"problems", errors_json(model.problems)}};
}

json flag_json(const HealthFlag& flag) { return {{"code", flag.code}, {"message", flag.message}}; }

json signal_json(const HealthSignal& s) {
  return {{"id", s.id},         {"label", s.label},   {"weight", s.weight},
          {"known", s.value.has_value()}, {"value", s.value ? json(*s.value) : json(nullptr)},
          {"points", s.points}, {"why", s.why}};
}

json score_json(const HealthReport& report) {
  return report.score ? json(*report.score) : json(nullptr);
}

HealthContext context_of(const EngineState& state) {
  return HealthContext(state.catalog, state.reasoning().graph,
                       read_health_model(state.catalog.section("health_signals")));
}

json change_json(const FieldMove& move) {
  return pattern_ref(*move.pattern, {{"from", move.from.empty() ? json(nullptr) : json(move.from)},
                                     {"to", move.to.empty() ? json(nullptr) : json(move.to)}});
}

json relation_json(const RelationChange& change) {
  return {{"from", change.from}, {"relation", change.relation}, {"to", change.to}};
}

json tree_json(const TreeChange& tree) { return {{"id", tree.id}, {"title", tree.title}}; }

}  // namespace

Result<json> health_list(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"tiers", "categories", "flagged", "signals", "today"})) return *error;
  auto tiers = tier_list(params, "tiers", {});
  if (!tiers) return tiers.error();
  auto categories = string_list(params, "categories");
  if (!categories) return categories.error();
  auto flagged = bool_option(params, "flagged", false);
  if (!flagged) return flagged.error();
  auto with_signals = bool_option(params, "signals", false);
  if (!with_signals) return with_signals.error();
  auto today = today_param(state.catalog, params);
  if (!today) return today.error();
  const HealthContext context = context_of(state);
  std::vector<HealthReport> reports;
  for (const Pattern* p : patsel::list(state.catalog, {tiers.value(), categories.value()})) {
    HealthReport report = assess_health(context, *p, today.value());
    if (!flagged.value() || !report.flags.empty()) reports.push_back(std::move(report));
  }
  // Highest score first; unknown scores last; then by title.
  std::stable_sort(reports.begin(), reports.end(), [](const HealthReport& a, const HealthReport& b) {
    if (a.score.has_value() != b.score.has_value()) return a.score.has_value();
    if (a.score && *a.score != *b.score) return *a.score > *b.score;
    return a.pattern->title < b.pattern->title;
  });
  json patterns = array_of(reports, [&](const HealthReport& r) {
    json entry = pattern_ref(*r.pattern, {{"category", r.pattern->category},
                                          {"score", score_json(r)},
                                          {"known_share", r.known_share},
                                          {"flags", array_of(r.flags, flag_json)}});
    if (with_signals.value()) entry["signals"] = array_of(r.signals, signal_json);
    return entry;
  });
  return json{{"date", date_json(today.value())},
              {"model", model_json(context.model())},
              {"total", patterns.size()},
              {"patterns", std::move(patterns)}};
}

Result<json> health_get(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"pattern", "today"})) return *error;
  auto pattern = pattern_param(state.catalog, params, "pattern");
  if (!pattern) return pattern.error();
  auto today = today_param(state.catalog, params);
  if (!today) return today.error();
  const HealthContext context = context_of(state);
  const Pattern& p = *pattern.value();
  const HealthReport report = assess_health(context, p, today.value());
  const json& health = child(p.record(), "health");
  auto list_or_empty = [](const json& value) { return value.is_array() ? value : json::array(); };
  return pattern_ref(p, {{"status", p.status},
                         {"relevance", p.relevance},
                         {"date", date_json(today.value())},
                         {"score", score_json(report)},
                         {"known_share", report.known_share},
                         {"signals", array_of(report.signals, signal_json)},
                         {"flags", array_of(report.flags, flag_json)},
                         {"reviewed", health.contains("reviewed") ? health["reviewed"] : json(nullptr)},
                         {"implementations", list_or_empty(child(health, "implementations"))},
                         {"adoption", list_or_empty(child(health, "adoption"))},
                         {"tier_history", list_or_empty(child(p.record(), "tier_history"))},
                         {"successors", pattern_refs(state.catalog, context.successors(p.id))},
                         {"dependants", pattern_refs(state.catalog, context.dependants(p.id))}});
}

Result<json> health_review(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"max_age_months", "today"})) return *error;
  auto age = integer_option(params, "max_age_months", 12, 1, 1200);
  if (!age) return age.error();
  auto today = today_param(state.catalog, params);
  if (!today) return today.error();
  const HealthContext context = context_of(state);
  const std::vector<ReviewItem> items = due_for_review(context, today.value(), static_cast<int>(age.value()));
  json due = array_of(items, [](const ReviewItem& item) {
    return pattern_ref(*item.pattern,
                       {{"reviewed", item.reviewed.empty() ? json(nullptr) : json(item.reviewed)},
                        {"reasons", array_of(item.reasons, [](const ReviewReason& r) {
                           return json{{"code", r.code}, {"message", r.message}};
                         })}});
  });
  return json{{"date", date_json(today.value())},
              {"max_age_months", age.value()},
              {"total", due.size()},
              {"due", std::move(due)}};
}

Result<json> health_changes(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"since"})) return *error;
  auto text = string_option(params, "since", "");
  if (!text) return text.error();
  std::optional<Month> since;
  if (!text.value().empty()) {
    since = parse_month(text.value());
    if (!since) return bad_option("$.since", "'" + text.value() + "' is not a date (YYYY-MM or YYYY)");
  }
  json changes = array_of(tier_changes(state.catalog, since), [](const TierChange& c) {
    return pattern_ref(*c.pattern, {{"date", c.date},
                                    {"from", c.from},
                                    {"to", c.to},
                                    {"reason", c.reason.empty() ? json(nullptr) : json(c.reason)}});
  });
  // Reviews done since the date, newest first.
  std::vector<std::pair<Month, const Pattern*>> reviews;
  for (const Pattern& p : state.catalog.patterns())
    if (auto reviewed = parse_month(string_or(child(p.record(), "health"), "reviewed")))
      if (!since || reviewed->index() >= since->index()) reviews.emplace_back(*reviewed, &p);
  std::stable_sort(reviews.begin(), reviews.end(), [](const auto& a, const auto& b) {
    if (a.first.index() != b.first.index()) return a.first.index() > b.first.index();
    return a.second->title < b.second->title;
  });
  json reviewed = array_of(reviews, [](const auto& r) {
    return pattern_ref(*r.second, {{"reviewed", string_or(child(r.second->record(), "health"), "reviewed")}});
  });
  return json{{"since", since ? json(since->to_string()) : json(nullptr)},
              {"tier_changes", std::move(changes)},
              {"reviewed", std::move(reviewed)}};
}

Result<json> catalog_diff(const EngineState& state, const json& params) {
  if (auto error = unknown_keys(params, {"since"})) return *error;
  const json* since = member(params, "since");
  if (!since || !since->is_string())
    return bad_option("$.since", "the older catalog is required, as the text of its catalog.json");
  return diff_since(state, since->get_ref<const std::string&>(), "$.since: ");
}

Result<json> diff_since(const EngineState& state, std::string_view older_text, const std::string& where) {
  auto older = Catalog::from_json(older_text, state.limits.catalog);
  if (!older) return Error{older.error().code, where + older.error().message};
  if (older.value().scope() == Scope::search)
    return Error{"catalog.search_only", where + "a search catalog (scope: search) has no relations or trees to "
                                                "compare; give the full catalog.json"};
  const CatalogDiff diff = diff_catalogs(older.value(), state.catalog);
  auto refs = [](const std::vector<const Pattern*>& patterns) { return pattern_refs(patterns); };
  return json{{"old", {{"content_hash", diff.old_hash}, {"patterns", older.value().patterns().size()}}},
              {"new", {{"content_hash", diff.new_hash}, {"patterns", state.catalog.patterns().size()}}},
              {"same", diff.empty()},
              {"added", refs(diff.added)},
              {"removed", refs(diff.removed)},
              {"tier_moves", array_of(diff.tier_moves, change_json)},
              {"status_moves", array_of(diff.status_moves, change_json)},
              {"relevance_changes", array_of(diff.relevance_changes, change_json)},
              {"relations_added", array_of(diff.relations_added, relation_json)},
              {"relations_removed", array_of(diff.relations_removed, relation_json)},
              {"trees_added", array_of(diff.trees_added, tree_json)},
              {"trees_removed", array_of(diff.trees_removed, tree_json)},
              {"trees_changed", array_of(diff.trees_changed, tree_json)}};
}

}  // namespace patsel::detail
