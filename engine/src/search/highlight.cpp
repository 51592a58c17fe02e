// Why a pattern matched, and what to highlight: only run for the patterns
// on the page being shown, so it may re-read their text.

#include <algorithm>
#include <bitset>

#include "index_data.hpp"
#include "patsel/text.hpp"

namespace patsel {
namespace {

using namespace detail;

// A summary longer than this is cut to a window around its first match.
constexpr std::size_t kSnippetBytes = 200;
// How much text to keep before the first match in a cut snippet.
constexpr std::size_t kSnippetLead = 60;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

struct Highlighter {
  std::vector<std::string_view> words;  // sorted: the written forms of the matched terms
  std::bitset<256> first_bytes;         // of `words`: most words shown are ruled out by their first byte

  Highlighter(const SearchIndexData& index, const std::vector<std::uint32_t>& terms) {
    // The dictionary is sorted, so word ids in order are words in order:
    // sorting numbers spares comparing strings.
    std::vector<std::uint32_t> ids;
    for (std::uint32_t t : terms)
      ids.insert(ids.end(), index.term_words.begin() + index.term_words_begin[t],
                 index.term_words.begin() + index.term_words_begin[t + 1]);
    std::sort(ids.begin(), ids.end());
    for (std::uint32_t id : ids) {
      words.push_back(index.words.at(id));
      if (!words.back().empty()) first_bytes.set(static_cast<unsigned char>(words.back().front()));
    }
  }

  bool matched(std::string_view word) const {
    return !word.empty() && first_bytes.test(static_cast<unsigned char>(word.front())) &&
           std::binary_search(words.begin(), words.end(), word);
  }

  // The byte ranges of the words of `text` whose term matched; every word's
  // range into `all`, when given.
  std::vector<ByteRange> matches(std::string_view text, std::vector<ByteRange>* all = nullptr) const {
    std::vector<ByteRange> out;
    for (text::Words w(text); w.next();) {
      if (all) all->emplace_back(w.begin(), w.end());
      if (matched(w.word())) out.emplace_back(w.begin(), w.end());
    }
    return out;
  }
};

bool has_term(const WordMatch& m, std::uint32_t term) {
  return std::any_of(m.terms.begin(), m.terms.end(), [&](const TermChoice& c) { return c.term == term; });
}

// The fields among `fields` where the words of `alt` stand side by side.
std::uint8_t phrase_fields(const SearchIndexData& index, std::uint32_t doc, const Alternative& alt,
                           std::uint8_t fields) {
  std::uint8_t out = 0;
  const std::size_t k = alt.words.size();
  for (std::size_t f = 0; f < kSearchFieldCount; ++f) {
    if (!(fields & (1u << f))) continue;
    auto [first, last] = index.field_terms(doc, f);
    for (const std::uint32_t* start = first; last - start >= static_cast<std::ptrdiff_t>(k); ++start) {
      std::size_t j = 0;
      while (j < k && has_term(alt.words[j], start[j])) ++j;
      if (j == k) {
        out = static_cast<std::uint8_t>(out | (1u << f));
        break;
      }
    }
  }
  return out;
}

// `words`: the summary's words; `hits`: the byte ranges of those that matched.
void snippet(const std::string& summary, const std::vector<ByteRange>& words, std::vector<ByteRange> hits,
             HitDetails& out) {
  if (summary.size() <= kSnippetBytes) {
    out.snippet = summary;
    out.snippet_ranges = std::move(hits);
    return;
  }
  // Start at a word boundary a little before the first match, so the match
  // has context; end at the last whole word that fits.
  const std::size_t anchor = hits.empty() ? 0 : hits.front().first;
  std::size_t start = 0;
  if (anchor > kSnippetLead) {
    const std::size_t want = std::min(anchor - kSnippetLead, summary.size() - kSnippetBytes);
    for (const auto& [begin, end] : words)
      if (begin >= want) {
        start = std::min(begin, anchor);
        break;
      }
  }
  std::size_t end = start;
  for (const auto& [word_begin, word_end] : words)
    if (word_begin >= start && word_end <= start + kSnippetBytes) end = word_end;
  if (end == start) end = text::floor_boundary(summary, start + kSnippetBytes);
  const std::size_t shift = start > 0 ? kEllipsis.size() : 0;
  out.snippet = (start > 0 ? std::string(kEllipsis) : std::string()) + summary.substr(start, end - start) +
                (end < summary.size() ? std::string(kEllipsis) : std::string());
  for (const auto& [begin, finish] : hits)
    if (begin >= start && finish <= end) out.snippet_ranges.emplace_back(begin - start + shift, finish - start + shift);
}

}  // namespace

HitDetails SearchIndex::explain(const Catalog& catalog, const SearchResults& results, std::uint32_t doc) const {
  HitDetails out;
  const SearchIndexData& index = *data_;
  const Pattern& pattern = catalog.patterns()[doc];
  std::vector<std::uint32_t> terms;
  std::uint8_t fields = 0;
  if (results.plan) {
    for (const Clause& c : results.plan->clauses) {
      if (c.report.excluded) continue;
      bool clause_matched = false;
      for (const Alternative& alt : c.alternatives) {
        // An alternative counts when each of its words occurs in the pattern.
        std::vector<std::uint32_t> alt_terms;
        std::uint8_t alt_fields = 0;
        bool all = true;
        for (const WordMatch& m : alt.words) {
          bool any = false;
          for (const TermChoice& choice : m.terms) {
            const std::uint8_t f = index.posting(choice.term, doc).second & c.field_mask;
            if (!f) continue;
            any = true;
            alt_fields = static_cast<std::uint8_t>(alt_fields | f);
            alt_terms.push_back(choice.term);
          }
          all = all && any;
          if (!all) break;
        }
        if (!all) continue;
        if (alt.adjacent || alt.prefer_adjacent) {
          // A phrase matched only where its words stand side by side.
          const std::uint8_t side_by_side = phrase_fields(index, doc, alt, alt_fields);
          if (alt.adjacent && !side_by_side) continue;
          if (side_by_side) alt_fields = side_by_side;
        }
        clause_matched = true;
        fields = static_cast<std::uint8_t>(fields | alt_fields);
        terms.insert(terms.end(), alt_terms.begin(), alt_terms.end());
      }
      if (clause_matched) out.terms.push_back(c.report.text);
    }
  }
  for (std::size_t f = 0; f < kSearchFieldCount; ++f)
    if (fields & (1u << f)) out.fields.push_back(static_cast<SearchField>(f));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  const Highlighter highlighter(index, terms);
  // Without a matched word (an empty query) the title need not be read, nor
  // a summary short enough to be shown whole.
  const bool long_summary = pattern.summary.size() > kSnippetBytes;
  if (highlighter.words.empty() && !long_summary) {
    out.snippet = pattern.summary;
    return out;
  }
  if (!highlighter.words.empty()) out.title = highlighter.matches(pattern.title);
  std::vector<ByteRange> words;
  std::vector<ByteRange> hits = highlighter.matches(pattern.summary, long_summary ? &words : nullptr);
  snippet(pattern.summary, words, std::move(hits), out);
  return out;
}

}  // namespace patsel
