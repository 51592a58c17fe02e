#pragma once
// Numbers shown to users and written to JSON the same way on every target:
// whole numbers without a fraction ("3", not "3.0"), others as nlohmann
// writes them (shortest round-trip form).

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace patsel::detail {

/// `3.0` -> json integer 3; `2.5` -> json 2.5.
inline nlohmann::json number_json(double value) {
  if (std::isfinite(value) && std::fabs(value) < 1e15 && value == std::floor(value))
    return static_cast<long long>(value);
  return value;
}

/// `10000.0` -> "10000"; `99.99` -> "99.99".
inline std::string number_text(double value) { return number_json(value).dump(); }

}  // namespace patsel::detail
