// Case and diacritics folding, one code point at a time. Search compares
// folded words, so "Café", "CAFE" and "cafe" are the same word. The tables
// cover Latin-1, Latin Extended-A and the common Latin Extended-B letters;
// Greek and Cyrillic are lower-cased; other scripts are kept as they are.

#include "patsel/text.hpp"

namespace patsel::detail {
namespace {

// U+00C0..U+00FF; "" marks the two symbols (x and division sign) that are
// not letters.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

struct Range {
  std::uint32_t first, last;
  const char* folded;
};

// Latin Extended-A (U+0100..U+017F) and a few of Extended-B, by runs that
// fold to the same base letter.
constexpr Range kLatinExtended[] = {
    {0x0100, 0x0105, "a"},  {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"}, {0x0112, 0x011B, "e"},
    {0x011C, 0x0123, "g"},  {0x0124, 0x0127, "h"}, {0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"},
    {0x0134, 0x0135, "j"},  {0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
    {0x014C, 0x0151, "o"},  {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"}, {0x015A, 0x0161, "s"},
    {0x0162, 0x0167, "t"},  {0x0168, 0x0173, "u"}, {0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"},
    {0x0179, 0x017E, "z"},  {0x017F, 0x017F, "s"}, {0x0180, 0x0180, "b"}, {0x0192, 0x0192, "f"},
    {0x01CD, 0x01CE, "a"},  {0x01CF, 0x01D0, "i"}, {0x01D1, 0x01D2, "o"}, {0x01D3, 0x01DC, "u"},
    {0x0218, 0x0219, "s"},  {0x021A, 0x021B, "t"}, {0xFB00, 0xFB00, "ff"}, {0xFB01, 0xFB01, "fi"},
    {0xFB02, 0xFB02, "fl"}, {0xFB03, 0xFB03, "ffi"}, {0xFB04, 0xFB04, "ffl"},
};

void append_utf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Code points that separate words: punctuation, symbols, spaces, emoji,
// private use and specials. Everything else outside ASCII is a letter.
bool is_separator(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x02B0 && cp <= 0x02FF) ||
         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE00 && cp <= 0xFE6F) || cp == 0xFEFF ||
         (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE0000 && cp <= 0xE007F);
}

}  // namespace


bool fold_code_point(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
      return true;
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      out += static_cast<char>(cp);
      return true;
    }
    return false;
  }
  const auto emit = [&out](const char* folded) {
    out += folded;
    return true;
  };
  if (cp >= 0xFF01 && cp <= 0xFF5E) return fold_code_point(cp - 0xFEE0, out);  // fullwidth ASCII
  if (cp == 0xAA) return emit("a");                                              // feminine ordinal
  if (cp == 0xBA) return emit("o");                                              // masculine ordinal
  if (cp == 0xB2) return emit("2");                                              // superscripts
  if (cp == 0xB3) return emit("3");
  if (cp == 0xB9) return emit("1");
  if (cp == 0xB5) return emit("\xCE\xBC");  // the micro sign is Greek mu
  if (is_separator(cp)) return false;
  if (cp >= 0x0300 && cp <= 0x036F) return true;  // combining accents: part of the word, dropped
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* folded = kLatin1[cp - 0xC0];
    return *folded && emit(folded);
  }
  for (const Range& r : kLatinExtended)
    if (cp >= r.first && cp <= r.last) return emit(r.folded);
  if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) cp += 0x20;  // Greek capitals
  else if (cp >= 0x0410 && cp <= 0x042F) cp += 0x20;              // Cyrillic capitals
  else if (cp >= 0x0400 && cp <= 0x040F) cp += 0x50;
  append_utf8(cp, out);
  return true;
}

}  // namespace patsel::detail

namespace patsel::text {

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    auto d = detail::decode(text, pos);
    pos += d.length;
    if (!d.valid) continue;
    if (!detail::fold_code_point(d.code_point, out)) {
      // Separators are kept (ASCII ones as they are) so fold() of a sentence
      // is still a sentence; only their case would change, and they have none.
      if (d.code_point < 0x80) out += static_cast<char>(d.code_point);
      else detail::append_utf8(d.code_point, out);
    }
  }
  return out;
}

}  // namespace patsel::text
