// Benchmark only: the two ways a result can cross from C++ to JS. The module
// ships JSON text, as a view of its bytes that JS decodes (wasm/bindings.cpp);
// this module also builds the same
// JS objects with emscripten::val, so bench/boundary.mjs can time both on
// the same documents. Parameters cross the other way, likewise.

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <nlohmann/json.hpp>
#include <string>

namespace {

using nlohmann::json;
using emscripten::val;

val to_val(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return val::null();
    case json::value_t::boolean: return val(value.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return val(value.get<double>());
    case json::value_t::string: return val(value.get_ref<const std::string&>());
    case json::value_t::array: {
      val array = val::array();
      unsigned index = 0;
      for (const json& item : value) array.set(index++, to_val(item));
      return array;
    }
    case json::value_t::object: {
      val object = val::object();
      for (const auto& [key, item] : value.items()) object.set(key, to_val(item));
      return object;
    }
    default: return val::undefined();
  }
}

json from_val(const val& value) {
  const std::string type = value.typeOf().as<std::string>();
  if (type == "string") return value.as<std::string>();
  if (type == "number") return value.as<double>();
  if (type == "boolean") return value.as<bool>();
  if (value.isNull() || value.isUndefined()) return nullptr;
  if (val::global("Array").call<bool>("isArray", value)) {
    json array = json::array();
    const unsigned length = value["length"].as<unsigned>();
    for (unsigned i = 0; i < length; ++i) array.push_back(from_val(value[i]));
    return array;
  }
  json object = json::object();
  const val keys = val::global("Object").call<val>("keys", value);
  const unsigned length = keys["length"].as<unsigned>();
  for (unsigned i = 0; i < length; ++i) {
    const std::string key = keys[i].as<std::string>();
    object[key] = from_val(value[key]);
  }
  return object;
}

// One document held in C++, handed to JS either way.
class Boundary {
 public:
  explicit Boundary(const std::string& text) : document_(json::parse(text, nullptr, false)) {}
  // The JSON text as the shipped module hands it over: a view of its bytes.
  val asText() {
    text_ = document_.dump();
    return val(emscripten::typed_memory_view(text_.size(), reinterpret_cast<const unsigned char*>(text_.data())));
  }
  val asVal() const { return to_val(document_); }
  // Parameters into C++: both return the size so the work is not optimized away.
  std::size_t fromString(const std::string& text) const { return json::parse(text, nullptr, false).size(); }
  std::size_t fromVal(const val& value) const { return from_val(value).size(); }

 private:
  json document_;
  std::string text_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(boundary) {
  emscripten::class_<Boundary>("Boundary")
      .constructor<std::string>()
      .function("asText", &Boundary::asText)
      .function("asVal", &Boundary::asVal)
      .function("fromString", &Boundary::fromString)
      .function("fromVal", &Boundary::fromVal);
}
