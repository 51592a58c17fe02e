#pragma once
// Stack analysis and side-by-side comparison: what the catalog says about
// a set of patterns used (or considered) together.

#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/complexity.hpp"
#include "patsel/graph.hpp"
#include "patsel/rules.hpp"

namespace patsel {

/// Patterns of the stack that work against each other.
struct StackConflict {
  std::vector<const Pattern*> patterns;  ///< in stack order
  std::vector<std::string> reasons;
  std::vector<const Pattern*> instead;   ///< what the catalog suggests instead (not in the stack)
};

/// A pattern the stack lacks.
struct StackGap {
  const Pattern* pattern = nullptr;
  Relation relationship = Relation::requires_;  ///< requires for `missing`; complements/enhanced-by/enhances for `suggested`
  std::vector<std::string> for_patterns;         ///< the stack patterns that want it, in stack order
  std::vector<std::string> notes;
};

/// A legacy pattern of the stack and what replaces it.
struct LegacyPattern {
  const Pattern* pattern = nullptr;
  std::string reason;                          ///< its deprecation reason
  std::vector<const Pattern*> alternatives;    ///< replacements first, then alternatives; never bronze
};

struct StackReport {
  /// Combinations to avoid: every pattern of an `avoid` entry is in the
  /// stack, or two patterns are marked conflicts-with / anti-pattern and
  /// nothing else relates them.
  std::vector<StackConflict> conflicts;
  /// Pairs marked as anti-patterns of each other that also require or
  /// complement each other: fine together, but only when used with care
  /// (e.g. retries inside a circuit breaker).
  std::vector<StackConflict> cautions;
  std::vector<StackGap> missing;    ///< prerequisites (requires) not in the stack
  std::vector<StackGap> suggested;  ///< complements and enhancers not in the stack; not bronze, not conflicting
  std::vector<LegacyPattern> legacy;  ///< bronze or `legacy` status
  ComplexityEstimate complexity;
};

/// ```
/// auto report = patsel::analyse_stack(catalog, graph, {catalog.find("two-phase-commit"), catalog.find("microservices")});
/// report.conflicts[0].instead[0]->id;  // "saga"
/// ```
StackReport analyse_stack(const Catalog& catalog, const RelationGraph& graph, const std::vector<const Pattern*>& stack);

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
