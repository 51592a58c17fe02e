#pragma once
// Text analysis shared by the search index and the query parser: UTF-8
// decoding that never fails, case and diacritics folding, a tokenizer that
// keeps byte offsets (for highlights), an English stemmer (Porter2), stop
// words and a bounded edit distance for typo tolerance.
//
// Indexing and querying must analyse text the same way, so both go through
// these functions and nothing else.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patsel::text {

/// A word found in a text. `word` is folded (lower case, no diacritics,
/// apostrophes and a possessive 's removed); `begin`/`end` are byte offsets
/// into the source string, always on code point boundaries, so
/// `source.substr(begin, end - begin)` is the word as written.
///
/// ```
/// tokenize("Café-Sourcing")  // {"cafe", 0, 5}, {"sourcing", 6, 14}
/// ```
struct Token {
  std::string word;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The words of `text`, in order. Letters and digits make words; anything
/// else (spaces, punctuation, symbols, emoji, invalid UTF-8 bytes) separates
/// them, so `event-sourcing` gives `event` and `sourcing`. An apostrophe
/// between letters stays inside the word (`Little's` gives `little`).
///
/// ```
/// tokenize("2PC vs. XA")  // "2pc", "vs", "xa"
/// ```
std::vector<Token> tokenize(std::string_view text);

/// The same, appending to `out` (which is cleared first), to reuse its memory.
void tokenize(std::string_view text, std::vector<Token>& out);

/// The words `tokenize` gives, read one at a time without a string per
/// word (for highlighting, which reads each hit's text on every keystroke).
///
/// ```
/// for (Words w("2PC vs. XA"); w.next();) use(w.word(), w.begin(), w.end());
/// ```
class Words {
 public:
  explicit Words(std::string_view text) : text_(text) {}
  /// Moves to the next word; false after the last one.
  bool next();
  /// The folded word, valid until the next `next()`.
  std::string_view word() const { return word_; }
  std::size_t begin() const { return begin_; }
  std::size_t end() const { return end_; }

 private:
  bool finish_word();

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string word_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool in_word_ = false;
  bool apostrophe_ = false;  // in the current word: only then is there anything to take out
};

/// Case and diacritics folding of a whole string: `fold("Ünïcode ÉTÉ")`
/// is `"unicode ete"`. Invalid UTF-8 bytes are dropped.
std::string fold(std::string_view text);

/// Porter2 ("English") stem of a folded word; words with characters other
/// than a-z and apostrophes (`2pc`, `p99`) are returned unchanged.
///
/// ```
/// stem("failures") == "failur"; stem("caching") == "cach"
/// ```
std::string stem(std::string_view word);

/// True for common English words that carry no meaning in a search
/// (`the`, `of`, `and` ...). Expects a folded word.
bool is_stop_word(std::string_view word);

/// How many typos a word of `length` code points may have and still match:
/// none for 1-3, one for 4-7, two for longer words.
int max_typos(std::size_t length);

/// Optimal-string-alignment distance (insertions, deletions, substitutions
/// and transpositions of neighbours), or `limit + 1` when it is larger than
/// `limit`. Works on bytes; callers pass folded words.
///
/// ```
/// edit_distance("circiut", "circuit", 2) == 1
/// ```
int edit_distance(std::string_view a, std::string_view b, int limit);

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
/// code points above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// `text` with every byte that is not part of well-formed UTF-8 replaced
/// by U+FFFD, so it can be shown or put in JSON as it is.
///
/// ```
/// to_valid_utf8("ab\xFF") == "ab\xEF\xBF\xBD"
/// ```
std::string to_valid_utf8(std::string_view text);

/// What repair_text() changed, and where (1-based line and column, in
/// characters, of the first of each kind in the original text).
struct TextRepair {
  std::size_t invalid = 0;  ///< ill-formed UTF-8 sequences replaced
  std::size_t nul = 0;      ///< NUL bytes replaced
  std::pair<int, int> first_invalid{0, 0};
  std::pair<int, int> first_nul{0, 0};
};

/// Replaces each ill-formed UTF-8 sequence (one U+FFFD per maximal
/// ill-formed subpart, as Unicode recommends, where to_valid_utf8 gives one
/// per byte) and each NUL byte with U+FFFD, so everything built from the
/// text is valid UTF-8 without NULs. Leaves valid text untouched (and
/// uncopied). The catalog compiler reads every source through it.
///
/// ```
/// std::string s = "caf\xC3";  // truncated 'é'
/// repair_text(s).invalid == 1;  // s == "caf\uFFFD" (as UTF-8)
/// ```
TextRepair repair_text(std::string& text);

/// Number of code points in well-formed parts of `text` (invalid bytes count one each).
std::size_t code_points(std::string_view text);

/// The largest offset <= `offset` that is not inside a UTF-8 sequence, so
/// `text.substr(0, floor_boundary(text, n))` never splits a character.
std::size_t floor_boundary(std::string_view text, std::size_t offset);

}  // namespace patsel::text

// The pieces text analysis is built from, for the engine's own use.
namespace patsel::detail {

/// The length of the well-formed UTF-8 sequence at `text[pos]` (1 to 4;
/// Unicode's table 3-7), or 0 when it is ill-formed; `subpart` is then the
/// length of its maximal ill-formed subpart (at least 1).
std::size_t well_formed_length(std::string_view text, std::size_t pos, std::size_t& subpart);

/// Decodes one code point at `text[pos]`; on invalid input returns
/// U+FFFD and a length of 1, so every byte is consumed exactly once.
struct Decoded {
  std::uint32_t code_point;
  std::size_t length;
  bool valid;
};
Decoded decode(std::string_view text, std::size_t pos);

/// Appends the folded form of one code point to `out`; returns false for
/// code points that are not part of words (punctuation, symbols, spaces).
bool fold_code_point(std::uint32_t code_point, std::string& out);

}  // namespace patsel::detail
