// On-disk layout of a compiled dictionary (.dic). Little-endian, used in
// place after mmap. Bump kFormatVersion on any change to these structs.
//
//   FileHeader                      magic, version, byte order, counts, sections
//   kSource        char[]           free-text description of the word lists
//   kHashSlots     uint32[slots]    open addressing: syllable id + 1, 0 = empty
//   kSyllableOffs  uint32[n + 1]    start of each syllable key in kSyllableBytes
//   kSyllableBytes char[]           canonical syllable keys, concatenated
//   kNodes         TrieNode[]       node 0 is the root; a word's node holds
//                                   its flags
//   kEdges         TrieEdge[]       each node's edges, sorted by syllable id
//   kModelSlots    model::Entry[]   learned n-gram weights, open addressing
//                                   (key 0 = empty); empty without a model
//   kModelDense    float[]          learned dense weights (model::kDenseSize)
//
// The checksum covers every byte of the file, the header's own checksum
// field read as 0 (FileChecksum). Format 3 and before left the header out,
// so a changed max_word_syllables, reserved field or source reference
// loaded silently. Format 4 had a kWords section of {frequency, flags} per
// word, which nothing but `dict lookup` read; format 5 keeps the flags in
// the nodes only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vnseg {

inline constexpr char kMagic[8] = {'V', 'N', 'S', 'E', 'G', 'D', 'I', 'C'};
inline constexpr uint32_t kFormatVersion = 6;
inline constexpr uint32_t kByteOrderMark = 0x01020304u;

enum Section : uint32_t {
  kSource,
  kHashSlots,
  kSyllableOffsets,
  kSyllableBytes,
  kNodes,
  kEdges,
  kModelSlots,
  kModelDense,
  kSectionCount
};

struct SectionRef {
  uint64_t offset;
  uint64_t size;
};

struct FileHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t byte_order;
  uint64_t file_size;
  uint64_t checksum;
  uint32_t word_count;  // nodes with is_word set
  uint32_t syllable_count;
  uint32_t node_count;
  uint32_t edge_count;
  uint32_t hash_slot_count;  // a power of two, more than syllable_count
  uint32_t max_word_syllables;
  uint32_t model_slot_count;   // 0 (no model) or a power of two, with empty slots
  uint32_t model_dense_count;  // 0 (no model) or model::kDenseSize
  uint32_t model_feature_version;  // model::kFeatureVersion of the model, 0 if none
  uint32_t reserved;               // 0
  SectionRef sections[kSectionCount];
};

struct TrieNode {
  uint32_t first_edge;
  uint32_t edge_count;
  uint32_t word_flags;  // WordFlags of the word ending here; 0 without one
  uint32_t is_word;     // 1 if a word ends here (its flags may be 0), else 0
};

struct TrieEdge {
  uint32_t syllable;
  uint32_t child;
};

static_assert(sizeof(FileHeader) == 200, "header layout changed: bump kFormatVersion");
static_assert(sizeof(FileHeader) % 8 == 0, "FileChecksum reads the header as 64-bit words");
static_assert(sizeof(TrieNode) == 16 && sizeof(TrieEdge) == 8,
              "record layout changed: bump kFormatVersion");

// FNV-1a of a syllable key: the hash table's hash, fixed by the format.
inline uint64_t KeyHash(std::string_view key) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// Checksum of a whole dictionary image of `size` >= sizeof(FileHeader)
// bytes: its 64-bit words mixed FNV-style, FileHeader::checksum taken as 0.
// A writer stores it there; a reader compares it with what is there.
uint64_t FileChecksum(const char* data, size_t size);

}  // namespace vnseg
