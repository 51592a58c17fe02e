#include "limits.hpp"

#include "json_depth.hpp"
#include "json_util.hpp"

namespace patsel::detail {
namespace {


// One integer option in [min, max]; absent leaves `target` as it is.
template <class T>
std::optional<Error> read_integer(const json& options, const char* key, long long min, long long max, T& target) {
  const json* value = member(options, key);
  if (!value) return std::nullopt;
  if (!value->is_number_integer() || value->get<long long>() < min || value->get<long long>() > max)
    return Error{"load.bad_option", std::string("$.") + key + ": expected an integer from " + std::to_string(min) +
                                        " to " + std::to_string(max)};
  target = static_cast<T>(value->get<long long>());
  return std::nullopt;
}

}  // namespace

Result<LoadOptions> read_load_options(std::string_view text) {
  LoadOptions options;
  if (text.empty()) return options;
  auto parsed = parse_json(text, "load options");
  if (!parsed) return Error{"load.bad_option", parsed.error().message};
  const json& doc = parsed.value();
  if (!doc.is_object()) return Error{"load.bad_option", "$: expected an object"};
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (it.key() != "max_catalog_bytes" && it.key() != "max_params_bytes" && it.key() != "max_depth")
      return Error{"load.bad_option",
                   "$." + it.key() + ": not a load option (max_catalog_bytes, max_params_bytes, max_depth)"};
  constexpr long long kTebibyte = 1LL << 40;
  if (auto error = read_integer(doc, "max_catalog_bytes", 1, kTebibyte, options.catalog.max_bytes)) return *error;
  if (auto error = read_integer(doc, "max_params_bytes", 1, kTebibyte, options.max_params_bytes)) return *error;
  // 1000 levels of recursion still fit the smallest (wasm) stack.
  if (auto error = read_integer(doc, "max_depth", 1, 1000, options.catalog.max_depth)) return *error;
  return options;
}

std::optional<Error> check_params_text(std::string_view text, const LoadOptions& options) {
  if (text.size() > options.max_params_bytes)
    return Error{"params.too_large", "params: " + std::to_string(text.size()) + " bytes, more than the limit of " +
                                         std::to_string(options.max_params_bytes) + " (load option max_params_bytes)"};
  if (auto path = too_deep(text, options.catalog.max_depth))
    return Error{"params.too_deep", *path + ": nested deeper than " + std::to_string(options.catalog.max_depth) +
                                        " levels (load option max_depth)"};
  return std::nullopt;
}

}  // namespace patsel::detail
