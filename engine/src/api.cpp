#include "patsel/api.hpp"

#include <utility>

#include "api_methods.hpp"
#include "engine_state.hpp"

namespace patsel::api {
namespace {

using detail::json;

struct MethodEntry {
  std::string_view name;
  detail::Method method;
};

// The api, by method name. Keep in sync with api_methods.hpp and the
// JS API in wasm/engine.js.
constexpr MethodEntry kMethods[] = {
    {"info", detail::info},
    {"list", detail::list},
    {"pattern", detail::pattern},
    {"search", detail::search},
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
};

}  // namespace

namespace detail {

std::unique_ptr<EngineState> build_state(Catalog catalog) {
  auto state = std::make_unique<EngineState>();
  state->catalog = std::move(catalog);
  state->search = SearchIndex::build(state->catalog);
  state->facets = FacetIndex::build(state->catalog);
  return state;
}

}  // namespace detail

Engine::Engine() = default;
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

std::string Engine::load(std::string_view catalog_json, std::string_view options_json) {
  auto options = detail::read_load_options(options_json);
  if (!options) return patsel::detail::error_envelope(options.error());
  auto catalog = Catalog::from_json(catalog_json, options.value().catalog);
  if (!catalog) return patsel::detail::error_envelope(catalog.error());
  state_ = detail::build_state(std::move(catalog).value());
  state_->limits = options.value();
  return call("info", "");
}

std::string Engine::call(std::string_view method, std::string_view params_json) const {
  if (!state_) return patsel::detail::error_envelope({"engine.not_loaded", "no catalog is loaded"});
  json params = json::object();
  if (!params_json.empty()) {
    if (auto error = detail::check_params_text(params_json, state_->limits))
      return patsel::detail::error_envelope(*error);
    auto parsed = patsel::detail::parse_json(params_json, "params");
    if (!parsed) return patsel::detail::error_envelope({"params.parse_error", parsed.error().message});
    if (!parsed.value().is_object())
      return patsel::detail::error_envelope({"params.bad_shape", "$: expected an object"});
    params = std::move(parsed).value();
  }
  for (const MethodEntry& entry : kMethods) {
    if (entry.name != method) continue;
    Result<json> result = entry.method(*state_, params);
    return result ? patsel::detail::ok_envelope(result.value()) : patsel::detail::error_envelope(result.error());
  }
  return patsel::detail::error_envelope({"engine.unknown_method", "'" + std::string(method) + "' is not a method"});
}

}  // namespace patsel::api
