// Running a query plan in two passes.
//
// The first pass walks the postings of each clause's terms, keeps the best
// alternative per pattern, adds clause scores up and keeps the patterns that
// match enough clauses. Per-pattern work uses dense arrays indexed by
// pattern with "stamps" instead of clearing, so a clause costs what its
// postings cost. Words typed together are scored there at their lower
// bound (as if scattered), because checking that they stand side by side in
// every matching pattern would cost a scan of each one's text.
//
// The second pass (rerank) scores only the best few patterns exactly: words
// typed together that stand together get their phrase score, and a bonus for
// every pair of query words found side by side. It can only raise scores, so
// a pattern outside the window never overtakes one inside it.

#include <algorithm>
#include <bitset>

#include "index_data.hpp"

namespace patsel {
namespace {

using namespace detail;

bool has_term(const WordMatch& m, std::uint32_t term) {
  return std::any_of(m.terms.begin(), m.terms.end(), [&](const TermChoice& c) { return c.term == term; });
}

// BM25 of a phrase over its own occurrences: how often the words of `alt`
// stand side by side, in order, in each of `fields` (stop words between
// them do not count; no phrase spans two items of a list field). 0 when
// they never do.
double phrase_score(const SearchIndexData& index, std::uint32_t doc, const Alternative& alt, std::uint8_t fields) {
  const std::size_t k = alt.words.size();
  double score = 0;
  for (std::size_t f = 0; f < kSearchFieldCount; ++f) {
    if (!(fields & (1u << f))) continue;
    auto [first, last] = index.field_terms(doc, f);
    int tf = 0;
    for (const std::uint32_t* start = first; last - start >= static_cast<std::ptrdiff_t>(k); ++start) {
      if (!has_term(alt.words[0], start[0])) continue;
      std::size_t j = 1;
      while (j < k && has_term(alt.words[j], start[j])) ++j;
      tf += j == k;
    }
    if (!tf) continue;
    const double length =
        static_cast<double>(std::count_if(first, last, [](std::uint32_t t) { return t != kNoTerm; }));
    const FieldWeight& w = kFieldWeights[f];
    const double norm = 1 - w.b + w.b * length / index.average_length[f];
    score += w.boost * (tf * (kK1 + 1)) / (tf + kK1 * norm);
  }
  return score * alt.phrase_idf;
}

// A query that names the pattern (its title or an alias, or the start of
// one while typing) puts it ahead of patterns that only mention the words.
double name_bonus(const SearchIndexData& index, const QueryPlan& plan, std::uint32_t doc) {
  if (plan.name_stems.empty()) return 1.0;
  const SynonymGroup& group = index.groups[index.doc_group[doc]];
  double bonus = 1.0;
  for (std::uint32_t p = group.first_phrase; p < group.end_phrase; ++p) {
    const bool title = p == group.first_phrase;
    if (index.phrase_stems.at(p) == plan.name_stems) {
      bonus = std::max(bonus, title ? kTitleBonus : kAliasBonus);
    } else if (plan.name_prefix && plan.name_words.size() >= kMinNamePrefix &&
               index.phrase_words.at(p).substr(0, plan.name_words.size()) == plan.name_words) {
      bonus = std::max(bonus, title ? kTitlePrefixBonus : kAliasPrefixBonus);
    }
  }
  return bonus;
}

// name_bonus() of every pattern, found through the phrase indexes instead
// of comparing every pattern's names; empty when no pattern gets one.
std::vector<double> name_bonuses(const SearchIndexData& index, const QueryPlan& plan) {
  std::vector<double> out;
  if (plan.name_stems.empty() || index.doc_group.empty()) return out;
  const std::uint32_t first_pattern_group = index.doc_group.front();
  auto add = [&](std::uint32_t phrase, double title_bonus, double alias_bonus) {
    const std::uint32_t g = index.phrase_group[phrase];
    if (g < first_pattern_group) return;  // a catalog synonym group names no pattern
    if (out.empty()) out.assign(index.documents, 1.0);
    double& bonus = out[g - first_pattern_group];
    bonus = std::max(bonus, phrase == index.groups[g].first_phrase ? title_bonus : alias_bonus);
  };
  auto [first, last] = index.phrases_with_key(plan.name_stems);
  for (std::size_t k = first; k < last; ++k) add(index.phrases_by_key[k], kTitleBonus, kAliasBonus);
  if (plan.name_prefix && plan.name_words.size() >= kMinNamePrefix) {
    auto [pfirst, plast] = index.phrases_starting(plan.name_words);
    for (std::size_t k = pfirst; k < plast; ++k) add(index.phrases_by_words[k], kTitlePrefixBonus, kAliasPrefixBonus);
  }
  return out;
}

double coverage_factor(const QueryPlan& plan, std::size_t matched) {
  const double coverage = static_cast<double>(matched) / static_cast<double>(plan.positive);
  return coverage * coverage;  // matching every clause beats matching most of them
}

class Searcher {
 public:
  Searcher(const SearchIndexData& index, const QueryPlan& plan, SearchScratch& scratch)
      : index_(index), plan_(plan), scratch_(scratch) {}

