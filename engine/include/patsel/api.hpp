#pragma once
// The engine's flat JSON interface: a method name and JSON parameters in,
// one JSON envelope out. The wasm bindings, the CLI's --json output and the
// native/wasm differential test all go through it, so both targets answer
// byte for byte alike.
//
// Envelope: {"ok":true,"result":...} or
//           {"ok":false,"error":{"code":"...","message":"..."}}
//
// An Engine is for one thread at a time: the first reasoning call (trees,
// recommendations, relations, stack, compare) builds its indexes then.

#include <memory>
#include <string>
#include <string_view>

#include "patsel/catalog.hpp"

namespace patsel::api {

namespace detail {
struct EngineState;
}

class Engine {
 public:
  Engine();
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  /// Loads catalog.json text; the envelope's result is `info`. `options`
  /// is empty or a JSON object of limits, each optional:
  /// `{"max_catalog_bytes": 67108864, "max_params_bytes": 1048576, "max_depth": 128}`
  /// (the defaults). Text over a limit is an error envelope
  /// (`catalog.too_large`, `catalog.too_deep`; later calls:
  /// `params.too_large`, `params.too_deep`), never a crash.
  ///
  /// ```
  /// engine.load(text, R"({"max_catalog_bytes": 134217728})");
  /// ```
  std::string load(std::string_view catalog_json, std::string_view options_json = {});

  /// Runs one query; the methods are listed in engine/src/api.cpp.
  ///
  /// ```
  /// engine.call("list", R"({"tiers":["gold","silver"]})");
  /// ```
  std::string call(std::string_view method, std::string_view params_json) const;

 private:
  std::unique_ptr<detail::EngineState> state_;
};

}  // namespace patsel::api
