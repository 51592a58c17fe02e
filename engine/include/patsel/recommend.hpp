#pragma once
// Recommendations from a requirements profile (the decision calculator):
// the rules of rules.hpp add up evidence per pattern; the result is a
// ranked list with every reason, the patterns left out because of their
// tier (and what to consider instead), the patterns the profile argues
// against, and the partners the recommended patterns need or go well with.

#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/complexity.hpp"
#include "patsel/graph.hpp"
#include "patsel/rules.hpp"

namespace patsel {

/// One rule's contribution to a pattern's score.
struct Evidence {
  std::string rule;
  double weight = 0;
  std::string reason;
};

/// A pattern's summed evidence; reasons strongest first (by weight, then
/// rule order), positive and negative alike.
struct PatternScore {
  const Pattern* pattern = nullptr;
  double score = 0;
  std::vector<Evidence> reasons;
};

struct ExcludedPattern {
  PatternScore scored;
  std::vector<const Pattern*> consider;  ///< allowed-tier replacements and alternatives
  std::string reason;                    ///< "Two-Phase Commit was excluded: bronze (allowed: gold); consider Saga"
};

/// A partner of recommended patterns that is not itself in the ranking.
struct Complement {
  const Pattern* pattern = nullptr;
  Relation relationship = Relation::complements;  ///< requires, complements, enhances or enhanced-by
  std::vector<std::string> for_patterns;          ///< the ranked patterns it goes with, in rank order
};

struct RecommendQuery {
  std::vector<Tier> tiers = {Tier::gold};  ///< tiers allowed in `ranked`
  std::size_t limit = 0;                   ///< at most this many ranked patterns; 0 = all
};

struct Recommendation {
  std::vector<PatternScore> ranked;       ///< score > 0, allowed tier; score desc, then tier, title
  std::vector<ExcludedPattern> excluded;  ///< score > 0 but a tier not allowed; same order
  std::vector<PatternScore> discouraged;  ///< score < 0; most negative first
  std::vector<Complement> complements;
  std::vector<std::string> fired;         ///< ids of the rules that fired, in catalog order
  /// Fields whose value would decide a rule that is undecided now (its
  /// condition is unknown), in declaration order: what to ask next.
  std::vector<std::string> undecided_fields;
  ComplexityEstimate complexity;  ///< of the ranked patterns, as a set
};

/// Scores every pattern the rules mention (patterns unknown to the catalog
/// are skipped), unsorted.
std::vector<PatternScore> score_patterns(const Catalog& catalog, const RuleBook& book, const Profile& profile);

/// The whole recommendation. Complements: a `requires` partner is listed
/// whatever its tier (it is needed); complements and enhancers only when
/// their tier is allowed.
///
/// ```
/// auto profile = patsel::read_profile(book, {{"external_dependencies", 5}});
/// auto rec = patsel::recommend(catalog, book, graph, profile, {});
/// rec.ranked[0].pattern->id;  // "timeout"
/// ```
Recommendation recommend(const Catalog& catalog, const RuleBook& book, const RelationGraph& graph,
                         const Profile& profile, const RecommendQuery& query);

}  // namespace patsel
