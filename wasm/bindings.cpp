// Embind bindings: a thin skin over patsel::api::Engine. Strings in, JSON
// envelope text out; no logic here, so the native build and the wasm
// module answer alike (tests/wasm/differential.test.mjs).
//
// An answer leaves as a view of its bytes in wasm memory, which engine.js
// decodes at once with a TextDecoder: Embind's std::string return reads
// every byte in JS twice (looking for NULs) before decoding, which took
// longer than the engine's whole search. The bytes are ASCII (other
// characters as \u escapes, patsel::api::ascii_json): the decoder's ASCII
// path is about ten times faster and makes a string half the size.

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "patsel/api.hpp"

namespace {

class WasmEngine {
 public:
  // `options`: "" or a JSON object of limits (see patsel::api::Engine::load).
  // The catalog as UTF-8 bytes (a Uint8Array), copied straight into the
  // text the engine keeps: a JS string would be copied into wasm memory
  // twice (once by Embind's wire format, once into a std::string).
  emscripten::val load(const emscripten::val& utf8, const std::string& options_json) {
    std::string text(utf8["length"].as<std::size_t>(), '\0');
    auto* bytes = reinterpret_cast<unsigned char*>(text.data());
    emscripten::val(emscripten::typed_memory_view(text.size(), bytes)).call<void>("set", utf8);
    return answer(engine_.load_owned(std::move(text), options_json));
  }
  emscripten::val call(const std::string& method, const std::string& params_json) {
    return answer(engine_.call(method, params_json));
  }
  // The older catalog as text of its own, read under the catalog limits.
  emscripten::val diff(const std::string& older_catalog_json) { return answer(engine_.diff(older_catalog_json)); }

 private:
  // A Uint8Array over the envelope's bytes, valid until the next call.
  emscripten::val answer(std::string envelope) {
    answer_ = patsel::api::ascii_json(std::move(envelope));
    return emscripten::val(
        emscripten::typed_memory_view(answer_.size(), reinterpret_cast<const unsigned char*>(answer_.data())));
  }

  patsel::api::Engine engine_;
  std::string answer_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(patsel) {
  emscripten::class_<WasmEngine>("Engine")
      .constructor<>()
      .function("load", &WasmEngine::load)
      .function("call", &WasmEngine::call)
      .function("diff", &WasmEngine::diff);
}
