// Splits text into folded words with their byte offsets. Offsets always fall
// on code point boundaries because a token starts and ends where a whole
// decoded character starts or ends. Indexing a large catalog runs this over
// every searched field, so ASCII, by far the common case, takes a fast path.

#include "patsel/text.hpp"

namespace patsel::text {
namespace {

// Longer runs of letters are cut (the offsets still cover the whole run):
// no real word is this long, and it bounds the work hostile input causes.
constexpr std::size_t kMaxWordBytes = 64;

bool is_apostrophe(std::uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

bool ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// "little's" -> "little", "don't" -> "dont": the possessive carries no
// meaning for search and the stemmer then sees a plain word.
void finish_word(std::string& word) {
  if (word.find('\'') == std::string::npos) return;
  if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
  std::string::size_type out = 0;
  for (char c : word)
    if (c != '\'') word[out++] = c;
  word.resize(out);
}

// Whether the character at `pos` would be part of a word.
bool starts_word_char(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return ascii_word_char(c);
  auto d = detail::decode(text, pos);
  std::string probe;
  return d.valid && detail::fold_code_point(d.code_point, probe) && !probe.empty();
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  Token current;
  bool in_word = false;
  const auto close = [&](std::size_t end) {
    if (!in_word) return;
    in_word = false;
    current.end = end;
    finish_word(current.word);
    if (!current.word.empty()) out.push_back(std::move(current));
    current = Token{};
  };
  const auto open = [&](std::size_t pos) {
    if (in_word) return;
    in_word = true;
    current.begin = pos;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      if (ascii_word_char(c)) {
        open(pos);
        if (current.word.size() < kMaxWordBytes)
          current.word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      } else if (c == '\'' && in_word && starts_word_char(text, pos + 1)) {
        // An apostrophe joins two letters ("it's"); elsewhere it is a quote.
        if (current.word.size() < kMaxWordBytes) current.word += '\'';
      } else {
        close(pos);
      }
      ++pos;
      continue;
    }
    const auto d = detail::decode(text, pos);
    const std::size_t before = current.word.size();
    if (d.valid && detail::fold_code_point(d.code_point, current.word)) {
      open(pos);
      if (current.word.size() > kMaxWordBytes) current.word.resize(before);
    } else if (d.valid && in_word && is_apostrophe(d.code_point) && starts_word_char(text, pos + d.length)) {
      if (current.word.size() < kMaxWordBytes) current.word += '\'';
    } else {
      current.word.resize(before);
      close(pos);
    }
    pos += d.length;
  }
  close(text.size());
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  tokenize(text, out);
  return out;
}

}  // namespace patsel::text
