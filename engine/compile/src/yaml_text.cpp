#include "patsel/compile/yaml_text.hpp"

#include <yaml-cpp/yaml.h>

#include "text_util.hpp"
#include "yaml_convert.hpp"

namespace patsel::compile {

Result<nlohmann::json> yaml_to_json(std::string_view text, std::string_view what) {
  detail::YamlDocument document;
  std::string repaired(text);
  detail::repair_text(repaired);  // invalid UTF-8 becomes U+FFFD, so the JSON made from it is valid
  try {  // yaml-cpp reports syntax errors (and too deep nesting) only by throwing
    document = detail::parse_yaml(repaired);
  } catch (const YAML::Exception& e) {
    std::string where(what);
    if (!e.mark.is_null()) where += ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1);
    return Error{"yaml.syntax", where + ": not valid YAML: " + e.msg};
  }
  const detail::YamlNode root = document.root();
  std::size_t used = 0;
  detail::ConvertError error;
  auto value = detail::to_json(root, {}, used, error);
  if (!value) return Error{"yaml.too_large", std::string(what) + ": " + error.message};
  return *value;
}

}  // namespace patsel::compile
