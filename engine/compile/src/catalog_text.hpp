#pragma once
// The catalog's text, written on all cores: the records of its large
// lists (patterns) are dumped in parallel and joined in order, so the
// bytes are exactly those of nlohmann::json::dump on the whole catalog.

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace patsel::compile::detail {

/// A 64-bit FNV-1a hash (16 hex digits) of the catalog's document: every
/// key and value, in order, with their types; the same document always
/// gives the same hash, whatever the number of cores.
std::string content_hash(const nlohmann::json& catalog);

/// `catalog.dump(1, '\t')` (invalid UTF-8 replaced) plus a newline.
std::string catalog_text(const nlohmann::json& catalog);

/// The same bytes, passed to `sink` piece by piece, in order.
void write_catalog_text(const nlohmann::json& catalog, const std::function<void(std::string_view)>& sink);

}  // namespace patsel::compile::detail
