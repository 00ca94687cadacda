#include "model.h"

#include <algorithm>
#include <limits>

#include "vnseg/dictionary.h"

namespace vnseg::model {
namespace {

constexpr uint32_t kListed = kFromBaseList | kFromNameList | kHeadword;

}  // namespace

uint64_t SyllableHash(std::string_view canonical_key) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : canonical_key) h = (h ^ c) * 0x100000001b3ull;
  return Mix64(h);
}

int ListedGapFeatures(const RunFeatures& features, size_t g, size_t* syllables, int* roles) {
  const uint8_t cover = features.cover[g];
  if (cover < 2) return 0;
  const int base = cover == 2 ? 0 : 2;
  syllables[0] = g;
  roles[0] = base;
  syllables[1] = g + 1;
  roles[1] = base + 1;
  return 2;
}

namespace {

// Shape class of each combination of SyllableShape bits, in normal text
// ([0]) and in a run written in capitals only ([1]): a table lookup, not a
// chain of tests (which mispredicts on text).
struct ShapeClassTable {
  uint8_t of[2][16];
  constexpr ShapeClassTable() : of() {
    for (int all_caps = 0; all_caps < 2; ++all_caps) {
      for (int s = 0; s < 16; ++s) {
        uint8_t c = 4;
        if (s & kHasDigit) c = 3;
        else if (all_caps || (s & kLowerInitial)) c = 0;
        else if (s & kAllUpper) c = 2;
        else if (s & kUpperInitial) c = 1;
        of[all_caps][s] = c;
      }
    }
  }
};
constexpr ShapeClassTable kShapeClassTable;

}  // namespace

void ShapeClasses(const Lattice& lattice, uint8_t* classes) {
  const size_t n = lattice.size();
  bool all_caps = n >= 2;
  for (size_t i = 0; i < n && all_caps; ++i) {
    all_caps = (lattice.shapes[i] & kUpperInitial) && !(lattice.shapes[i] & kHasDigit);
  }
  const uint8_t* table = kShapeClassTable.of[all_caps ? 1 : 0];
  for (size_t i = 0; i < n; ++i) classes[i] = table[lattice.shapes[i] & 15];
}

void ListedWordFacts(const Lattice& lattice, uint8_t* cover, uint8_t* ends, uint8_t* starts) {
  const size_t n = lattice.size();
  std::fill(cover, cover + n, 0);
  std::fill(ends, ends + n, 0);
  std::fill(starts, starts + n, 0);
  for (const LatticeEdge& e : lattice.edges) {
    if (e.length < 2 || !(e.flags & kListed)) continue;
    uint8_t len = static_cast<uint8_t>(std::min<uint32_t>(e.length, 7));
    for (uint32_t g = e.start; g + 1 < e.start + e.length; ++g) cover[g] = std::max(cover[g], len);
    starts[e.start] = 1;
    ends[e.start + e.length - 1] = 1;
  }
}

int WordDenseFeatures(uint32_t length, uint32_t flags, bool capitalised, int* out) {
  const int len = LengthClass(length);
  int n = 0;
  out[n++] = kWordLength + len;
  if (flags & kFromBaseList) out[n++] = kWordBase + len;
  if (flags & kFromNameList) out[n++] = kWordNames + len;
  if (flags & kProperName) out[n++] = kWordNameRun + len;
  if (length >= 2 && !(flags & (kListed | kProperName))) out[n++] = kWordUnlisted + len;
  if (length >= 2 && (flags & kListed)) {
    out[n++] = kWordLexicon + len * 4 + ((flags & kCommonWord) ? 2 : 0) + ((flags & kHeadword) ? 1 : 0);
  }
  if (length >= 2 && capitalised) out[n++] = kWordCapitalised + len;
  return n;
}

