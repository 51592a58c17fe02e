#pragma once
// A YAML document as the compiler reads it: yaml-cpp's parser fills one
// flat array of nodes, and a YamlNode is a handle into it. yaml-cpp's own
// node graph (YAML::Load) gives every node a shared pointer and a place in
// a set, which cost the compiler as much as parsing itself; the documents
// here are read once and never changed, so a plain array does.
//
// YamlNode answers the questions the compiler asks with yaml-cpp's names
// (IsMap, Scalar, Tag, Mark, iteration over pairs or items), and with its
// meaning: an alias is the node it names (so `&a [*a]` is a loop, which the
// budget walks stop at), a mapping keeps repeated keys in file order, and
// looking up a missing key gives a node that is not defined.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace patsel::compile::detail {

enum class YamlType { Undefined, Null, Scalar, Sequence, Map };

class YamlDocument;
struct YamlEntry;
class YamlIterator;

class YamlNode {
 public:
  /// A null node, as yaml-cpp's YAML::Node(): defined, and at no place.
  YamlNode() = default;

  YamlType Type() const;
  bool IsDefined() const { return Type() != YamlType::Undefined; }
  bool IsNull() const { return Type() == YamlType::Null; }
  bool IsScalar() const { return Type() == YamlType::Scalar; }
  bool IsSequence() const { return Type() == YamlType::Sequence; }
  bool IsMap() const { return Type() == YamlType::Map; }
  explicit operator bool() const { return IsDefined(); }

  /// The text of a scalar; "" for any other node.
  const std::string& Scalar() const;
  /// "?" for a plain scalar, "!" for a quoted one, else the explicit tag.
  const std::string& Tag() const;
  /// Where the node starts; the null mark for a node at no place.
  YAML::Mark Mark() const;
  /// Items of a sequence, pairs of a mapping; 0 for anything else.
  std::size_t size() const;
  /// The value of the first pair whose key is the scalar `key`; a node
  /// that is not defined when there is none (or this is not a mapping).
  YamlNode operator[](std::string_view key) const;

  YamlIterator begin() const;
  YamlIterator end() const;

 private:
  friend class YamlDocument;
  friend class YamlIterator;
  static constexpr std::uint32_t kNull = 0xFFFFFFFEu;       // no node: null
  static constexpr std::uint32_t kUndefined = 0xFFFFFFFFu;  // no node: not defined
  YamlNode(const YamlDocument* document, std::uint32_t index) : document_(document), index_(index) {}

  const YamlDocument* document_ = nullptr;
  std::uint32_t index_ = kNull;
};

/// What iteration gives: the item itself for a sequence (the entry is that
/// node), the key and value for a mapping (`first`, `second`).
struct YamlEntry : YamlNode {
  YamlNode first;
  YamlNode second;
};

class YamlIterator {
 public:
  YamlEntry operator*() const;
  YamlIterator& operator++() {
    at_ += map_ ? 2 : 1;
    return *this;
  }
  bool operator!=(const YamlIterator& other) const { return at_ != other.at_; }
  bool operator==(const YamlIterator& other) const { return at_ == other.at_; }

 private:
  friend class YamlNode;
  YamlIterator(const YamlDocument* document, const std::uint32_t* at, bool map)
      : document_(document), at_(at), map_(map) {}
  const YamlDocument* document_ = nullptr;
  const std::uint32_t* at_ = nullptr;
  bool map_ = false;
};

/// The nodes of one document. Handles point at the document: it must
/// outlive them and stay where it is while they are used.
class YamlDocument {
 public:
  /// The document's root; a null node for an empty document.
  YamlNode root() const { return nodes_.empty() ? YamlNode() : YamlNode(this, root_); }

 private:
  friend class YamlNode;
  friend class YamlIterator;
  friend class YamlTreeBuilder;
  struct Item {
    YamlType type = YamlType::Null;
    YAML::Mark mark;
    std::string text;                     ///< a scalar's value
    std::string tag;
    std::vector<std::uint32_t> children;  ///< items; or key, value, key, value ...
  };
  std::vector<Item> nodes_;
  std::uint32_t root_ = 0;
};

/// Parses the first document of `text` with yaml-cpp's parser. Throws what
/// YAML::Load throws for the same text (YAML::ParserException,
/// YAML::DeepRecursion), so callers report it in the same words.
YamlDocument parse_yaml(std::string_view text);

}  // namespace patsel::compile::detail
