#pragma once
// Reading a requirements profile from a file, for `patsel recommend` and
// `patsel compare --profile`.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace patsel::cli {

/// The profile in `path` ("-" = stdin): JSON when it parses as JSON, else
/// YAML; a mapping of field ids to values. On a problem, prints it (as
/// "patsel <command>: ...") and returns nullopt.
std::optional<nlohmann::json> read_profile_file(const std::string& path, const std::string& command);

}  // namespace patsel::cli
