#pragma once
// What the fuzz targets share: the oracle for the engine's answers.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace patsel::fuzz {

/// The envelope must be valid JSON (and so valid UTF-8) of the shape
/// {"ok":true,"result":...} or {"ok":false,"error":{"code","message"}};
/// anything else aborts, which libFuzzer reports as a crash.
nlohmann::json checked_envelope(const std::string& envelope);

}  // namespace patsel::fuzz