  SearchResults run() {
    SearchResults results;
    for (const Clause& c : plan_.clauses) results.clauses.push_back(c.report);
    results.has_terms = plan_.positive > 0;
    // First only patterns that can still reach the minimum are scored; when
    // none does, the query is relaxed to any word and scored again in full.
    evaluate_clauses(plan_.minimum_match);
    collect(results, plan_.minimum_match);
    if (results.has_terms && results.docs.empty() && plan_.minimum_match > 1) {
      results.relaxed = true;
      evaluate_clauses(1);
      collect(results, 1);
    }
    return results;
  }

 private:
  const SearchIndexData& index_;
  const QueryPlan& plan_;
  SearchScratch& scratch_;
  std::uint32_t required_ = 0;  // a bit per clause every result must match

  // Scores every clause into the scratch arrays. A pattern that cannot match
  // `minimum` query words with the clauses left is not scored any further.
  void evaluate_clauses(std::size_t minimum) {
    scratch_.start();
    std::vector<double>& score = scratch_.score;
    std::vector<std::uint32_t>& matched = scratch_.matched;              // a bit per clause
    std::vector<std::uint16_t>& matched_words = scratch_.matched_words;  // query words matched
    std::vector<std::uint8_t>& excluded = scratch_.excluded;
    std::size_t remaining = plan_.positive;  // query words in this clause and those after it
    required_ = 0;
    for (std::size_t ci = 0; ci < plan_.clauses.size(); ++ci) {
      const Clause& c = plan_.clauses[ci];
      const std::size_t needed = !c.report.excluded && minimum > remaining ? minimum - remaining : 0;
      evaluate(c, static_cast<std::uint16_t>(needed));
      if (c.report.excluded) {
        for (std::uint32_t d : scratch_.clause_docs) excluded[d] = 1;
        continue;
      }
      remaining -= c.width;
      if (c.required) required_ |= 1u << ci;
      for (std::uint32_t d : scratch_.clause_docs) {
        score[d] += scratch_.clause_best[d];
        matched[d] |= 1u << ci;
        matched_words[d] = static_cast<std::uint16_t>(matched_words[d] + scratch_.clause_width[d]);
      }
    }
  }

  // The patterns that match at least `minimum` query words and every
  // required clause (all of them, for a query without terms), with their scores.
  void collect(SearchResults& results, std::size_t minimum) const {
    const std::uint32_t n = index_.documents;
    const auto& excluded = scratch_.excluded;
    if (!results.has_terms) {
      for (std::uint32_t d = 0; d < n; ++d)
        if (!excluded[d]) results.docs.push_back({d, 0.0});
      return;
    }
    const std::vector<double> bonuses = name_bonuses(index_, plan_);
    for (std::uint32_t d = 0; d < n; ++d) {
      if (excluded[d] || (scratch_.matched[d] & required_) != required_) continue;
      const std::size_t count = scratch_.matched_words[d];
      if (count < minimum || count == 0) continue;
      results.docs.push_back(
          {d, scratch_.score[d] * coverage_factor(plan_, count) * (bonuses.empty() ? 1.0 : bonuses[d])});
    }
  }

  // One clause's best score per pattern, into the scratch arrays. Patterns
  // that have matched fewer than `needed` query words so far are passed over.
  void evaluate(const Clause& c, std::uint16_t needed) {
    SearchScratch& s = scratch_;
    ++s.clause_serial;
    s.clause_docs.clear();
    const std::uint16_t* matched_words = s.matched_words.data();
    for (const Alternative& alt : c.alternatives) {
      if (alt.words.size() == 1) {
        // The hottest loop of a search: plain pointers, so the compiler
        // need not reload the vectors after every store.
        const std::uint32_t* docs = index_.posting_doc.data();
        const float* weights = index_.posting_weight.data();
        const std::uint8_t* fields = index_.posting_fields.data();
        for (const TermChoice& choice : alt.words[0].terms) {
          const double weight = alt.weight * choice.weight;
          const std::uint32_t end = index_.postings_begin[choice.term + 1];
          for (std::uint32_t p = index_.postings_begin[choice.term]; p < end; ++p) {
            if (!(fields[p] & c.field_mask)) continue;
            const std::uint32_t d = docs[p];
            if (matched_words[d] < needed) continue;
            s.offer(d, weight * weights[p], c.width);
          }
        }
        continue;
      }
      evaluate_all_words(c, alt, needed);
    }
  }

