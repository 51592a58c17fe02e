#pragma once
// A file's bytes for reading, mapped into memory where the system can map
// files, read into memory otherwise. Mapping spares copying a large file
// (a page cache of 20,000 pages is 150 MB) and most of the page faults of
// filling fresh memory with it.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace patsel::compile::detail {

class MappedFile {
 public:
  /// The bytes of `file`; nothing when it is not a regular file or cannot
  /// be read. The bytes must not change while they are used: the compiler
  /// replaces its files by renaming a new one into place, which leaves a
  /// mapping of the old one as it was.
  static std::unique_ptr<MappedFile> open(const std::filesystem::path& file);

  std::string_view bytes() const { return bytes_; }

  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

 private:
  MappedFile() = default;
  void* mapping_ = nullptr;  // when mapped: bytes_ views it
  std::string text_;         // when read: bytes_ views it
  std::string_view bytes_;
};

}  // namespace patsel::compile::detail
