#include "patsel/health.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "json_util.hpp"

namespace patsel {
namespace {

using detail::json;

std::optional<std::size_t> signal_index(std::string_view id) {
  for (std::size_t i = 0; i < kHealthSignalCount; ++i)
    if (kHealthSignals[i].id == id) return i;
  return std::nullopt;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of a maintained state; nullopt for a word the model does not know.
std::optional<double> state_value(const std::string& state) {
  if (state == "active") return 1.0;
  if (state == "maintenance") return 0.5;
  if (state == "archived") return 0.0;
  return std::nullopt;
}

bool sourced(const json& signal) { return !detail::string_or(signal, "source").empty(); }

// A date member that is text ("2024-06") or a bare year number (2024).
std::optional<Month> date_member(const json& object, std::string_view key) {
  const json* value = detail::member(object, key);
  if (!value) return std::nullopt;
  if (value->is_string()) return parse_month(value->get_ref<const std::string&>());
  if (value->is_number_integer()) return parse_month(std::to_string(value->get<long long>()));
  return std::nullopt;
}

// The newest sourced state of each library, in the order libraries first appear.
struct LibraryState {
  std::string library;
  std::string state;
  std::optional<Month> as_of;
};

std::vector<LibraryState> library_states(const Pattern& pattern) {
  std::vector<LibraryState> out;
  const json& signals = detail::child(detail::child(pattern.record(), "health"), "implementations");
  if (!signals.is_array()) return out;
  for (const json& signal : signals) {
    const std::string library = detail::string_or(signal, "library");
    const std::string state = detail::string_or(signal, "state");
    if (library.empty() || !sourced(signal) || !state_value(state)) continue;
    const std::optional<Month> as_of = date_member(signal, "as_of");
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const LibraryState& s) { return lower(s.library) == lower(library); });
    if (same == out.end()) {
      out.push_back({library, state, as_of});
    } else if (!same->as_of || (as_of && as_of->index() >= same->as_of->index())) {
      same->state = state;
      same->as_of = as_of;
    }
  }
  return out;
}

std::string year_text(const std::optional<Month>& month) { return month ? std::to_string(month->year) : "an unknown year"; }

double round1(double x) { return std::round(x * 10.0) / 10.0; }

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

// --- one signal each ---------------------------------------------------------

HealthSignal tier_signal(const Pattern& p) {
  HealthSignal s;
  switch (p.tier) {
    case Tier::gold: s.value = 1.0; s.why = "Gold tier."; break;
    case Tier::silver: s.value = 0.6; s.why = "Silver tier."; break;
    case Tier::bronze: s.value = 0.2; s.why = "Bronze tier."; break;
    case Tier::unclassified: s.why = "No tier is given."; break;
  }
  return s;
}

HealthSignal relevance_signal(const Pattern& p) {
  static const std::map<std::string, double> values = {
      {"mainstream", 1.0}, {"growing", 0.8}, {"specialized", 0.6}, {"niche", 0.4}, {"declining", 0.2}};
  HealthSignal s;
  const std::string& relevance = p.relevance;
  if (auto it = values.find(relevance); it != values.end()) {
    s.value = it->second;
    s.why = "Marked " + relevance + ".";
  } else {
    s.why = "No current relevance is given.";
  }
  return s;
}

HealthSignal maintained_signal(const Pattern& p) {
  HealthSignal s;
  const std::vector<LibraryState> states = library_states(p);
  if (states.empty()) {
    s.why = "No sourced state of its implementations.";
    return s;
  }
  double sum = 0;
  std::vector<std::string> parts;
  for (const LibraryState& state : states) {
    sum += *state_value(state.state);
    parts.push_back(state.library + " " + state.state + " (" + year_text(state.as_of) + ")");
  }
  s.value = sum / static_cast<double>(states.size());
  s.why = joined(parts) + ".";
  return s;
}

HealthSignal adoption_signal(const Pattern& p, const HealthModel& model, std::optional<Month> today) {
  HealthSignal s;
  const json& facts = detail::child(detail::child(p.record(), "health"), "adoption");
  std::optional<int> newest;
  std::size_t count = 0;
  if (facts.is_array())
    for (const json& fact : facts) {
      const std::optional<Month> year = date_member(fact, "year");
      if (!sourced(fact) || !year) continue;
      ++count;
      newest = std::max(newest.value_or(year->year), year->year);
    }
  if (!newest) {
    s.why = "No sourced adoption fact.";
    return s;
  }
  if (!today) {
    s.why = "Adoption facts up to " + std::to_string(*newest) + ", but no date to measure from.";
    return s;
  }
  const bool recent = today->year - *newest <= model.adoption_recent_years;
  s.value = recent ? 1.0 : 0.5;
  s.why = plural(count, "sourced adoption fact", "sourced adoption facts") + ", the newest from " +
          std::to_string(*newest) + (recent ? "." : ", more than " + std::to_string(model.adoption_recent_years) +
                                                        " years before " + std::to_string(today->year) + ".");
  return s;
}

HealthSignal successors_signal(const HealthContext& context, const Pattern& p) {
  HealthSignal s;
  const std::vector<std::string> ids = context.successors(p.id);
  s.value = 1.0 / (1.0 + static_cast<double>(ids.size()));
  // Named by their titles: the sentence is for readers.
  std::vector<std::string> titles;
  for (const std::string& id : ids) {
    const Pattern* successor = context.catalog().find(id);
    titles.push_back(successor && !successor->title.empty() ? successor->title : id);
  }
  s.why = ids.empty() ? "Nothing in the catalog replaces it."
                      : "Succeeded by " + joined(titles) + " in the catalog.";
  return s;
}

HealthSignal documentation_signal(const Pattern& p) {
  HealthSignal s;
  auto present = [&](std::string_view key) {
    const json* value = detail::member(p.record(), key);
    return value && (value->is_array() || value->is_object()) && !value->empty();
  };
  const bool examples = present("modern_examples"), checklist = present("production_checklist");
  s.value = (examples ? 0.5 : 0.0) + (checklist ? 0.5 : 0.0);
  s.why = examples && checklist ? "Has production examples and a checklist."
          : examples            ? "Has production examples, no checklist."
          : checklist           ? "Has a checklist, no production examples."
                                : "No production examples or checklist.";
  return s;
}

HealthSignal reliance_signal(const HealthContext& context, const Pattern& p) {
  HealthSignal s;
  const std::size_t n = context.dependants(p.id).size();
  const int full = std::max(1, context.model().reliance_full_at);
  s.value = std::min(1.0, static_cast<double>(n) / full);
  s.why = n == 0 ? "No pattern relies on it." : plural(n, "pattern relies", "patterns rely") + " on it.";
  return s;
}

HealthSignal maturity_signal(const Pattern& p, const HealthModel& model, std::optional<Month> today) {
  HealthSignal s;
  if (p.introduced_year == 0) {
    s.why = "The year it was introduced is not given.";
    return s;
  }
  if (!today) {
    s.why = "Introduced in " + std::to_string(p.introduced_year) + ", but no date to measure from.";
    return s;
  }
  const int years = std::max(0, today->year - p.introduced_year);
  s.value = std::min(1.0, static_cast<double>(years) / std::max(1, model.maturity_full_at));
  s.why = "Introduced in " + std::to_string(p.introduced_year) + ", " + plural(years, "year", "years") +
          " before " + std::to_string(today->year) + ".";
  return s;
}

// --- contradictions ----------------------------------------------------------

std::vector<HealthFlag> contradictions(const Pattern& p) {
  std::vector<HealthFlag> flags;
  const std::string& relevance = p.relevance;
  const std::vector<LibraryState> states = library_states(p);
  const bool all_archived = !states.empty() && std::all_of(states.begin(), states.end(), [](const LibraryState& s) {
    return s.state == "archived";
  });
  if (p.tier == Tier::gold && all_archived)
    flags.push_back({"gold_all_archived", "A gold pattern whose implementations with a known state are all archived."});
  if (p.tier == Tier::gold && (relevance == "declining" || relevance == "niche"))
    flags.push_back({"gold_" + relevance, "A gold pattern marked " + relevance + "."});
  if (p.tier == Tier::bronze && (relevance == "mainstream" || relevance == "growing"))
    flags.push_back({"bronze_" + relevance, "A bronze pattern still marked " + relevance + "."});
  if (p.status == "legacy" && (p.tier == Tier::gold || p.tier == Tier::silver))
    flags.push_back({"legacy_" + std::string(to_string(p.tier)),
                     "A " + std::string(to_string(p.tier)) + " pattern whose status is legacy."});
  const json& history = detail::child(p.record(), "tier_history");
  if (history.is_array() && !history.empty()) {
    const std::string last = detail::string_or(history.back(), "to");
    if (!last.empty() && last != to_string(p.tier))
      flags.push_back({"history_mismatch", "Its tier history ends at " + last + ", but its tier is " +
                                               std::string(to_string(p.tier)) + "."});
  }
  return flags;
}

void add_unique(std::set<std::string>& ids, const std::string& id, const std::string& self) {
  if (id != self) ids.insert(id);
}

}  // namespace

