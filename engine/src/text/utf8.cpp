// UTF-8 decoding that never fails: every byte is consumed exactly once, and
// a byte that does not start a well-formed sequence decodes as U+FFFD, so
// hostile input (truncated sequences, overlong forms, surrogates) can not
// throw the tokenizer off or make it split a character.

#include "patsel/text.hpp"

namespace patsel::text {
namespace detail {

Decoded decode(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  std::uint32_t cp = 0;
  std::uint32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return {0xFFFD, 1, false};
  }
  if (pos + length > text.size()) return {0xFFFD, 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return {0xFFFD, 1, false};
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1, false};
  return {cp, length, true};
}

}  // namespace detail

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

}  // namespace patsel::text
