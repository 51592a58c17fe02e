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
};

}  // namespace

namespace detail {

std::unique_ptr<EngineState> build_state(Catalog catalog) {
  auto state = std::make_unique<EngineState>();
  state->catalog = std::move(catalog);
  return state;
}

}  // namespace detail

Engine::Engine() = default;
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

std::string Engine::load(std::string_view catalog_json) {
  auto catalog = Catalog::from_json(catalog_json);
  if (!catalog) return patsel::detail::error_envelope(catalog.error());
  state_ = detail::build_state(std::move(catalog).value());
  return call("info", "");
}

std::string Engine::call(std::string_view method, std::string_view params_json) const {
  if (!state_) return patsel::detail::error_envelope({"engine.not_loaded", "no catalog is loaded"});
  json params = json::object();
  if (!params_json.empty()) {
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
