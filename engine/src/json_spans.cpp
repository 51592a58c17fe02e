#include "json_spans.hpp"

#include <cstring>

namespace patsel::detail {

const char* closing_quote(const char* open, const char* end) {
  for (const char* from = open + 1; from < end;) {
    const auto* quote = static_cast<const char*>(std::memchr(from, '"', static_cast<std::size_t>(end - from)));
    if (!quote) return end;
    const char* run = quote;
    while (run - 1 > open && run[-1] == '\\') --run;
    if ((quote - run) % 2 == 0) return quote;
    from = quote + 1;
  }
  return end;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

struct Cursor {
  const char* at;
  const char* end;

  void skip_space() {
    while (at < end && is_space(*at)) ++at;
  }
  bool take(char c) {
    skip_space();
    if (at == end || *at != c) return false;
    ++at;
    return true;
  }
};

// Moves past one value; false when it is cut short. Brackets are only
// counted: a mismatched pair is left to the parser of the value.
bool skip_value(Cursor& c) {
  c.skip_space();
  if (c.at == c.end) return false;
  if (*c.at == '"') {
    c.at = closing_quote(c.at, c.end);
    if (c.at == c.end) return false;
    ++c.at;
    return true;
  }
  if (*c.at == '{' || *c.at == '[') {
    int depth = 0;
    for (; c.at < c.end; ++c.at) {
      switch (*c.at) {
        case '"':
          c.at = closing_quote(c.at, c.end);
          if (c.at == c.end) return false;
          break;
        case '{':
        case '[': ++depth; break;
        case '}':
        case ']':
          if (--depth == 0) {
            ++c.at;
            return true;
          }
          break;
        default: break;
      }
    }
    return false;
  }
  const char* start = c.at;  // a number, true, false or null
  while (c.at < c.end && !is_space(*c.at) && *c.at != ',' && *c.at != '}' && *c.at != ']') ++c.at;
  return c.at > start;
}

// Walks the container that is the whole text, calling `item(cursor)` for
// each entry; `item` reads one entry and returns false when it is broken.
template <typename Item>
bool each_entry(std::string_view text, char open, char close, Item item) {
  Cursor c{text.data(), text.data() + text.size()};
  if (!c.take(open)) return false;
  c.skip_space();
  if (c.at < c.end && *c.at == close) {
    ++c.at;
  } else {
    do {
      if (!item(c)) return false;
    } while (c.take(','));
    if (!c.take(close)) return false;
  }
  c.skip_space();
  return c.at == c.end;
}

std::string_view from_to(const char* begin, const char* end) {
  return {begin, static_cast<std::size_t>(end - begin)};
}

}  // namespace

std::optional<std::vector<MemberSpan>> object_members(std::string_view text) {
  std::vector<MemberSpan> members;
  const bool ok = each_entry(text, '{', '}', [&](Cursor& c) {
    c.skip_space();
    if (c.at == c.end || *c.at != '"') return false;
    const char* quote = closing_quote(c.at, c.end);
    if (quote == c.end) return false;
    const std::string_view key = from_to(c.at + 1, quote);
    c.at = quote + 1;
    if (!c.take(':')) return false;
    c.skip_space();
    const char* start = c.at;
    if (!skip_value(c)) return false;
    members.push_back({key, from_to(start, c.at)});
    return true;
  });
  if (!ok) return std::nullopt;
  return members;
}

std::optional<std::vector<std::string_view>> array_elements(std::string_view text) {
  std::vector<std::string_view> elements;
  const bool ok = each_entry(text, '[', ']', [&](Cursor& c) {
    c.skip_space();
    const char* start = c.at;
    if (!skip_value(c)) return false;
    elements.push_back(from_to(start, c.at));
    return true;
  });
  if (!ok) return std::nullopt;
  return elements;
}

}  // namespace patsel::detail
