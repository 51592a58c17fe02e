#include "mapped_file.hpp"

#include <limits>

#include "source_tree.hpp"

#if __has_include(<sys/mman.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define PATSEL_MAP_FILES 1
#else
#define PATSEL_MAP_FILES 0
#endif

namespace patsel::compile::detail {

std::unique_ptr<MappedFile> MappedFile::open(const std::filesystem::path& file) {
  std::unique_ptr<MappedFile> out(new MappedFile());
#if PATSEL_MAP_FILES
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat status {};
  const bool regular = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
  if (regular && status.st_size > 0) {
    const auto size = static_cast<std::size_t>(status.st_size);
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping != MAP_FAILED) {
      out->mapping_ = mapping;
      out->bytes_ = std::string_view(static_cast<const char*>(mapping), size);
    }
  }
  ::close(fd);
  if (!regular) return nullptr;
  if (out->mapping_ || status.st_size == 0) return out;
#endif
  // Not mapped (another system, or a file the system would not map): read.
  auto text = read_source(file, std::numeric_limits<std::size_t>::max() / 2);
  if (!text) return nullptr;
  out->text_ = std::move(text).value();
  out->bytes_ = out->text_;
  return out;
}

MappedFile::~MappedFile() {
#if PATSEL_MAP_FILES
  if (mapping_) ::munmap(mapping_, bytes_.size());
#endif
}

}  // namespace patsel::compile::detail
