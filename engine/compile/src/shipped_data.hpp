#pragma once
// The shipped data/vocabulary.yaml and data/laws.yaml, built into the
// compiler (CMake writes them into shipped_data.cpp), so a site without
// its own files compiles against them wherever the compiler is run.

namespace patsel::compile::detail {

extern const char* const kShippedVocabulary;
extern const char* const kShippedLaws;

}  // namespace patsel::compile::detail
