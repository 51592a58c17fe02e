#pragma once
// The catalog's text, written on all cores: the records of its large
// lists (patterns) are dumped in parallel and joined in order, so the
// bytes are exactly those of nlohmann::json::dump on the whole catalog.

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace patsel::compile::detail {

/// FNV-1a (64 bits, hex) of the catalog's compact JSON
/// (`catalog.dump(-1)`, invalid UTF-8 replaced), without building that
/// text whole.
std::string content_hash(const nlohmann::json& catalog);

/// `catalog.dump(1, '\t')` (invalid UTF-8 replaced) plus a newline.
std::string catalog_text(const nlohmann::json& catalog);

/// The same bytes, passed to `sink` piece by piece, in order.
void write_catalog_text(const nlohmann::json& catalog, const std::function<void(std::string_view)>& sink);

}  // namespace patsel::compile::detail
