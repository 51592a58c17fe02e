#include "page_cache.hpp"

#include "patsel/compile/build.hpp"
#include "source_tree.hpp"

namespace patsel::compile::detail {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The format's name and version: a change to the frame or to what a frame
// holds gets a new number, so an older cache is ignored, not misread.
constexpr std::string_view kMagic = "patsel page cache 1\n";

void put_number(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

// Reads a little-endian u64 at `at`, moving past it; false past the end.
bool take_number(std::string_view bytes, std::size_t& at, std::uint64_t& value) {
  if (bytes.size() - at < 8) return false;
  value = 0;
  for (int i = 0; i < 8; ++i) value |= std::uint64_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
  at += 8;
  return true;
}

bool take_text(std::string_view bytes, std::size_t& at, std::string_view& text) {
  std::uint64_t size = 0;
  if (!take_number(bytes, at, size) || size > bytes.size() - at) return false;
  text = bytes.substr(at, size);
  at += size;
  return true;
}

json encode(const CachedPage& page) {
  json diagnostics = json::array();
  for (const Diagnostic& d : page.report.items())
    diagnostics.push_back({d.severity == Severity::error ? 0 : 1, d.rule, d.file, d.line, d.column, d.message});
  json links = json::array();
  for (const BodyLink& link : page.outcome.body_links) links.push_back({link.target, link.line, link.relation, link.note});
  return {{"record", page.outcome.record ? *page.outcome.record : json()},
          {"skipped", page.outcome.skipped},
          {"lines", page.outcome.lines},
          {"body_links", std::move(links)},
          {"diagnostics", std::move(diagnostics)}};
}

// Nothing unless `body` has exactly the shape `encode` writes.
std::optional<CachedPage> decode(std::string_view body) {
  json value = json::from_cbor(body.begin(), body.end(), true, false);
  if (!value.is_object()) return std::nullopt;
  const auto record = value.find("record");
  const auto skipped = value.find("skipped");
  const auto lines = value.find("lines");
  const auto links = value.find("body_links");
  const auto diagnostics = value.find("diagnostics");
  if (record == value.end() || !(record->is_null() || record->is_object()) || skipped == value.end() ||
      !skipped->is_string() || lines == value.end() || !lines->is_object() || links == value.end() ||
      !links->is_array() || diagnostics == value.end() || !diagnostics->is_array())
    return std::nullopt;
  CachedPage page;
  for (const json& l : *links) {
    if (!l.is_array() || l.size() != 4 || !l[0].is_string() || !l[1].is_number_integer() || !l[2].is_string() ||
        !l[3].is_string())
      return std::nullopt;
    page.outcome.body_links.push_back({l[0].get<std::string>(), l[1].get<int>(), l[2].get<std::string>(),
                                       l[3].get<std::string>()});
  }
  for (const json& d : *diagnostics) {
    if (!d.is_array() || d.size() != 6 || !d[0].is_number_unsigned() || d[0].get<unsigned>() > 1 ||
        !d[1].is_string() || !d[2].is_string() || !d[3].is_number_integer() || !d[4].is_number_integer() ||
        !d[5].is_string())
      return std::nullopt;
    page.report.add({d[0].get<unsigned>() == 0 ? Severity::error : Severity::warning, d[1].get<std::string>(),
                     d[2].get<std::string>(), d[3].get<int>(), d[4].get<int>(), d[5].get<std::string>()});
  }
  if (record->is_object()) page.outcome.record = std::move(*record);
  page.outcome.skipped = skipped->get<std::string>();
  page.outcome.lines = std::move(*lines);
  return page;
}

}  // namespace

std::string executable_identity() {
  auto read = read_source("/proc/self/exe", std::size_t{1} << 30);
  if (!read) return "";
  const std::string bytes = std::move(read).value();
  if (bytes.empty()) return "";
  return hex64(fnv1a(bytes));
}

PageCache PageCache::load(const fs::path& file, std::string identity) {
  PageCache cache;
  cache.identity_ = std::move(identity);
  cache.file_ = MappedFile::open(file);
  if (!cache.file_) return cache;
  const std::string_view bytes = cache.file_->bytes();
  const std::string header = std::string(kMagic) + cache.identity_ + "\n";
  if (bytes.substr(0, header.size()) != header) return cache;
  // Frames up to the first that does not read whole: a cut file keeps
  // the pages before the cut.
  for (std::size_t at = header.size(); at < bytes.size();) {
    const std::size_t start = at;
    std::string_view path, body;
    Stored stored;
    if (!take_text(bytes, at, path) || !take_number(bytes, at, stored.size) || !take_number(bytes, at, stored.hash) ||
        !take_text(bytes, at, body))
      break;
    stored.body = body;
    stored.whole = bytes.substr(start, at - start);
    cache.frames_[path] = stored;
  }
  return cache;
}

std::optional<CachedPage> PageCache::find(const std::string& key, std::string_view text) const {
  const auto it = frames_.find(key);
  if (it == frames_.end() || it->second.size != text.size() || it->second.hash != fnv1a(text)) return std::nullopt;
  return decode(it->second.body);
}

std::string_view PageCache::stored_frame(const std::string& key) const {
  const auto it = frames_.find(key);
  return it == frames_.end() ? std::string_view() : it->second.whole;
}

std::string PageCache::frame(const std::string& key, std::string_view text, const CachedPage& page) {
  const std::vector<std::uint8_t> body = json::to_cbor(encode(page));
  std::string out;
  out.reserve(key.size() + body.size() + 32);
  put_number(out, key.size());
  out += key;
  put_number(out, text.size());
  put_number(out, fnv1a(text));
  put_number(out, body.size());
  out.append(reinterpret_cast<const char*>(body.data()), body.size());
  return out;
}

std::optional<Error> PageCache::save(const fs::path& file, const std::vector<std::string_view>& frames) const {
  return write_file_atomically(file, [&](const TextSink& sink) {
    sink(kMagic);
    sink(identity_);
    sink("\n");
    for (std::string_view frame : frames) sink(frame);
  });
}

}  // namespace patsel::compile::detail
