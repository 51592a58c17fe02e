// English stop words: words so common that matching them says nothing about
// a pattern. Kept short on purpose: words that carry meaning in this domain
// ("once", "not", "all", "up", "down", "out", "first") are not in it, so
// "exactly once" and "scale out" keep both their words.

#include <algorithm>
#include <iterator>

#include "patsel/text.hpp"

namespace patsel::text {
namespace {

// Sorted, for binary search.
constexpr std::string_view kStopWords[] = {
    "a",     "about", "an",   "and",   "are",  "as",    "at",    "be",    "been",  "but",   "by",
    "can",   "could", "did",  "do",    "does", "for",   "from",  "had",   "has",   "have",  "how",
    "i",     "if",    "in",   "into",  "is",   "it",    "its",   "may",   "me",    "my",    "of",
    "on",    "or",    "our",  "should", "so",  "such",  "than",  "that",  "the",   "their", "them",
    "then",  "there", "these", "they", "this", "those", "to",    "too",   "us",    "via",   "was",
    "we",    "were",  "what", "when",  "where", "which", "while", "who",  "why",   "will",  "with",
    "would", "you",   "your",
};

}  // namespace

bool is_stop_word(std::string_view word) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), word);
}

}  // namespace patsel::text
