#include "json_util.hpp"

namespace patsel::detail {
namespace {

// Runs only after a failed parse, to learn where and why it failed: the
// DOM parser reports that only through an exception, which the wasm build
// does not have.
class ErrorLocator : public nlohmann::json_sax<json> {
 public:
  std::string message;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, ...".
    std::string what = ex.what();
    auto close = what.find("] ");
    message = close == std::string::npos ? what : what.substr(close + 2);
    return false;
  }
};

}  // namespace

Result<json> parse_json(std::string_view text, std::string_view what) {
  json value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) return value;
  ErrorLocator locator;
  json::sax_parse(text.begin(), text.end(), &locator);
  if (locator.message.empty()) locator.message = "not valid JSON";
  return Error{"json.parse_error", std::string(what) + ": " + locator.message};
}

}  // namespace patsel::detail
