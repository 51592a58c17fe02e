// The query language: words, "phrases", -exclusions and field:scopes. The
// parser never fails: what it cannot use is reported in `ignored` and the
// rest is still searched, because a search box must answer whatever is typed.

#include <algorithm>

#include "patsel/search.hpp"
#include "patsel/text.hpp"

namespace patsel {
namespace {

using detail::decode;

bool is_space(std::uint32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Straight and typographic double quotes open and close phrases.
bool is_quote(std::uint32_t cp) { return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E; }

class Parser {
 public:
  explicit Parser(std::string_view query) : q_(query) {}

  ParsedQuery run() {
    if (q_.size() > kMaxQueryBytes) {
      q_ = q_.substr(0, text::floor_boundary(q_, kMaxQueryBytes));
      truncated_ = true;
    }
    if (!text::is_valid_utf8(q_)) ignore("\xEF\xBF\xBD", "invalid UTF-8: those bytes were skipped");
    while (skip_spaces() < q_.size()) lexeme();
    mark_prefix();
    if (truncated_) ignore("", "the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes: the rest was ignored");
    return std::move(out_);
  }

 private:
  std::string_view q_;
  std::size_t pos_ = 0;
  bool truncated_ = false;
  std::size_t last_word_end_ = std::string_view::npos;  // end of the last plain word part
  ParsedQuery out_;

  std::uint32_t at(std::size_t pos) const { return decode(q_, pos).code_point; }
  std::size_t length_at(std::size_t pos) const { return decode(q_, pos).length; }

  std::size_t skip_spaces() {
    while (pos_ < q_.size() && is_space(at(pos_))) pos_ += length_at(pos_);
    return pos_;
  }

  void ignore(std::string raw, std::string reason) {
    std::string text = text::to_valid_utf8(raw);
    for (const IgnoredText& i : out_.ignored)
      if (i.text == text && i.reason == reason) return;
    out_.ignored.push_back({std::move(text), std::move(reason)});
  }

  bool add(QueryPart part) {
    part.text = text::to_valid_utf8(part.text);
    if (out_.parts.size() >= kMaxQueryParts) {
      ignore(part.text, "more than " + std::to_string(kMaxQueryParts) + " words and phrases");
      return false;
    }
    out_.parts.push_back(std::move(part));
    return true;
  }

  // One whitespace-separated unit: [-][field:]("phrase" | word-ish text).
  void lexeme() {
    const std::size_t start = pos_;
    QueryPart part;
    if (q_[pos_] == '-') {
      part.excluded = true;
      ++pos_;
      if (pos_ == q_.size() || is_space(at(pos_))) return ignore("-", "nothing after the minus to exclude");
    }
    scope(part);
    if (pos_ < q_.size() && is_quote(at(pos_))) {
      if (phrase(part)) return;
      // Unclosed: skip the quote and read on as plain words.
      ignore(std::string(q_.substr(pos_, length_at(pos_))), "quote without a closing quote");
      pos_ += length_at(pos_);
    }
    std::size_t end = pos_;
    while (end < q_.size() && !is_space(at(end)) && !is_quote(at(end))) end += length_at(end);
    words(part, pos_, end, start);
    pos_ = end;
  }

  // `name:` right before more text scopes the part to a field.
  void scope(QueryPart& part) {
    std::size_t j = pos_;
    while (j < q_.size() && ((q_[j] >= 'a' && q_[j] <= 'z') || (q_[j] >= 'A' && q_[j] <= 'Z') || q_[j] == '_')) ++j;
    if (j == pos_ || j + 1 >= q_.size() || q_[j] != ':' || is_space(at(j + 1))) return;
    std::string name = text::fold(q_.substr(pos_, j - pos_));
    if (auto field = parse_search_field(name)) {
      part.field = field;
    } else {
      ignore(name + ":", "not a field (title, alias, tag, tagline, summary, question, when, excerpt)");
    }
    pos_ = j + 1;
  }

  // A quoted phrase; false when the quote is never closed.
  bool phrase(QueryPart& part) {
    const std::size_t open = pos_ + length_at(pos_);
    std::size_t close = open;
    while (close < q_.size() && !is_quote(at(close))) close += length_at(close);
    if (close >= q_.size()) return false;
    pos_ = close + length_at(close);
    part.kind = QueryPart::Kind::phrase;
    part.text = std::string(q_.substr(open, close - open));
    for (text::Token& t : text::tokenize(part.text))
      if (!text::is_stop_word(t.word)) part.words.push_back(std::move(t.word));
    if (part.words.empty()) {
      ignore("\"" + part.text + "\"", "phrase without words to search");
      return true;
    }
    add(std::move(part));
    return true;
  }

  void words(QueryPart& part, std::size_t begin, std::size_t end, std::size_t lexeme_start) {
    std::string_view slice = q_.substr(begin, end - begin);
    std::vector<text::Token> tokens = text::tokenize(slice);
    if (tokens.empty()) {
      if (end > lexeme_start) ignore(std::string(q_.substr(lexeme_start, end - lexeme_start)), "no letters or digits");
      return;
    }
    if (part.excluded || part.field) {
      // `-event-sourcing` and `tag:cascading-failure` keep their words together.
      part.text = std::string(slice);
      for (text::Token& t : tokens) {
        if (text::is_stop_word(t.word)) continue;
        part.words.push_back(std::move(t.word));
      }
      if (part.words.empty()) return ignore(part.text, "stop word");
      if (part.words.size() > 1) part.kind = QueryPart::Kind::phrase;
      const bool word = !part.excluded && part.kind == QueryPart::Kind::word;
      if (add(std::move(part)) && word) last_word_end_ = begin + tokens.back().end;
      return;
    }
    for (text::Token& t : tokens) {
      std::string typed(slice.substr(t.begin, t.end - t.begin));
      if (text::is_stop_word(t.word)) {
        ignore(typed, "stop word");
        continue;
      }
      QueryPart word;
      word.text = std::move(typed);
      word.words.push_back(std::move(t.word));
      if (add(std::move(word))) last_word_end_ = begin + t.end;
    }
  }

  // The last word is still being typed when nothing follows it.
  void mark_prefix() {
    if (truncated_ || out_.parts.empty() || last_word_end_ != q_.size()) return;
    QueryPart& last = out_.parts.back();
    if (last.kind == QueryPart::Kind::word && !last.excluded) last.prefix = true;
  }
};

}  // namespace

bool ParsedQuery::has_positive_parts() const {
  return std::any_of(parts.begin(), parts.end(), [](const QueryPart& p) { return !p.excluded; });
}

ParsedQuery parse_query(std::string_view query) { return Parser(query).run(); }

}  // namespace patsel