  // Patterns where every word of `alt` occurs; their score is the sum of
  // the words' best terms (a phrase's: its own BM25).
  void evaluate_all_words(const Clause& c, const Alternative& alt, std::uint16_t needed) {
    SearchScratch& s = scratch_;
    s.need_multiword();
    ++s.alt_serial;
    s.alt_docs.clear();
    for (std::uint32_t j = 0; j < alt.words.size(); ++j) {
      ++s.word_serial;
      s.word_docs.clear();
      for (const TermChoice& choice : alt.words[j].terms) {
        for (std::uint32_t p = index_.postings_begin[choice.term]; p < index_.postings_begin[choice.term + 1]; ++p) {
          const std::uint8_t fields = index_.posting_fields[p] & c.field_mask;
          if (!fields) continue;
          const std::uint32_t d = index_.posting_doc[p];
          if (s.matched_words[d] < needed) continue;
          // Without an earlier word a pattern cannot match all (unless partial matches count).
          if (j > 0 && !alt.partial && (s.alt_stamp[d] != s.alt_serial || s.alt_count[d] != j)) continue;
          const double v = choice.weight * index_.posting_weight[p];
          if (s.word_stamp[d] != s.word_serial) {
            s.word_stamp[d] = s.word_serial;
            s.word_best[d] = v;
            s.word_fields[d] = fields;
            s.word_docs.push_back(d);
          } else {
            s.word_best[d] = std::max(s.word_best[d], v);
            s.word_fields[d] = static_cast<std::uint8_t>(s.word_fields[d] | fields);
          }
        }
      }
      for (std::uint32_t d : s.word_docs) {
        if (s.alt_stamp[d] != s.alt_serial) {
          s.alt_stamp[d] = s.alt_serial;
          s.alt_count[d] = 1;
          s.alt_sum[d] = s.word_best[d];
          s.alt_fields[d] = s.word_fields[d];
          s.alt_docs.push_back(d);
        } else {
          ++s.alt_count[d];
          s.alt_sum[d] += s.word_best[d];
          s.alt_fields[d] = static_cast<std::uint8_t>(s.alt_fields[d] & s.word_fields[d]);
        }
      }
    }
    const std::uint32_t k = static_cast<std::uint32_t>(alt.words.size());
    for (std::uint32_t d : s.alt_docs) {
      if (s.alt_count[d] != k) {
        // Some of the words: as many query words, scattered by definition.
        if (alt.partial) s.offer(d, alt.weight * kScatteredWeight * s.alt_sum[d], s.alt_count[d]);
        continue;
      }
      double score = s.alt_sum[d];
      if (alt.adjacent) {
        score = s.alt_fields[d] ? phrase_score(index_, d, alt, s.alt_fields[d]) : 0.0;
        if (score <= 0) continue;
      } else if (alt.prefer_adjacent) {
        score *= kScatteredWeight;  // the lower bound; rerank() checks the phrase
      }
      s.offer(d, alt.weight * score, c.width);
    }
  }
};

// Exact scoring of one pattern: what the first pass computes, with words
// typed together scored as a phrase where they stand together.
class DocScorer {
 public:
  DocScorer(const SearchIndexData& index, const QueryPlan& plan) : index_(index), plan_(plan) {}

  double score(std::uint32_t doc) const {
    double total = 0;
    std::size_t matched = 0;
    for (const Clause& c : plan_.clauses) {
      if (c.report.excluded) continue;
      double best = 0;
      std::uint32_t width = 0;
      for (const Alternative& alt : c.alternatives) {
        auto [score, words] = alternative(c, alt, doc);
        if (words == 0) continue;
        best = std::max(best, alt.weight * score);
        width = std::max(width, words);
      }
      total += best;
      matched += width;
    }
    if (!matched) return 0;
    return total * coverage_factor(plan_, matched) * name_bonus(index_, plan_, doc);
  }

 private:
  const SearchIndexData& index_;
  const QueryPlan& plan_;

