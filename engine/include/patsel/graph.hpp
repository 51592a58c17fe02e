#pragma once
// The typed relationship graph over a catalog's patterns, built from
// everything the catalog says about how patterns relate:
//
// | source                                   | relation (from the pattern's side)   |
// |------------------------------------------|--------------------------------------|
// | a pattern's reference fields             | see kReferenceFields below           |
// | dependencies `builds_on`                 | requires                             |
// | compositions `parts`                     | part-of (part -> whole)              |
// | avoid `patterns`                         | conflicts-with, each pair            |
//
// Every edge is stored from both ends, the far end with the inverse
// relation (requires / required-by, replaces / replaced-by, part-of /
// has-part, evolves-from / evolves-into, enhances / enhanced-by; the others
// are symmetric). Edges between the same two patterns with the same relation
// are merged, keeping every note.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "patsel/catalog.hpp"

namespace patsel {

/// Relations, in the order results list them (strongest ties first).
enum class Relation {
  requires_,  // "requires" (a C++20 keyword, hence the underscore)
  required_by,
  complements,
  enhances,
  enhanced_by,
  part_of,
  has_part,
  alternative,
  replaces,
  replaced_by,
  evolves_from,
  evolves_into,
  conflicts_with,
  related,
};

inline constexpr std::size_t kRelationCount = 14;

std::string_view to_string(Relation relation);
/// `parse_relation("replaced-by") == Relation::replaced_by`; unknown words give nullopt.
std::optional<Relation> parse_relation(std::string_view word);
/// The relation seen from the other end: requires <-> required-by ...
Relation inverse(Relation relation);
/// "requires, required-by, ..." for error messages.
std::string relation_names();

/// A field of a pattern record through which it names other patterns, and
/// the relation it states. `field` is the list, or, when `list` is set, an
/// object whose member `list` is. Items are pattern ids or objects
/// `{pattern: id, ...}`; `objects` says which the catalog schema writes
/// (readers accept both).
struct ReferenceField {
  std::string_view field;
  std::string_view list;          ///< empty when `field` is the list itself
  bool objects;                   ///< items are {pattern, ...}; else pattern ids
  std::string_view relation_key;  ///< the item member holding its own relation word; empty: `relation`
  Relation relation;
  std::string_view note_key;      ///< the item member kept as the edge's note; may be empty
};

/// Every reference field of a pattern record (docs/catalog-schema.md), in
/// the order the graph reads them. One list for the compiler (which
/// resolves the names in these fields), the graph (which makes them edges)
/// and the `pattern` method (which shows the patterns they name).
inline constexpr ReferenceField kReferenceFields[] = {
    {"related", "", true, "relation", Relation::related, "note"},
    {"pattern_combinations", "commonly_used_with", true, "relationship", Relation::related, ""},
    {"pattern_combinations", "anti_patterns", true, "", Relation::conflicts_with, "reason"},
    {"alternatives", "", true, "", Relation::alternative, "when"},
    {"modern_alternatives", "", true, "", Relation::replaced_by, "reason"},
    {"migration_paths", "to", true, "", Relation::replaced_by, ""},
    {"migration_paths", "from", true, "", Relation::replaces, ""},
    {"evolution", "from", false, "", Relation::evolves_from, ""},
    {"evolution", "to", false, "", Relation::evolves_into, ""},
};

/// The pattern ids a record names through kReferenceFields, in that order,
/// repeats kept.
///
/// ```
/// patsel::referenced_ids(catalog.find("two-phase-commit")->data);  // {"saga", "outbox", ...}
/// ```
std::vector<std::string> referenced_ids(const nlohmann::json& record);

/// One edge, seen from the pattern that holds it.
struct Edge {
  std::string target;
  Relation relation = Relation::related;
  std::vector<std::string> notes;    ///< why, from the catalog (may be empty)
  std::vector<std::string> sources;  ///< where it was read: "related", "avoid" ...
  /// The pattern holding the edge says so itself (its page, or a data file
  /// row about it); false when only the other end does. A page that says
  /// it goes with caching does not make caching say it goes with that page.
  bool stated = false;
};

/// A pattern reached by a neighbourhood query.
struct Neighbour {
  const Pattern* pattern = nullptr;
  int depth = 0;                ///< 1 = a direct neighbour
  std::string via;              ///< the pattern it was reached from
  std::vector<const Edge*> edges;  ///< the edges from `via` to it that matched
};

/// A prerequisite-respecting order of a set of patterns.
struct Ordering {
  struct Item {
    const Pattern* pattern = nullptr;
    std::vector<std::string> requires_;  ///< its prerequisites within the set
    int stage = 0;                       ///< 0 = needs nothing in the set; else 1 + the highest stage it needs
    bool added = false;                  ///< not asked for: brought in as a prerequisite
    bool in_cycle = false;               ///< part of a cycle: placed after the rest
  };
  std::vector<Item> items;
  std::vector<std::vector<std::string>> cycles;  ///< each cycle's patterns, in input order
};

class RelationGraph {
 public:
  /// Builds the graph; references to unknown patterns and unknown relation
  /// words are skipped and reported in `problems()`.
  ///
  /// ```
  /// auto graph = patsel::RelationGraph::build(catalog);
  /// for (const auto& e : graph.edges("circuit-breaker")) ...
  /// ```
  static RelationGraph build(const Catalog& catalog);

