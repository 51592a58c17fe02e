// The searched fields of a pattern, their names, and the logarithm BM25 needs.

#include <cmath>

#include "../json_util.hpp"
#include "index_data.hpp"
#include "patsel/text.hpp"

namespace patsel {
namespace {

constexpr std::string_view kFieldNames[kSearchFieldCount] = {
    "title", "aliases", "tags", "tagline", "summary", "essential_question", "when_to_use", "excerpt"};

// The id ("retry-backoff") is searchable as an alias when it is not just the
// title in other words ("hlc" for Hybrid Logical Clocks).
bool id_differs_from_title(const Pattern& p) {
  std::vector<std::string> id_words, title_words;
  for (const auto& t : text::tokenize(p.id))
    if (!text::is_stop_word(t.word)) id_words.push_back(t.word);
  for (const auto& t : text::tokenize(p.title))
    if (!text::is_stop_word(t.word)) title_words.push_back(t.word);
  return id_words != title_words;
}

void add_text(const std::string& text, std::vector<std::string_view>& out) {
  if (!text.empty()) out.push_back(text);
}

}  // namespace

std::string_view to_string(SearchField field) { return kFieldNames[static_cast<std::size_t>(field)]; }

std::optional<SearchField> parse_search_field(std::string_view name) {
  for (std::size_t i = 0; i < kSearchFieldCount; ++i)
    if (name == kFieldNames[i]) return static_cast<SearchField>(i);
  struct Short {
    std::string_view name;
    SearchField field;
  };
  static constexpr Short kShort[] = {{"alias", SearchField::aliases}, {"tag", SearchField::tags},
                                     {"question", SearchField::question}, {"when", SearchField::when_to_use},
                                     {"body", SearchField::excerpt}};
  for (const Short& s : kShort)
    if (name == s.name) return s.field;
  return std::nullopt;
}

std::string_view to_string(Matching matching) { return matching == Matching::prefix ? "prefix" : "full"; }

std::optional<Matching> parse_matching(std::string_view name) {
  for (Matching m : {Matching::full, Matching::prefix})
    if (name == to_string(m)) return m;
  return std::nullopt;
}

}  // namespace patsel

namespace patsel::detail {

void field_values(const Pattern& p, SearchField field, std::vector<std::string_view>& out) {
  out.clear();
  switch (field) {
    case SearchField::title: out.push_back(p.title); break;
    case SearchField::aliases:
      for (const std::string& a : p.aliases) out.push_back(a);
      if (id_differs_from_title(p)) out.push_back(p.id);
      break;
    case SearchField::tags:
      for (const std::string& t : p.tags) out.push_back(t);
      break;
    case SearchField::tagline: add_text(p.tagline, out); break;
    case SearchField::summary: out.push_back(p.summary); break;
    case SearchField::question: add_text(p.essential_question, out); break;
    case SearchField::when_to_use:
      for (const std::string& item : p.when_to_use) out.push_back(item);
      break;
    case SearchField::excerpt: add_text(p.excerpt, out); break;
  }
}

double deterministic_log(double x) {
  if (!(x > 0)) return 0;
  int exponent = 0;
  double m = std::frexp(x, &exponent);  // exact: x = m * 2^exponent, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    exponent -= 1;
  }
  // ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172: the series
  // converges to double precision well within 20 terms.
  const double s = (m - 1) / (m + 1);
  const double s2 = s * s;
  double power = s, sum = 0;
  for (int k = 1; k < 40; k += 2) {
    sum += power / k;
    power *= s2;
  }
  return 2 * sum + exponent * 0.69314718055994530942;
}

}  // namespace patsel::detail