void WordScoreTable::Build(const float* dense) {
  // The flags Index() reads, in its order.
  constexpr uint32_t kScoredFlags[] = {kFromBaseList, kFromNameList, kProperName, kCommonWord,
                                       kHeadword};
  scores_.assign(static_cast<size_t>(kLengthClasses) << 6, 0.0f);
  int features[8];
  for (uint32_t length = 1; length <= kLengthClasses; ++length) {
    for (size_t bits = 0; bits < 32; ++bits) {
      uint32_t flags = 0;
      for (size_t f = 0; f < 5; ++f) flags |= (bits >> f & 1) ? kScoredFlags[f] : 0;
      for (bool capitalised : {false, true}) {
        int count = WordDenseFeatures(length, flags, capitalised, features);
        float score = 0;
        for (int k = 0; k < count; ++k) score += dense[features[k]];
        scores_[Index(length, flags, capitalised)] = score;
      }
    }
  }
}

size_t CandidatesAt(const Lattice& lattice, size_t i, Candidate* out) {
  const size_t n = lattice.size();
  size_t count = std::min<size_t>(kMaxGuessedWord, n - i);
  const uint32_t start = static_cast<uint32_t>(i);
  for (size_t k = 0; k < count; ++k) out[k] = Candidate{start, static_cast<uint32_t>(k + 1), 0};
  for (uint32_t e = lattice.first_edge[i]; e < lattice.first_edge[i + 1]; ++e) {
    const LatticeEdge& edge = lattice.edges[e];
    if (edge.length <= kMaxGuessedWord) {
      out[edge.length - 1].flags |= edge.flags;
      continue;
    }
    size_t k = kMaxGuessedWord;
    while (k < count && out[k].length != edge.length) ++k;
    if (k == count) out[count++] = Candidate{start, edge.length, 0};
    out[k].flags |= edge.flags;
  }
  return count;
}

void RunFeatures::Prepare(const Lattice& lattice) {
  const size_t n = lattice.size();
  classes.resize(n);
  cover.resize(n);
  ends.resize(n);
  starts.resize(n);
  ShapeClasses(lattice, classes.data());
  pos.resize(n);
  for (size_t i = 0; i < n; ++i) pos[i] = static_cast<uint8_t>(PosClass(lattice.syllable_flags[i]));
  ListedWordFacts(lattice, cover.data(), ends.data(), starts.data());
  // Syllable hashes with two stand-ins on each side, so that every n-gram
  // a gap template reads exists.
  padded.assign({kBeforeRun, kBeforeRun});
  padded.insert(padded.end(), lattice.keys.begin(), lattice.keys.end());
  padded.push_back(kAfterRun);
  padded.push_back(kAfterRun);
  for (int gram = kUnigram; gram <= kMaxGram; ++gram) {
    std::vector<uint64_t>& keys = ngrams[gram - 1];
    keys.resize(padded.size() - gram + 1);
    for (size_t s = 0; s < keys.size(); ++s) keys[s] = NgramKey(gram, &padded[s]);
  }
  listed_keys.resize(n);
  for (size_t i = 0; i < n; ++i) listed_keys[i] = ListedGapKey(lattice.keys[i]);
  capitalised_run.resize(n + 1);
  capitalised_run[n] = 0;
  for (size_t i = n; i-- > 0;) capitalised_run[i] = classes[i] == 1 ? capitalised_run[i + 1] + 1 : 0;
  // Written in place into room for the most there can be.
  const size_t room = n * kMaxGuessedWord + lattice.edges.size();
  if (candidates.size() < room) candidates.resize(room);
  first_candidate.resize(n + 1);
  size_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    first_candidate[i] = static_cast<uint32_t>(count);
    count += CandidatesAt(lattice, i, &candidates[count]);
  }
  first_candidate[n] = static_cast<uint32_t>(count);
}

