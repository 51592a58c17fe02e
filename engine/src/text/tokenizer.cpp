// Splits text into folded words with their byte offsets. Offsets always fall
// on code point boundaries because a token starts and ends where a whole
// decoded character starts or ends. Indexing a large catalog runs this over
// every searched field, so ASCII, by far the common case, takes a fast path.

#include "patsel/text.hpp"

#include <algorithm>

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
void remove_apostrophes(std::string& word) {
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

// Closes the current word at `end_`; false when nothing is left of it.
bool Words::finish_word() {
  in_word_ = false;
  if (apostrophe_) remove_apostrophes(word_);
  apostrophe_ = false;
  return !word_.empty();
}

bool Words::next() {
  word_.clear();
  while (pos_ < text_.size()) {
    const auto c = static_cast<unsigned char>(text_[pos_]);
    if (c < 0x80) {
      if (ascii_word_char(c)) {
        if (!in_word_) begin_ = pos_;
        in_word_ = true;
        // The whole run of ASCII letters and digits at once, lower-cased.
        std::size_t run_end = pos_ + 1;
        while (run_end < text_.size() && ascii_word_char(static_cast<unsigned char>(text_[run_end]))) ++run_end;
        const std::size_t kept = word_.size();
        word_.append(text_.data() + pos_, std::min(run_end - pos_, kMaxWordBytes - std::min(kept, kMaxWordBytes)));
        for (std::size_t i = kept; i < word_.size(); ++i)
          if (word_[i] >= 'A' && word_[i] <= 'Z') word_[i] = static_cast<char>(word_[i] - 'A' + 'a');
        pos_ = run_end;
        continue;
      } else if (c == '\'' && in_word_ && starts_word_char(text_, pos_ + 1)) {
        // An apostrophe joins two letters ("it's"); elsewhere it is a quote.
        if (word_.size() < kMaxWordBytes) word_ += '\'';
        apostrophe_ = true;
      } else if (in_word_) {
        end_ = pos_++;
        if (finish_word()) return true;
        continue;
      }
      ++pos_;
      continue;
    }
    const auto d = detail::decode(text_, pos_);
    const std::size_t before = word_.size();
    if (d.valid && detail::fold_code_point(d.code_point, word_)) {
      if (!in_word_) begin_ = pos_;
      in_word_ = true;
      if (word_.size() > kMaxWordBytes) word_.resize(before);
    } else if (d.valid && in_word_ && is_apostrophe(d.code_point) && starts_word_char(text_, pos_ + d.length)) {
      if (word_.size() < kMaxWordBytes) word_ += '\'';
      apostrophe_ = true;
    } else {
      word_.resize(before);
      if (in_word_) {
        end_ = pos_;
        pos_ += d.length;
        if (finish_word()) return true;
        continue;
      }
    }
    pos_ += d.length;
  }
  if (!in_word_) return false;
  end_ = text_.size();
  return finish_word();
}

void tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  for (Words words(text); words.next();) out.push_back(Token{std::string(words.word()), words.begin(), words.end()});
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  tokenize(text, out);
  return out;
}

}  // namespace patsel::text
