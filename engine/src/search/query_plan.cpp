// From a parsed query to a plan: which terms each part of the query may
// match, and how much each counts. This is where search-as-you-type
// (prefixes), typo tolerance, synonyms and compound words are decided;
// scoring.cpp then only walks postings.

#include <algorithm>

#include "index_data.hpp"
#include "patsel/text.hpp"

namespace patsel::detail {
namespace {

constexpr std::size_t kMaxSynonymWords = 6;  // longest phrase looked up as a synonym
constexpr std::size_t kMaxReportedExpansions = 10;

struct FuzzyMatch {
  std::uint32_t word;
  int distance;
};

// Edit distance from a query word to every dictionary word, walking the
// sorted dictionary like a trie: consecutive words share prefixes, so their
// rows of the distance table are shared too, and a prefix whose row is
// already beyond the limit skips every word that starts with it.
class FuzzyWalk {
 public:
  FuzzyWalk(const SortedStrings& words, std::string_view query, int limit, bool prefix)
      : words_(words), q_(query), limit_(limit), prefix_(prefix), width_(query.size() + 1) {}

  std::vector<FuzzyMatch> run() {
    std::vector<FuzzyMatch> out;
    rows_.assign(width_, 0);
    for (std::size_t j = 0; j < width_; ++j) rows_[j] = static_cast<int>(j);
    std::string current;  // the word whose rows are computed
    for (std::size_t i = 0; i < words_.size();) {
      std::string_view w = words_.at(i);
      std::size_t depth = 0;
      while (depth < current.size() && depth < w.size() && current[depth] == w[depth]) ++depth;
      current.assign(w.substr(0, depth));
      rows_.resize((depth + 1) * width_);
      std::size_t next = i + 1;
      bool decided = false;
      for (; depth < w.size(); ++depth) {
        current += w[depth];
        const int row_min = extend(current);
        const int last = rows_[(depth + 1) * width_ + width_ - 1];
        if (prefix_ && last <= limit_) {
          // Every word starting with this prefix is within reach.
          auto [first, end] = words_.prefix_range(current);
          for (std::size_t k = first; k < end; ++k) out.push_back({static_cast<std::uint32_t>(k), last});
          next = std::max(end, i + 1);
          decided = true;
          break;
        }
        if (row_min > limit_) {
          next = std::max(words_.prefix_range(current).second, i + 1);
          decided = true;
          break;
        }
      }
      if (!decided && !prefix_) {
        const int distance = rows_[w.size() * width_ + width_ - 1];
        if (distance <= limit_) out.push_back({static_cast<std::uint32_t>(i), distance});
      }
      i = next;
    }
    return out;
  }

 private:
  const SortedStrings& words_;
  std::string_view q_;
  int limit_;
  bool prefix_;
  std::size_t width_;
  std::vector<int> rows_;  // row d (d = letters of `current`) at [d * width_, (d + 1) * width_)

  // Appends the row for the last letter of `word`; returns its minimum.
  int extend(const std::string& word) {
    const std::size_t d = word.size();
    rows_.resize((d + 1) * width_);
    int* row = &rows_[d * width_];
    const int* up = &rows_[(d - 1) * width_];
    const int* up2 = d >= 2 ? &rows_[(d - 2) * width_] : nullptr;
    const char c = word[d - 1];
    row[0] = static_cast<int>(d);
    int row_min = row[0];
    for (std::size_t j = 1; j < width_; ++j) {
      const int cost = q_[j - 1] == c ? 0 : 1;
      int v = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + cost});
      if (up2 && j >= 2 && q_[j - 1] == word[d - 2] && q_[j - 2] == c) v = std::min(v, up2[j - 2] + 1);
      row[j] = v;
      row_min = std::min(row_min, v);
    }
    return row_min;
  }
};

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

std::vector<std::string> split(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    auto space = joined.find(' ');
    out.emplace_back(joined.substr(0, space));
    if (space == std::string_view::npos) break;
    joined.remove_prefix(space + 1);
  }
  return out;
}