void GapScores(const Lattice& lattice, const RunFeatures& features, const Rows& rows,
               const float* dense, std::vector<float>* scores) {
  const size_t n = lattice.size();
  scores->resize(n > 0 ? n - 1 : 0);  // every one is written below
  int dense_features[4];
  for (size_t g = 0; g + 1 < n; ++g) {
    float score = 0;
    for (const GapTemplate& t : kGapTemplates) {
      score += rows.ngrams[t.gram - 1][g + t.offset + kMaxBefore][t.role];
    }
    int count = GapDenseFeatures(lattice, features, g, dense_features);
    for (int k = 0; k < count; ++k) score += dense[dense_features[k]];
    size_t syllables[2];
    int roles[2];
    count = ListedGapFeatures(features, g, syllables, roles);
    for (int k = 0; k < count; ++k) score += rows.listed[syllables[k]][roles[k]];
    (*scores)[g] = score;
  }
}

void Decode(const RunFeatures& features, const std::vector<float>& gap_scores,
            const WordScoreTable& table, DecodeScratch* scratch, std::vector<uint32_t>* lengths) {
  const size_t n = features.classes.size();
  // prefix[i]: sum of the gap scores before syllable i, so the inner gaps
  // of a word i..j sum to prefix[j] - prefix[i].
  std::vector<float>& prefix = scratch->prefix;
  prefix.resize(n);
  if (n > 0) prefix[0] = 0;
  for (size_t g = 0; g + 1 < n; ++g) prefix[g + 1] = prefix[g] + gap_scores[g];
  std::vector<float>& best = scratch->best;
  std::vector<uint32_t>& back = scratch->back;
  best.assign(n + 1, -std::numeric_limits<float>::infinity());
  // Every end starts as a syllable alone: on finite scores each is then
  // set with best[end] (every syllable is a candidate), but a NaN or -inf
  // score sets nothing, and a stale or zero entry made the back-trace
  // below loop for ever or run off the start.
  back.assign(n + 1, 1);
  best[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t c = features.first_candidate[i]; c < features.first_candidate[i + 1]; ++c) {
      const Candidate& word = features.candidates[c];
      const size_t end = i + word.length;
      float score = best[i] + WordScore(features, table, word) + (prefix[end - 1] - prefix[i]);
      if (score > best[end]) {
        best[end] = score;
        back[end] = word.length;
      }
    }
  }
  lengths->clear();
  // 1 <= back[end] <= end: each step goes back at least one syllable.
  for (size_t end = n; end > 0; end -= back[end]) lengths->push_back(back[end]);
  std::reverse(lengths->begin(), lengths->end());
}

namespace {

// Two filter bits per key, taken from the key's high half (the table slot
// comes from the low half).
inline uint32_t FilterBit(uint64_t key, int probe, size_t bits) {
  return static_cast<uint32_t>((key >> (32 + 16 * probe)) & (bits - 1));
}

}  // namespace

void Weights::Index() {
  key_count = 0;
  for (uint32_t i = 0; slots != nullptr && i <= slot_mask; ++i) key_count += slots[i].key != 0;
  size_t bits = 1024;
  while (bits < 16 * size_t{key_count} && bits < (size_t{1} << 18)) bits *= 2;  // about 16 bits a key, at most 32 KiB
  filter.assign(bits / 64, 0);
  for (uint32_t i = 0; slots != nullptr && i <= slot_mask; ++i) {
    if (slots[i].key == 0) continue;
    for (int probe = 0; probe < 2; ++probe) {
      uint32_t bit = FilterBit(slots[i].key, probe, bits);
      filter[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
}

const Entry& Weights::Find(uint64_t key) const {
  static const Entry kZero{};
  if (slots == nullptr) return kZero;
  const size_t bits = filter.size() * 64;
  for (int probe = 0; probe < 2 && bits > 0; ++probe) {
    uint32_t bit = FilterBit(key, probe, bits);
    if (!(filter[bit / 64] >> (bit % 64) & 1)) return kZero;
  }
  for (uint32_t slot = static_cast<uint32_t>(key) & slot_mask;; slot = (slot + 1) & slot_mask) {
    const Entry& e = slots[slot];
    if (e.key == key) return e;
    if (e.key == 0) return kZero;
  }
}

}  // namespace vnseg::model
