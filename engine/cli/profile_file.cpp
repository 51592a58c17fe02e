#include "profile_file.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "patsel/compile/yaml_text.hpp"

namespace patsel::cli {

std::optional<nlohmann::json> read_profile_file(const std::string& path, const std::string& command) {
  const std::string who = "patsel " + command + ": ";
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << who << "cannot read profile " << path << "\n";
      return std::nullopt;
    }
    text << in.rdbuf();
  }
  nlohmann::json value = nlohmann::json::parse(text.str(), nullptr, false);
  if (value.is_discarded()) {
    auto yaml = compile::yaml_to_json(text.str(), path == "-" ? "stdin" : path);
    if (!yaml) {
      std::cerr << who << yaml.error().message << "\n";
      return std::nullopt;
    }
    value = yaml.value();
  }
  if (!value.is_object()) {
    std::cerr << who << path << ": a profile is a mapping of field ids to values\n";
    return std::nullopt;
  }
  return value;
}

}  // namespace patsel::cli
