#include "json_writer.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "patsel/text.hpp"

namespace patsel::detail {
namespace {

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
      // An ill-formed sequence becomes one U+FFFD for its maximal subpart,
      // and the byte that broke it is read again: nlohmann's `replace`.
      std::size_t subpart = 0;
      if (const std::size_t length = well_formed_length(text, i, subpart)) {
        i += length;
        continue;
      }
      out.append(text.data() + kept_from, i - kept_from);
      out += "\xEF\xBF\xBD";
      i += subpart;
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
