// Building the search index when a catalog loads: tokenize every searched
// field, stem, count, and turn the counts into BM25 weights once, so a query
// only adds precomputed numbers.

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "index_data.hpp"
#include "word_table.hpp"
#include "patsel/text.hpp"

namespace patsel::detail {

std::pair<float, std::uint8_t> SearchIndexData::posting(std::uint32_t term, std::uint32_t doc) const {
  auto first = posting_doc.begin() + postings_begin[term];
  auto last = posting_doc.begin() + postings_begin[term + 1];
  auto it = std::lower_bound(first, last, doc);
  if (it == last || *it != doc) return {0.0f, 0};
  const std::size_t i = static_cast<std::size_t>(it - posting_doc.begin());
  return {posting_weight[i], posting_fields[i]};
}

std::optional<std::uint32_t> SearchIndexData::term_of_word(std::string_view word) const {
  auto w = words.find(word);
  if (!w) return std::nullopt;
  return word_term[*w];
}

std::pair<std::size_t, std::size_t> SearchIndexData::phrases_with_key(std::string_view key) const {
  auto first = std::lower_bound(phrases_by_key.begin(), phrases_by_key.end(), key,
                                [&](std::uint32_t id, std::string_view k) { return phrase_stems.at(id) < k; });
  auto last = std::upper_bound(first, phrases_by_key.end(), key,
                               [&](std::string_view k, std::uint32_t id) { return k < phrase_stems.at(id); });
  return {static_cast<std::size_t>(first - phrases_by_key.begin()),
          static_cast<std::size_t>(last - phrases_by_key.begin())};
}

std::pair<std::size_t, std::size_t> SearchIndexData::phrases_starting(std::string_view prefix) const {
  auto first = std::lower_bound(phrases_by_words.begin(), phrases_by_words.end(), prefix,
                                [&](std::uint32_t id, std::string_view p) { return phrase_words.at(id) < p; });
  auto last = std::partition_point(first, phrases_by_words.end(), [&](std::uint32_t id) {
    return phrase_words.at(id).substr(0, prefix.size()) == prefix;
  });
  return {static_cast<std::size_t>(first - phrases_by_words.begin()),
          static_cast<std::size_t>(last - phrases_by_words.begin())};
}

}  // namespace patsel::detail

namespace patsel {
namespace {

using detail::SearchIndexData;

constexpr std::uint32_t kStopWord = 0xFFFFFFFF;
constexpr std::uint32_t kNoDocument = 0xFFFFFFFF;

// Sorts `strings` and returns, for each old position, its new one.
std::vector<std::uint32_t> sort_with_ranks(std::vector<std::string>& strings) {
  std::vector<std::uint32_t> order(strings.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return strings[a] < strings[b]; });
  std::vector<std::uint32_t> rank(strings.size());
  std::vector<std::string> sorted;
  sorted.reserve(strings.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = i;
    sorted.push_back(std::move(strings[order[i]]));
  }
  strings = std::move(sorted);
  return rank;
}

class Builder {
 public:
  Builder(const Catalog& catalog, SearchIndexData& out) : catalog_(catalog), out_(out) {}

  void run() {
    const auto& patterns = catalog_.patterns();
    out_.documents = static_cast<std::uint32_t>(patterns.size());
    lengths_.assign(patterns.size(), {});
    for (std::uint32_t doc = 0; doc < patterns.size(); ++doc) index_document(doc, patterns[doc]);
    out_.forward_begin.push_back(static_cast<std::uint32_t>(out_.forward.size()));
    finish_postings();
    build_synonyms();
  }

 private:
  const Catalog& catalog_;
  SearchIndexData& out_;
  detail::WordTable word_ids_;  // folded word -> word, or kStopWord
  std::vector<std::string> word_strings_;
  std::vector<std::uint32_t> word_terms_;
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<std::string> term_strings_;
  // Patterns per build-time term, counted with the last pattern that had it.
  std::vector<std::uint32_t> term_documents_;
  std::vector<std::uint32_t> term_last_doc_;
  std::vector<std::array<std::uint32_t, kSearchFieldCount>> lengths_;
  std::vector<std::uint32_t> term_rank_;  // build-time term id -> final id
  std::unordered_map<std::string, std::string> stem_memo_;  // for synonym phrases
  // Scratch, reused across patterns.
  std::vector<std::string_view> values_;
  std::vector<text::Token> tokens_;
  std::vector<std::uint64_t> keys_;

  std::uint32_t term_id(const std::string& stem) {
    auto [it, inserted] = term_ids_.try_emplace(stem, static_cast<std::uint32_t>(term_strings_.size()));
    if (inserted) {
      term_strings_.push_back(stem);
      term_documents_.push_back(0);
      term_last_doc_.push_back(kNoDocument);
    }
    return it->second;
  }

  // The term of a folded word; stemming runs once per distinct word.
  std::uint32_t word_term(std::string_view word) {
    std::uint32_t& id = word_ids_.value_of(word);
    if (id == detail::WordTable::kUnset) {
      if (text::is_stop_word(word)) {
        id = kStopWord;
      } else {
        id = static_cast<std::uint32_t>(word_strings_.size());
        word_strings_.emplace_back(word);
        word_terms_.push_back(term_id(text::stem(word)));
      }
    }
    return id == kStopWord ? kStopWord : word_terms_[id];
  }

