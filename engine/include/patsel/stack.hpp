#pragma once
// Stack analysis: what the catalog says about a set of patterns used
// together (conflicts, missing prerequisites, legacy, complexity).

#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/complexity.hpp"
#include "patsel/graph.hpp"

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

}  // namespace patsel
