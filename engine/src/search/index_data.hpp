#pragma once
// The search index's data and the query plan that runs against it. Internal
// to engine/src/search; the public face is patsel/search.hpp.

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "patsel/search.hpp"
#include "sorted_strings.hpp"

namespace patsel::detail {

// --- ranking constants ----------------------------------------------------------
//
// BM25 per field, summed with field boosts: a word in a title counts far more
// than the same word in the excerpt. Short fields (title, aliases, tags) are
// normalised less for length than prose fields.

inline constexpr double kK1 = 1.2;

struct FieldWeight {
  double boost;
  double b;  ///< BM25 length normalisation
};
inline constexpr std::array<FieldWeight, kSearchFieldCount> kFieldWeights = {{
    {8.0, 0.5},   // title
    {5.0, 0.5},   // aliases (and the id)
    {3.0, 0.5},   // tags
    {2.0, 0.75},  // tagline
    {2.0, 0.75},  // summary
    {1.5, 0.75},  // essential question
    {1.0, 0.75},  // when to use
    {1.0, 0.75},  // excerpt
}};
inline constexpr std::uint8_t kAllFields = 0xFF;
inline constexpr std::uint8_t field_bit(SearchField f) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(f)); }

// How much a match through an expansion counts, next to the word as typed.
inline constexpr float kPrefixWeight = 0.8f;        // "circ" finding "circuit"
inline constexpr float kTypoWeight[3] = {1.0f, 0.55f, 0.35f};  // by edit distance
// A synonym counts less than the word typed: a page that says "raft" outranks
// one that only says "consensus" for the query "raft".
inline constexpr float kCatalogSynonymWeight = 0.4f;  // catalog `synonyms` groups
inline constexpr float kAliasSynonymWeight = 0.3f;    // a pattern's title and aliases
inline constexpr float kSplitWeight = 0.9f;           // "eventsourcing" as "event sourcing"
inline constexpr double kScatteredWeight = 0.5;       // a known phrase's words, not side by side
// Words typed next to each other that also stand next to each other in a
// pattern's text are the strongest sign of relevance after the words
// themselves (as in mature search engines' proximity rule): each such pair
// raises the score by up to this factor, a little more in weightier fields.
inline constexpr double kProximityBonus = 3.0;
// How many of the best matches are re-ranked by proximity.
inline constexpr std::size_t kRerankWindow = 100;
inline constexpr std::size_t kMaxPrefixExpansions = 40;
inline constexpr std::size_t kMaxTypoExpansions = 20;
inline constexpr std::size_t kMaxNameCompletions = 50;  // names looked at for the word being typed

// The query naming a pattern outright ranks it first among equals; while a
// name is being typed, from this many letters on.
inline constexpr std::size_t kMinNamePrefix = 2;
inline constexpr double kTitleBonus = 2.0;
inline constexpr double kAliasBonus = 1.6;
inline constexpr double kTitlePrefixBonus = 1.5;
inline constexpr double kAliasPrefixBonus = 1.25;

/// Phrases that mean the same: a catalog `synonyms` entry, or one pattern's
/// title and aliases (which are also its names, for the name bonus).
struct SynonymGroup {
  std::uint32_t first_phrase = 0;  ///< phrases [first_phrase, end_phrase)
  std::uint32_t end_phrase = 0;
  float weight = kCatalogSynonymWeight;
};
inline constexpr std::size_t kMaxSynonymAlternatives = 16;
/// A phrase naming more patterns than this borrows none of their aliases.
inline constexpr std::size_t kMaxNameGroups = 3;

struct SearchIndexData {
  std::uint32_t documents = 0;

  // Terms are stems. Postings are grouped by term (CSR) and sorted by pattern:
  // one entry per (term, pattern) with the field-boosted BM25 weight summed
  // over fields and a bit per field the term occurs in.
  SortedStrings terms;
  std::vector<std::uint32_t> postings_begin;  // terms.size() + 1 entries
  std::vector<std::uint32_t> posting_doc;
  std::vector<float> posting_weight;
  std::vector<std::uint8_t> posting_fields;

  // The forward index: each pattern's fields as term sequences, stop words
  // left out and kNoTerm between the values of a list field. Phrases and
  // proximity are checked on it without re-reading text.
  std::vector<std::uint32_t> forward;
  std::vector<std::uint32_t> forward_begin;  // documents * kSearchFieldCount + 1 entries
  std::array<double, kSearchFieldCount> average_length{};  // words per field, over patterns

