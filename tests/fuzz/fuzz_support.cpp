#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>

namespace patsel::fuzz {

nlohmann::json checked_envelope(const std::string& envelope) {
  nlohmann::json parsed = nlohmann::json::parse(envelope, nullptr, /*allow_exceptions=*/false);
  const bool ok_shape = parsed.is_object() && parsed.contains("ok") && parsed["ok"].is_boolean() &&
                        (parsed["ok"].get<bool>()
                             ? parsed.contains("result")
                             : parsed.contains("error") && parsed["error"].is_object() &&
                                   parsed["error"].contains("code") && parsed["error"]["code"].is_string() &&
                                   parsed["error"].contains("message") && parsed["error"]["message"].is_string());
  if (!ok_shape) {
    std::fprintf(stderr, "bad envelope: %.500s\n", envelope.c_str());
    std::abort();
  }
  return parsed;
}

}  // namespace patsel::fuzz
