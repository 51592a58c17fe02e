#include "catalog_text.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

#include "fnv1a.hpp"
#include "parallel.hpp"

namespace patsel::compile::detail {
namespace {

using nlohmann::json;

// Records dumped together before they are passed on: enough to keep every
// core busy, few enough that a block's text stays small next to the catalog.
constexpr std::size_t kBlock = 512;

std::string dumped(const json& value, int indent) {
  return value.dump(indent, '\t', false, json::error_handler_t::replace);
}

// `text`, a value dumped at the outermost level, as it reads `levels`
// levels in: JSON text holds no raw newline but those of its layout, so
// each is followed by the extra tabs.
std::string indented(const std::string& text, std::size_t levels) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(levels, '\t');
  }
  return out;
}

// Emits the text of `catalog` piece by piece, in order, to `sink`: the same
// bytes as dump(indent, '\t'), indent -1 (compact) or 1. The elements of
// each top-level list are dumped in parallel, a block at a time.
template <class Sink>
void write_catalog(const json& catalog, int indent, Sink sink) {
  const bool pretty = indent >= 0;
  if (!catalog.is_object() || catalog.empty()) {
    sink(dumped(catalog, indent));
    return;
  }
  sink(pretty ? "{\n" : "{");
  bool first = true;
  for (auto it = catalog.begin(); it != catalog.end(); ++it) {
    if (!first) sink(pretty ? ",\n" : ",");
    first = false;
    const std::string key = dumped(json(it.key()), -1);
    sink(pretty ? "\t" + key + ": " : key + ":");
    const json& value = it.value();
    if (!value.is_array() || value.empty()) {
      sink(pretty ? indented(dumped(value, indent), 1) : dumped(value, indent));
      continue;
    }
    sink(pretty ? "[\n" : "[");
    std::vector<std::string> texts;
    for (std::size_t start = 0; start < value.size(); start += kBlock) {
      const std::size_t count = std::min(kBlock, value.size() - start);
      texts.assign(count, std::string());
      parallel_for(count, [&](std::size_t i) {
        const json& element = value[start + i];
        texts[i] = pretty ? indented(dumped(element, indent), 2) : dumped(element, indent);
      });
      for (std::size_t i = 0; i < count; ++i) {
        if (start + i > 0) sink(pretty ? ",\n" : ",");
        if (pretty) sink("\t\t");
        sink(texts[i]);
        std::string().swap(texts[i]);
      }
    }
    sink(pretty ? "\n\t]" : "]");
  }
  sink(pretty ? "\n}" : "}");
}

}  // namespace

std::string content_hash(const json& catalog) {
  std::uint64_t hash = kFnv1aStart;
  write_catalog(catalog, -1, [&](std::string_view text) { hash = fnv1a(text, hash); });
  return hex64(hash);
}

std::string catalog_text(const json& catalog) {
  std::string out;
  write_catalog_text(catalog, [&](std::string_view text) { out.append(text); });
  return out;
}

void write_catalog_text(const json& catalog, const std::function<void(std::string_view)>& sink) {
  write_catalog(catalog, 1, sink);
  sink("\n");
}

}  // namespace patsel::compile::detail