  // Tokenizes a pattern's fields into the forward index; the postings are
  // made from it once every pattern is in (finish_postings).
  void index_document(std::uint32_t doc, const Pattern& p) {
    for (std::size_t f = 0; f < kSearchFieldCount; ++f) {
      out_.forward_begin.push_back(static_cast<std::uint32_t>(out_.forward.size()));
      detail::field_values(p, static_cast<SearchField>(f), values_);
      for (std::size_t v = 0; v < values_.size(); ++v) {
        if (v > 0) out_.forward.push_back(detail::kNoTerm);  // no phrase spans two list items
        for (text::Words words(values_[v]); words.next();) {
          std::uint32_t term = word_term(words.word());
          if (term == kStopWord) continue;
          out_.forward.push_back(term);
          ++lengths_[doc][f];
          if (term_last_doc_[term] != doc) {
            term_last_doc_[term] = doc;
            ++term_documents_[term];
          }
        }
      }
    }
  }

  void finish_postings() {
    term_rank_ = sort_with_ranks(term_strings_);
    std::vector<std::uint32_t> word_rank = sort_with_ranks(word_strings_);
    std::vector<std::uint32_t> word_terms(word_terms_.size());
    for (std::size_t w = 0; w < word_terms_.size(); ++w) word_terms[word_rank[w]] = term_rank_[word_terms_[w]];
    for (std::uint32_t& term : out_.forward)
      if (term != detail::kNoTerm) term = term_rank_[term];
    out_.forward.shrink_to_fit();
    out_.terms = detail::SortedStrings(term_strings_);
    out_.words = detail::SortedStrings(word_strings_);
    out_.word_term = std::move(word_terms);
    out_.term_words_begin.assign(out_.terms.size() + 1, 0);
    for (std::uint32_t t : out_.word_term) ++out_.term_words_begin[t + 1];
    for (std::size_t t = 0; t < out_.terms.size(); ++t) out_.term_words_begin[t + 1] += out_.term_words_begin[t];
    out_.term_words.resize(out_.word_term.size());
    {
      std::vector<std::uint32_t> next(out_.term_words_begin.begin(), out_.term_words_begin.end() - 1);
      for (std::uint32_t w = 0; w < out_.word_term.size(); ++w) out_.term_words[next[out_.word_term[w]]++] = w;
    }
    term_strings_ = {};
    word_strings_ = {};
    word_ids_ = {};

    std::array<double, kSearchFieldCount> average{};
    for (const auto& doc : lengths_)
      for (std::size_t f = 0; f < kSearchFieldCount; ++f) average[f] += doc[f];
    for (double& a : average) a = out_.documents && a > 0 ? a / out_.documents : 1.0;
    out_.average_length = average;

    // Each term's postings start where the terms before it end; patterns are
    // then visited in order, so every term's postings come out sorted by
    // pattern. A pattern's (term, field) pairs are read back from the
    // forward index, sorted, and summed per term over its fields.
    const std::size_t terms = out_.terms.size();
    out_.postings_begin.assign(terms + 1, 0);
    for (std::size_t t = 0; t < term_documents_.size(); ++t) out_.postings_begin[term_rank_[t] + 1] = term_documents_[t];
    for (std::size_t t = 0; t < terms; ++t) out_.postings_begin[t + 1] += out_.postings_begin[t];
    term_documents_ = {};
    term_last_doc_ = {};
    const std::size_t postings = out_.postings_begin[terms];
    out_.posting_doc.assign(postings, 0);
    out_.posting_weight.assign(postings, 0.0f);
    out_.posting_fields.assign(postings, 0);
    std::vector<std::uint32_t> next(out_.postings_begin.begin(), out_.postings_begin.end() - 1);
    for (std::uint32_t doc = 0; doc < out_.documents; ++doc) {
      keys_.clear();
      for (std::size_t f = 0; f < kSearchFieldCount; ++f) {
        auto [first, last] = out_.field_terms(doc, f);
        for (const std::uint32_t* term = first; term != last; ++term)
          if (*term != detail::kNoTerm) keys_.push_back(static_cast<std::uint64_t>(*term) << 8 | f);
      }
      std::sort(keys_.begin(), keys_.end());
      for (std::size_t i = 0; i < keys_.size();) {
        const std::uint32_t term = static_cast<std::uint32_t>(keys_[i] >> 8);
        double weight = 0;
        std::uint8_t fields = 0;
        while (i < keys_.size() && keys_[i] >> 8 == term) {
          const std::size_t field = keys_[i] & 0xFF;
          std::size_t j = i;
          while (j < keys_.size() && keys_[j] == keys_[i]) ++j;
          const double tf = static_cast<double>(std::min<std::size_t>(j - i, 0xFFFF));
          const auto& fw = detail::kFieldWeights[field];
          const double norm = 1 - fw.b + fw.b * lengths_[doc][field] / average[field];
          weight += fw.boost * (tf * (detail::kK1 + 1)) / (tf + detail::kK1 * norm);
          fields = static_cast<std::uint8_t>(fields | (1u << field));
          i = j;
        }
        const std::uint32_t at = next[term]++;
        out_.posting_doc[at] = doc;
        out_.posting_weight[at] = static_cast<float>(weight);
        out_.posting_fields[at] = fields;
      }
    }
    lengths_ = {};
  }