// The sum of each word's best term weight: the idf a phrase of these words gets.
double phrase_idf(const Alternative& alt) {
  double sum = 0;
  for (const WordMatch& m : alt.words) {
    double best = 0;
    for (const TermChoice& c : m.terms) best = std::max(best, c.weight);
    sum += best;
  }
  return sum;
}

// Whether every word of `part` is in `whole`.
bool contains_all(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  return std::all_of(part.begin(), part.end(),
                     [&](const std::string& w) { return std::find(whole.begin(), whole.end(), w) != whole.end(); });
}

bool is_plain_word(const QueryPart& p) { return p.kind == QueryPart::Kind::word && !p.excluded && !p.field; }

class Planner {
 public:
  Planner(const SearchIndexData& index, const ParsedQuery& query, Matching matching)
      : index_(index), query_(query), full_(matching == Matching::full) {}

  QueryPlan run() {
    const auto& parts = query_.parts;
    name_key();
    slot_of_part_.assign(parts.size(), kNoSlot);
    for (std::size_t i = 0; i < parts.size();) i += plan_at(i);
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
      if (slot_of_part_[i] != kNoSlot && slot_of_part_[i + 1] != kNoSlot)
        plan_.slot_pairs.emplace_back(slot_of_part_[i], slot_of_part_[i + 1]);
    for (const Clause& c : plan_.clauses)
      if (!c.report.excluded) plan_.positive += c.width;
    plan_.minimum_match = plan_.positive <= 2 ? plan_.positive : plan_.positive * 3 / 4;
    return std::move(plan_);
  }

 private:
  static constexpr std::uint32_t kNoSlot = 0xFFFFFFFF;
  const SearchIndexData& index_;
  const ParsedQuery& query_;
  const bool full_;  // Matching::full: typos, synonyms, compounds and name completions too
  QueryPlan plan_;
  std::vector<std::uint32_t> slot_of_part_;  // plain word parts -> plan_.slots

  double idf(std::uint32_t term) const {
    const double n = index_.documents;
    const double df = static_cast<double>(index_.postings(term));
    return deterministic_log(1 + (n - df + 0.5) / (df + 0.5));
  }

  static void add_choice(WordMatch& m, std::uint32_t term, double weight) {
    for (TermChoice& c : m.terms)
      if (c.term == term) {
        c.weight = std::max(c.weight, weight);
        return;
      }
    m.terms.push_back({term, weight});
  }

  static void report(ClauseReport& r, std::string_view expansion) {
    if (r.expansions.size() >= kMaxReportedExpansions || expansion == r.text) return;
    for (const std::string& e : r.expansions)
      if (e == expansion) return;
    r.expansions.emplace_back(expansion);
  }

  std::optional<std::uint32_t> exact_term(std::string_view word) const {
    return index_.terms.find(text::stem(word));
  }

  WordMatch exact_word(std::string_view word) const {
    WordMatch m;
    if (auto t = exact_term(word)) m.terms.push_back({*t, idf(*t)});
    return m;
  }