  /// The edges of pattern `id` (empty for an unknown id), in the order read.
  const std::vector<Edge>& edges(std::string_view id) const;
  /// The edges from `from` to `to` (any relation).
  std::vector<const Edge*> between(std::string_view from, std::string_view to) const;
  bool has(std::string_view from, Relation relation, std::string_view to) const;

  /// Patterns within `depth` steps of `id`, following only `relations`
  /// (all when empty); breadth first, each pattern once at its shortest
  /// depth; ordered by depth, then relation, then title.
  ///
  /// ```
  /// graph.neighbours(catalog, "circuit-breaker", {Relation::requires_}, 2);
  /// ```
  std::vector<Neighbour> neighbours(const Catalog& catalog, std::string_view id,
                                    const std::vector<Relation>& relations, int depth) const;

  /// Orders `ids` so that every pattern comes after what it requires
  /// (Kahn's algorithm; among ready patterns the one given first wins).
  /// With `add_prerequisites`, missing prerequisites are brought in,
  /// transitively. A cycle is reported and placed as a whole, once what it
  /// waits on is placed and no single pattern is ready.
  ///
  /// ```
  /// auto ordering = graph.order(catalog, {"saga", "outbox"}, false);  // outbox, saga
  /// ```
  Ordering order(const Catalog& catalog, const std::vector<std::string>& ids, bool add_prerequisites) const;

  /// What the graph could not use, e.g. `[graph.unknown_pattern] $.patterns[3].related[1]: 'x' ...`.
  const std::vector<Error>& problems() const { return problems_; }

 private:
  std::vector<std::string> ids_;                  // pattern ids, as in the catalog
  std::unordered_map<std::string, std::size_t> by_id_;
  std::vector<std::vector<Edge>> edges_;          // by pattern index
  std::vector<Error> problems_;

  // One thing the catalog says, collected while building: a pattern's own
  // statements become its first edges, what others say about it follows.
  struct Statement {
    std::size_t from = 0;
    std::size_t to = 0;
    Relation relation = Relation::related;
    std::string note;
    std::string source;
  };
  std::vector<Statement> statements_;

  std::optional<std::size_t> index(std::string_view id) const;
  void add(const std::string& from, Relation relation, const std::string& to, const std::string& note,
           const std::string& source, const std::string& where);
  void add_one(std::size_t from, Relation relation, const std::string& to, const std::string& note,
               const std::string& source, bool stated);
};

}  // namespace patsel
