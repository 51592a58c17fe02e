#include "patsel/recommend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "name_list.hpp"

namespace patsel {
namespace {

using detail::name_list;

bool allowed(const RecommendQuery& query, Tier tier) {
  return std::find(query.tiers.begin(), query.tiers.end(), tier) != query.tiers.end();
}

bool by_rank(const PatternScore& a, const PatternScore& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.pattern->tier != b.pattern->tier) return a.pattern->tier < b.pattern->tier;
  if (a.pattern->title != b.pattern->title) return a.pattern->title < b.pattern->title;
  return a.pattern->id < b.pattern->id;
}

std::string titles(const std::vector<const Pattern*>& patterns) {
  std::string out;
  for (std::size_t i = 0; i < patterns.size(); ++i)
    out += (i == 0 ? "" : i + 1 == patterns.size() ? " or " : ", ") + patterns[i]->title;
  return out;
}

std::string tier_names(const std::vector<Tier>& tiers) {
  std::vector<std::string_view> names;
  for (Tier t : tiers) names.push_back(to_string(t));
  return names.empty() ? "none" : name_list(names);
}

// What to use instead of an excluded pattern, at most three: what replaces
// it first, then its alternatives, those already recommended first (in rank
// order); only tiers the user allows.
std::vector<const Pattern*> replacements(const Catalog& catalog, const RelationGraph& graph, const Pattern& pattern,
                                         const RecommendQuery& query, const std::vector<PatternScore>& ranked) {
  std::vector<const Pattern*> replaced_by, alternatives;
  for (const Edge& e : graph.edges(pattern.id)) {
    const Pattern* p = catalog.find(e.target);
    if (!p || !allowed(query, p->tier)) continue;
    if (e.relation == Relation::replaced_by) replaced_by.push_back(p);
    if (e.relation == Relation::alternative) alternatives.push_back(p);
  }
  auto rank = [&](const Pattern* p) {
    auto it = std::find_if(ranked.begin(), ranked.end(), [&](const PatternScore& s) { return s.pattern == p; });
    return static_cast<std::size_t>(it - ranked.begin());
  };
  std::stable_sort(alternatives.begin(), alternatives.end(),
                   [&](const Pattern* a, const Pattern* b) { return rank(a) < rank(b); });
  std::vector<const Pattern*> out;
  for (const auto* list : {&replaced_by, &alternatives})
    for (const Pattern* p : *list)
      if (out.size() < 3 && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

// A relation that makes a partner worth listing beside a ranked pattern:
// what it requires, what says it improves it, and what its own page (or a
// data file row about it) says it complements or enhances. A partner whose
// page names the ranked pattern, and nothing more, is not listed: vector
// tiles say they go with caching, which does not make them a partner for
// every reader of caching.
bool partner_relation(const Edge& e) {
  switch (e.relation) {
    case Relation::requires_:
    case Relation::enhanced_by: return true;
    case Relation::complements:
    case Relation::enhances: return e.stated;
    default: return false;
  }
}

int strength(Relation r) {  // lower is stronger
  switch (r) {
    case Relation::requires_: return 0;
    case Relation::complements: return 1;
    case Relation::enhanced_by: return 2;
    case Relation::enhances: return 3;
    default: return 9;
  }
}

// The score of every pattern a rule that holds names (`holds(r)` for rule
// r), in the order they are first named; with each reason when `reasons`
// (ranking alone, as next_fields() does for every value it tries, needs
// none).
template <class Holds>
std::vector<PatternScore> scores_of(const Catalog& catalog, const RuleBook& book, Holds holds, bool reasons) {
  std::vector<PatternScore> scores;
  // Each pattern's place in `scores`, by its place in the catalog.
  std::vector<std::size_t> at(catalog.patterns().size(), SIZE_MAX);
  for (std::size_t r = 0; r < book.rules.size(); ++r) {
    const Rule& rule = book.rules[r];
    if (!holds(r)) continue;
    for (const RuleEffect& effect : rule.effects) {
      const Pattern* p = catalog.find(effect.pattern);
      if (!p) continue;
      std::size_t& slot = at[static_cast<std::size_t>(p - catalog.patterns().data())];
      if (slot == SIZE_MAX) {
        slot = scores.size();
        scores.push_back(PatternScore{p, 0, {}});
      }
      PatternScore& s = scores[slot];
      s.score += effect.weight;
      if (reasons) s.reasons.push_back({rule.id, effect.weight, effect.reason});
    }
  }
  if (reasons)
    for (PatternScore& s : scores)  // strongest first; stable keeps rule order among equals
      std::stable_sort(s.reasons.begin(), s.reasons.end(), [](const Evidence& a, const Evidence& b) {
        if ((a.weight < 0) != (b.weight < 0)) return a.weight > 0;
        return std::abs(a.weight) > std::abs(b.weight);
      });
  return scores;
}

std::vector<const Pattern*> in_rank_order(std::vector<PatternScore> scores, const RecommendQuery& query) {
  std::sort(scores.begin(), scores.end(), by_rank);
  std::vector<const Pattern*> out;
  for (const PatternScore& s : scores)
    if (s.score > 0 && allowed(query, s.pattern->tier) && (query.limit == 0 || out.size() < query.limit))
      out.push_back(s.pattern);
  return out;
}

}  // namespace

std::vector<PatternScore> score_patterns(const Catalog& catalog, const RuleBook& book, const Profile& profile) {
  auto holds = [&](std::size_t r) { return evaluate(book, book.rules[r].when, profile) == Truth::yes; };
  return scores_of(catalog, book, holds, true);
}

Recommendation recommend(const Catalog& catalog, const RuleBook& book, const RelationGraph& graph,
                         const Profile& profile, const RecommendQuery& query) {
  Recommendation out;
  std::vector<PatternScore> scores = score_patterns(catalog, book, profile);
  std::sort(scores.begin(), scores.end(), by_rank);
  for (PatternScore& s : scores) {
    if (s.score < 0) {
      out.discouraged.push_back(std::move(s));
    } else if (s.score > 0 && !allowed(query, s.pattern->tier)) {
      out.excluded.push_back(ExcludedPattern{std::move(s), {}, {}});
    } else if (s.score > 0 && (query.limit == 0 || out.ranked.size() < query.limit)) {
      out.ranked.push_back(std::move(s));
    }
  }
  // Excluded patterns point at replacements, preferring recommended ones.
  for (ExcludedPattern& e : out.excluded) {
    e.consider = replacements(catalog, graph, *e.scored.pattern, query, out.ranked);
    e.reason = e.scored.pattern->title + " was excluded: " + std::string(to_string(e.scored.pattern->tier)) +
               " (allowed: " + tier_names(query.tiers) + ")";
    if (!e.consider.empty()) e.reason += "; consider " + titles(e.consider);
  }
  std::sort(out.discouraged.begin(), out.discouraged.end(), [](const PatternScore& a, const PatternScore& b) {
    if (a.score != b.score) return a.score < b.score;
    return by_rank(a, b);
  });

  // Partners of the ranked patterns, strongest relationship kept. A partner
  // the profile argues against is still listed when it is required.
  std::set<const Pattern*> ranked_set, discouraged_set;
  std::map<std::string, std::size_t> rank_of;
  for (const PatternScore& r : out.ranked) {
    rank_of.emplace(r.pattern->id, ranked_set.size());
    ranked_set.insert(r.pattern);
  }
  for (const PatternScore& d : out.discouraged) discouraged_set.insert(d.pattern);
  std::map<std::string, std::size_t> at;
  for (const PatternScore& s : out.ranked) {
    for (const Edge& e : graph.edges(s.pattern->id)) {
      if (!partner_relation(e)) continue;
      const Pattern* partner = catalog.find(e.target);
      if (!partner) continue;
      if (ranked_set.count(partner) ||
          (e.relation != Relation::requires_ && (!allowed(query, partner->tier) || discouraged_set.count(partner))))
        continue;
      auto [it, fresh] = at.emplace(partner->id, out.complements.size());
      if (fresh) out.complements.push_back(Complement{partner, e.relation, {}});
      Complement& c = out.complements[it->second];
      if (strength(e.relation) < strength(c.relationship)) c.relationship = e.relation;
      if (std::find(c.for_patterns.begin(), c.for_patterns.end(), s.pattern->id) == c.for_patterns.end())
        c.for_patterns.push_back(s.pattern->id);
    }
  }
  // for_patterns is in rank order, so its first is the best pattern served.
  std::stable_sort(out.complements.begin(), out.complements.end(), [&](const Complement& a, const Complement& b) {
    const bool a_needed = a.relationship == Relation::requires_, b_needed = b.relationship == Relation::requires_;
    if (a_needed != b_needed) return a_needed;
    if (a.for_patterns.size() != b.for_patterns.size()) return a.for_patterns.size() > b.for_patterns.size();
    if (strength(a.relationship) != strength(b.relationship)) return strength(a.relationship) < strength(b.relationship);
    return rank_of[a.for_patterns.front()] < rank_of[b.for_patterns.front()];
  });

  std::vector<std::size_t> undecided;
  for (const Rule& rule : book.rules) {
    Truth t = evaluate(book, rule.when, profile);
    if (t == Truth::yes) out.fired.push_back(rule.id);
    if (t != Truth::unknown) continue;
    std::vector<std::size_t> fields;
    condition_fields(rule.when, fields);
    for (std::size_t f : fields)
      if (!profile.values.count(book.fields[f].id) && std::find(undecided.begin(), undecided.end(), f) == undecided.end())
        undecided.push_back(f);
  }
  std::sort(undecided.begin(), undecided.end());
  for (std::size_t f : undecided) out.undecided_fields.push_back(book.fields[f].id);

  out.next_fields = next_fields(catalog, book, profile, query, kNextFields);

  std::vector<const Pattern*> chosen;
  for (const PatternScore& s : out.ranked) chosen.push_back(s.pattern);
  out.complexity = estimate_complexity(catalog, chosen);
  return out;
}

std::vector<const Pattern*> ranked_patterns(const Catalog& catalog, const RuleBook& book, const Profile& profile,
                                            const RecommendQuery& query) {
  auto holds = [&](std::size_t r) { return evaluate(book, book.rules[r].when, profile) == Truth::yes; };
  return in_rank_order(scores_of(catalog, book, holds, false), query);
}

std::vector<const Pattern*> ranked_patterns(const Catalog& catalog, const RuleBook& book,
                                            const std::vector<Truth>& truths, const RecommendQuery& query) {
  auto holds = [&](std::size_t r) { return truths[r] == Truth::yes; };
  return in_rank_order(scores_of(catalog, book, holds, false), query);
}

}  // namespace patsel
