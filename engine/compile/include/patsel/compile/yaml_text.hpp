#pragma once
// YAML text to JSON, for tools that accept YAML input (the CLI's
// `recommend --profile profile.yaml`). Native only, like the rest of the
// compiler: the engine itself reads JSON.

#include <nlohmann/json.hpp>

#include <string_view>

#include "patsel/result.hpp"

namespace patsel::compile {

/// Parses a YAML document with the YAML 1.2 core schema for plain scalars
/// (`10000` is a number, `true` a boolean). `what` names the input in
/// messages.
///
/// Errors: `yaml.syntax` ("profile.yaml:3:5: ..."), `yaml.too_large`.
///
/// ```
/// auto value = patsel::compile::yaml_to_json("peak_rps: 10000\n", "profile.yaml");
/// value.value()["peak_rps"] == 10000;
/// ```
Result<nlohmann::json> yaml_to_json(std::string_view text, std::string_view what);

}  // namespace patsel::compile
