// (f) The word-list parser (word_list.h). Any bytes: a Status, never a
// crash. A list it accepts compiles into a dictionary that loads, and
// CompileUserWords agrees with AddWordList on whether the list is good.
#include <cstdint>
#include <string>
#include <string_view>

#include "dictionary_image.h"
#include "fuzz_util.h"
#include "vnseg/dictionary_builder.h"
#include "vnseg/word_list.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  std::string_view text = fuzz::AsText(data, size);
  DictionaryBuilder builder;
  absl::Status added = AddWordList(text, "fuzz.txt", kFromUserList, &builder);
  auto compiled = CompileUserWords(text, "fuzz.txt");
  fuzz::Check(added.ok() == compiled.ok(), "AddWordList and CompileUserWords disagree");
  if (!added.ok()) return 0;
  auto loaded = DictionaryImage::FromBytes(builder.Build("fuzz"));
  fuzz::Check(loaded.ok(), "a built dictionary does not load");
  fuzz::Check((*loaded)->info().word_count == builder.size(), "the dictionary lost words");
  for (const std::string& key : (*loaded)->AllKeys()) {
    fuzz::Check((*loaded)->Lookup(key, nullptr), "a listed key is not found");
  }
  return 0;
}
