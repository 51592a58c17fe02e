#pragma once
// Errors are values: every fallible engine call returns Result<T>.
// Nothing in the engine throws, so the same code runs in the wasm build,
// which is compiled without C++ exceptions.

#include <string>
#include <utility>
#include <variant>

namespace patsel {

/// A failure with a stable id and a message that names the place.
///
/// ```
/// Error{"catalog.parse_error", "catalog.json: byte 17: unexpected '}'"}
/// ```
struct Error {
  std::string code;     ///< stable id, e.g. "catalog.parse_error"
  std::string message;  ///< human-readable, names the place (file:line, JSON path)

  /// `[code] message`, the form the CLI prints and tests assert.
  std::string to_string() const { return "[" + code + "] " + message; }
};

/// Either a value or an Error.
template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace patsel