  // Analyses a phrase like a query would: stems and folded words, stop words out.
  bool analyse(std::string_view phrase, std::string& stems, std::string& words) {
    stems.clear();
    words.clear();
    text::tokenize(phrase, tokens_);
    for (const text::Token& t : tokens_) {
      if (text::is_stop_word(t.word)) continue;
      if (!stems.empty()) {
        stems += ' ';
        words += ' ';
      }
      auto memo = stem_memo_.find(t.word);
      if (memo == stem_memo_.end()) memo = stem_memo_.emplace(t.word, text::stem(t.word)).first;
      stems += memo->second;
      words += t.word;
    }
    return !stems.empty();
  }

  void add_group(const std::vector<std::string_view>& phrases, float weight) {
    detail::SynonymGroup group;
    group.weight = weight;
    group.first_phrase = static_cast<std::uint32_t>(out_.phrase_group.size());
    std::string stems, words;
    std::vector<std::string> seen;
    for (std::string_view phrase : phrases) {
      if (!analyse(phrase, stems, words) || std::find(seen.begin(), seen.end(), stems) != seen.end()) continue;
      seen.push_back(stems);
      out_.phrase_stems.push_back(stems);
      out_.phrase_words.push_back(words);
      out_.phrase_group.push_back(static_cast<std::uint32_t>(out_.groups.size()));
    }
    group.end_phrase = static_cast<std::uint32_t>(out_.phrase_group.size());
    out_.groups.push_back(group);
  }

  void build_synonyms() {
    std::vector<std::string_view> phrases;
    for (const nlohmann::json& entry : catalog_.section("synonyms")) {
      if (!entry.is_array()) continue;
      phrases.clear();
      for (const nlohmann::json& item : entry)
        if (item.is_string()) phrases.push_back(item.get_ref<const std::string&>());
      add_group(phrases, detail::kCatalogSynonymWeight);
    }
    for (const Pattern& p : catalog_.patterns()) {
      phrases.assign(1, p.title);
      detail::field_values(p, SearchField::aliases, values_);
      phrases.insert(phrases.end(), values_.begin(), values_.end());
      out_.doc_group.push_back(static_cast<std::uint32_t>(out_.groups.size()));
      add_group(phrases, detail::kAliasSynonymWeight);
    }
    out_.phrases_by_key.resize(out_.phrase_group.size());
    std::iota(out_.phrases_by_key.begin(), out_.phrases_by_key.end(), 0u);
    std::stable_sort(out_.phrases_by_key.begin(), out_.phrases_by_key.end(), [&](std::uint32_t a, std::uint32_t b) {
      return out_.phrase_stems.at(a) < out_.phrase_stems.at(b);
    });
    out_.phrases_by_words.resize(out_.phrase_group.size());
    std::iota(out_.phrases_by_words.begin(), out_.phrases_by_words.end(), 0u);
    std::stable_sort(out_.phrases_by_words.begin(), out_.phrases_by_words.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return out_.phrase_words.at(a) < out_.phrase_words.at(b); });
    out_.phrase_stems.shrink_to_fit();
    out_.phrase_words.shrink_to_fit();
  }
};

}  // namespace

SearchIndex::SearchIndex()
    : data_(std::make_shared<SearchIndexData>()), scratch_(std::make_shared<detail::ScratchPool>()) {}

SearchIndex SearchIndex::build(const Catalog& catalog) {
  auto data = std::make_shared<SearchIndexData>();
  Builder(catalog, *data).run();
  SearchIndex index;
  index.data_ = std::move(data);
  return index;
}

SearchIndexStats SearchIndex::stats() const {
  const SearchIndexData& d = *data_;
  SearchIndexStats s;
  s.documents = d.documents;
  s.terms = d.terms.size();
  s.words = d.words.size();
  s.postings = d.posting_doc.size();
  s.bytes = d.terms.bytes() + d.words.bytes() + d.postings_begin.capacity() * 4 + d.posting_doc.capacity() * 4 +
            d.posting_weight.capacity() * 4 + d.posting_fields.capacity() + d.word_term.capacity() * 4 + d.term_words.capacity() * 4 + d.term_words_begin.capacity() * 4 +
            d.phrase_stems.bytes() + d.phrase_words.bytes() + d.phrase_group.capacity() * 4 +
            d.phrases_by_key.capacity() * 4 + d.phrases_by_words.capacity() * 4 + d.groups.capacity() * sizeof(detail::SynonymGroup) +
            d.doc_group.capacity() * 4 + d.forward.capacity() * 4 + d.forward_begin.capacity() * 4;
  return s;
}

}  // namespace patsel
