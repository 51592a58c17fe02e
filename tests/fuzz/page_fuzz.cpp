// Fuzz target: any bytes as one Markdown page, through the whole page
// compiler (front matter split, YAML parse with aliases and anchors, field
// normalization, excerpt). Crashes, hangs, sanitizer reports and exceptions
// escaping compile_page are findings; so is a record or a diagnostic that is
// not valid UTF-8 (the strict dumps below throw, and so abort, on one).

#include <cstddef>
#include <cstdint>
#include <string>

#include "patsel/compile/page.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace patsel::compile;
  const PageInput page{"fuzz/patterns/page.md", "patterns/page.md",
                       std::string(reinterpret_cast<const char*>(data), size)};
  Report report;
  PageOutcome outcome = compile_page(page, report);
  if (outcome.record) (void)outcome.record->dump();
  (void)outcome.lines.dump();
  (void)report.to_json().dump();
  return 0;
}
