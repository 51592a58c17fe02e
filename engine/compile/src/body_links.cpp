#include "body_links.hpp"

#include <algorithm>
#include <cctype>

#include "text_util.hpp"

namespace patsel::compile::detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The words that name each relation, strongest first: a row that says
// "prerequisite" is not a mere complement because its table is.
struct Cue {
  const char* relation;
  std::vector<const char*> words;
};

const std::vector<Cue>& cues() {
  static const std::vector<Cue> table = {
      // The other way round ("Required by"): a page says what it needs,
      // not what needs it, so these stay plain relations.
      {"related", {"required by", "needed by", "used by", "depended on by", "enhanced by", "extended by"}},
      {"conflicts-with",
       {"anti-pattern", "antipattern", "anti pattern", "conflict", "incompatible", "avoid combining",
        "do not combine", "don't combine", "never combine"}},
      {"requires", {"prerequisite", "requires", "required", "depends on", "builds on", "foundation"}},
      {"replaced-by", {"evolved into", "evolves into", "superseded by", "replaced by", "successor", "modern replacement"}},
      {"evolves-from", {"evolved from", "evolves from", "evolution of", "predecessor", "grew out of"}},
      {"replaces", {"replaces", "supersedes", "replacement for"}},
      {"alternative", {"alternative", "instead of", "different approach", "competing"}},
      {"part-of", {"part of", "component of", "building block of"}},
      {"enhances", {"enhances", "enhancement", "extends", "extension of"}},
      {"complements",
       {"complement", "work well together", "works well with", "together", "pairs with", "pairs well",
        "combine", "synerg"}},
  };
  return table;
}

struct Link {
  std::size_t begin = 0, end = 0;  // the whole `[text](target)` in the line
  std::string text, target;
};

// Inline links of one line; images (`![...](...)`) are left out. A link's
// text holds no brackets, so each character is looked at a bounded number
// of times however the brackets of a hostile line are arranged.
std::vector<Link> links_in(std::string_view line) {
  std::vector<Link> out;
  std::size_t i = line.find('[');
  while (i != std::string_view::npos) {
    const std::size_t close = line.find(']', i + 1);
    if (close == std::string_view::npos) break;
    // The '[' nearest the ']' opens the text; earlier ones are plain text.
    const std::size_t open = line.rfind('[', close);
    if (close + 1 < line.size() && line[close + 1] == '(') {
      const std::size_t paren = line.find(')', close + 2);
      if (paren == std::string_view::npos) break;  // no link can end on this line
      std::string_view target = trim(line.substr(close + 2, paren - close - 2));
      if (auto space = target.find_first_of(" \t"); space != std::string_view::npos) target = target.substr(0, space);
      if (target.size() >= 2 && target.front() == '<' && target.back() == '>') target = target.substr(1, target.size() - 2);
      const bool image = open > 0 && line[open - 1] == '!';
      if (!image) out.push_back({open, paren + 1, std::string(line.substr(open + 1, close - open - 1)), std::string(target)});
      i = line.find('[', paren + 1);
    } else {
      i = line.find('[', close + 1);
    }
  }
  return out;
}

// A link to a page of the site: a `.md` file or a folder, not a web
// address, a bare anchor or another kind of file.
bool page_target(const std::string& target) {
  if (target.empty() || target[0] == '#') return false;
  if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0) return false;
  std::string path = target.substr(0, target.find_first_of("#?"));
  if (path.empty()) return false;
  if (path.back() == '/') return true;
  const std::string last = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  const auto dot = last.rfind('.');
  return dot == std::string::npos || lower(last.substr(dot)) == ".md";
}

// Plain text: emphasis and code marks gone, spaces collapsed.
std::string plain(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '*' || c == '`' || c == '_') continue;
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  return std::string(trim(out));
}

// Separators an author puts between a label and its explanation.
std::string_view strip_separators(std::string_view text) {
  for (bool again = true; again;) {
    again = false;
    text = trim(text);
    for (std::string_view sep : {"-", ":", "\xE2\x80\x94", "\xE2\x80\x93", "|", ",", "="}) {
      if (text.substr(0, sep.size()) == sep) {
        text.remove_prefix(sep.size());
        again = true;
      }
    }
  }
  return text;
}

// `line` from `from` to `to` with every link replaced by its text; `links`
// are those of the line in order, and `next` the first not yet passed.
std::string with_link_texts(std::string_view line, const std::vector<Link>& links, std::size_t& next,
                            std::size_t from, std::size_t to, std::string* without_links = nullptr) {
  std::string out;
  std::size_t at = from;
  while (next < links.size() && links[next].begin < from) ++next;
  for (; next < links.size() && links[next].end <= to; ++next) {
    const Link& l = links[next];
    out.append(line.substr(at, l.begin - at));
    if (without_links) without_links->append(line.substr(at, l.begin - at));
    out += l.text;
    at = l.end;
  }
  out.append(line.substr(at, to - at));
  if (without_links) without_links->append(line.substr(at, to - at));
  return out;
}

// The row's text on the relationship, and its first clause (where a row
// says what kind of relation it is: "Essential prerequisite - ...").
struct RowText {
  std::string note;
  std::string label;
};

