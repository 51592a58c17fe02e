#pragma once
// Turns the ways pages refer to each other (id, alias, title, path, link)
// into catalog ids.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "near_names.hpp"

namespace patsel::compile::detail {

class Resolver {
 public:
  /// Indexes the id, aliases and title of each record.
  explicit Resolver(const std::vector<nlohmann::json>& records);

  /// `resolve("../resilience/circuit-breaker.md#states") == "circuit-breaker"`,
  /// and so for "Circuit Breaker", "circuit_breaker", "/patterns/circuit-breaker/".
  std::optional<std::string> resolve(const std::string& reference) const;

  /// " (did you mean 'saga'?)" or "".
  std::string suggestion(const std::string& reference) const;

 private:
  std::unordered_map<std::string, std::string> names_;  // folded name -> id
  NearNames near_;  // the keys of names_, for suggestions
};

/// The comparable form of a reference: last path segment, no `.md`, no
/// anchor, folded to lower-case-with-dashes.
std::string reference_key(const std::string& reference);

}  // namespace patsel::compile::detail