HealthModel::HealthModel() {
  for (std::size_t i = 0; i < kHealthSignalCount; ++i) weights[i] = kHealthSignals[i].weight;
}

double HealthModel::weight(std::string_view id) const {
  auto i = signal_index(id);
  return i ? weights[*i] : 0.0;
}

HealthModel read_health_model(const nlohmann::json& section) {
  HealthModel model;
  if (!section.is_array()) return model;
  for (std::size_t i = 0; i < section.size(); ++i) {
    const json& entry = section[i];
    const std::string where = "$.health_signals[" + std::to_string(i) + "]";
    const std::string id = detail::string_or(entry, "id");
    const auto index = signal_index(id);
    if (!index) {
      model.problems.push_back({"health.bad_model", where + ".id: '" + id + "' is not a health signal"});
      continue;
    }
    if (const json* weight = detail::member(entry, "weight")) {
      if (weight->is_number() && weight->get<double>() >= 0 && weight->get<double>() <= 100)
        model.weights[*index] = weight->get<double>();
      else
        model.problems.push_back({"health.bad_model", where + ".weight: expected a number from 0 to 100"});
    }
    auto knob = [&](const char* key, int& into) {
      if (const json* value = detail::member(entry, key)) {
        if (value->is_number_integer() && value->get<long long>() >= 1 && value->get<long long>() <= 100)
          into = static_cast<int>(value->get<long long>());
        else
          model.problems.push_back({"health.bad_model", where + "." + key + ": expected a whole number from 1 to 100"});
      }
    };
    if (id == "reliance") knob("full_at", model.reliance_full_at);
    if (id == "maturity") knob("full_at", model.maturity_full_at);
    if (id == "adoption") knob("recent_years", model.adoption_recent_years);
  }
  return model;
}

