#pragma once
// Pattern health: a score from 0 to 100 computed from the signals a
// pattern's page carries (`health`: the maintained state of its main
// implementations, adoption facts, its last tier review; `tier_history`)
// and from what the catalog already knows (tier, relevance, introduced,
// successors, examples and checklist, the patterns that rely on it).
// The weights are data (data/health.yaml, catalog section
// `health_signals`); docs/health.md gives the formula and a worked example.
//
//   score       = 100 * sum(weight * value, known signals) / sum(weight, known signals)
//   known_share = sum(weight, known signals) / sum(weight, all signals)
//
// A signal is unknown when nothing sourced says it (an implementation
// state without a source counts as unknown); unknown signals take no part
// in the score, and `known_share` says how much of it rests on what is known.

#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/graph.hpp"

namespace patsel {

/// One signal of the score and what the model says about it.
struct HealthWeight {
  std::string_view id;     ///< "tier", "relevance", ...
  std::string_view label;  ///< what a reader sees: "Tier"
  double weight;           ///< the default, used when the catalog gives none
};

/// Every signal of the score, in the order answers list them, with the
/// default weights (they sum to 100). data/health.yaml may change any weight.
inline constexpr HealthWeight kHealthSignals[] = {
    {"tier", "Tier", 20},
    {"relevance", "Current relevance", 20},
    {"maintained", "Implementations maintained", 25},
    {"adoption", "Recent adoption", 10},
    {"successors", "No successor", 10},
    {"documentation", "Examples and checklist", 5},
    {"reliance", "Patterns relying on it", 5},
    {"maturity", "Years in use", 5},
};
inline constexpr std::size_t kHealthSignalCount = std::size(kHealthSignals);

/// The weights and knobs of the score, read from the catalog's
/// `health_signals` section; what it does not say keeps its default.
struct HealthModel {
  double weights[kHealthSignalCount] = {};
  int reliance_full_at = 5;       ///< this many patterns relying on it give the whole reliance weight
  int maturity_full_at = 10;      ///< this many years since `introduced` give the whole maturity weight
  int adoption_recent_years = 5;  ///< an adoption fact this recent counts fully; older ones half
  std::vector<Error> problems;    ///< entries of the section that could not be used

  HealthModel();
  double weight(std::string_view id) const;
};

/// ```
/// auto model = patsel::read_health_model(catalog.section("health_signals"));
/// ```
HealthModel read_health_model(const nlohmann::json& section);

/// A month as `YYYY-MM`. A bare year reads as its January, the earliest
/// month it may mean, so a review dated by its year alone falls due no
/// later than it should.
struct Month {
  int year = 0;
  int month = 0;  ///< 1..12
  int index() const { return year * 12 + (month - 1); }
  std::string to_string() const;
};

/// `parse_month("2024-06")`, `parse_month("2024")` (January); nullopt otherwise.
std::optional<Month> parse_month(std::string_view text);

/// The newest date the catalog's health data holds (reviews, signal
/// dates, tier changes): the date answers are computed for when the
/// caller gives none, so the same catalog always gives the same answers.
std::optional<Month> newest_health_date(const Catalog& catalog);

/// One signal of one pattern's score.
struct HealthSignal {
  std::string_view id;
  std::string_view label;
  double weight = 0;
  std::optional<double> value;  ///< 0..1; nullopt: unknown
  double points = 0;            ///< its part of the score: 100 * weight * value / known weight
  std::string why;              ///< a plain sentence: "Gold tier."
};

/// A contradiction between a pattern's signals and its tier, for review.
struct HealthFlag {
  std::string code;     ///< stable: "gold_all_archived", "bronze_mainstream", ...
  std::string message;  ///< a plain sentence
};

struct HealthReport {
  const Pattern* pattern = nullptr;
  std::optional<double> score;  ///< 0..100, one decimal; nullopt when no signal is known
  double known_share = 0;       ///< 0..1
  std::vector<HealthSignal> signals;  ///< in the order of kHealthSignals
  std::vector<HealthFlag> flags;
};

/// What the catalog's graph says that the score needs, computed once.
class HealthContext {
 public:
  HealthContext(const Catalog& catalog, const RelationGraph& graph, HealthModel model);
  const Catalog& catalog() const { return catalog_; }
  const HealthModel& model() const { return model_; }
  /// Ids of the patterns that replace or succeed `id` (replaced-by and
  /// evolves-into edges, its families' migration triggers from it), sorted.
  std::vector<std::string> successors(const std::string& id) const;
  /// Ids of the patterns that rely on `id` (required-by edges, and the
  /// wholes it is part of), sorted.
  std::vector<std::string> dependants(const std::string& id) const;

 private:
  const Catalog& catalog_;
  const RelationGraph& graph_;
  HealthModel model_;
};

/// The score of one pattern, as of `today` (the year `maturity` and
/// `adoption` count from; nullopt leaves both unknown).
///
/// ```
/// patsel::HealthContext context(catalog, graph, patsel::read_health_model(catalog.section("health_signals")));
/// auto report = patsel::assess_health(context, *catalog.find("circuit-breaker"), patsel::parse_month("2026-12"));
/// ```
HealthReport assess_health(const HealthContext& context, const Pattern& pattern, std::optional<Month> today);

/// Why a pattern is due for review.
struct ReviewReason {
  std::string code;     ///< "not_reviewed", "review_due", "contradiction", "missing_signals", "unsourced_signals"
  std::string message;  ///< a plain sentence
};

struct ReviewItem {
  const Pattern* pattern = nullptr;
  std::string reviewed;  ///< the last review, `YYYY-MM` or `YYYY`; empty when never
  std::vector<ReviewReason> reasons;
};

/// The patterns due for review as of `today`: never reviewed, or last
/// reviewed more than `max_age_months` before it; signals that contradict
/// the tier; implementations without a sourced state; unsourced signals.
/// Gold first, then silver, bronze, unclassified; by title within a tier.
std::vector<ReviewItem> due_for_review(const HealthContext& context, std::optional<Month> today, int max_age_months);

/// A tier change a page records (`tier_history`).
struct TierChange {
  const Pattern* pattern = nullptr;
  std::string date;  ///< `YYYY-MM` or `YYYY`, as recorded
  std::string from, to, reason;
};

/// The tier changes the catalog records, dated `since` or later (a bare
/// year reads as its January), newest first, then by title; all of them
/// without `since`. For "what changed since a date".
///
/// ```
/// for (const auto& change : patsel::tier_changes(catalog, patsel::parse_month("2025-01"))) ...
/// ```
std::vector<TierChange> tier_changes(const Catalog& catalog, std::optional<Month> since);

}  // namespace patsel
