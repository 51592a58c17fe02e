#pragma once
// Full-text search over a catalog: an inverted index built once when the
// catalog loads, a small query language, and BM25 ranking with typo
// tolerance, prefix matching for the word being typed, synonyms and
// highlights. The reference is docs/search.md.
//
// Query syntax (see parse_query):
//   exactly once        words (stemmed, typo-tolerant; the last one is a prefix while typed)
//   "split brain"       a phrase: these words next to each other
//   -legacy             leave out patterns that contain the word or phrase
//   tag:caching         look in one field only (title, alias, tag, tagline,
//                       summary, question, when, excerpt)

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "patsel/catalog.hpp"

namespace patsel {

/// The text fields a search looks in, from the most to the least weighty.
enum class SearchField : std::uint8_t { title, aliases, tags, tagline, summary, question, when_to_use, excerpt };
inline constexpr std::size_t kSearchFieldCount = 8;

/// The name used in results: "title", "aliases", "tags", "tagline",
/// "summary", "essential_question", "when_to_use", "excerpt".
std::string_view to_string(SearchField field);

/// The field a query scope names: `parse_search_field("tag") == SearchField::tags`.
/// Accepts the result names and the short forms title, alias, tag, tagline,
/// summary, question, when, excerpt, body.
std::optional<SearchField> parse_search_field(std::string_view name);

// --- the query language ------------------------------------------------------

/// One unit of a query: a word, or a phrase in quotes, maybe excluded
/// (`-word`) or scoped to a field (`tag:word`).
struct QueryPart {
  enum class Kind { word, phrase };
  Kind kind = Kind::word;
  std::string text;                  ///< as typed, e.g. "Circiut" or "split brain"
  std::vector<std::string> words;    ///< folded words, stop words left out
  std::optional<SearchField> field;  ///< set by `field:`
  bool excluded = false;             ///< set by a leading `-`
  bool prefix = false;               ///< the last word, still being typed (no space after it)
};

/// Something the parser left out, and why (`unclosed quote`, `stop word` ...).
struct IgnoredText {
  std::string text;
  std::string reason;
};

struct ParsedQuery {
  std::vector<QueryPart> parts;
  std::vector<IgnoredText> ignored;
  /// True when no part searches for anything (only exclusions, or nothing).
  bool has_positive_parts() const;
};

/// Parses a query; never fails. What cannot be understood is searched as
/// plain words when possible and listed in `ignored`.
///
/// ```
/// auto q = patsel::parse_query("\"split brain\" -legacy tag:lock");
/// // q.parts: phrase "split brain", excluded word "legacy", word "lock" in tags
/// ```
ParsedQuery parse_query(std::string_view query);

/// Queries are cut at this many bytes and this many parts; the rest is ignored.
inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr std::size_t kMaxQueryParts = 24;

/// How much a search does to find what was meant. `full` (the default):
/// typo tolerance, synonyms (the catalog's and each pattern's names),
/// compound words split and joined, and a pattern's name completed while
/// it is typed. `prefix`: only the words as typed, stemmed, the last one
/// also as a prefix; what simpler search libraries do, and cheaper.
enum class Matching : std::uint8_t { full, prefix };

/// "full" or "prefix".
std::string_view to_string(Matching matching);
std::optional<Matching> parse_matching(std::string_view name);

// --- the index ---------------------------------------------------------------

namespace detail {
struct SearchIndexData;
struct QueryPlan;
class ScratchPool;
}  // namespace detail

/// How one query part was searched: for reports and "did you mean".
struct ClauseReport {
  std::string text;                     ///< the part as typed ("circiut", "exactly once")
  QueryPart::Kind kind = QueryPart::Kind::word;
  std::optional<SearchField> field;
  bool excluded = false;
  bool prefix = false;
  std::vector<std::string> expansions;  ///< other words searched: corrections, completions, synonyms
};

/// A matching pattern: its index in `catalog.patterns()` and its score
/// (0 when the query has no words).
struct ScoredDoc {
  std::uint32_t doc = 0;
  double score = 0;
};

/// The outcome of SearchIndex::search.
struct SearchResults {
  std::vector<ScoredDoc> docs;  ///< every match, in catalog order (not ranked yet)
  std::vector<ClauseReport> clauses;
  /// True when no pattern matched enough of the words and the search fell
  /// back to patterns that match any of them.
  bool relaxed = false;
  /// False when the query searched for nothing (empty, or only exclusions):
  /// every pattern that is not excluded matches with score 0.
  bool has_terms = false;
  std::shared_ptr<const detail::QueryPlan> plan;  ///< for explain()
};

/// A byte range [begin, end) into a UTF-8 string, on code point boundaries.
using ByteRange = std::pair<std::size_t, std::size_t>;

/// Why a pattern matched, and where to highlight.
struct HitDetails {
  std::vector<SearchField> fields;  ///< fields that matched, in field order
  std::vector<std::string> terms;   ///< query parts (as typed) that matched
  std::vector<ByteRange> title;     ///< ranges into the pattern's title
  std::string snippet;              ///< the summary, or a window of it ("…" marks cuts)
  std::vector<ByteRange> snippet_ranges;  ///< ranges into `snippet`
};

/// Sizes of an index, to check that memory grows linearly with the catalog.
struct SearchIndexStats {
  std::size_t documents = 0;
  std::size_t terms = 0;     ///< distinct stems
  std::size_t words = 0;     ///< distinct folded words (for prefixes and typos)
  std::size_t postings = 0;  ///< (term, pattern) pairs
  std::size_t bytes = 0;     ///< approximate heap bytes held by the index
};

class SearchIndex {
 public:
  SearchIndex();
  /// Indexes title, aliases (and the id), tags, tagline, summary, essential
  /// question, when-to-use and excerpt of every pattern, and the catalog's
  /// `synonyms` section plus each pattern's aliases as synonyms.
  ///
  /// ```
  /// auto index = patsel::SearchIndex::build(catalog);
  /// ```
  static SearchIndex build(const Catalog& catalog);

  /// Every pattern matching `query`, scored with BM25 (field-boosted),
  /// with the matching asked for.
  ///
  /// ```
  /// auto results = index.search(patsel::parse_query("2pc"));
  /// auto typed = index.search(patsel::parse_query("circuit br"), patsel::Matching::prefix);
  /// ```
  SearchResults search(const ParsedQuery& query, Matching matching = Matching::full) const;

  /// Raises the scores of the best `window` of `docs` (a subset of
  /// results.docs, e.g. after filtering) whose fields hold the query's
  /// words side by side, as typed. Cheap because it only looks at a window.
  /// It may reorder `docs`: sort them afterwards.
  ///
  /// ```
  /// index.rerank(results, filtered, 100);
  /// ```
  void rerank(const SearchResults& results, std::vector<ScoredDoc>& docs, std::size_t window) const;

  /// The matched fields and terms of `doc` and its highlights. `catalog`
  /// must be the one the index was built from.
  HitDetails explain(const Catalog& catalog, const SearchResults& results, std::uint32_t doc) const;

  SearchIndexStats stats() const;

 private:
  std::shared_ptr<const detail::SearchIndexData> data_;
  std::shared_ptr<detail::ScratchPool> scratch_;  ///< reused work arrays (see index_data.hpp)
};

}  // namespace patsel
