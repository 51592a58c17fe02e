// patsel::api::Engine: checks params text, parses it and hands it to the
// adapter kMethods names.

#include "patsel/api.hpp"

#include <iterator>
#include <utility>

#include "methods.hpp"

namespace patsel::api {
namespace {

// Each adapter returns a document, or (`text`) writes its answer's text itself.
struct Adapter {
  std::string_view name;
  detail::Method method;
  detail::TextMethod text = nullptr;
};

// What a search catalog (Scope::search) can answer, and all the search
// module (PATSEL_SEARCH_ONLY) has: the rest need whole records.
constexpr std::string_view kSearchMethods[] = {"info", "list", "search"};

bool answers_from_search_catalog(std::string_view method) {
  for (std::string_view name : kSearchMethods)
    if (name == method) return true;
  return false;
}

Error search_only(std::string_view method) {
  return {"catalog.search_only", "'" + std::string(method) +
                                     "' needs the full catalog (catalog.json); this one holds only what search "
                                     "reads (scope: search)"};
}

// In the order of kMethods; the static_assert below keeps the two alike.
// The search module (PATSEL_SEARCH_ONLY, wasm/CMakeLists.txt) has only the
// methods a search catalog answers, so the linker leaves the rest out.
constexpr Adapter kAdapters[] = {
    {"info", detail::info},
    {"list", detail::list},
#ifndef PATSEL_SEARCH_ONLY
    {"pattern", detail::pattern},
#endif
    {"search", nullptr, detail::search},
#ifndef PATSEL_SEARCH_ONLY
    {"tree.list", detail::tree_list},
    {"tree.get", detail::tree_get},
    {"tree.step", detail::tree_step},
    {"profile.fields", detail::profile_fields},
    {"recommend", detail::recommendations},
    {"related", detail::related_patterns},
    {"order", detail::pattern_order},
    {"migrate", detail::migration},
    {"families", detail::families},
    {"timeline", detail::timeline},
    {"paths", detail::learning_paths},
    {"path", detail::learning_path},
    {"compositions", detail::compositions},
    {"problems", detail::problem_matrix},
    {"cards", detail::cards},
    {"stack", detail::stack_report},
    {"compare", detail::comparison},
    {"health.list", detail::health_list},
    {"health.get", detail::health_get},
    {"health.review", detail::health_review},
    {"health.changes", detail::health_changes},
    {"diff", detail::catalog_diff},
#endif
};

#ifndef PATSEL_SEARCH_ONLY
constexpr bool adapters_match_methods() {
  if (std::size(kAdapters) != std::size(kMethods)) return false;
  for (std::size_t i = 0; i < std::size(kMethods); ++i)
    if (kAdapters[i].name != kMethods[i].name) return false;
  return true;
}
static_assert(adapters_match_methods(), "kAdapters must name the methods of kMethods, in its order");
#else
constexpr bool adapters_are_search_methods() {
  if (std::size(kAdapters) != std::size(kSearchMethods)) return false;
  for (std::size_t i = 0; i < std::size(kSearchMethods); ++i)
    if (kAdapters[i].name != kSearchMethods[i]) return false;
  return true;
}
static_assert(adapters_are_search_methods(), "the search module's adapters are the methods of kSearchMethods, in its order");
#endif

bool is_method(std::string_view name) {
  for (const MethodInfo& m : kMethods)
    if (m.name == name) return true;
  return false;
}

// A method the search module leaves out, whatever catalog it holds.
Error not_in_search_module(std::string_view method) {
  return {"engine.search_only", "'" + std::string(method) +
                                    "' is not in the search module (selector-search.wasm: info, list and search "
                                    "only); use the full engine"};
}

}  // namespace

Engine::Engine() = default;
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

template <typename ReadCatalog>
std::string Engine::load_with(std::string_view options_json, ReadCatalog read_catalog) {
  auto options = detail::read_load_options(options_json);
  if (!options) return detail::error_envelope(options.error());
  auto catalog = read_catalog(options.value().catalog);
  if (!catalog) return detail::error_envelope(catalog.error());
  state_ = detail::build_state(std::move(catalog).value());
  state_->limits = options.value();
  return call("info", "");
}

std::string Engine::load(std::string_view catalog_json, std::string_view options_json) {
  // The limits are checked before the text is copied.
  return load_with(options_json, [&](const CatalogLimits& limits) {
    return Catalog::from_json(catalog_json, limits, RecordText::drop_for_search_scope);
  });
}

std::string Engine::load_owned(std::string catalog_json, std::string_view options_json) {
  return load_with(options_json, [&](const CatalogLimits& limits) {
    return Catalog::from_owned_json(std::move(catalog_json), limits, RecordText::drop_for_search_scope);
  });
}

std::string Engine::call(std::string_view method, std::string_view params_json) const {
  if (!state_) return detail::error_envelope({"engine.not_loaded", "no catalog is loaded"});
  detail::json params = detail::json::object();
  if (!params_json.empty()) {
    if (auto error = detail::check_params_text(params_json, state_->limits)) return detail::error_envelope(*error);
    auto parsed = detail::parse_json(params_json, "params");
    if (!parsed) return detail::error_envelope({"params.parse_error", parsed.error().message});
    if (!parsed.value().is_object()) return detail::error_envelope({"params.bad_shape", "$: expected an object"});
    params = std::move(parsed).value();
  }
  if (state_->catalog.scope() == Scope::search && is_method(method) && !answers_from_search_catalog(method))
    return detail::error_envelope(search_only(method));
  for (const Adapter& adapter : kAdapters) {
    if (adapter.name != method) continue;
    if (adapter.text) {
      Result<detail::JsonText> text = adapter.text(*state_, params);
      return text ? detail::ok_envelope(text.value()) : detail::error_envelope(text.error());
    }
    Result<detail::json> result = adapter.method(*state_, params);
    return result ? detail::ok_envelope(result.value()) : detail::error_envelope(result.error());
  }
  // Only in the search module: a method it leaves out.
  if (is_method(method)) return detail::error_envelope(not_in_search_module(method));
  return detail::error_envelope({"engine.unknown_method", "'" + std::string(method) + "' is not a method"});
}

std::string Engine::diff(std::string_view older_catalog_json) const {
  if (!state_) return detail::error_envelope({"engine.not_loaded", "no catalog is loaded"});
#ifdef PATSEL_SEARCH_ONLY
  (void)older_catalog_json;
  return detail::error_envelope(not_in_search_module("diff"));
#else
  if (state_->catalog.scope() == Scope::search) return detail::error_envelope(search_only("diff"));
  Result<detail::json> result = detail::diff_since(*state_, older_catalog_json, "the older catalog: ");
  return result ? detail::ok_envelope(result.value()) : detail::error_envelope(result.error());
#endif
}

}  // namespace patsel::api