  // The alternative's score for `doc` and how many query words it matched.
  std::pair<double, std::uint32_t> alternative(const Clause& c, const Alternative& alt, std::uint32_t doc) const {
    double sum = 0;
    std::uint32_t found = 0;
    std::uint8_t common = c.field_mask;
    for (const WordMatch& m : alt.words) {
      double best = 0;
      std::uint8_t fields = 0;
      for (const TermChoice& choice : m.terms) {
        auto [weight, f] = index_.posting(choice.term, doc);
        f &= c.field_mask;
        if (!f) continue;
        best = std::max(best, choice.weight * weight);
        fields = static_cast<std::uint8_t>(fields | f);
      }
      if (!fields) {
        if (!alt.partial) return {0, 0};
        continue;
      }
      ++found;
      sum += best;
      common = static_cast<std::uint8_t>(common & fields);
    }
    if (found == 0) return {0, 0};
    if (found < alt.words.size()) return {kScatteredWeight * sum, found};
    if (alt.words.size() < 2 || !(alt.adjacent || alt.prefer_adjacent)) return {sum, c.width};
    const double phrase = common ? phrase_score(index_, doc, alt, common) : 0.0;
    if (alt.adjacent) return {phrase, phrase > 0 ? c.width : 0};
    return {std::max(phrase, kScatteredWeight * sum), c.width};
  }
};

}  // namespace

SearchResults SearchIndex::search(const ParsedQuery& query, Matching matching) const {
  auto plan = std::make_shared<QueryPlan>(plan_query(*data_, query, matching));
  std::unique_ptr<SearchScratch> scratch = scratch_->take(data_->documents);
  SearchResults results = Searcher(*data_, *plan, *scratch).run();
  scratch_->give(std::move(scratch));
  results.plan = std::move(plan);
  return results;
}

void SearchIndex::rerank(const SearchResults& results, std::vector<ScoredDoc>& docs, std::size_t window) const {
  if (!results.plan || !results.has_terms || docs.empty()) return;
  const QueryPlan& plan = *results.plan;
  // One word, or words that cannot stand side by side: no score to raise,
  // so the window is not even sorted.
  if (!plan.has_lower_bounds && plan.slot_pairs.empty()) return;
  // The window is a set, not an order: each of its patterns is rescored on
  // its own, and the caller sorts afterwards (FacetIndex::sort's order is
  // total, so where the window's patterns now stand does not matter).
  const std::size_t k = std::min(window, docs.size());
  if (k < docs.size())
    std::nth_element(docs.begin(), docs.begin() + static_cast<std::ptrdiff_t>(k), docs.end(),
                     [](const ScoredDoc& a, const ScoredDoc& b) {
                       if (a.score != b.score) return a.score > b.score;
                       return a.doc < b.doc;
                     });
  const DocScorer scorer(*data_, plan);
  auto in_slot = [&](std::uint32_t slot, std::uint32_t term) {
    return std::binary_search(plan.slots[slot].begin(), plan.slots[slot].end(), term);
  };
  std::vector<double> best(plan.slot_pairs.size());
  // Most words of a field are none of those typed: a filter on the terms
  // that can start a pair passes over them without searching the slots.
  std::bitset<1024> leads;
  std::vector<std::uint32_t> lead_terms;
  for (const auto& pair : plan.slot_pairs)
    for (std::uint32_t term : plan.slots[pair.first]) {
      leads.set(term % leads.size());
      lead_terms.push_back(term);
    }
  std::sort(lead_terms.begin(), lead_terms.end());
  lead_terms.erase(std::unique(lead_terms.begin(), lead_terms.end()), lead_terms.end());
  // A pattern's postings say which fields hold a term that can start a pair;
  // the others need no walk. Looked up only while that costs less than walking.
  constexpr std::size_t kMaxLeadLookups = 8;
  const bool lookup_fields = lead_terms.size() <= kMaxLeadLookups;
  for (std::size_t i = 0; i < k; ++i) {
    ScoredDoc& scored = docs[i];
    if (plan.has_lower_bounds) scored.score = std::max(scored.score, scorer.score(scored.doc));
    if (best.empty()) continue;
    std::uint8_t walk = kAllFields;
    if (lookup_fields) {
      walk = 0;
      for (std::uint32_t term : lead_terms) walk = static_cast<std::uint8_t>(walk | data_->posting(term, scored.doc).second);
    }
    // For each pair of words typed side by side, the weightiest field where
    // they also stand side by side.
    std::fill(best.begin(), best.end(), 0.0);
    for (std::size_t f = 0; f < kSearchFieldCount; ++f) {
      if (!(walk & (1u << f))) continue;
      auto [first, last] = data_->field_terms(scored.doc, f);
      for (const std::uint32_t* t = first; t + 1 < last; ++t) {
        if (!leads.test(t[0] % leads.size())) continue;
        for (std::size_t p = 0; p < plan.slot_pairs.size(); ++p)
          if (best[p] < kFieldWeights[f].boost && in_slot(plan.slot_pairs[p].first, t[0]) &&
              in_slot(plan.slot_pairs[p].second, t[1]))
            best[p] = kFieldWeights[f].boost;
      }
    }
    // Side by side anywhere counts most; a weightier field a little more.
    double proximity = 0;
    for (double b : best)
      if (b > 0) proximity += 0.75 + 0.25 * b / kFieldWeights[0].boost;
    scored.score *= 1 + kProximityBonus * proximity / static_cast<double>(best.size());
  }
}

}  // namespace patsel
