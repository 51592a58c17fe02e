#pragma once
// Migration: what replaces a pattern and what it replaces, with what the
// catalog says about each move (the reasons, the steps and guide of a
// migration path, the triggers pattern families name).

#include <string>
#include <vector>

#include "patsel/catalog.hpp"
#include "patsel/graph.hpp"

namespace patsel {

/// One move between the pattern asked about and another.
struct MigrationMove {
  const Pattern* pattern = nullptr;   ///< the other end: a replacement (in `to`) or a predecessor (in `from`)
  std::vector<std::string> reasons;   ///< notes of the replaced-by edge, from the old pattern to the new one
  std::vector<std::string> steps;     ///< the old pattern's migration_paths.to entry, else the new one's migration_paths.from
  std::string guide;                  ///< from the same entry
  std::vector<std::string> triggers;  ///< what prompts the move, from the families' migration_triggers
  std::vector<std::string> families;  ///< ids of the families that name the move
};

struct Migration {
  const Pattern* pattern = nullptr;
  bool legacy = false;             ///< bronze, or status "legacy"
  std::string deprecation_reason;  ///< the record's own, may be empty
  /// What replaces the pattern, in the order the catalog names them: its
  /// migration_paths.to, then other replaced-by edges, then family triggers.
  std::vector<MigrationMove> to;
  /// What the pattern replaces, in the same order (migration_paths.from first).
  std::vector<MigrationMove> from;
};

/// ```
/// auto m = patsel::plan_migration(catalog, graph, *catalog.find("two-phase-commit"));
/// m.to[0].pattern->id;  // "saga"
/// ```
Migration plan_migration(const Catalog& catalog, const RelationGraph& graph, const Pattern& pattern);

}  // namespace patsel
