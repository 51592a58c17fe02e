// Embind bindings: a thin skin over patsel::api::Engine. Strings in, JSON
// envelope strings out; no logic here, so the native build and the wasm
// module answer alike (tests/wasm/differential.test.mjs).

#include <emscripten/bind.h>

#include <string>

#include "patsel/api.hpp"

namespace {

class WasmEngine {
 public:
  // `options`: "" or a JSON object of limits (see patsel::api::Engine::load).
  std::string load(const std::string& catalog_json, const std::string& options_json) {
    return engine_.load(catalog_json, options_json);
  }
  std::string call(const std::string& method, const std::string& params_json) const {
    return engine_.call(method, params_json);
  }
  // The older catalog as text of its own, read under the catalog limits.
  std::string diff(const std::string& older_catalog_json) const { return engine_.diff(older_catalog_json); }

 private:
  patsel::api::Engine engine_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(patsel) {
  emscripten::class_<WasmEngine>("Engine")
      .constructor<>()
      .function("load", &WasmEngine::load)
      .function("call", &WasmEngine::call)
      .function("diff", &WasmEngine::diff);
}