  // Words are the folded forms as written; prefixes and typos are matched
  // against them, then mapped to their stem.
  SortedStrings words;
  std::vector<std::uint32_t> word_term;
  // And back: the words of each term (CSR), so highlighting compares a few
  // matched words instead of searching the whole dictionary per word shown.
  std::vector<std::uint32_t> term_words_begin;  // terms.size() + 1 entries
  std::vector<std::uint32_t> term_words;

  // Synonym phrases, analysed like a query: stems and folded words, each
  // joined by spaces. Catalog groups come first, then one group per pattern
  // (its title first, then aliases).
  StringList phrase_stems;
  StringList phrase_words;
  std::vector<std::uint32_t> phrase_group;
  std::vector<std::uint32_t> phrases_by_key;    ///< phrase ids sorted by stems
  std::vector<std::uint32_t> phrases_by_words;  ///< phrase ids sorted by words
  std::vector<SynonymGroup> groups;
  std::vector<std::uint32_t> doc_group;  ///< the group of each pattern's names

  /// [first, last) into phrases_by_key of the phrases whose stems are `key`.
  std::pair<std::size_t, std::size_t> phrases_with_key(std::string_view key) const;
  /// [first, last) into phrases_by_words of the phrases whose words start with `prefix`.
  std::pair<std::size_t, std::size_t> phrases_starting(std::string_view prefix) const;

  std::size_t postings(std::uint32_t term) const { return postings_begin[term + 1] - postings_begin[term]; }
  /// The weight of `term` in `doc` and its field bits, or {0, 0}.
  std::pair<float, std::uint8_t> posting(std::uint32_t term, std::uint32_t doc) const;
  /// The term of a folded word as written, if the index has that word.
  std::optional<std::uint32_t> term_of_word(std::string_view word) const;
  /// The terms of one field of a pattern, in order.
  std::pair<const std::uint32_t*, const std::uint32_t*> field_terms(std::uint32_t doc, std::size_t field) const {
    const std::size_t at = static_cast<std::size_t>(doc) * kSearchFieldCount + field;
    return {forward.data() + forward_begin[at], forward.data() + forward_begin[at + 1]};
  }
};

inline constexpr std::uint32_t kNoTerm = 0xFFFFFFFF;

/// The values of one field of a pattern, as indexed (`aliases` includes the
/// id when it reads differently from the title).
void field_values(const Pattern& pattern, SearchField field, std::vector<std::string_view>& out);

/// Natural logarithm with +, -, *, / only, so native and wasm builds compute
/// the same bits (libm's log may differ in the last place between them).
double deterministic_log(double x);

// --- query plans -----------------------------------------------------------------

struct TermChoice {
  std::uint32_t term;
  double weight;  ///< expansion weight x idf
};

/// One word of an alternative: it matches through any of these terms.
struct WordMatch {
  std::vector<TermChoice> terms;
};

/// One way a clause can match: all its words, maybe next to each other.
struct Alternative {
  std::vector<WordMatch> words;
  double weight = 1.0;
  bool adjacent = false;  ///< a phrase: words in this order, side by side
  /// Words typed together ("split brain", "time out"): they match anywhere,
  /// but count kScatteredWeight when they are not side by side.
  bool prefer_adjacent = false;
  /// Patterns with only some of the words match too, as that many words
  /// of the query ("hybrid logical clock" finding Logical Clocks).
  bool partial = false;
  /// A phrase's idf: the sum of its words' best term weights. Phrases are
  /// scored by BM25 over their own occurrences, not their words'.
  double phrase_idf = 0;
};

struct Clause {
  ClauseReport report;
  std::vector<Alternative> alternatives;
  std::uint8_t field_mask = kAllFields;
  bool required = false;
  std::uint32_t width = 1;  ///< query words it stands for: a known phrase of n words counts n
};

