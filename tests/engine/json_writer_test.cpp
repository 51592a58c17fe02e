// JsonWriter writes the bytes nlohmann's dump (error_handler_t::replace)
// writes for the same document: `search` answers are written with it, and
// every other answer with nlohmann, so the two must not differ. The same for
// ascii_json against nlohmann's ensure_ascii.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "json_writer.hpp"
#include "patsel/api.hpp"

namespace {

using nlohmann::json;
using patsel::detail::JsonWriter;

std::string dumped(const json& document) { return document.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written_string(const std::string& text) {
  std::string out;
  JsonWriter(out).value(text);
  return out;
}

}  // namespace

TEST_CASE("JsonWriter writes strings as nlohmann dumps them") {
  SUBCASE("plain text, quotes, backslashes and every control character") {
    std::string text = "plain \"quoted\" back\\slash \x7f";
    for (int c = 0; c < 0x20; ++c) text += static_cast<char>(c);
    CHECK(written_string(text) == dumped(json(text)));
    CHECK(written_string("") == "\"\"");
    CHECK(written_string("a\nb") == "\"a\\nb\"");
    CHECK(written_string(std::string("\x01", 1)) == "\"\\u0001\"");
  }

  SUBCASE("well-formed UTF-8 of every length is kept as it is") {
    const std::string text = "caf\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x9A\x80 \xEF\xBF\xBF \xF4\x8F\xBF\xBF";
    CHECK(written_string(text) == "\"" + text + "\"");
    CHECK(written_string(text) == dumped(json(text)));
  }

  SUBCASE("ill-formed UTF-8 is replaced as nlohmann replaces it") {
    const char* cases[] = {
        "\x80",             // a lone continuation byte
        "\xC0\xAF",         // an overlong form
        "\xE0\x80\xAF",     // overlong, three bytes
        "\xED\xA0\x80",     // a surrogate
        "\xF4\x90\x80\x80", // above U+10FFFF
        "\xF5\x80",         // a lead byte that never starts a sequence
        "ab\xE2\x82",       // cut at the end
        "\xE2\x82" "A",     // cut before an ASCII letter, which is kept
        "\xF0\x9F\x9A" "\xC3\xA9",  // cut before a well-formed sequence, which is kept
        "\xFF\xFE\"\n",
    };
    for (const char* text : cases) {
      CAPTURE(text);
      CHECK(written_string(text) == dumped(json(std::string(text))));
    }
    CHECK(written_string("\xE2\x82" "A") == "\"\xEF\xBF\xBD" "A\"");
  }

  SUBCASE("random bytes, biased to UTF-8's edges, come out as nlohmann's") {
    const unsigned char interesting[] = {0x00, 0x09, 0x1F, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                         0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    std::mt19937 random(20261207);
    for (int round = 0; round < 20000; ++round) {
      std::string text(random() % 12, ' ');
      for (char& c : text)
        c = static_cast<char>(random() % 2 ? interesting[random() % sizeof interesting] : random() % 256);
      const std::string expected = dumped(json(text));
      if (written_string(text) != expected) {
        CAPTURE(json::binary_t(std::vector<std::uint8_t>(text.begin(), text.end())));
        CHECK(written_string(text) == expected);
        break;
      }
    }
  }
}

TEST_CASE("JsonWriter writes documents as nlohmann dumps them") {
  std::string out;
  JsonWriter writer(out);
  writer.begin_object();
  writer.key("empty").begin_array().end_array();
  writer.key("flags").begin_array().value(true).value(false).null().end_array();
  writer.key("nested").begin_object().key("inner").begin_object().end_object().key("list").strings({"a", "b\"c"}).end_object();
  writer.key("numbers").begin_array().value(0).value(-42).value(std::size_t{18446744073709551615u}).value(123456789012LL);
  writer.value(0.5).value(3.0).value(12.3456).value(1e-7).end_array();
  writer.key("pairs").begin_array();
  writer.begin_array().value(std::size_t{1}).value(std::size_t{2}).end_array();
  writer.begin_array().value(std::size_t{3}).value(std::size_t{4}).end_array();
  writer.end_array();
  writer.key("text").value("caf\xC3\xA9");
  writer.end_object();

  const json expected = {{"empty", json::array()},
                         {"flags", {true, false, nullptr}},
                         {"nested", {{"inner", json::object()}, {"list", {"a", "b\"c"}}}},
                         {"numbers", {0, -42, std::size_t{18446744073709551615u}, 123456789012LL, 0.5, 3.0, 12.3456, 1e-7}},
                         {"pairs", {{1, 2}, {3, 4}}},
                         {"text", "caf\xC3\xA9"}};
  CHECK(out == dumped(expected));
  CHECK(json::parse(out) == expected);
}

TEST_CASE("ascii_json writes non-ASCII characters as nlohmann's ensure_ascii does") {
  // The wasm binding hands every answer over through it (wasm/bindings.cpp).
  const auto ascii_dump = [](const json& document) { return document.dump(-1, ' ', true, json::error_handler_t::replace); };
  const json documents[] = {
      json{{"plain", "ascii only"}, {"n", 3}},
      json{{"caf\xC3\xA9", "na\xC3\xAFve \xE2\x80\xA6 \xF0\x9F\x9A\x80 \xEF\xBF\xBF"}, {"list", {"\xE4\xB8\xAD", "x"}}},
      json{{"edge", "\xF4\x8F\xBF\xBF \xC2\x80 \xE0\xA0\x80 \xF0\x90\x80\x80"}},
  };
  for (const json& document : documents) {
    const std::string text = dumped(document);
    CAPTURE(text);
    const std::string ascii = patsel::api::ascii_json(text);
    CHECK(ascii == ascii_dump(document));
    CHECK(std::all_of(ascii.begin(), ascii.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    CHECK(json::parse(ascii) == document);
  }
  CHECK(patsel::api::ascii_json("{\"t\":\"caf\xC3\xA9\"}") == "{\"t\":\"caf\\u00e9\"}");
  SUBCASE("a stray byte becomes U+FFFD, never broken JSON") {
    CHECK(patsel::api::ascii_json("[\"a\xFF" "b\"]") == "[\"a\\ufffdb\"]");
  }
}
