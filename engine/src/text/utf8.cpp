// UTF-8 decoding that never fails: every byte is consumed exactly once, and
// a byte that does not start a well-formed sequence decodes as U+FFFD, so
// hostile input (truncated sequences, overlong forms, surrogates) can not
// throw the tokenizer off or make it split a character. One table of
// well-formed sequences (well_formed_length) serves decoding and repair.

#include "patsel/text.hpp"

namespace patsel::detail {

std::size_t well_formed_length(std::string_view text, std::size_t pos, std::size_t& subpart) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(pos);
  subpart = 1;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;  // no overlong forms
  else if (lead == 0xED) length = 3, high = 0x9F;  // no surrogates
  else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;  // no overlong forms
  else if (lead == 0xF4) length = 4, high = 0x8F;  // nothing above U+10FFFF
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if (pos + k >= text.size()) return 0;
    const unsigned char c = byte(pos + k);
    const bool fits = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF);
    if (!fits) return 0;
    subpart = k + 1;
  }
  return length;
}

Decoded decode(std::string_view text, std::size_t pos) {
  std::size_t subpart = 1;
  const std::size_t length = well_formed_length(text, pos, subpart);
  if (length == 0) return {0xFFFD, 1, false};
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::uint32_t cp = length == 1 ? lead : length == 2 ? (lead & 0x1Fu) : length == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3Fu);
  return {cp, length, true};
}

}  // namespace patsel::detail

namespace patsel::text {

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    auto d = detail::decode(text, pos);
    if (!d.valid) return false;
    pos += d.length;
  }
  return true;
}

std::string to_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    auto d = detail::decode(text, pos);
    if (d.valid) out.append(text.substr(pos, d.length));
    else out += "\xEF\xBF\xBD";
    pos += d.length;
  }
  return out;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) pos += detail::decode(text, pos).length;
  return count;
}

std::size_t floor_boundary(std::string_view text, std::size_t offset) {
  const auto continuation = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  if (offset >= text.size()) return text.size();
  if (!continuation(offset)) return offset;
  // A byte that is not a continuation byte always starts a character as
  // decode() splits text; step back to it and see whether its sequence
  // reaches `offset`. If not, the continuation byte stands alone.
  std::size_t lead = offset;
  for (int steps = 0; lead > 0 && steps < 3 && continuation(lead); ++steps) --lead;
  if (!continuation(lead)) {
    auto d = detail::decode(text, lead);
    if (d.valid && lead + d.length > offset) return lead;
  }
  return offset;
}

TextRepair repair_text(std::string& text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  TextRepair repair;
  std::string out;
  bool copying = false;  // only a text that needs repair is copied
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size(); ++column) {
    std::size_t subpart = 1;
    const std::size_t length = text[i] == '\0' ? 0 : detail::well_formed_length(text, i, subpart);
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

}  // namespace patsel::text

