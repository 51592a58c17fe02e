// patsel-synth: writes a synthetic catalog.json for scale tests and
// benchmarks.
//
//   patsel-synth --patterns 50000 [--seed 1] [-o catalog.json]

#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "synthetic_catalog.hpp"

namespace {

constexpr const char* kUsage =
    "usage: patsel-synth --patterns N [--seed S] [-o FILE]\n"
    "  Writes a synthetic catalog of N patterns (realistic field sizes, seeded\n"
    "  and reproducible) to FILE, or to standard output.\n";

bool number(const char* text, unsigned long long& out) {
  const char* end = text + std::strlen(text);
  auto [ptr, ec] = std::from_chars(text, end, out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

int main(int argc, char** argv) {
  patsel::synth::Options options;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    unsigned long long value = 0;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) {
      std::cerr << "patsel-synth: " << arg << " needs a value\n" << kUsage;
      return 2;
    }
    const char* next = argv[++i];
    if (arg == "--patterns" && number(next, value)) {
      options.patterns = static_cast<std::size_t>(value);
    } else if (arg == "--seed" && number(next, value)) {
      options.seed = value;
    } else if (arg == "-o" || arg == "--output") {
      output = next;
    } else {
      std::cerr << "patsel-synth: bad argument " << arg << " " << next << "\n" << kUsage;
      return 2;
    }
  }
  const std::string text = patsel::synth::catalog_json(options);
  if (output.empty()) {
    std::cout << text << "\n";
    return 0;
  }
  std::ofstream out(output, std::ios::binary);
  out << text << "\n";
  if (!out) {
    std::cerr << "patsel-synth: cannot write " << output << "\n";
    return 1;
  }
  std::cerr << "wrote " << options.patterns << " patterns (seed " << options.seed << ") to " << output << "\n";
  return 0;
}
