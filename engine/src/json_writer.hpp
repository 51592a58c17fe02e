#pragma once
// JSON text written straight into a string, for the answers on the typing
// path (`search`), where building an nlohmann document member by member and
// then dumping it cost more than finding the hits. The bytes are the same as
// nlohmann's `dump(-1, ' ', false, error_handler_t::replace)` of the same
// document, as long as the caller writes an object's keys in sorted order
// (nlohmann's objects are sorted maps); tests/engine/json_writer_test.cpp
// compares the two.

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace patsel::detail {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  /// `"name":`, the next call writes its value.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(long long number);
  JsonWriter& value(std::size_t number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  /// As nlohmann prints a double (shortest text that reads back the same).
  JsonWriter& value(double number);
  JsonWriter& null();
  JsonWriter& strings(const std::vector<std::string>& texts);

  /// `text` escaped as the inside of a JSON string: control characters
  /// escaped, invalid UTF-8 replaced by U+FFFD as nlohmann's `replace` does.
  static void append_escaped(std::string& out, std::string_view text);

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  /// `text`, escaped, in quotes.
  void quoted(std::string_view text);
  /// A value written as it is (a number, true, false, null).
  JsonWriter& literal(std::string_view text);
  template <typename Integer>
  JsonWriter& integer(Integer number) {
    char digits[24];
    return literal(std::string_view(digits, std::to_chars(digits, digits + sizeof digits, number).ptr - digits));
  }
  void separate() {
    if (after_value_) out_ += ',';
  }

  std::string& out_;
  bool after_value_ = false;  // a comma comes before the next key or element
};

}  // namespace patsel::detail
