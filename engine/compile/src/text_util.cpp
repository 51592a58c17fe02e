#include "text_util.hpp"

#include <algorithm>
#include <numeric>

namespace patsel::compile::detail {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance) {
  std::string best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    // The length difference is a lower bound of the distance: skipping
    // keeps a hostile megabyte-long key from costing seconds per candidate.
    const std::size_t longer = std::max(word.size(), candidate.size());
    if (longer - std::min(word.size(), candidate.size()) > max_distance) continue;
    std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // continuation byte
  std::size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) out.pop_back();
  return out + "\xE2\x80\xA6";  // …
}

}  // namespace patsel::compile::detail

namespace patsel::compile::detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is
// ill-formed; `subpart` is then how many bytes form its maximal ill-formed
// prefix (at least 1). Ranges from the Unicode Standard, table 3-7.
std::size_t sequence_length(std::string_view text, std::size_t i, std::size_t& subpart) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  subpart = 1;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;
  else if (lead == 0xED) length = 3, high = 0x9F;  // no surrogates
  else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;
  else if (lead == 0xF4) length = 4, high = 0x8F;  // nothing above U+10FFFF
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return 0;
    const unsigned char c = byte(i + k);
    const bool fits = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF);
    if (!fits) return 0;
    subpart = k + 1;
  }
  return length;
}

}  // namespace

std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string shown(std::string_view value) { return "'" + truncate_utf8(value, 60) + "'"; }

TextRepair repair_text(std::string& text) {
  TextRepair repair;
  std::string out;
  bool copying = false;  // only a text that needs repair is copied
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size(); ++column) {
    std::size_t subpart = 1;
    const std::size_t length = text[i] == '\0' ? 0 : sequence_length(text, i, subpart);
    if (length > 0) {
      if (copying) out.append(text, i, length);
      if (text[i] == '\n') ++line, column = 0;
      i += length;
      continue;
    }
    if (!copying) {
      out.reserve(text.size() + 16);
      out.assign(text, 0, i);
      copying = true;
    }
    if (text[i] == '\0') {
      if (repair.nul++ == 0) repair.first_nul = {line, column};
    } else if (repair.invalid++ == 0) {
      repair.first_invalid = {line, column};
    }
    out += kReplacement;
    i += subpart;
  }
  if (copying) text = std::move(out);
  return repair;
}

}  // namespace patsel::compile::detail
