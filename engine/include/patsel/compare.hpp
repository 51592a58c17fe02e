#pragma once
// Side-by-side comparison: what the catalog says about two to five
// patterns, in the rows an architect decides on, in words (no scores), and
// one sentence's worth on how each pair relates.

#include <string>
#include <string_view>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/complexity.hpp"
#include "patsel/graph.hpp"
#include "patsel/rules.hpp"

namespace patsel {

/// Whether a line speaks for the pattern or against it.
enum class Fit { none, good, poor };

/// "good", "poor"; empty for none.
std::string_view to_string(Fit fit);

/// One line of a cell.
struct CompareLine {
  std::string text;
  Fit fit = Fit::none;

  bool operator==(const CompareLine& other) const { return text == other.text && fit == other.fit; }
};

using CompareCell = std::vector<CompareLine>;  ///< empty: the catalog says nothing

/// One attribute compared across patterns.
struct CompareRow {
  std::string attribute;  ///< stable id: "maturity", "atomicity", "rules:consistency" ...
  std::string label;      ///< for people: "Maturity and tier", "Atomicity" ...
  std::string group;      ///< rows that belong together: "Guarantees", "What the rules say"; may be empty
  std::vector<CompareCell> cells;  ///< one per pattern, in order
};

/// How two of the compared patterns relate, said once: the relation that
/// says most about choosing between them, read from `from` to `to`.
struct CompareRelation {
  const Pattern* from = nullptr;
  const Pattern* to = nullptr;
  Relation relation = Relation::related;
  std::string note;            ///< the catalog's first note on it; may be empty
  std::vector<Relation> also;  ///< the other relations between the two, strongest first
};

struct Comparison {
  std::vector<const Pattern*> patterns;
  std::vector<CompareRow> rows;  ///< rows where every cell is empty are left out, but for `fit`
  std::vector<CompareRelation> relations;  ///< one per related pair, in the order of the pairs
};

/// The rows, in this order:
///
/// | attribute | from the catalog |
/// |---|---|
/// | maturity | the tier (first line), status and relevance, the year introduced |
/// | fit | with a profile only (and then always): the reasons of the rules it fires for the pattern, for first |
/// | atomicity, isolation, consistency | the page's `guarantees` (group "Guarantees") |
/// | under_failure, latency_cost | the page's fields of those names |
/// | complexity | effort to build (complexity matrix, else the page), difficulty |
/// | team_time | team size and time to implement, then the expertise required |
/// | operations | maintenance; metrics, alerts and recurring tasks |
/// | when_to_use, when_not_to_use, best_for, pros, cons | the page |
/// | rules:<field> | without a profile: each rule on that field alone, "Strong: <reason>" (group "What the rules say") |
///
/// Rule lines carry a fit (good for a positive weight, poor for a
/// negative one); no line shows a weight.
///
/// ```
/// auto table = patsel::compare_patterns(catalog, book, graph, {saga, two_phase_commit});
/// table.relations[0].relation;  // Relation::replaces (saga replaces two-phase commit)
/// ```
Comparison compare_patterns(const Catalog& catalog, const RuleBook& book, const RelationGraph& graph,
                            const std::vector<const Pattern*>& patterns, const Profile* profile = nullptr);

}  // namespace patsel