std::string Month::to_string() const {
  std::string m = std::to_string(month);
  return std::to_string(year) + "-" + (m.size() == 1 ? "0" + m : m);
}

std::optional<Month> parse_month(std::string_view text) {
  auto number = [&](std::size_t at, std::size_t len) -> std::optional<int> {
    int value = 0;
    const char* begin = text.data() + at;
    auto [end, ec] = std::from_chars(begin, begin + len, value);
    if (ec != std::errc() || end != begin + len) return std::nullopt;
    return value;
  };
  if (text.size() != 4 && text.size() != 7) return std::nullopt;
  auto year = number(0, 4);
  if (!year || *year < 1900 || *year > 2199) return std::nullopt;
  if (text.size() == 4) return Month{*year, 1};
  if (text[4] != '-') return std::nullopt;
  auto month = number(5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  return Month{*year, *month};
}

std::optional<Month> newest_health_date(const Catalog& catalog) {
  std::optional<Month> newest;
  auto see = [&](const std::optional<Month>& m) {
    if (m && (!newest || m->index() > newest->index())) newest = m;
  };
  for (const Pattern& p : catalog.patterns()) {
    const json& health = detail::child(p.record(), "health");
    see(date_member(health, "reviewed"));
    for (const char* list : {"implementations", "adoption"}) {
      const json& items = detail::child(health, list);
      if (items.is_array())
        for (const json& item : items) see(date_member(item, std::string_view(list) == "adoption" ? "year" : "as_of"));
    }
    const json& history = detail::child(p.record(), "tier_history");
    if (history.is_array())
      for (const json& change : history) see(date_member(change, "date"));
  }
  return newest;
}

HealthContext::HealthContext(const Catalog& catalog, const RelationGraph& graph, HealthModel model)
    : catalog_(catalog), graph_(graph), model_(std::move(model)) {}

std::vector<std::string> HealthContext::successors(const std::string& id) const {
  std::set<std::string> ids;
  for (const Edge& edge : graph_.edges(id))
    if (edge.relation == Relation::replaced_by || edge.relation == Relation::evolves_into)
      add_unique(ids, edge.target, id);
  for (const json& family : catalog_.section("families")) {
    const json& triggers = detail::child(family, "migration_triggers");
    if (!triggers.is_array()) continue;
    for (const json& trigger : triggers) {
      const std::string to = detail::string_or(trigger, "to");
      if (detail::string_or(trigger, "from") == id && catalog_.find(to)) add_unique(ids, to, id);
    }
  }
  return {ids.begin(), ids.end()};
}

std::vector<std::string> HealthContext::dependants(const std::string& id) const {
  std::set<std::string> ids;
  for (const Edge& edge : graph_.edges(id))
    if (edge.relation == Relation::required_by || edge.relation == Relation::part_of) add_unique(ids, edge.target, id);
  return {ids.begin(), ids.end()};
}

HealthReport assess_health(const HealthContext& context, const Pattern& pattern, std::optional<Month> today) {
  const HealthModel& model = context.model();
  HealthReport report;
  report.pattern = &pattern;
  report.signals = {tier_signal(pattern),
                    relevance_signal(pattern),
                    maintained_signal(pattern),
                    adoption_signal(pattern, model, today),
                    successors_signal(context, pattern),
                    documentation_signal(pattern),
                    reliance_signal(context, pattern),
                    maturity_signal(pattern, model, today)};
  double all = 0, known = 0, sum = 0;
  for (std::size_t i = 0; i < kHealthSignalCount; ++i) {
    HealthSignal& s = report.signals[i];
    s.id = kHealthSignals[i].id;
    s.label = kHealthSignals[i].label;
    s.weight = model.weights[i];
    all += s.weight;
    if (s.value) {
      known += s.weight;
      sum += s.weight * *s.value;
    }
  }
  for (HealthSignal& s : report.signals) s.points = s.value && known > 0 ? round1(100.0 * s.weight * *s.value / known) : 0;
  if (known > 0) report.score = round1(100.0 * sum / known);
  report.known_share = all > 0 ? std::round(known / all * 1000.0) / 1000.0 : 0;
  report.flags = contradictions(pattern);
  return report;
}

std::vector<ReviewItem> due_for_review(const HealthContext& context, std::optional<Month> today, int max_age_months) {
  std::vector<ReviewItem> items;
  for (const Pattern& p : context.catalog().patterns()) {
    ReviewItem item;
    item.pattern = &p;
    const json& health = detail::child(p.record(), "health");
    item.reviewed = detail::string_or(health, "reviewed");
    const std::optional<Month> reviewed = parse_month(item.reviewed);
    if (!reviewed) {
      item.reasons.push_back({"not_reviewed", "Its tier has no recorded review."});
    } else if (today && today->index() - reviewed->index() > max_age_months) {
      const int months = today->index() - reviewed->index();
      item.reasons.push_back({"review_due", "Last reviewed " + item.reviewed + ", " + plural(months, "month", "months") +
                                                " before " + today->to_string() + " (more than " +
                                                std::to_string(max_age_months) + ")."});
    }
    for (const HealthFlag& flag : contradictions(p)) item.reasons.push_back({"contradiction", flag.message});
    bool has_libraries = false;
    const json& blocks = detail::child(p.record(), "implementations");
    if (blocks.is_array())
      for (const json& block : blocks) has_libraries = has_libraries || !detail::strings(block, "libraries").empty();
    if (has_libraries && library_states(p).empty())
      item.reasons.push_back({"missing_signals", "Its implementations have no sourced maintained state."});
    std::size_t unsourced = 0;
    for (const char* list : {"implementations", "adoption"}) {
      const json& signals = detail::child(health, list);
      if (signals.is_array())
        for (const json& signal : signals) unsourced += sourced(signal) ? 0 : 1;
    }
    if (unsourced > 0)
      item.reasons.push_back({"unsourced_signals", unsourced == 1 ? "1 signal has no source and counts as unknown."
                                                                  : std::to_string(unsourced) +
                                                                        " signals have no source and count as unknown."});
    if (!item.reasons.empty()) items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(), [](const ReviewItem& a, const ReviewItem& b) {
    if (a.pattern->tier != b.pattern->tier) return a.pattern->tier < b.pattern->tier;
    return a.pattern->title < b.pattern->title;
  });
  return items;
}

std::vector<TierChange> tier_changes(const Catalog& catalog, std::optional<Month> since) {
  struct Dated {
    int index;
    TierChange change;
  };
  std::vector<Dated> dated;
  for (const Pattern& p : catalog.patterns()) {
    const json& history = detail::child(p.record(), "tier_history");
    if (!history.is_array()) continue;
    for (const json& entry : history) {
      const std::optional<Month> date = date_member(entry, "date");
      if (!date || (since && date->index() < since->index())) continue;
      dated.push_back({date->index(),
                       {&p, detail::string_or(entry, "date"), detail::string_or(entry, "from"),
                        detail::string_or(entry, "to"), detail::string_or(entry, "reason")}});
    }
  }
  std::stable_sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
    if (a.index != b.index) return a.index > b.index;
    return a.change.pattern->title < b.change.pattern->title;
  });
  std::vector<TierChange> out;
  for (Dated& d : dated) out.push_back(std::move(d.change));
  return out;
}

}  // namespace patsel