struct QueryPlan {
  std::vector<Clause> clauses;  ///< in query order; bit i of a match mask is clauses[i]
  std::size_t positive = 0;       ///< query words in positive clauses
  std::size_t minimum_match = 0;  ///< of these, how many a pattern must match
  /// The plain words of the query, each as the sorted terms it matches, and
  /// the pairs typed next to each other: for the proximity bonus.
  std::vector<std::vector<std::uint32_t>> slots;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> slot_pairs;
  std::string name_stems;         ///< the query as a pattern name, for the name bonus
  std::string name_words;
  bool name_prefix = false;       ///< the last word is being typed: a name may start with name_words
  bool has_lower_bounds = false;  ///< some alternative is prefer_adjacent: rerank() must rescore
};

QueryPlan plan_query(const SearchIndexData& index, const ParsedQuery& query, Matching matching);

// --- per-search work arrays ------------------------------------------------------

/// One slot per pattern for everything a search accumulates. Clause and
/// alternative slots are valid only where their stamp equals the current
/// serial, so they never need clearing; the totals are cleared per search.
struct SearchScratch {
  explicit SearchScratch(std::size_t n)
      : score(n), matched(n), matched_words(n), excluded(n), clause_best(n), clause_stamp(n), clause_width(n) {}

  std::vector<double> score;
  std::vector<std::uint32_t> matched;  // a bit per clause
  std::vector<std::uint16_t> matched_words;
  std::vector<std::uint8_t> excluded;

  std::vector<double> clause_best;
  std::vector<std::uint32_t> clause_stamp;
  std::vector<std::uint8_t> clause_width;  // query words matched, for a partial alternative
  std::vector<std::uint32_t> clause_docs;
  std::uint32_t clause_serial = 0;
  // For alternatives of several words; allocated on first use.
  std::vector<double> word_best, alt_sum;
  std::vector<std::uint32_t> word_stamp, alt_stamp, alt_count;
  std::vector<std::uint8_t> word_fields, alt_fields;
  std::vector<std::uint32_t> word_docs, alt_docs;
  std::uint32_t word_serial = 0, alt_serial = 0;

  /// Readies the arrays for a new search.
  void start() {
    std::fill(score.begin(), score.end(), 0.0);
    std::fill(matched.begin(), matched.end(), 0u);
    std::fill(matched_words.begin(), matched_words.end(), std::uint16_t{0});
    std::fill(excluded.begin(), excluded.end(), std::uint8_t{0});
    // Serials grow by a few per search; restart them long before they wrap.
    if (clause_serial > 0xF0000000u || word_serial > 0xF0000000u || alt_serial > 0xF0000000u) {
      std::fill(clause_stamp.begin(), clause_stamp.end(), 0u);
      std::fill(word_stamp.begin(), word_stamp.end(), 0u);
      std::fill(alt_stamp.begin(), alt_stamp.end(), 0u);
      clause_serial = word_serial = alt_serial = 0;
    }
  }

  void need_multiword() {
    if (!word_best.empty()) return;
    const std::size_t n = clause_best.size();
    word_best.assign(n, 0);
    alt_sum.assign(n, 0);
    word_stamp.assign(n, 0);
    alt_stamp.assign(n, 0);
    alt_count.assign(n, 0);
    word_fields.assign(n, 0);
    alt_fields.assign(n, 0);
  }

  // A clause keeps its best score and the most query words matched.
  void offer(std::uint32_t doc, double s, std::uint32_t width) {
    if (clause_stamp[doc] != clause_serial) {
      clause_stamp[doc] = clause_serial;
      clause_best[doc] = s;
      clause_width[doc] = static_cast<std::uint8_t>(width);
      clause_docs.push_back(doc);
      return;
    }
    clause_best[doc] = std::max(clause_best[doc], s);
    clause_width[doc] = static_cast<std::uint8_t>(std::max<std::uint32_t>(clause_width[doc], width));
  }
};

/// Work arrays kept between searches: at 50k patterns a search would
/// otherwise allocate (and the system zero) megabytes every keystroke.
/// Searches may run on several threads; each takes its own arrays.
class ScratchPool {
 public:
  std::unique_ptr<SearchScratch> take(std::size_t documents) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!free_.empty()) {
        auto scratch = std::move(free_.back());
        free_.pop_back();
        return scratch;
      }
    }
    return std::make_unique<SearchScratch>(documents);
  }
  void give(std::unique_ptr<SearchScratch> scratch) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.size() < 2) free_.push_back(std::move(scratch));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<SearchScratch>> free_;
};

}  // namespace patsel::detail
