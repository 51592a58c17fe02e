#include "patsel/stack.hpp"

#include <algorithm>
#include <set>

#include "json_util.hpp"

namespace patsel {
namespace {

using detail::json;

template <class T>
bool contains(const std::vector<T>& list, const T& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool positive(Relation r) {
  return r == Relation::requires_ || r == Relation::required_by || r == Relation::complements ||
         r == Relation::enhances || r == Relation::enhanced_by;
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (!item.empty() && !contains(list, item)) list.push_back(item);
}

// Replacements of a legacy pattern: what replaces it, then its alternatives,
// never another bronze one.
std::vector<const Pattern*> modern_for(const Catalog& catalog, const RelationGraph& graph, const Pattern& pattern) {
  std::vector<const Pattern*> out;
  for (Relation wanted : {Relation::replaced_by, Relation::alternative})
    for (const Edge& e : graph.edges(pattern.id)) {
      const Pattern* p = e.relation == wanted ? catalog.find(e.target) : nullptr;
      if (p && p->tier != Tier::bronze && !contains(out, p)) out.push_back(p);
    }
  return out;
}

void add_gap(std::vector<StackGap>& gaps, const Pattern* target, Relation relation, const Pattern& wanted_by,
             const Edge& edge) {
  auto it = std::find_if(gaps.begin(), gaps.end(), [&](const StackGap& g) { return g.pattern == target; });
  if (it == gaps.end()) it = gaps.insert(gaps.end(), StackGap{target, relation, {}, {}});
  add_unique(it->for_patterns, wanted_by.id);
  for (const std::string& note : edge.notes) add_unique(it->notes, note);
}

}  // namespace

StackReport analyse_stack(const Catalog& catalog, const RelationGraph& graph, const std::vector<const Pattern*>& stack) {
  StackReport report;
  auto in_stack = [&](const std::string& id) {
    return std::any_of(stack.begin(), stack.end(), [&](const Pattern* p) { return p->id == id; });
  };
  auto stack_order = [&](std::vector<const Pattern*>& list) {
    std::vector<const Pattern*> sorted;
    for (const Pattern* p : stack)
      if (contains(list, p)) sorted.push_back(p);
    list = sorted;
  };

  // 1. Whole `avoid` entries found in the stack.
  std::set<std::set<std::string>> covered;  // pairs an avoid entry already explains
  for (const json& entry : catalog.section("avoid")) {
    std::vector<std::string> ids = detail::strings(entry, "patterns");
    if (ids.size() < 2 || !std::all_of(ids.begin(), ids.end(), in_stack)) continue;
    StackConflict conflict;
    for (const std::string& id : ids)
      if (const Pattern* p = catalog.find(id); p && !contains(conflict.patterns, p)) conflict.patterns.push_back(p);
    stack_order(conflict.patterns);
    add_unique(conflict.reasons, detail::string_or(entry, "reason"));
    for (const std::string& id : detail::strings(entry, "instead"))
      if (const Pattern* p = catalog.find(id); p && !in_stack(id) && !contains(conflict.instead, p))
        conflict.instead.push_back(p);
    for (std::size_t a = 0; a < ids.size(); ++a)
      for (std::size_t b = a + 1; b < ids.size(); ++b) covered.insert({ids[a], ids[b]});
    report.conflicts.push_back(std::move(conflict));
  }
  // 2. Pairs marked conflicts-with by the pattern pages.
  for (std::size_t a = 0; a < stack.size(); ++a)
    for (std::size_t b = a + 1; b < stack.size(); ++b) {
      const Pattern& first = *stack[a];
      const Pattern& second = *stack[b];
      std::vector<std::string> notes;
      bool page_says_so = false, related = false;
      for (const Edge* e : graph.between(first.id, second.id)) {
        related = related || positive(e->relation);
        if (e->relation != Relation::conflicts_with) continue;
        // An edge only from `avoid` belongs to an entry with patterns outside the stack.
        page_says_so = page_says_so || e->sources != std::vector<std::string>{"avoid"};
        for (const std::string& note : e->notes) add_unique(notes, note);
      }
      if (!page_says_so) continue;
      if (covered.count({first.id, second.id})) {
        for (StackConflict& c : report.conflicts)
          if (contains(c.patterns, &first) && contains(c.patterns, &second))
            for (const std::string& note : notes) add_unique(c.reasons, note);
        continue;
      }
      StackConflict conflict{{&first, &second}, notes, {}};
      if (related) {  // fine together with care: nothing to replace
        report.cautions.push_back(std::move(conflict));
        continue;
      }
      for (const Pattern* p : {&first, &second})
        for (const Edge& e : graph.edges(p->id)) {
          const Pattern* modern = e.relation == Relation::replaced_by ? catalog.find(e.target) : nullptr;
          if (modern && modern->tier != Tier::bronze && !in_stack(modern->id) && !contains(conflict.instead, modern))
            conflict.instead.push_back(modern);
        }
      report.conflicts.push_back(std::move(conflict));
    }

  // 3. Prerequisites and partners the stack lacks.
  auto conflicts_with_stack = [&](const Pattern& candidate) {
    return std::any_of(stack.begin(), stack.end(), [&](const Pattern* p) {
      return graph.has(p->id, Relation::conflicts_with, candidate.id);
    });
  };
  for (const Pattern* p : stack)
    for (const Edge& e : graph.edges(p->id)) {
      const Pattern* target = catalog.find(e.target);
      if (!target || in_stack(target->id)) continue;
      if (e.relation == Relation::requires_) {
        add_gap(report.missing, target, e.relation, *p, e);
      } else if ((e.relation == Relation::complements || e.relation == Relation::enhanced_by ||
                  e.relation == Relation::enhances) &&
                 target->tier != Tier::bronze && !conflicts_with_stack(*target)) {
        add_gap(report.suggested, target, e.relation, *p, e);
      }
    }
  // A pattern that is missing is not also suggested.
  report.suggested.erase(std::remove_if(report.suggested.begin(), report.suggested.end(),
                                        [&](const StackGap& g) {
                                          return std::any_of(report.missing.begin(), report.missing.end(),
                                                             [&](const StackGap& m) { return m.pattern == g.pattern; });
                                        }),
                         report.suggested.end());
  // Wanted by more of the stack first; stable keeps stack order otherwise.
  std::stable_sort(report.suggested.begin(), report.suggested.end(), [](const StackGap& a, const StackGap& b) {
    return a.for_patterns.size() > b.for_patterns.size();
  });

  // 4. Legacy patterns.
  for (const Pattern* p : stack) {
    if (p->tier != Tier::bronze && p->status != "legacy") continue;
    LegacyPattern legacy{p, detail::string_or(p->data, "deprecation_reason"), {}};
    for (const Pattern* modern : modern_for(catalog, graph, *p))
      if (!in_stack(modern->id)) legacy.alternatives.push_back(modern);
    report.legacy.push_back(std::move(legacy));
  }

  report.complexity = estimate_complexity(catalog, stack);
  return report;
}

}  // namespace patsel
