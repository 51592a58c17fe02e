#pragma once
// What changed between two catalogs (two releases, or a catalog before and
// after an edit): patterns added and removed, tier, status and relevance
// moves, relations added and removed, decision trees added, removed or
// changed.

#include <string>
#include <vector>

#include "patsel/catalog.hpp"

namespace patsel {

/// A field of a pattern present in both catalogs that changed.
struct FieldMove {
  const Pattern* pattern = nullptr;  ///< in the newer catalog
  std::string from;                  ///< empty when the older catalog had none
  std::string to;                    ///< empty when the newer catalog has none
};

/// A relation a pattern states about another (its own page or a data-file
/// row about it), between two patterns present in both catalogs.
struct RelationChange {
  std::string from;
  std::string relation;  ///< as kReferenceFields and the data files state it: "requires", "replaced-by" ...
  std::string to;
};

/// A decision tree, by id, with its title in the catalog that has it.
struct TreeChange {
  std::string id;
  std::string title;
};

struct CatalogDiff {
  std::string old_hash, new_hash;
  std::vector<const Pattern*> added;    ///< in the newer catalog, by id
  std::vector<const Pattern*> removed;  ///< in the older catalog, by id
  std::vector<FieldMove> tier_moves, status_moves, relevance_changes;  ///< by id
  std::vector<RelationChange> relations_added, relations_removed;     ///< by from, relation, to
  std::vector<TreeChange> trees_added, trees_removed, trees_changed;   ///< by id

  /// Nothing of the above changed (other fields may have).
  bool empty() const;
};

/// Compares `older` with `newer`. Relations are those each pattern states
/// itself, so a relation is counted once, at the pattern that states it;
/// relations of added or removed patterns are left to `added` / `removed`.
///
/// ```
/// auto diff = patsel::diff_catalogs(old_catalog, new_catalog);
/// for (const auto& move : diff.tier_moves) std::cout << move.pattern->id << ": " << move.from << " -> " << move.to;
/// ```
CatalogDiff diff_catalogs(const Catalog& older, const Catalog& newer);

}  // namespace patsel
