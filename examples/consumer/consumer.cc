// A C++ program using the installed vnseg through its C++ API.
#include <iostream>
#include <string>

#include "vnseg/convert.h"
#include "vnseg/dictionary.h"

int main(int argc, char** argv) {
  auto dictionary = vnseg::Dictionary::Open(vnseg::DefaultDictionaryPath());
  if (!dictionary.ok()) {
    std::cerr << "consumer_cpp: " << dictionary.status().message() << "\n";
    return 1;
  }
  vnseg::Segmenter segmenter(dictionary->get());
  std::string out;
  vnseg::SegmentText(segmenter, argc > 1 ? argv[1] : "Tổng thống Mỹ nói hoà bình.", {}, &out);
  std::cout << out << "\n";
  return 0;
}
