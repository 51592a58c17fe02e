#include "json_writer.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

namespace patsel::detail {
namespace {

// The length of the well-formed UTF-8 sequence that starts at `text[i]`
// (Unicode's table 3-7, which nlohmann's decoder follows), or 0 when there is
// none; then `consumed` is how many bytes one replacement character stands
// for: the lead byte and the continuation bytes that fitted. The byte that
// broke the sequence is read again as the start of the next one.
std::size_t sequence_length(std::string_view text, std::size_t i, std::size_t& consumed) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t continuations = 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuations = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuations = 2;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuations = 3;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    consumed = 1;
    return 0;
  }
  for (std::size_t k = 1; k <= continuations; ++k) {
    const bool fits = i + k < text.size() && static_cast<unsigned char>(text[i + k]) >= (k == 1 ? low : 0x80) &&
                      static_cast<unsigned char>(text[i + k]) <= (k == 1 ? high : 0xBF);
    if (!fits) {
      consumed = k;
      return 0;
    }
  }
  return continuations + 1;
}

void append_control(std::string& out, unsigned char c) {
  switch (c) {
    case '\b': out += "\\b"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\f': out += "\\f"; return;
    case '\r': out += "\\r"; return;
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(escaped, sizeof escaped);
    }
  }
}

template <typename Integer>
void append_integer(std::string& out, Integer number) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  out.append(digits, end);
}

}  // namespace

void JsonWriter::append_escaped(std::string& out, std::string_view text) {
  std::size_t kept_from = 0;  // bytes from here to `i` are copied as they are
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::size_t consumed = 0;
      if (const std::size_t length = sequence_length(text, i, consumed)) {
        i += length;
        continue;
      }
      out.append(text.data() + kept_from, i - kept_from);
      out += "\xEF\xBF\xBD";
      i += consumed;
    } else {
      out.append(text.data() + kept_from, i - kept_from);
      append_control(out, c);
      ++i;
    }
    kept_from = i;
  }
  out.append(text.data() + kept_from, text.size() - kept_from);
}

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  out_ += bracket;
  after_value_ = false;
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_ += bracket;
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  out_ += '"';
  append_escaped(out_, name);
  out_ += "\":";
  after_value_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  out_ += '"';
  append_escaped(out_, text);
  out_ += '"';
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  separate();
  append_integer(out_, number);
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t number) {
  separate();
  append_integer(out_, number);
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  separate();
  out_ += nlohmann::json(number).dump();
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& texts) {
  begin_array();
  for (const std::string& text : texts) value(text);
  return end_array();
}

}  // namespace patsel::detail
