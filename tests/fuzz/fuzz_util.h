// Shared by the libFuzzer harnesses: the real dictionary, loaded once per
// process, and a check that aborts (so that libFuzzer saves the input) with
// a message saying which property broke.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "vnseg/dictionary.h"
#include "vnseg/utf8.h"

namespace vnseg::fuzz {

// Aborts with `what` unless `ok`. Not assert(): harnesses check in release
// builds too.
inline void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "vnseg fuzz: property violated: %s\n", what);
  std::abort();
}

inline bool IsValidUtf8(std::string_view text) { return ValidateUtf8(text).ok(); }

// The compiled dictionary of the build tree ($VNSEG_FUZZ_DICT overrides the
// path compiled in), loaded on first use and kept for the whole process.
inline const Dictionary& RealDictionary() {
  static const Dictionary* dictionary = [] {
    const char* env = std::getenv("VNSEG_FUZZ_DICT");
    std::string path = env != nullptr && *env != '\0' ? env : VNSEG_FUZZ_DICT;
    auto opened = Dictionary::Open(path);
    if (!opened.ok()) {
      std::fprintf(stderr, "vnseg fuzz: cannot load the dictionary (set VNSEG_FUZZ_DICT): %s\n",
                   std::string(opened.status().message()).c_str());
      std::exit(2);
    }
    return opened->release();  // kept until exit: the fuzzer never returns
  }();
  return *dictionary;
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

}  // namespace vnseg::fuzz
