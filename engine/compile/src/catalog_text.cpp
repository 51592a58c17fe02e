#include "catalog_text.hpp"

#include <cstdint>
#include <cstring>
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

// The hash of a value read from its document, not from its text (about a
// quarter of the time of dumping it): a type letter, then a string's
// length and bytes, a number's eight bytes, or a container's size and
// members in order (an object's sorted by key, each key as a string).
// Lengths and sizes keep different documents from hashing the same bytes.
std::uint64_t hash_number(std::uint64_t bits, std::uint64_t hash) {
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((bits >> (8 * i)) & 0xff);
  return fnv1a(std::string_view(bytes, 8), hash);
}

std::uint64_t hash_text(std::string_view text, std::uint64_t hash) {
  return fnv1a(text, hash_number(text.size(), hash));
}

std::uint64_t hash_value(const json& value, std::uint64_t hash) {
  switch (value.type()) {
    case json::value_t::null:
      return fnv1a("n", hash);
    case json::value_t::boolean:
      return fnv1a(value.get<bool>() ? "t" : "f", hash);
    case json::value_t::string:
      return hash_text(value.get_ref<const std::string&>(), fnv1a("s", hash));
    // 12 is 12, read signed (from YAML) or unsigned (from JSON or CBOR).
    case json::value_t::number_integer:
      if (value.get<std::int64_t>() >= 0) return hash_number(value.get<std::uint64_t>(), fnv1a("u", hash));
      return hash_number(static_cast<std::uint64_t>(value.get<std::int64_t>()), fnv1a("i", hash));
    case json::value_t::number_unsigned:
      return hash_number(value.get<std::uint64_t>(), fnv1a("u", hash));
    case json::value_t::number_float: {
      const double number = value.get<double>();
      std::uint64_t bits = 0;
      std::memcpy(&bits, &number, sizeof bits);
      return hash_number(bits, fnv1a("d", hash));
    }
    case json::value_t::array:
      hash = hash_number(value.size(), fnv1a("a", hash));
      for (const json& element : value) hash = hash_value(element, hash);
      return hash;
    case json::value_t::object:
      hash = hash_number(value.size(), fnv1a("o", hash));
      for (auto it = value.begin(); it != value.end(); ++it) hash = hash_value(it.value(), hash_text(it.key(), hash));
      return hash;
    default:  // binary and discarded values: never in a catalog
      return fnv1a("x", hash);
  }
}

}  // namespace

std::string content_hash(const json& catalog) {
  if (!catalog.is_object()) return hex64(hash_value(catalog, kFnv1aStart));
  // As hash_value would, with the elements of the large lists (patterns)
  // hashed on all cores, each from the start, and folded in order.
  std::uint64_t hash = hash_number(catalog.size(), fnv1a("o", kFnv1aStart));
  for (auto it = catalog.begin(); it != catalog.end(); ++it) {
    hash = hash_text(it.key(), hash);
    const json& value = it.value();
    if (!value.is_array() || value.size() < kBlock) {
      hash = hash_value(value, hash);
      continue;
    }
    std::vector<std::uint64_t> elements(value.size());
    parallel_for(value.size(), [&](std::size_t i) { elements[i] = hash_value(value[i], kFnv1aStart); });
    hash = hash_number(value.size(), fnv1a("A", hash));
    for (std::uint64_t element : elements) hash = hash_number(element, hash);
  }
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
