// The checksum of dictionary_format.h, shared by the writer and the reader.
#include "dictionary_format.h"

#include <cstring>

namespace vnseg {

uint64_t FileChecksum(const char* data, size_t size) {
  FileHeader header;
  std::memcpy(&header, data, sizeof(header));
  header.checksum = 0;
  uint64_t h = 0xcbf29ce484222325ull ^ size;
  auto mix = [&h](const char* p, size_t n) {  // n % 8 == 0
    for (size_t i = 0; i < n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 0x100000001b3ull;
      h ^= h >> 29;
    }
  };
  mix(reinterpret_cast<const char*>(&header), sizeof(header));
  const size_t words = (size - sizeof(header)) / 8 * 8;
  mix(data + sizeof(header), words);
  for (size_t i = sizeof(header) + words; i < size; ++i) {
    h = (h ^ static_cast<unsigned char>(data[i])) * 0x100000001b3ull;
  }
  return h;
}

}  // namespace vnseg