std::string first_clause(const std::string& text) {
  std::size_t cut = text.size();
  for (std::string_view sep : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", ": ", ". ", "; ", ", "})
    cut = std::min(cut, text.find(sep));
  return text.substr(0, cut);
}

RowText table_row(std::string_view line, const std::vector<Link>& links) {
  RowText row;
  std::vector<std::string> cells;
  std::size_t next = 0;       // the first link not before the cell's end
  std::size_t cell_next = 0;  // the first link of the cell
  std::size_t start = line.front() == '|' ? 1 : 0;
  while (start <= line.size()) {
    std::size_t bar = start;
    // A '|' inside a link's text or target is not a cell's end.
    while (bar < line.size()) {
      while (next < links.size() && links[next].end <= bar) ++next;
      if (next < links.size() && links[next].begin <= bar) {
        bar = links[next].end;
        continue;
      }
      if (line[bar] == '|' && (bar == 0 || line[bar - 1] != '\\')) break;
      ++bar;
    }
    std::string rest;
    std::string cell = plain(with_link_texts(line, links, cell_next, start, bar, &rest));
    // A cell that is only links names the patterns, not the relation.
    if (!plain(std::string(strip_separators(plain(rest)))).empty()) cells.push_back(cell);
    if (bar >= line.size()) break;
    start = bar + 1;
  }
  for (const std::string& cell : cells) row.note += (row.note.empty() ? "" : "; ") + cell;
  if (!cells.empty()) row.label = first_clause(cells.front());
  return row;
}

RowText list_item(std::string_view line, const std::vector<Link>& links) {
  // The item's own words: a leading link (its label) is dropped, later
  // links keep their text.
  std::size_t start = 0;
  std::string_view head = line;
  while (!head.empty() && (head.front() == '*' || head.front() == '_' || head.front() == ' ')) {
    head.remove_prefix(1);
    ++start;
  }
  if (!links.empty() && links.front().begin == start) start = links.front().end;
  std::size_t next = 0;
  RowText row;
  row.note = plain(std::string(strip_separators(plain(with_link_texts(line, links, next, start, line.size())))));
  row.label = first_clause(row.note);
  return row;
}

bool fence(std::string_view line) { return line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~"; }

// "### Complementary Patterns" -> {3, "Complementary Patterns"}; {0, ""} for other lines.
std::pair<int, std::string_view> heading(std::string_view line) {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  if (indent > 3) return {0, {}};
  line.remove_prefix(indent);
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[static_cast<std::size_t>(level)] == '#') ++level;
  if (level == 0 || level > 6 || (static_cast<std::size_t>(level) < line.size() && line[static_cast<std::size_t>(level)] != ' '))
    return {0, {}};
  std::string_view text = trim(line.substr(static_cast<std::size_t>(level)));
  while (!text.empty() && text.back() == '#') text.remove_suffix(1);
  return {level, trim(text)};
}

bool related_heading(std::string_view text) {
  const std::string words = lower(text);
  return words.find("related") != std::string::npos || words.find("see also") != std::string::npos;
}

// A line that is only bold text ("**Alternatives:**") acts as a sub-heading.
bool bold_label(std::string_view line, std::string& text) {
  if (line.size() < 5 || line.substr(0, 2) != "**") return false;
  std::string_view rest = line;
  while (!rest.empty() && (rest.back() == ':' || rest.back() == ' ')) rest.remove_suffix(1);
  if (rest.size() < 5 || rest.substr(rest.size() - 2) != "**") return false;
  text = std::string(rest.substr(2, rest.size() - 4));
  return text.find("**") == std::string::npos;
}

}  // namespace

std::string relation_in_words(std::string_view text) {
  const std::string words = lower(text);
  for (const Cue& cue : cues())
    for (const char* word : cue.words)
      if (words.find(word) != std::string::npos) return cue.relation;
  return {};
}

std::vector<BodyLink> related_links(const std::string& body, int body_line) {
  std::vector<BodyLink> out;
  int section_level = 0;         // the "Related" heading's level; 0 outside one
  std::string section_relation;  // what the current sub-heading says
  bool in_code = false;
  std::size_t start = 0;
  for (int number = body_line; start < body.size(); ++number) {
    const std::size_t end = std::min(body.find('\n', start), body.size());
    const std::string_view raw(body.data() + start, end - start);
    start = end + 1;
    const std::string_view line = trim(raw);
    if (fence(line)) {
      in_code = !in_code;
      continue;
    }
    if (in_code || line.empty()) continue;
    if (auto [level, text] = heading(raw); level > 0) {
      if (section_level && level <= section_level) section_level = 0;
      if (!section_level && related_heading(text)) {
        section_level = level;
        section_relation = relation_in_words(text);
      } else if (section_level) {
        section_relation = relation_in_words(text);
      }
      continue;
    }
    if (!section_level) continue;
    const std::vector<Link> links = links_in(line);
    std::string label;
    if (links.empty()) {
      if (bold_label(line, label)) section_relation = relation_in_words(label);
      continue;
    }
    const bool table = line.front() == '|';
    std::string_view item = line;
    if (!table) {  // the list marker, if any
      if (item.size() > 1 && (item[0] == '-' || item[0] == '*' || item[0] == '+') && item[1] == ' ') {
        item.remove_prefix(2);
      } else {
        std::size_t digits = 0;
        while (digits < item.size() && std::isdigit(static_cast<unsigned char>(item[digits]))) ++digits;
        if (digits && digits + 1 < item.size() && (item[digits] == '.' || item[digits] == ')') && item[digits + 1] == ' ')
          item.remove_prefix(digits + 2);
      }
      item = trim(item);
    }
    const std::vector<Link> item_links = table ? links : links_in(item);
    const RowText row = table ? table_row(item, item_links) : list_item(item, item_links);
    std::string relation = relation_in_words(row.label);
    if (relation.empty()) relation = section_relation;
    if (relation.empty()) relation = "related";
    const std::string note = truncate_utf8(row.note, 300);
    for (const Link& link : item_links)
      if (page_target(link.target)) out.push_back({link.target, number, relation, note});
  }
  return out;
}

}  // namespace patsel::compile::detail
