#pragma once
// Side-by-side comparison: what the catalog says about two to five
// patterns, attribute by attribute, and how they relate.

#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/complexity.hpp"
#include "patsel/graph.hpp"
#include "patsel/rules.hpp"

namespace patsel {

/// One attribute compared across patterns; each cell is a list of lines
/// (empty when the catalog says nothing).
struct CompareRow {
  std::string attribute;  ///< stable id: "tier", "effort", "fit:consistency" ...
  std::string label;      ///< for people: "Tier", "Consistency priority" ...
  std::vector<std::vector<std::string>> cells;
};

/// A relation between two of the compared patterns.
struct CompareRelation {
  const Pattern* from = nullptr;
  const Pattern* to = nullptr;
  const Edge* edge = nullptr;
};

struct Comparison {
  std::vector<const Pattern*> patterns;
  std::vector<CompareRow> rows;  ///< rows where every cell is empty are left out
  std::vector<CompareRelation> relations;
};

/// A side-by-side table. Besides the pattern records' own fields, one
/// "fit" row per profile field shows the rules that speak about a pattern
/// through that field alone ("strong: +3" under Consistency priority), which
/// is how consistency and latency impact are compared.
///
/// ```
/// auto table = patsel::compare_patterns(catalog, book, graph, {saga, two_phase_commit});
/// ```
Comparison compare_patterns(const Catalog& catalog, const RuleBook& book, const RelationGraph& graph,
                            const std::vector<const Pattern*>& patterns);

}  // namespace patsel
