#pragma once
// The one writer of answers: the envelope every call returns, errors, and
// the short forms in which answers name patterns. Adapters write what is
// particular to their method and use these for the rest.

#include <string>
#include <vector>

#include "json_util.hpp"
#include "patsel/catalog.hpp"
#include "patsel/complexity.hpp"

namespace patsel::detail {

/// An answer's JSON text, written by the method itself (json_writer.hpp)
/// where building a document first costs too much (`search`, while typing).
struct JsonText {
  std::string text;
};

/// `{"ok":true,"result":...}`, the answer of a call that worked.
std::string ok_envelope(const json& result);
std::string ok_envelope(const JsonText& result);
/// `{"ok":false,"error":{"code":...,"message":...}}`.
std::string error_envelope(const Error& error);

/// A JSON array of `write(item)` for each of `items`.
///
/// ```
/// array_of(report.missing, gap_json)
/// ```
template <class Items, class Write>
json array_of(const Items& items, Write write) {
  json out = json::array();
  for (const auto& item : items) out.push_back(write(item));
  return out;
}

/// `{"code": ..., "message": ...}`: how answers show an error (catalog
/// warnings, broken trees, rule problems) and the envelope's error.
json error_json(const Error& error);
json errors_json(const std::vector<Error>& errors);

/// The short form of a pattern in lists and search hits: id, title,
/// summary, tier, category, domain, layer, status, tags.
json pattern_summary(const Pattern& pattern);

/// `{"pattern": id, "title": ..., "tier": ...}`: how reasoning answers name a pattern.
json pattern_ref(const Pattern& pattern);
/// The reference with more `members`: `pattern_ref(p, {{"depth", 1}})`.
json pattern_ref(const Pattern& pattern, json members);
/// The references of `patterns`, in order.
json pattern_refs(const std::vector<const Pattern*>& patterns);
/// The references of the ids the catalog knows, in order; others are skipped.
json pattern_refs(const Catalog& catalog, const std::vector<std::string>& ids);

/// A complexity estimate as answers show it.
json complexity_json(const ComplexityEstimate& estimate);

}  // namespace patsel::detail
