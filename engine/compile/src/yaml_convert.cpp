#include "yaml_convert.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>

namespace patsel::compile::detail {
namespace {

std::string trim(const std::string& s) {
  auto begin = s.find_first_not_of(" \t\n");
  if (begin == std::string::npos) return {};
  auto end = s.find_last_not_of(" \t\n");
  return s.substr(begin, end - begin + 1);
}

// YAML 1.2 core schema, applied only to plain (unquoted) scalars.
json typed_scalar(const YamlNode& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") return text;  // quoted or explicitly tagged: a string
  static const std::regex integer(R"([-+]?[0-9]+)");
  static const std::regex decimal(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  // Lengths are checked first: libstdc++'s regex recurses once per
  // character, so a megabyte of digits would overflow the stack.
  if (text.size() < 18 && std::regex_match(text, integer)) return std::strtoll(text.c_str(), nullptr, 10);
  if (text.size() <= 64 && std::regex_match(text, decimal)) {
    double number = std::strtod(text.c_str(), nullptr);
    if (std::isfinite(number)) return number;  // 1e999 stays text, not a JSON null
  }
  return text;
}

struct Walk {
  bool typed;
  const ConvertLimits& limits;
  std::size_t& used;
  ConvertError& error;
  LineMap* lines;
  int first_line;
  std::vector<DuplicateKey>* duplicates;
  std::size_t bytes = 0;

  bool add_bytes(std::size_t n, const YamlNode& node, const std::string& path) {
    bytes += n;
    if (bytes <= limits.max_bytes) return true;
    error = {"more than " + std::to_string(limits.max_bytes) + " bytes of text once aliases are expanded",
             node.Mark(), false, path};
    return false;
  }
};

bool convert(const YamlNode& node, Walk& walk, int depth, const std::string& path, json& out) {
  bool typed = walk.typed;
  const ConvertLimits& limits = walk.limits;
  std::size_t& used = walk.used;
  ConvertError& error = walk.error;
  if (walk.lines && !node.Mark().is_null()) (*walk.lines)[path] = node.Mark().line + walk.first_line;
  if (++used > limits.max_nodes) {
    error = {"more than " + std::to_string(limits.max_nodes) +
                 " YAML nodes once aliases are expanded",
             node.Mark(), false, path};
    return false;
  }
  if (depth > limits.max_depth) {
    error = {"nested deeper than " + std::to_string(limits.max_depth) + " levels", node.Mark(), true, path};
    return false;
  }
  switch (node.Type()) {
    case YamlType::Undefined:
    case YamlType::Null:
      out = nullptr;
      return true;
    case YamlType::Scalar:
      if (!walk.add_bytes(node.Scalar().size(), node, path)) return false;
      out = typed ? typed_scalar(node) : json(trim(node.Scalar()));
      return true;
    case YamlType::Sequence:
      out = json::array();
      for (const YamlNode& item : node) {
        json value;
        std::string item_path = walk.lines ? path + "[" + std::to_string(out.size()) + "]" : path;
        if (!convert(item, walk, depth + 1, item_path, value)) return false;
        out.push_back(std::move(value));
      }
      return true;
    case YamlType::Map:
      out = json::object();
      for (const auto& entry : node) {
        const std::string& key = entry.first.Scalar();
        if (!walk.add_bytes(key.size(), entry.first, path)) return false;
        if (out.contains(key)) {
          if (walk.duplicates) walk.duplicates->push_back({key, path, entry.first.Mark()});
          continue;
        }
        json value;
        std::string key_path = walk.lines ? path + "." + key : path;
        if (!convert(entry.second, walk, depth + 1, key_path, value)) return false;
        out[key] = std::move(value);
      }
      return true;
  }
  return true;
}

}  // namespace

std::optional<json> to_json(const YamlNode& node, const ConvertOptions& options, std::size_t& budget_used,
                            ConvertError& error) {
  json out;
  Walk walk{options.typed, options.limits, budget_used, error, options.lines, options.first_line, options.duplicates};
  if (!convert(node, walk, options.root_depth, options.root_path, out)) return std::nullopt;
  return out;
}

std::string yaml_error_message(const std::string& message) {
  const std::string prefix = "invalid unicode: ";
  if (message.rfind(prefix, 0) != 0) return message;
  long code = std::strtol(message.c_str() + prefix.size(), nullptr, 10);
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04lX", code);
  // YAML's \u takes one UTF-16 unit; a pair is not joined into a character.
  if (code >= 0xD800 && code <= 0xDFFF)
    return std::string("an escape names ") + hex +
           ", a UTF-16 surrogate, which is not a character (write the character itself, or a \\U escape)";
  return std::string("an escape names ") + hex + ", which is not a character";
}

std::optional<std::string> scalar_text(const YamlNode& node) {
  // A missing key gives an invalid node that throws on any question but this one.
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  return trim(node.Scalar());
}

}  // namespace patsel::compile::detail
