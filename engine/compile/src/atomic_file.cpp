// Files replaced whole or not at all: written to `path.tmp`, flushed to
// disk, then renamed over `path`.

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "patsel/compile/build.hpp"

#if __has_include(<unistd.h>)
#include <fcntl.h>
#include <unistd.h>
#define PATSEL_POSIX_IO 1
#else
#define PATSEL_POSIX_IO 0
#endif

namespace patsel::compile {
namespace {

namespace fs = std::filesystem;

// Pieces are gathered up to this size before each write call.
constexpr std::size_t kWriteBlock = std::size_t{1} << 20;

#if PATSEL_POSIX_IO
// POSIX calls rather than a stream, to fsync: without it a power cut soon
// after the rename can leave an empty catalog.json on some file systems.
class TemporaryFile {
 public:
  explicit TemporaryFile(const fs::path& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {
    if (fd_ < 0) problem_ = std::string("cannot open for writing: ") + std::strerror(errno);
  }
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  void write(std::string_view bytes) {
    while (problem_.empty() && !bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) problem_ = std::string("write failed: ") + std::strerror(errno);
      else bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  // Flushes to disk and closes; the problem, if any, stays in problem().
  void finish() {
    if (problem_.empty() && ::fsync(fd_) != 0) problem_ = std::string("write failed: ") + std::strerror(errno);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (problem_.empty() && closed != 0) problem_ = std::string("write failed: ") + std::strerror(errno);
  }
  const std::string& problem() const { return problem_; }

 private:
  int fd_;
  std::string problem_;
};
#else
class TemporaryFile {
 public:
  explicit TemporaryFile(const fs::path& path) : out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) problem_ = "cannot open for writing";
  }
  void write(std::string_view bytes) {
    if (problem_.empty() && !out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
      problem_ = "write failed";
  }
  void finish() {
    if (problem_.empty() && !out_.flush()) problem_ = "write failed";
    out_.close();
  }
  const std::string& problem() const { return problem_; }

 private:
  std::ofstream out_;
  std::string problem_;
};
#endif

}  // namespace

std::optional<Error> write_file_atomically(const fs::path& path, const std::function<void(const TextSink&)>& produce) {
  fs::path temporary = path;
  temporary += ".tmp";
  std::error_code ignored;
  std::optional<Error> error;
  {
    TemporaryFile file(temporary);
    if (!file.problem().empty()) return Error{"io.write_failed", temporary.generic_string() + ": " + file.problem()};
    std::string block;
    block.reserve(kWriteBlock);
    try {
      produce([&](std::string_view piece) {
        if (block.size() + piece.size() > kWriteBlock) {
          file.write(block);
          block.clear();
        }
        if (piece.size() >= kWriteBlock) file.write(piece);
        else block.append(piece);
      });
    } catch (...) {
      file.finish();
      fs::remove(temporary, ignored);
      throw;
    }
    file.write(block);
    file.finish();
    if (!file.problem().empty()) error = Error{"io.write_failed", temporary.generic_string() + ": " + file.problem()};
  }
  if (error) {
    fs::remove(temporary, ignored);
    return error;
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    const std::string why = ec.message();  // before remove() reuses `ec`
    fs::remove(temporary, ec);
    return Error{"io.write_failed", path.generic_string() + ": cannot replace: " + why};
  }
  return std::nullopt;
}

std::optional<Error> write_file_atomically(const fs::path& path, const std::string& contents) {
  return write_file_atomically(path, [&](const TextSink& sink) { sink(contents); });
}

}  // namespace patsel::compile
