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

bool is_legacy(const Pattern& p) { return p.tier == Tier::bronze || p.status == "legacy"; }

bool has(const std::vector<const Pattern*>& list, const std::string& id) {
  return std::any_of(list.begin(), list.end(), [&](const Pattern* p) { return p->id == id; });
}

// 1. Combinations to avoid and pairs to use with care, in `stack`.
void find_conflicts(const Catalog& catalog, const RelationGraph& graph, const std::vector<const Pattern*>& stack,
                    StackReport& report) {
  auto in_stack = [&](const std::string& id) { return has(stack, id); };
  auto stack_order = [&](std::vector<const Pattern*>& list) {
    std::vector<const Pattern*> sorted;
    for (const Pattern* p : stack)
      if (contains(list, p)) sorted.push_back(p);
    list = sorted;
  };

  // Whole `avoid` entries found in the stack.
  std::set<std::set<std::string>> covered;  // pairs an avoid entry already explains
  for (const json& entry : catalog.section("avoid")) {
    std::vector<std::string> ids = detail::strings(entry, "patterns");
    if (ids.size() < 2 || !std::all_of(ids.begin(), ids.end(), in_stack)) continue;
    StackConflict conflict;
    for (const std::string& id : ids)
      if (const Pattern* p = catalog.find(id); p && !contains(conflict.patterns, p)) conflict.patterns.push_back(p);
    stack_order(conflict.patterns);
    conflict.reason = detail::string_or(entry, "reason");
    for (const std::string& id : detail::strings(entry, "instead"))
      if (const Pattern* p = catalog.find(id); p && !in_stack(id) && !contains(conflict.instead, p))
        conflict.instead.push_back(p);
    for (std::size_t a = 0; a < ids.size(); ++a)
      for (std::size_t b = a + 1; b < ids.size(); ++b) covered.insert({ids[a], ids[b]});
    report.conflicts.push_back(std::move(conflict));
  }
  // Pairs marked conflicts-with by the pattern pages.
  for (std::size_t a = 0; a < stack.size(); ++a)
    for (std::size_t b = a + 1; b < stack.size(); ++b) {
      const Pattern& first = *stack[a];
      const Pattern& second = *stack[b];
      std::string note;
      bool page_says_so = false, related = false;
      for (const Edge* e : graph.between(first.id, second.id)) {
        related = related || positive(e->relation);
        if (e->relation != Relation::conflicts_with) continue;
        // An edge only from `avoid` belongs to an entry with patterns outside the stack.
        page_says_so = page_says_so || e->sources != std::vector<std::string>{"avoid"};
        if (note.empty() && !e->notes.empty()) note = e->notes.front();
      }
      if (!page_says_so) continue;
      if (covered.count({first.id, second.id})) {
        for (StackConflict& c : report.conflicts)  // the entry's reason, or this note when it has none
          if (c.reason.empty() && contains(c.patterns, &first) && contains(c.patterns, &second)) c.reason = note;
        continue;
      }
      StackConflict conflict{{&first, &second}, note, {}};
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
}

// Would `candidate` conflict with `rest`: a page says they conflict, or it
// completes a combination to avoid.
bool conflicts_with(const Catalog& catalog, const RelationGraph& graph, const Pattern& candidate,
                    const std::vector<const Pattern*>& rest) {
  for (const Pattern* p : rest)
    for (const Edge* e : graph.between(candidate.id, p->id))
      if (e->relation == Relation::conflicts_with && e->sources != std::vector<std::string>{"avoid"}) return true;
  for (const json& entry : catalog.section("avoid")) {
    std::vector<std::string> ids = detail::strings(entry, "patterns");
    if (ids.size() < 2 || !contains(ids, candidate.id)) continue;
    if (std::all_of(ids.begin(), ids.end(), [&](const std::string& id) { return id == candidate.id || has(rest, id); }))
      return true;
  }
  return false;
}

// 2. What to put in place of each legacy pattern; fills `replacements` and
// `proposed`.
void replace_legacy(const Catalog& catalog, const RelationGraph& graph, const std::vector<const Pattern*>& stack,
                    StackReport& report) {
  report.proposed = stack;
  for (const Pattern* old : stack) {
    if (!is_legacy(*old)) continue;
    std::vector<const StackConflict*> involved;
    for (const StackConflict& c : report.conflicts)
      if (contains(c.patterns, old)) involved.push_back(&c);
    std::vector<const Pattern*> candidates, offered;  // offered: candidates and the conflicts' instead
    auto add = [](std::vector<const Pattern*>& list, const Pattern* p) {
      if (p && !contains(list, p)) list.push_back(p);
    };
    for (const StackConflict* c : involved)
      for (const Pattern* p : c->instead) {
        if (graph.has(old->id, Relation::replaced_by, p->id)) add(candidates, p);
        add(offered, p);
      }
    for (Relation wanted : {Relation::replaced_by, Relation::alternative})
      for (const Edge& e : graph.edges(old->id))
        if (e.relation == wanted) add(candidates, catalog.find(e.target));
    for (const Pattern* p : candidates) add(offered, p);

    // The rest of the stack as it will be: the replacements chosen so far,
    // without the legacy patterns, which are on their way out too (saga is
    // fine for a stack whose shared database is being replaced as well).
    std::vector<const Pattern*> rest;
    for (const Pattern* p : report.proposed)
      if (!is_legacy(*p)) rest.push_back(p);
    auto fits = [&](const Pattern* p) {
      return !is_legacy(*p) && !contains(rest, p) && !conflicts_with(catalog, graph, *p, rest);
    };
    auto chosen = std::find_if(candidates.begin(), candidates.end(), fits);
    if (chosen == candidates.end()) continue;

    StackReplacement replacement{old, {*chosen}, StackReplacement::Because::legacy, {}};
    for (const Edge& e : graph.edges((*chosen)->id)) {
      const Pattern* needed = e.relation == Relation::requires_ ? catalog.find(e.target) : nullptr;
      if (needed && needed != old && contains(offered, needed) && fits(needed) && !contains(replacement.with, needed))
        replacement.with.push_back(needed);
    }
    if (!involved.empty()) {
      replacement.because = StackReplacement::Because::conflict;
      replacement.reason = involved.front()->reason;
    } else {
      replacement.reason = detail::string_or(old->record(), "deprecation_reason");
    }
    auto at = std::find(report.proposed.begin(), report.proposed.end(), old);
    at = report.proposed.erase(at);
    report.proposed.insert(at, replacement.with.begin(), replacement.with.end());
    report.replacements.push_back(std::move(replacement));
  }
}

// 3. Prerequisites and partners `stack` lacks.
void find_gaps(const Catalog& catalog, const RelationGraph& graph, const std::vector<const Pattern*>& stack,
               StackReport& report) {
  auto conflicts_with_stack = [&](const Pattern& candidate) {
    return std::any_of(stack.begin(), stack.end(), [&](const Pattern* p) {
      return graph.has(p->id, Relation::conflicts_with, candidate.id);
    });
  };
  for (const Pattern* p : stack)
    for (const Edge& e : graph.edges(p->id)) {
      const Pattern* target = catalog.find(e.target);
      if (!target || has(stack, target->id)) continue;
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
}

}  // namespace

std::string_view to_string(StackReplacement::Because because) {
  return because == StackReplacement::Because::conflict ? "conflict" : "legacy";
}

StackReport analyse_stack(const Catalog& catalog, const RelationGraph& graph, const std::vector<const Pattern*>& stack) {
  StackReport report;
  find_conflicts(catalog, graph, stack, report);
  replace_legacy(catalog, graph, stack, report);
  find_gaps(catalog, graph, report.proposed, report);

  // 4. Legacy patterns, replaced or not.
  for (const Pattern* p : stack) {
    if (!is_legacy(*p)) continue;
    LegacyPattern legacy{p, detail::string_or(p->record(), "deprecation_reason"), {}};
    for (const Pattern* modern : modern_for(catalog, graph, *p))
      if (!has(stack, modern->id)) legacy.alternatives.push_back(modern);
    report.legacy.push_back(std::move(legacy));
  }

  report.complexity = estimate_complexity(catalog, stack);
  report.proposed_complexity = estimate_complexity(catalog, report.proposed);
  return report;
}

}  // namespace patsel
