#include "json_writer.hpp"

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

void JsonWriter::quoted(std::string_view text) {
  out_ += '"';
  append_escaped(out_, text);
  out_ += '"';
}

JsonWriter& JsonWriter::literal(std::string_view text) {
  separate();
  out_ += text;
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  quoted(name);
  out_ += ':';
  after_value_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  quoted(text);
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) { return literal(flag ? "true" : "false"); }
JsonWriter& JsonWriter::value(long long number) { return integer(number); }
JsonWriter& JsonWriter::value(std::size_t number) { return integer(number); }
JsonWriter& JsonWriter::value(double number) { return literal(nlohmann::json(number).dump()); }
JsonWriter& JsonWriter::null() { return literal("null"); }

JsonWriter& JsonWriter::strings(const std::vector<std::string>& texts) {
  begin_array();
  for (const std::string& text : texts) value(text);
  return end_array();
}

}  // namespace patsel::detail
