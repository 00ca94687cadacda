// A C++ program using the installed vnseg through its C++ API: a
// dictionary, user words beside it, a segmenter, and a word lookup.
#include <cstdint>
#include <iostream>
#include <string>

#include "vnseg/convert.h"
#include "vnseg/dictionary.h"
#include "vnseg/segmenter.h"
#include "vnseg/word_list.h"

int main(int argc, char** argv) {
  auto dictionary = vnseg::Dictionary::Open(vnseg::DefaultDictionaryPath());
  if (!dictionary.ok()) {
    std::cerr << "consumer_cpp: " << dictionary.status().message() << "\n";
    return 1;
  }
  auto user_words = vnseg::CompileUserWords("zip zap\n", "consumer");
  if (!user_words.ok()) {
    std::cerr << "consumer_cpp: " << user_words.status().message() << "\n";
    return 1;
  }
  vnseg::Segmenter segmenter(dictionary->get(), user_words->get());
  std::string out;
  vnseg::SegmentText(segmenter, argc > 1 ? argv[1] : "Tổng thống Mỹ nói hoà bình.", {}, &out);
  std::cout << out << "\n";
  out.clear();
  vnseg::SegmentText(segmenter, "nói zip zap", {}, &out);
  uint32_t flags = 0;
  const bool found = (*dictionary)->Lookup("HOÀ_BÌNH", &flags);
  std::cout << "user words: " << out << "; hoà bình "
            << (found && (flags & vnseg::kFromBaseList) ? "is a base-list word" : "is missing")
            << "\n";
  return 0;
}
