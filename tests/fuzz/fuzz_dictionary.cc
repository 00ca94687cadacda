// (e) A dictionary loaded from arbitrary bytes, then used. Loading must
// refuse a bad image with an error; an image that loads must then work:
// segmentation (alone and as the user words beside the real dictionary)
// keeps the lossless round trip, lookups and the key listing end.
//
// The harness writes the true size and checksum into the header first, so
// that mutations reach the checks behind them instead of all failing the
// checksum. Seal() must compute what DictionaryImage::Attach checks
// (lib/src/dictionary_image.cc): change both together.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "dictionary_format.h"
#include "dictionary_image.h"
#include "fuzz_util.h"
#include "vnseg/convert.h"
#include "vnseg/segmenter.h"

namespace {

void Seal(std::string* image) {
  using vnseg::FileHeader;
  if (image->size() < sizeof(FileHeader)) return;
  FileHeader h;
  std::memcpy(&h, image->data(), sizeof h);
  h.file_size = image->size();
  std::memcpy(image->data(), &h, sizeof h);
  // The checksum covers the whole image, header included (its own field read as 0).
  h.checksum = vnseg::FileChecksum(image->data(), image->size());
  std::memcpy(image->data(), &h, sizeof h);
}

// Words and text of the seed dictionaries (tests/fuzz/corpus/dictionary/).
constexpr std::string_view kText =
    "Tổng thống Mỹ nói hoà bình ở Lạng Sơn là ưu tiên. Học sinh học bài, "
    "ông Aliyev đến Hà Nội ngày 2/9 (lúc 9h30) qua https://vnexpress.net\n"
    "THỦY ĐIỆN hòa bình __init__ a_b khoẻ\r\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  std::string image(reinterpret_cast<const char*>(data), size);
  Seal(&image);
  auto dictionary = DictionaryImage::FromBytes(image);
  if (!dictionary.ok()) return 0;
  const DictionaryImage& dict = **dictionary;
  // The same image as user words.
  auto as_user_words = DictionaryImage::FromBytes(std::move(image));
  fuzz::Check(as_user_words.ok(), "an image loads once but not twice");
  const UserWordsImage user_words(*std::move(as_user_words));

  for (const UserWords* user : {static_cast<const UserWords*>(nullptr),
                                static_cast<const UserWords*>(&user_words)}) {
    Segmenter segmenter(user ? &fuzz::RealDictionary() : &dict, user);
    std::string segmented, joined, tokens;
    SegmentText(segmenter, kText, {}, &segmented);
    JoinText(segmented, {}, &joined);
    fuzz::Check(joined == kText, "round trip broken with a loaded dictionary");
    SegmentOptions tokenize;
    tokenize.tokenize = true;
    SegmentText(segmenter, kText, tokenize, &tokens);
  }
  uint32_t flags;
  for (std::string_view word : {"hoà bình", "Tổng_thống", "học sinh", "a"}) dict.Lookup(word, &flags);
  // A hostile image may store keys that are not canonical, so a listed key
  // need not be found again: only that listing ends is checked.
  for (const std::string& key : dict.AllKeys()) dict.Lookup(key, &flags);
  return 0;
}
