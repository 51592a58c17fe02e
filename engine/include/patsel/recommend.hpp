#pragma once
// Recommendations from a requirements profile (the decision calculator):
// the rules of rules.hpp add up evidence per pattern; the result is a
// ranked list with every reason, the patterns left out because of their
// tier (and what to consider instead), the patterns the profile argues
// against, the partners the recommended patterns need or go well with, and
// the few empty fields whose answer would change the ranking most.

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

/// An empty profile field worth answering next: the value of it that would
/// change the ranking most, and how.
struct NextField {
  std::size_t field = 0;           ///< index into RuleBook::fields
  FieldValue value;                ///< the value tried (the member the field's type uses)
  std::vector<const Pattern*> adds;   ///< brought into the ranking, in their new order
  std::vector<const Pattern*> drops;  ///< taken out of it, in their old order
  std::size_t moves = 0;              ///< kept, but at another place
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
  std::vector<NextField> next_fields;  ///< at most kNextFields; see next_fields()
  ComplexityEstimate complexity;  ///< of the ranked patterns, as a set
};

/// How many fields `Recommendation::next_fields` names at most.
inline constexpr std::size_t kNextFields = 3;

/// Scores every pattern the rules mention (patterns unknown to the catalog
/// are skipped), unsorted.
std::vector<PatternScore> score_patterns(const Catalog& catalog, const RuleBook& book, const Profile& profile);

/// The patterns `recommend` would rank for `profile`, in rank order.
std::vector<const Pattern*> ranked_patterns(const Catalog& catalog, const RuleBook& book, const Profile& profile,
                                            const RecommendQuery& query);
/// The same from whether each rule holds (`truths[r]` for `book.rules[r]`,
/// as evaluate() gives it): next_fields() re-evaluates only the rules that
/// read the field it tries values for.
std::vector<const Pattern*> ranked_patterns(const Catalog& catalog, const RuleBook& book,
                                            const std::vector<Truth>& truths, const RecommendQuery& query);

/// The empty fields (not given, nor given with a value that could not be
/// used) whose answer would change the ranking most, at most `most`. Each
/// field's values are tried (each choice, each member of a set alone, yes
/// and no; for a number every constant the rules compare it with, one
/// below the lowest and one above the highest within its range, and the
/// middle of each gap) and the one that changes the ranking most is kept:
/// most patterns brought in or taken out, then most moved. Fields come in
/// that order, declaration order among equals; a field that changes
/// nothing is left out.
///
/// ```
/// auto next = patsel::next_fields(catalog, book, profile, {}, 3);
/// book.fields[next[0].field].id;  // "consistency"
/// ```
std::vector<NextField> next_fields(const Catalog& catalog, const RuleBook& book, const Profile& profile,
                                   const RecommendQuery& query, std::size_t most);

/// The whole recommendation. Complements of the ranked patterns: what they
/// require (whatever its tier: it is needed), what their own page says they
/// complement or enhance, and what says it enhances them; the last two only
/// in an allowed tier and not argued against. Ordered: requirements first,
/// then by how many ranked patterns a partner serves, then by the strongest
/// relation (complements, enhanced-by, enhances), then by the rank of the
/// best pattern it serves.
///
/// ```
/// auto profile = patsel::read_profile(book, {{"external_dependencies", 5}});
/// auto rec = patsel::recommend(catalog, book, graph, profile, {});
/// rec.ranked[0].pattern->id;  // "timeout"
/// ```
Recommendation recommend(const Catalog& catalog, const RuleBook& book, const RelationGraph& graph,
                         const Profile& profile, const RecommendQuery& query);

}  // namespace patsel
