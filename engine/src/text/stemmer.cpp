// The Porter2 ("English") stemmer, written from the algorithm's published
// description (snowballstem.org/algorithms/english/stemmer.html). It maps
// "failure", "failures" and "failed" to one term so a search for one finds
// the others. Steps and names follow the description, so it can be checked
// against it line by line.

#include <array>

#include "patsel/text.hpp"

namespace patsel::text {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool ends_with(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The longest of `suffixes` that `w` ends with, or an empty view.
template <std::size_t N>
std::string_view longest_suffix(const std::string& w, const std::array<std::string_view, N>& suffixes) {
  std::string_view best;
  for (std::string_view s : suffixes)
    if (s.size() > best.size() && ends_with(w, s)) best = s;
  return best;
}

class Stemmer {
 public:
  explicit Stemmer(std::string word) : w_(std::move(word)) {}

  std::string run() {
    if (auto special = exception1()) return special;
    if (w_.size() < 3) return w_;
    prelude();
    mark_regions();
    step0();
    step1a();
    if (exception2()) return postlude();
    step1b();
    step1c();
    step2();
    step3();
    step4();
    step5();
    return postlude();
  }

 private:
  std::string w_;
  std::size_t r1_ = 0, r2_ = 0;

  // Words the rules would get wrong, with their stems.
  const char* exception1() const {
    static constexpr std::pair<std::string_view, const char*> kWords[] = {
        {"skis", "ski"},     {"skies", "sky"},     {"dying", "die"},    {"lying", "lie"},   {"tying", "tie"},
        {"idly", "idl"},     {"gently", "gentl"},  {"ugly", "ugli"},    {"early", "earli"}, {"only", "onli"},
        {"singly", "singl"}, {"sky", "sky"},       {"news", "news"},    {"howe", "howe"},   {"atlas", "atlas"},
        {"cosmos", "cosmos"}, {"bias", "bias"},    {"andes", "andes"},
    };
    for (const auto& [word, stem] : kWords)
      if (w_ == word) return stem;
    return nullptr;
  }

  bool exception2() const {
    static constexpr std::string_view kWords[] = {"inning",  "outing", "canning", "herring",
                                                  "earring", "proceed", "exceed", "succeed"};
    for (std::string_view word : kWords)
      if (w_ == word) return true;
    return false;
  }

  // Initial apostrophe removed; a 'y' that acts as a consonant becomes 'Y'.
  void prelude() {
    if (!w_.empty() && w_[0] == '\'') w_.erase(0, 1);
    if (!w_.empty() && w_[0] == 'y') w_[0] = 'Y';
    for (std::size_t i = 1; i < w_.size(); ++i)
      if (w_[i] == 'y' && is_vowel(w_[i - 1])) w_[i] = 'Y';
  }

  // R1 is the region after the first non-vowel that follows a vowel; R2 is
  // the same region found again inside R1.
  std::size_t region_after(std::size_t start) const {
    for (std::size_t i = start + 1; i < w_.size(); ++i)
      if (!is_vowel(w_[i]) && is_vowel(w_[i - 1])) return i + 1;
    return w_.size();
  }
  void mark_regions() {
    r1_ = region_after(0);
    for (std::string_view prefix : {"gener", "commun", "arsen"})
      if (w_.compare(0, prefix.size(), prefix) == 0) r1_ = prefix.size();
    r2_ = region_after(r1_);
  }

  bool in_r1(std::string_view suffix) const { return w_.size() - suffix.size() >= r1_; }
  bool in_r2(std::string_view suffix) const { return w_.size() - suffix.size() >= r2_; }
  void replace(std::string_view suffix, std::string_view by) {
    w_.replace(w_.size() - suffix.size(), suffix.size(), by);
  }

  // A short syllable ends the first `end` characters: non-vowel, vowel,
  // non-vowel other than w, x, Y; or, at the start, vowel then non-vowel.
  bool short_syllable_at(std::size_t end) const {
    if (end >= 3 && !is_vowel(w_[end - 3]) && is_vowel(w_[end - 2]) && !is_vowel(w_[end - 1]) &&
        w_[end - 1] != 'w' && w_[end - 1] != 'x' && w_[end - 1] != 'Y')
      return true;
    return end == 2 && is_vowel(w_[0]) && !is_vowel(w_[1]);
  }
  bool is_short() const { return r1_ >= w_.size() && short_syllable_at(w_.size()); }

  bool has_vowel(std::size_t begin, std::size_t end) const {
    for (std::size_t i = begin; i < end; ++i)
      if (is_vowel(w_[i])) return true;
    return false;
  }

  void step0() {
    static constexpr std::array<std::string_view, 3> kSuffixes = {"'s'", "'s", "'"};
    if (auto s = longest_suffix(w_, kSuffixes); !s.empty()) replace(s, "");
  }

  void step1a() {
    static constexpr std::array<std::string_view, 6> kSuffixes = {"sses", "ied", "ies", "us", "ss", "s"};
    std::string_view s = longest_suffix(w_, kSuffixes);
    if (s == "sses") {
      replace(s, "ss");
    } else if (s == "ied" || s == "ies") {
      replace(s, w_.size() > 4 ? "i" : "ie");
    } else if (s == "s") {
      // Delete when a vowel appears before the letter just before the s (gaps -> gap, gas stays).
      if (w_.size() >= 3 && has_vowel(0, w_.size() - 2)) replace(s, "");
    }
  }

  void step1b() {
    static constexpr std::array<std::string_view, 6> kSuffixes = {"eed", "eedly", "ed", "edly", "ing", "ingly"};
    std::string_view s = longest_suffix(w_, kSuffixes);
    if (s.empty()) return;
    if (s == "eed" || s == "eedly") {
      if (in_r1(s)) replace(s, "ee");
      return;
    }
    if (!has_vowel(0, w_.size() - s.size())) return;
    replace(s, "");
    if (ends_with(w_, "at") || ends_with(w_, "bl") || ends_with(w_, "iz")) {
      w_ += 'e';
    } else if (w_.size() >= 2 && w_[w_.size() - 1] == w_[w_.size() - 2] &&
               std::string_view("bdfgmnprt").find(w_.back()) != std::string_view::npos) {
      w_.pop_back();
    } else if (is_short()) {
      w_ += 'e';
    }
  }

  void step1c() {
    const std::size_t n = w_.size();
    if (n > 2 && (w_[n - 1] == 'y' || w_[n - 1] == 'Y') && !is_vowel(w_[n - 2])) w_[n - 1] = 'i';
  }

  void step2() {
    static constexpr std::array<std::string_view, 24> kSuffixes = {
        "tional", "enci",    "anci",  "abli",  "entli",   "izer",   "ization", "ational",
        "ation",  "ator",    "alism", "aliti", "alli",    "fulness", "ousli",  "ousness",
        "iveness", "iviti",  "biliti", "bli",  "ogi",     "fulli",  "lessli",  "li"};
    std::string_view s = longest_suffix(w_, kSuffixes);
    if (s.empty() || !in_r1(s)) return;
    const char before = w_.size() > s.size() ? w_[w_.size() - s.size() - 1] : '\0';
    if (s == "tional") replace(s, "tion");
    else if (s == "enci") replace(s, "ence");
    else if (s == "anci") replace(s, "ance");
    else if (s == "abli") replace(s, "able");
    else if (s == "entli") replace(s, "ent");
    else if (s == "izer" || s == "ization") replace(s, "ize");
    else if (s == "ational" || s == "ation" || s == "ator") replace(s, "ate");
    else if (s == "alism" || s == "aliti" || s == "alli") replace(s, "al");
    else if (s == "fulness") replace(s, "ful");
    else if (s == "ousli" || s == "ousness") replace(s, "ous");
    else if (s == "iveness" || s == "iviti") replace(s, "ive");
    else if (s == "biliti" || s == "bli") replace(s, "ble");
    else if (s == "ogi") {
      if (before == 'l') replace(s, "og");
    } else if (s == "fulli") replace(s, "ful");
    else if (s == "lessli") replace(s, "less");
    else if (s == "li") {
      if (std::string_view("cdeghkmnrt").find(before) != std::string_view::npos && before) replace(s, "");
    }
  }

  void step3() {
    static constexpr std::array<std::string_view, 9> kSuffixes = {"tional", "ational", "alize", "icate", "iciti",
                                                                   "ical",   "ful",     "ness",  "ative"};
    std::string_view s = longest_suffix(w_, kSuffixes);
    if (s.empty() || !in_r1(s)) return;
    if (s == "tional") replace(s, "tion");
    else if (s == "ational") replace(s, "ate");
    else if (s == "alize") replace(s, "al");
    else if (s == "icate" || s == "iciti" || s == "ical") replace(s, "ic");
    else if (s == "ful" || s == "ness") replace(s, "");
    else if (s == "ative" && in_r2(s)) replace(s, "");
  }

  void step4() {
    static constexpr std::array<std::string_view, 18> kSuffixes = {
        "al",  "ance", "ence", "er",  "ic",  "able", "ible", "ant", "ement",
        "ment", "ent", "ism",  "ate", "iti", "ous",  "ive",  "ize", "ion"};
    std::string_view s = longest_suffix(w_, kSuffixes);
    if (s.empty() || !in_r2(s)) return;
    if (s == "ion") {
      const char before = w_.size() > 3 ? w_[w_.size() - 4] : '\0';
      if (before == 's' || before == 't') replace(s, "");
      return;
    }
    replace(s, "");
  }

  void step5() {
    if (ends_with(w_, "e")) {
      if (in_r2("e") || (in_r1("e") && !short_syllable_at(w_.size() - 1))) w_.pop_back();
    } else if (ends_with(w_, "l")) {
      if (in_r2("l") && w_.size() >= 2 && w_[w_.size() - 2] == 'l') w_.pop_back();
    }
  }

  std::string postlude() {
    for (char& c : w_)
      if (c == 'Y') c = 'y';
    return w_;
  }
};

}  // namespace

std::string stem(std::string_view word) {
  for (char c : word)
    if (!((c >= 'a' && c <= 'z') || c == '\'')) return std::string(word);
  return Stemmer(std::string(word)).run();
}

}  // namespace patsel::text
