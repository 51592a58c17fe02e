#pragma once
// Stack analysis: what the catalog says about a set of patterns used
// together. First what to change (a legacy pattern and what to put in its
// place), then the conflicts, then the advice for the stack as it will be
// after those changes (missing prerequisites, partners worth adding), the
// legacy patterns and the complexity now and after.

#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/complexity.hpp"
#include "patsel/graph.hpp"

namespace patsel {

/// Patterns of the stack that work against each other.
struct StackConflict {
  std::vector<const Pattern*> patterns;  ///< in stack order
  std::string reason;                    ///< one: the avoid entry's, else the first note of a page
  std::vector<const Pattern*> instead;   ///< what the catalog suggests instead (not in the stack)
};

/// A legacy pattern of the stack and what to put in its place.
struct StackReplacement {
  const Pattern* pattern = nullptr;
  std::vector<const Pattern*> with;  ///< the replacement, then what it requires among the other candidates
  enum class Because { conflict, legacy } because = Because::legacy;
  std::string reason;                ///< the conflict's reason, else the deprecation reason
};

std::string_view to_string(StackReplacement::Because because);

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
  /// Legacy patterns (bronze or `legacy`) with a replacement that fits the
  /// rest of the stack, in stack order.
  std::vector<StackReplacement> replacements;
  /// The stack after the replacements, each in its pattern's place.
  std::vector<const Pattern*> proposed;
  /// Combinations to avoid: every pattern of an `avoid` entry is in the
  /// stack, or two patterns are marked conflicts-with / anti-pattern and
  /// nothing else relates them.
  std::vector<StackConflict> conflicts;
  /// Pairs marked as anti-patterns of each other that also require or
  /// complement each other: fine together, but only when used with care
  /// (e.g. retries inside a circuit breaker).
  std::vector<StackConflict> cautions;
  std::vector<StackGap> missing;    ///< prerequisites (requires) the proposed stack lacks
  std::vector<StackGap> suggested;  ///< complements and enhancers it lacks; not bronze, not conflicting with it
  std::vector<LegacyPattern> legacy;  ///< bronze or `legacy` status, replaced or not
  ComplexityEstimate complexity;           ///< of the stack as it is
  ComplexityEstimate proposed_complexity;  ///< of the proposed stack
};

/// A legacy pattern's replacement is the first of these candidates that is
/// neither bronze nor legacy, conflicts with nothing in the rest of the
/// stack (its other patterns that are not legacy, and the replacements
/// chosen before) and completes no combination to avoid: what a conflict
/// involving it says to use instead and also replaces it, then what
/// replaces it, then its alternatives. `with` adds what the replacement
/// requires among the other candidates and the conflict's `instead`.
///
/// ```
/// auto report = patsel::analyse_stack(catalog, graph, {catalog.find("two-phase-commit"), catalog.find("microservices")});
/// report.replacements[0].with;  // saga, outbox
/// ```
StackReport analyse_stack(const Catalog& catalog, const RelationGraph& graph, const std::vector<const Pattern*>& stack);

}  // namespace patsel
