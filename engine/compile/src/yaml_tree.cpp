#include "yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>

#include <istream>
#include <streambuf>

namespace patsel::compile::detail {
namespace {

const std::string kEmpty;

// The text read in place: yaml-cpp reads from a stream, and copying every
// page into a stringstream first costs as much again.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // read only: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

// Turns the parser's events into nodes, as yaml-cpp's NodeBuilder does:
// an anchor names its node from the moment the node starts, so an alias
// inside the node it names makes a loop.
class YamlTreeBuilder : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(YamlDocument& document) : document_(document) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(YamlType::Null, mark, anchor, std::string(), std::string());
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // The parser has checked that the anchor exists; a null node if not.
    if (anchor < anchors_.size() && anchors_[anchor] != kNone)
      attach(anchors_[anchor]);
    else
      add(YamlType::Null, mark, 0, std::string(), std::string());
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    add(YamlType::Scalar, mark, anchor, tag, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_.push_back(add(YamlType::Sequence, mark, anchor, tag, std::string()));
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_.push_back(add(YamlType::Map, mark, anchor, tag, std::string()));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  std::uint32_t add(YamlType type, const YAML::Mark& mark, YAML::anchor_t anchor, const std::string& tag,
                    const std::string& text) {
    const auto index = static_cast<std::uint32_t>(document_.nodes_.size());
    YamlDocument::Item& item = document_.nodes_.emplace_back();
    item.type = type;
    item.mark = mark;
    item.text = text;
    item.tag = tag;
    if (anchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNone);
      anchors_[anchor] = index;
    }
    attach(index);
    return index;
  }
  void attach(std::uint32_t index) {
    if (open_.empty()) {
      if (!rooted_) document_.root_ = index;
      rooted_ = true;
    } else {
      document_.nodes_[open_.back()].children.push_back(index);
    }
  }

  YamlDocument& document_;
  std::vector<std::uint32_t> open_;     // the collections being read, innermost last
  std::vector<std::uint32_t> anchors_;  // node of each anchor number
  bool rooted_ = false;
};

YamlType YamlNode::Type() const {
  if (index_ == kUndefined) return YamlType::Undefined;
  if (index_ == kNull) return YamlType::Null;
  return document_->nodes_[index_].type;
}

const std::string& YamlNode::Scalar() const {
  if (index_ >= kNull) return kEmpty;
  const auto& item = document_->nodes_[index_];
  return item.type == YamlType::Scalar ? item.text : kEmpty;
}

const std::string& YamlNode::Tag() const { return index_ >= kNull ? kEmpty : document_->nodes_[index_].tag; }

YAML::Mark YamlNode::Mark() const {
  return index_ >= kNull ? YAML::Mark::null_mark() : document_->nodes_[index_].mark;
}

std::size_t YamlNode::size() const {
  if (index_ >= kNull) return 0;
  const auto& item = document_->nodes_[index_];
  if (item.type == YamlType::Sequence) return item.children.size();
  if (item.type == YamlType::Map) return item.children.size() / 2;
  return 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (IsMap()) {
    const auto& children = document_->nodes_[index_].children;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      const auto& k = document_->nodes_[children[i]];
      if (k.type == YamlType::Scalar && k.text == key) return YamlNode(document_, children[i + 1]);
    }
  }
  return YamlNode(document_, kUndefined);
}

YamlIterator YamlNode::begin() const {
  if (!IsMap() && !IsSequence()) return YamlIterator(document_, nullptr, false);
  const auto& children = document_->nodes_[index_].children;
  return YamlIterator(document_, children.data(), IsMap());
}

YamlIterator YamlNode::end() const {
  if (!IsMap() && !IsSequence()) return YamlIterator(document_, nullptr, false);
  const auto& children = document_->nodes_[index_].children;
  const std::size_t count = IsMap() ? children.size() / 2 * 2 : children.size();  // whole pairs only
  return YamlIterator(document_, children.data() + count, IsMap());
}

YamlEntry YamlIterator::operator*() const {
  YamlEntry entry;
  if (map_) {
    entry.first = YamlNode(document_, at_[0]);
    entry.second = YamlNode(document_, at_[1]);
  } else {
    static_cast<YamlNode&>(entry) = YamlNode(document_, at_[0]);
  }
  return entry;
}

YamlDocument parse_yaml(std::string_view text) {
  TextBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  YamlDocument document;
  YamlTreeBuilder builder(document);
  parser.HandleNextDocument(builder);
  return document;
}

}  // namespace patsel::compile::detail
