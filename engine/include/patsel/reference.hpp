#pragma once
// The catalog's reference sections, read into typed values: pattern
// families and their timelines, learning paths, compositions, the
// problem-solution matrix and quick reference cards (data/*.yaml,
// docs/catalog-data.md).
//
// Each section is read defensively: a record without an id is skipped, a
// reference to a pattern the catalog does not know is left out.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/graph.hpp"

namespace patsel {

/// The ids of a section's records ("families", "paths", "cards" ...), in
/// catalog order, for messages that list what there is.
std::vector<std::string> section_ids(const Catalog& catalog, std::string_view section);

// --- families and timelines -------------------------------------------------

struct FamilySummary {
  std::string id;
  std::string title;
  std::string summary;
  std::optional<long long> from_year;  ///< the earliest year of its timeline
  std::optional<long long> to_year;    ///< the latest
  std::vector<std::string> patterns;   ///< named by its timeline and triggers, in that order
};

/// The families, or those that name `only` when it is set.
///
/// ```
/// patsel::families(catalog, catalog.find("saga"));  // the families Saga belongs to
/// ```
std::vector<FamilySummary> families(const Catalog& catalog, const Pattern* only = nullptr);

/// One step of a family's timeline. A step outside the catalog has no
/// pattern; its title is the step's `name` (or the unknown id).
struct TimelineStep {
  std::optional<long long> year;
  const Pattern* pattern = nullptr;
  std::string title;
  std::string innovation;
  std::vector<std::string> limitations;
  std::vector<std::string> adopters;
};

/// What prompts a move from one pattern of a family to another.
struct MigrationTrigger {
  const Pattern* from = nullptr;
  const Pattern* to = nullptr;
  std::vector<std::string> triggers;
};

struct Timeline {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<TimelineStep> steps;
  std::vector<MigrationTrigger> triggers;  ///< only those between patterns of the catalog
};

/// The timeline of the family `id`; nullopt when there is none.
///
/// ```
/// patsel::family_timeline(catalog, "distributed-transactions")->steps[0].title;
/// ```
std::optional<Timeline> family_timeline(const Catalog& catalog, std::string_view id);

// --- learning paths -----------------------------------------------------------

struct LearningPathSummary {
  std::string id;
  std::string level;
  std::string title;
  std::string summary;
  std::size_t stages = 0;
  std::size_t patterns = 0;  ///< patterns of the catalog over all stages
};

std::vector<LearningPathSummary> learning_paths(const Catalog& catalog);

/// A pattern of a stage and its prerequisites (requires edges). Every
/// pattern up to its stage counts as learned, so a prerequisite from a
/// later stage, or from outside the path, is `uncovered`.
struct PathPattern {
  const Pattern* pattern = nullptr;
  std::vector<std::string> requires_;
  std::vector<std::string> uncovered;
};

struct PathStage {
  std::string title;
  std::vector<PathPattern> patterns;
};

struct LearningPath {
  std::string id;
  std::string level;
  std::string title;
  std::string summary;
  std::vector<PathStage> stages;
};

/// The learning path `id`; nullopt when there is none.
///
/// ```
/// auto path = patsel::learning_path(catalog, graph, "beginner");
/// ```
std::optional<LearningPath> learning_path(const Catalog& catalog, const RelationGraph& graph, std::string_view id);

// --- compositions, the problem matrix, cards ---------------------------------------

/// A pattern made of other patterns ("Event Sourcing + CQRS").
struct Composition {
  std::string id;
  const Pattern* whole = nullptr;  ///< the pattern it is, when the catalog has it
  std::string title;
  std::string summary;
  std::vector<const Pattern*> parts;
  std::string formula;  ///< "Whole = Part + Part"
};

/// The compositions, or those `only` is the whole or a part of.
std::vector<Composition> compositions(const Catalog& catalog, const Pattern* only = nullptr);

struct Problem {
  std::string id;
  std::string area;
  std::string title;
  std::string description;
  std::vector<const Pattern*> primary;
  std::vector<const Pattern*> supporting;
};

/// The areas of the problem matrix, in catalog order, each once.
std::vector<std::string> problem_areas(const Catalog& catalog);

/// The problems of `area` (all when empty) that name `only` (any when null).
std::vector<Problem> problems(const Catalog& catalog, std::string_view area = {}, const Pattern* only = nullptr);

struct Card {
  std::string id;
  std::string title;
  std::vector<const Pattern*> essential;
  std::vector<const Pattern*> important;
  std::vector<const Pattern*> advanced;
};

/// The quick reference cards, or only the card `id` when it is not empty.
std::vector<Card> cards(const Catalog& catalog, std::string_view id = {});

}  // namespace patsel
