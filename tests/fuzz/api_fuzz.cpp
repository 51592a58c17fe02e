// Fuzz target: any call on the shipped catalog. The input is the method
// name, a newline, then the params text, e.g.
//   tree.step
//   {"session":"...","answer":"yes"}
// so the search query parser, decision-tree session strings and
// requirements profiles all get arbitrary input through the same door the
// wasm module uses. Every answer must be a well-formed envelope.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_support.hpp"
#include "patsel/api.hpp"

namespace {

const patsel::api::Engine& engine() {
  static const patsel::api::Engine loaded = [] {
    std::ifstream in(PATSEL_SOURCE_DIR "/data/catalog.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    patsel::api::Engine e;
    if (!patsel::fuzz::checked_envelope(e.load(text.str()))["ok"].get<bool>()) {
      std::fprintf(stderr, "api_fuzz: data/catalog.json does not load\n");
      std::abort();
    }
    return e;
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string method = input.substr(0, newline);
  const std::string params = newline == std::string::npos ? std::string() : input.substr(newline + 1);
  patsel::fuzz::checked_envelope(engine().call(method, params));
  return 0;
}
