#pragma once
// The catalog model: what the engine knows about each pattern once
// catalog.json is loaded. Typed fields are the ones the engine filters,
// sorts, searches and shows on result cards, read once at load; the whole
// record is kept as the text catalog.json has it and parsed when first
// asked for (`Pattern::record()`), so searching a large catalog never
// holds a JSON document per record.

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "patsel/result.hpp"

namespace patsel {

/// The schema version this engine reads. A catalog with a higher version is
/// refused with `catalog.schema_too_new` instead of being half understood.
inline constexpr int kSchemaVersion = 1;

/// Excellence tier, in the order users rank them (gold first).
enum class Tier { gold = 0, silver = 1, bronze = 2, unclassified = 3 };

std::string_view to_string(Tier tier);
/// `parse_tier("silver") == Tier::silver`; unknown words give nullopt.
std::optional<Tier> parse_tier(std::string_view word);
/// "gold, silver, bronze, unclassified", for messages about a wrong tier.
std::string tier_names();

namespace detail {
/// A record's text inside the catalog's text, parsed on first use (once,
/// also when several threads ask at the same time).
class LazyRecord {
 public:
  LazyRecord(std::shared_ptr<const std::string> catalog_text, std::string_view record_text)
      : catalog_text_(std::move(catalog_text)), text_(record_text) {}
  const nlohmann::json& get() const;

 private:
  std::shared_ptr<const std::string> catalog_text_;  // keeps text_ alive
  std::string_view text_;
  mutable std::once_flag parsed_;
  mutable nlohmann::json value_;
};
}  // namespace detail

struct Pattern {
  std::string id;
  std::string title;
  std::string summary;
  std::string category;
  std::string domain;
  std::string layer;
  std::string status;
  Tier tier = Tier::unclassified;
  std::vector<std::string> aliases;
  std::vector<std::string> tags;
  int introduced_year = 0;  ///< 0 when unknown
  int reading_minutes = 0;  ///< 0 when unknown
  int introduced_key = 0;   ///< "2007-03" -> 200703, "1981" -> 198100; 0 when unknown
  // Searched, faceted or shown on a card; "" or empty when absent.
  std::string tagline;
  std::string essential_question;
  std::string excerpt;
  std::string relevance;
  std::string difficulty;
  std::string effort;     ///< implementation_complexity.effort
  std::string team_size;  ///< implementation_complexity.team_size
  std::vector<std::string> when_to_use;
  std::vector<std::string> ecosystems;  ///< implementations[].ecosystem

  /// The full record from catalog.json, parsed the first time it is asked
  /// for and kept from then on; an empty object in a catalog loaded without
  /// its records' text (RecordText::drop_for_search_scope).
  const nlohmann::json& record() const;
  std::shared_ptr<const detail::LazyRecord> source;
};

/// What the engine agrees to parse. The defaults fit the shipped catalog
/// many times over; a host that needs more passes `load` options
/// (docs/reliability.md).
struct CatalogLimits {
  /// Larger text is refused with `catalog.too_large` before it is parsed.
  std::size_t max_bytes = std::size_t{64} << 20;
  /// Deeper nesting of arrays and objects is refused with
  /// `catalog.too_deep` (the compiler nests at most 64 levels below a
  /// pattern field, so compiled catalogs stay far below).
  int max_depth = 128;
};

/// What a catalog's records hold: everything (`full`, what `patsel build`
/// writes) or only what search reads (`search`, see search_catalog()).
enum class Scope { full, search };

std::string_view to_string(Scope scope);

/// Whether a loaded catalog keeps each record's text for Pattern::record().
/// An engine never reads the whole records of a search catalog (it refuses
/// the methods that would), so it loads one without them: the text, the
/// largest part of a large catalog's memory, is freed once the typed fields
/// are read, before the search index is built.
enum class RecordText { keep, drop_for_search_scope };

/// A loaded, read-only catalog.
class Catalog {
 public:
  /// Parses catalog.json text. Text over the limits is an error value
  /// (`catalog.too_large`, `catalog.too_deep`), never a crash.
  ///
  /// ```
  /// auto catalog = patsel::Catalog::from_json(text);
  /// if (!catalog) std::cerr << catalog.error().to_string();
  /// ```
  static Result<Catalog> from_json(std::string_view text, const CatalogLimits& limits = {},
                                   RecordText records = RecordText::keep);
  /// The same, keeping `text` itself instead of a copy (a large catalog
  /// is then in memory once).
  static Result<Catalog> from_owned_json(std::string text, const CatalogLimits& limits = {},
                                         RecordText records = RecordText::keep);

  int schema_version() const { return schema_version_; }
  const std::string& content_hash() const { return content_hash_; }
  /// `search` for a catalog cut by search_catalog() (its top-level `scope`).
  Scope scope() const { return scope_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  /// The pattern with this id, or nullptr.
  const Pattern* find(std::string_view id) const;
  /// Records that were skipped while loading (bad shape, duplicate id,
  /// a tier that is not a tier word), and sections the engine reads that
  /// are not lists (`catalog.bad_section`), which are left out.
  const std::vector<Error>& warnings() const { return warnings_; }
  /// A catalog-level section ("trees", "rules", "families" ...) as in
  /// catalog.json; an empty array when the catalog has none.
  const nlohmann::json& section(std::string_view name) const;

 private:
  int schema_version_ = 0;
  std::string content_hash_;
  Scope scope_ = Scope::full;
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::vector<Error> warnings_;
  nlohmann::json sections_ = nlohmann::json::object();
};

/// The catalog cut down to what `search`, `list` and `info` read, for pages
/// that only search (the explorer): each record's searched, filtered and
/// shown members, the synonyms, the same content_hash, and
/// `"scope": "search"`. `search` and `list` answer from it exactly as from
/// the full catalog; methods that need whole records refuse it
/// (`catalog.search_only`).
nlohmann::json search_catalog(const Catalog& catalog);

}  // namespace patsel