  // Word ids ordered by how many patterns they occur in (most first), then
  // alphabetically: when a short prefix has too many completions, the common
  // words are the likely ones.
  void keep_most_common(std::vector<std::uint32_t>& ids, std::size_t limit) const {
    auto df = [&](std::uint32_t w) { return index_.postings(index_.word_term[w]); };
    std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) { return df(a) > df(b); });
    if (ids.size() > limit) ids.resize(limit);
  }

  // A word as typed: its stem, its completions while it is being typed, and
  // near spellings when neither exists.
  WordMatch expand_word(const std::string& word, bool prefix, bool typos, ClauseReport& r) const {
    WordMatch m;
    const auto exact = exact_term(word);
    if (exact) m.terms.push_back({*exact, idf(*exact)});
    if (prefix) {
      auto [first, last] = index_.words.prefix_range(word);
      std::vector<std::uint32_t> ids;
      for (std::size_t k = first; k < last; ++k) ids.push_back(static_cast<std::uint32_t>(k));
      // One or two letters say little yet: fewer completions, the common ones.
      keep_most_common(ids, word.size() <= 1 ? kMaxPrefixExpansions / 4 : word.size() == 2 ? kMaxPrefixExpansions / 2
                                                                                            : kMaxPrefixExpansions);
      std::sort(ids.begin(), ids.end());  // back to dictionary order: stable reports
      for (std::uint32_t w : ids) {
        const std::uint32_t term = index_.word_term[w];
        add_choice(m, term, (exact && term == *exact ? 1.0 : kPrefixWeight) * idf(term));
        if (!exact || term != *exact) report(r, index_.words.at(w));
      }
    }
    if (prefix && full_) add_name_completions(m, r);
    if (m.terms.empty() && typos && full_) {
      const int limit = text::max_typos(text::code_points(word));
      if (limit > 0) {
        std::vector<FuzzyMatch> near = FuzzyWalk(index_.words, word, limit, prefix).run();
        auto df = [&](std::uint32_t w) { return index_.postings(index_.word_term[w]); };
        std::stable_sort(near.begin(), near.end(), [&](const FuzzyMatch& a, const FuzzyMatch& b) {
          if (a.distance != b.distance) return a.distance < b.distance;
          return df(a.word) > df(b.word);
        });
        if (near.size() > kMaxTypoExpansions) near.resize(kMaxTypoExpansions);
        for (const FuzzyMatch& f : near) {
          const std::uint32_t term = index_.word_term[f.word];
          add_choice(m, term, kTypoWeight[f.distance] * (prefix ? kPrefixWeight : 1.0f) * idf(term));
          report(r, index_.words.at(f.word));
        }
      }
    }
    return m;
  }

  // While a pattern's name is being typed ("circuit b"), the word it would
  // complete to ("breaker") is searched even when a short prefix has too many
  // completions to search them all.
  void add_name_completions(WordMatch& m, ClauseReport& r) const {
    if (!plan_.name_prefix || plan_.name_words.size() < kMinNamePrefix) return;
    const std::size_t position = static_cast<std::size_t>(std::count(plan_.name_words.begin(), plan_.name_words.end(), ' '));
    auto [first, last] = index_.phrases_starting(plan_.name_words);
    for (std::size_t k = first; k < last && k < first + kMaxNameCompletions; ++k) {
      const std::vector<std::string> words = split(index_.phrase_words.at(index_.phrases_by_words[k]));
      if (position >= words.size()) continue;
      if (auto term = index_.term_of_word(words[position])) {
        const bool known = std::any_of(m.terms.begin(), m.terms.end(), [&](const TermChoice& c) { return c.term == *term; });
        if (known) continue;
        m.terms.push_back({*term, kPrefixWeight * idf(*term)});
        report(r, words[position]);
      }
    }
  }

  // "eventsourcing" -> "event sourcing": two dictionary words, split where
  // the halves are most even. Only for words the index does not have.
  std::optional<Alternative> split_word(const std::string& word, bool prefix, ClauseReport& r) const {
    if (word.size() < 5) return std::nullopt;
    for (char c : word)
      if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    std::size_t best = 0;
    for (std::size_t i = 2; i + 2 <= word.size(); ++i) {
      const std::string head = word.substr(0, i), tail = word.substr(i);
      if (text::is_stop_word(head) || text::is_stop_word(tail) || !index_.words.find(head)) continue;
      const bool tail_ok = index_.words.find(tail) ||
                           (prefix && [&] {
                             auto range = index_.words.prefix_range(tail);
                             return range.first < range.second;
                           }());
      if (tail_ok && std::min(i, word.size() - i) > std::min(best, word.size() - best)) best = i;
    }
    if (best == 0) return std::nullopt;
    Alternative alt;
    alt.weight = kSplitWeight;
    alt.adjacent = true;
    ClauseReport unused;
    alt.words.push_back(exact_word(word.substr(0, best)));
    alt.words.push_back(expand_word(word.substr(best), prefix, false, unused));
    if (alt.words[0].terms.empty() || alt.words[1].terms.empty()) return std::nullopt;
    report(r, word.substr(0, best) + " " + word.substr(best));
    return alt;
  }

  // Alternatives from every synonym group holding a phrase with these stems.
  void add_synonyms(const std::string& key, Clause& c) const {
    auto [first, last] = index_.phrases_with_key(key);
    std::vector<std::uint32_t> groups;
    for (std::size_t k = first; k < last; ++k) groups.push_back(index_.phrase_group[index_.phrases_by_key[k]]);
    std::sort(groups.begin(), groups.end());  // catalog groups first, then patterns in catalog order
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    // A name many patterns share is ambiguous: their aliases are not its synonyms.
    const std::uint32_t first_pattern_group = index_.doc_group.empty() ? 0 : index_.doc_group.front();
    const auto pattern_groups = static_cast<std::size_t>(
        groups.end() - std::lower_bound(groups.begin(), groups.end(), first_pattern_group));
    if (!index_.doc_group.empty() && pattern_groups > kMaxNameGroups)
      groups.erase(std::lower_bound(groups.begin(), groups.end(), first_pattern_group), groups.end());
    std::vector<std::string> seen{key};
    const std::vector<std::string> key_stems = split(key);
    std::size_t added = 0;
    for (std::uint32_t g : groups) {
      const SynonymGroup& group = index_.groups[g];
      // A pattern's names are not all equivalent ("caching" and "cache
      // invalidation" both name Caching Strategies): its title stands for
      // all its aliases, but an alias only for the title. And a name made of
      // some of the query's own words would only be broader.
      const bool names = !index_.doc_group.empty() && g >= index_.doc_group.front();
      const bool is_title = index_.phrase_stems.at(group.first_phrase) == key;
      for (std::uint32_t p = group.first_phrase; p < group.end_phrase && added < kMaxSynonymAlternatives; ++p) {
        const std::string stems(index_.phrase_stems.at(p));
        if (std::find(seen.begin(), seen.end(), stems) != seen.end()) continue;
        if (names && !is_title && p != group.first_phrase) continue;
        if (names && contains_all(key_stems, split(stems))) continue;
        seen.push_back(stems);
        Alternative alt;
        alt.weight = group.weight;
        bool possible = true;
        for (const std::string& s : split(stems)) {
          WordMatch m;
          if (auto t = index_.terms.find(s)) m.terms.push_back({*t, idf(*t)});
          possible = possible && !m.terms.empty();
          alt.words.push_back(std::move(m));
        }
        if (!possible) continue;
        alt.adjacent = alt.words.size() > 1;
        c.alternatives.push_back(std::move(alt));
        report(c.report, index_.phrase_words.at(p));
        ++added;
      }
    }
  }

  // Plans the clause that starts at parts[i]; returns how many parts it used.
  std::size_t plan_at(std::size_t i) {
    const auto& parts = query_.parts;
    if (is_plain_word(parts[i]) && !full_) {
      plan_words(i, 1, nullptr);
      return 1;
    }
    if (is_plain_word(parts[i])) {
      std::size_t run = 0;
      while (i + run < parts.size() && run < kMaxSynonymWords && is_plain_word(parts[i + run])) ++run;
      for (std::size_t n = run; n >= 1; --n) {
        std::vector<std::string> stems;
        for (std::size_t k = 0; k < n; ++k) stems.push_back(text::stem(parts[i + k].words[0]));
        const std::string key = join(stems);
        auto [first, last] = index_.phrases_with_key(key);
        if (first < last) {
          plan_words(i, n, &key);
          return n;
        }
        if (n == 2 && index_.words.find(parts[i].words[0] + parts[i + 1].words[0])) {
          plan_words(i, 2, nullptr);
          return 2;
        }
      }
      plan_words(i, 1, nullptr);
      return 1;
    }
    plan_part(parts[i]);
    return 1;
  }

  // Plain words parts[i, i + n) as one clause: all of them, or a synonym of
  // the whole (`synonym_key`), or, for two words, the two written as one.
  void plan_words(std::size_t i, std::size_t n, const std::string* synonym_key) {
    const auto& parts = query_.parts;
    Clause c;
    c.width = static_cast<std::uint32_t>(n);
    for (std::size_t k = 0; k < n; ++k) c.report.text += (k ? " " : "") + parts[i + k].text;
    c.report.prefix = parts[i + n - 1].prefix;
    Alternative all;
    for (std::size_t k = 0; k < n; ++k) {
      const QueryPart& p = parts[i + k];
      all.words.push_back(expand_word(p.words[0], p.prefix, n == 1, c.report));
      std::vector<std::uint32_t> slot;
      for (const TermChoice& t : all.words.back().terms) slot.push_back(t.term);
      std::sort(slot.begin(), slot.end());
      slot_of_part_[i + k] = static_cast<std::uint32_t>(plan_.slots.size());
      plan_.slots.push_back(std::move(slot));
    }
    const bool all_possible =
        std::none_of(all.words.begin(), all.words.end(), [](const WordMatch& m) { return m.terms.empty(); });
    all.prefer_adjacent = n > 1;
    all.partial = n > 1;
    const bool any_possible =
        std::any_of(all.words.begin(), all.words.end(), [](const WordMatch& m) { return !m.terms.empty(); });
    if (all_possible || (all.partial && any_possible)) c.alternatives.push_back(std::move(all));
    if (n == 1 && !all_possible && full_)
      if (auto split = split_word(parts[i].words[0], parts[i].prefix, c.report)) c.alternatives.push_back(*split);
    if (n == 2 && !synonym_key) {
      const std::string joined = parts[i].words[0] + parts[i + 1].words[0];
      Alternative one;
      one.weight = kSplitWeight;
      one.words.push_back(exact_word(joined));
      if (!one.words[0].terms.empty()) {
        c.alternatives.push_back(std::move(one));
        report(c.report, joined);
      }
    }
    if (synonym_key) add_synonyms(*synonym_key, c);
    for (Alternative& a : c.alternatives) {
      a.phrase_idf = phrase_idf(a);
      plan_.has_lower_bounds = plan_.has_lower_bounds || a.prefer_adjacent;
    }
    plan_.clauses.push_back(std::move(c));
  }

  // A phrase, an exclusion or a scoped word: exact words (scoped words may
  // still be completed and corrected).
  void plan_part(const QueryPart& p) {
    Clause c;
    c.report.text = p.text;
    c.report.kind = p.kind;
    c.report.field = p.field;
    c.report.excluded = p.excluded;
    c.report.prefix = p.prefix;
    if (p.field) c.field_mask = field_bit(*p.field);
    c.required = !p.excluded;
    Alternative alt;
    if (p.kind == QueryPart::Kind::word && !p.excluded) {
      alt.words.push_back(expand_word(p.words[0], p.prefix, true, c.report));
    } else {
      for (const std::string& w : p.words) alt.words.push_back(exact_word(w));
      alt.adjacent = alt.words.size() > 1;
    }
    if (std::none_of(alt.words.begin(), alt.words.end(), [](const WordMatch& m) { return m.terms.empty(); }))
      c.alternatives.push_back(std::move(alt));
    for (Alternative& a : c.alternatives) a.phrase_idf = phrase_idf(a);
    plan_.clauses.push_back(std::move(c));
  }

  // The positive words of the query as a name, to recognise a query that
  // names a pattern ("circuit breaker", "2pc", "circuit br" while typing).
  void name_key() {
    std::vector<std::string> stems, words;
    const QueryPart* last = nullptr;
    for (const QueryPart& p : query_.parts) {
      if (p.excluded) continue;
      for (const std::string& w : p.words) {
        stems.push_back(text::stem(w));
        words.push_back(w);
      }
      last = &p;
    }
    plan_.name_stems = join(stems);
    plan_.name_words = join(words);
    plan_.name_prefix = last && last->prefix;
  }
};

}  // namespace

QueryPlan plan_query(const SearchIndexData& index, const ParsedQuery& query, Matching matching) {
  return Planner(index, query, matching).run();
}

}  // namespace patsel::detail
