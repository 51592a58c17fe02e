#include "yaml_convert.hpp"

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
json typed_scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") return text;  // quoted or explicitly tagged: a string
  static const std::regex integer(R"([-+]?[0-9]+)");
  static const std::regex decimal(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  if (std::regex_match(text, integer) && text.size() < 18) return std::strtoll(text.c_str(), nullptr, 10);
  if (std::regex_match(text, decimal)) return std::strtod(text.c_str(), nullptr);
  return text;
}

struct Walk {
  bool typed;
  const ConvertLimits& limits;
  std::size_t& used;
  ConvertError& error;
  LineMap* lines;
  int first_line;
};

bool convert(const YAML::Node& node, Walk& walk, int depth, const std::string& path, json& out) {
  bool typed = walk.typed;
  const ConvertLimits& limits = walk.limits;
  std::size_t& used = walk.used;
  ConvertError& error = walk.error;
  if (walk.lines && !node.Mark().is_null()) (*walk.lines)[path] = node.Mark().line + walk.first_line;
  if (++used > limits.max_nodes) {
    error = {"more than " + std::to_string(limits.max_nodes) +
                 " YAML nodes once aliases are expanded",
             node.Mark()};
    return false;
  }
  if (depth > limits.max_depth) {
    error = {"nested deeper than " + std::to_string(limits.max_depth) + " levels", node.Mark()};
    return false;
  }
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out = nullptr;
      return true;
    case YAML::NodeType::Scalar:
      out = typed ? typed_scalar(node) : json(trim(node.Scalar()));
      return true;
    case YAML::NodeType::Sequence:
      out = json::array();
      for (const YAML::Node& item : node) {
        json value;
        std::string item_path = walk.lines ? path + "[" + std::to_string(out.size()) + "]" : path;
        if (!convert(item, walk, depth + 1, item_path, value)) return false;
        out.push_back(std::move(value));
      }
      return true;
    case YAML::NodeType::Map:
      out = json::object();
      for (const auto& entry : node) {
        json value;
        std::string key_path = walk.lines ? path + "." + entry.first.Scalar() : path;
        if (!convert(entry.second, walk, depth + 1, key_path, value)) return false;
        out[entry.first.Scalar()] = std::move(value);
      }
      return true;
  }
  return true;
}

}  // namespace

std::optional<json> to_json(const YAML::Node& node, bool typed, const ConvertLimits& limits,
                            std::size_t& budget_used, ConvertError& error, LineMap* lines,
                            int first_line) {
  json out;
  Walk walk{typed, limits, budget_used, error, lines, first_line};
  if (!convert(node, walk, 0, "$", out)) return std::nullopt;
  return out;
}

std::optional<std::string> scalar_text(const YAML::Node& node) {
  // A missing key gives an invalid node that throws on any question but this one.
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  return trim(node.Scalar());
}

}  // namespace patsel::compile::detail
