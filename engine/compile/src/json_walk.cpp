#include "json_walk.hpp"

namespace patsel::compile::detail {
namespace {

const char* const kDropped = "\x01dropped";

bool is_dropped(const json& value) { return value.is_string() && value.get_ref<const std::string&>() == kDropped; }

bool has_dropped_member(const json& value) {
  if (!value.is_object()) return false;
  for (const auto& member : value) if (is_dropped(member)) return true;
  return false;
}

void walk(json& node, std::string_view rest, const std::string& path,
          const std::function<void(json&, const std::string&)>& visit) {
  if (rest.empty()) {
    visit(node, path);
    return;
  }
  std::size_t slash = rest.find('/');
  std::string_view step = rest.substr(0, slash);
  std::string_view tail = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  if (step == "*") {
    if (!node.is_array()) return;
    for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], tail, path + "[" + std::to_string(i) + "]", visit);
  } else if (node.is_object()) {
    auto it = node.find(step);
    if (it != node.end()) walk(*it, tail, path + "." + std::string(step), visit);
  }
}

}  // namespace

void visit_at(json& root, std::string_view pattern, const std::string& root_path,
              const std::function<void(json&, const std::string&)>& visit) {
  walk(root, pattern, root_path, visit);
}

void mark_dropped(json& value) { value = kDropped; }

void prune_dropped(json& root) {
  if (root.is_array()) {
    json kept = json::array();
    for (auto& item : root)
      if (!is_dropped(item) && !has_dropped_member(item)) {
        prune_dropped(item);
        kept.push_back(std::move(item));
      }
    root = std::move(kept);
  } else if (root.is_object()) {
    for (auto it = root.begin(); it != root.end();) {
      if (is_dropped(*it)) {
        it = root.erase(it);
      } else {
        prune_dropped(*it);
        ++it;
      }
    }
  }
}

}  // namespace patsel::compile::detail
