#include "model_features.h"

#include <algorithm>

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

bool ShapeClasses(const Lattice& lattice, uint8_t* classes) {
  const size_t n = lattice.size();
  // The AND and the OR of the shapes answer both questions (no branches).
  uint8_t every = 0xFF, some = 0;
  for (size_t i = 0; i < n; ++i) {
    every &= lattice.shapes[i];
    some |= lattice.shapes[i];
  }
  const bool all_caps = n >= 2 && (every & kUpperInitial) && !(some & kHasDigit);
  // No capital, so the first syllable that starts with a letter starts
  // with a lower-case one (LowerCaseSentence, from the shapes at hand).
  const bool lower_case_sentence =
      !(some & kUpperInitial) &&
      (lattice.sentence_start ? (some & kLowerInitial) != 0 : lattice.lower_case_before);
  const uint8_t* table = kShapeClassTable.of[all_caps ? 1 : 0];
  for (size_t i = 0; i < n; ++i) classes[i] = table[lattice.shapes[i] & 15];
  return all_caps || lower_case_sentence;
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

int WordDenseFeatures(uint32_t length, uint32_t flags, WordCase word_case, int* out) {
  const int len = LengthClass(length);
  int n = 0;
  out[n++] = kWordLength + len;
  if (flags & kFromBaseList) out[n++] = kWordBase + len;
  if (flags & kFromNameList) out[n++] = kWordNames + len;
  if (flags & kNameRunEdge) out[n++] = kWordNameRun + len;
  if (length >= 2 && !(flags & (kListed | kNameRunEdge))) out[n++] = kWordUnlisted + len;
  if (length >= 2 && (flags & kListed)) {
    out[n++] = kWordLexicon + len * 4 + ((flags & kCommonWord) ? 2 : 0) + ((flags & kHeadword) ? 1 : 0);
  }
  if (length >= 2 && word_case == kCapitalisedWord) out[n++] = kWordCapitalised + len;
  if (length >= 2 && (flags & kProperName)) out[n++] = kWordProper + len * kWordCases + word_case;
  if (length >= 2 && (flags & kSurnameSyllable)) out[n++] = kWordSurname + len * kWordCases + word_case;
  return n;
}

namespace {

// A place or other listed name from syllable i that the next Capitalised
// syllable does not continue: "Nga Putin", "Armenia Pashinyan", "Thổ Nhĩ Kỳ
// Recep Tayyip Erdogan", "Hà Nội Bùi Thị Minh Hoài" are a place and then a
// person (the VTB convention), never one name. Returns the longest such
// listed word's length from i (all its syllables Capitalised), or 0. One
// syllable counts only from the name lists (places_single.txt: "Nga");
// two or more from the name lists or the base list.
uint32_t ListedNameBeforeName(const Lattice& lattice, size_t i) {
  const size_t n = lattice.size();
  if (!IsNamePart(lattice.shapes[i])) return 0;
  uint32_t cut = 0;
  if ((lattice.syllable_flags[i] & kFromNameList) && i + 1 < n && IsNamePart(lattice.shapes[i + 1])) {
    cut = 1;
  }
  for (uint32_t e = lattice.first_edge[i]; e < lattice.first_edge[i + 1]; ++e) {
    const LatticeEdge& edge = lattice.edges[e];
    if (edge.length < 2 || edge.length <= cut || !(edge.flags & (kFromNameList | kFromBaseList))) continue;
    const size_t next = i + edge.length;
    if (next >= n || !IsNamePart(lattice.shapes[next])) continue;
    // A word of the base list only ("Hà Nội", but also "võ công") needs two
    // Capitalised syllables after it: "Hà Nội Bùi Thị Minh Hoài" is cut,
    // the full name "Võ Công Sơn" is not.
    if (!(edge.flags & kFromNameList) && (next + 1 >= n || !IsNamePart(lattice.shapes[next + 1]))) {
      continue;
    }
    bool capitalised = true;
    for (size_t k = i + 1; k < next && capitalised; ++k) capitalised = IsNamePart(lattice.shapes[k]);
    if (capitalised) cut = edge.length;
  }
  return cut;
}

// The longest word a list spells as a name (kProperName, 2+ syllables)
// from syllable i, or 0.
uint32_t ProperNameAt(const Lattice& lattice, size_t i) {
  uint32_t longest = 0;
  for (uint32_t e = lattice.first_edge[i]; e < lattice.first_edge[i + 1]; ++e) {
    const LatticeEdge& edge = lattice.edges[e];
    if (edge.length >= 2 && (edge.flags & kProperName)) longest = std::max(longest, edge.length);
  }
  return longest;
}

// In a caseless run, a listed name from i that another listed name follows:
// "cát bà hải phòng" is two places, as "Cát Bà Hải Phòng" would be.
// Returns the first name's length, or 0.
uint32_t ProperNameBeforeProperName(const Lattice& lattice, size_t i) {
  const uint32_t name = ProperNameAt(lattice, i);
  if (name == 0 || i + name >= lattice.size()) return 0;
  return ProperNameAt(lattice, i + name) != 0 ? name : 0;
}

// Whether a dictionary word (main or user, any flags) of `length` starts at
// i: a word the lists or the corpus know may span a listed name.
bool DictionaryWordAt(const Lattice& lattice, size_t i, uint32_t length) {
  for (uint32_t e = lattice.first_edge[i]; e < lattice.first_edge[i + 1]; ++e) {
    const LatticeEdge& edge = lattice.edges[e];
    const bool name_run = (edge.flags & ~kParticleNameEdge) == kNameRunEdge;
    if (edge.length == length && !name_run) return true;
  }
  return false;
}

}  // namespace

size_t CandidatesAt(const Lattice& lattice, bool caseless, size_t i, Candidate* out,
                    uint32_t* cut_out) {
  const size_t count = GuessedAndListedAt(lattice, i, out);
  const uint32_t cut = caseless ? ProperNameBeforeProperName(lattice, i) : ListedNameBeforeName(lattice, i);
  *cut_out = cut;
  if (cut == 0) return count;
  // Spans past the listed name are guesses (or a name run) that would glue
  // it to the name after it: only dictionary words stay.
  size_t kept = 0;
  for (size_t c = 0; c < count; ++c) {
    if (out[c].length <= cut || DictionaryWordAt(lattice, i, out[c].length)) out[kept++] = out[c];
  }
  return kept;
}

size_t GuessedAndListedAt(const Lattice& lattice, size_t i, Candidate* out) {
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

namespace {

// The candidates from a family name that may be a full name carry its
// flag: in text with capitals the name run ("Lê Thị Thu Hằng", not "Lê Thị
// Thu" inside it), in a caseless run every word of 2-4 syllables.
void MarkSurnameWords(const Lattice& lattice, size_t i, bool caseless, Candidate* words,
                      size_t count) {
  if (!(lattice.syllable_flags[i] & kSurnameSyllable)) return;
  const bool middle = caseless && (lattice.syllable_flags[i] & kCaselessSurname) &&
                      i + 1 < lattice.size() && (lattice.syllable_flags[i + 1] & kMiddleNameSyllable);
  for (size_t c = 0; c < count; ++c) {
    const bool full_name = caseless ? words[c].length >= 2 && words[c].length <= 4
                                    : (words[c].flags & kNameRunEdge) != 0;
    if (full_name) words[c].flags |= kSurnameSyllable;
    if (middle && words[c].length >= 3 && words[c].length <= 4) words[c].flags |= kMiddleNameSyllable;
  }
}

// A family name after a Capitalised syllable that is no family name itself:
// "tại Tokyo | Nguyễn Thị Lan", "Phó Thủ tướng | Đỗ Minh Tuấn" (one name
// from the family name on), while "Nguyễn Trần Minh Quân" is one name.
bool FamilyNameAfterOtherWord(const Lattice& lattice, size_t i) {
  return i > 0 && (lattice.syllable_flags[i] & kSurnameSyllable) && IsNamePart(lattice.shapes[i]) &&
         IsNamePart(lattice.shapes[i - 1]) && !(lattice.syllable_flags[i - 1] & kSurnameSyllable);
}

}  // namespace

void RunFeatures::Prepare(const Lattice& lattice, bool cuts) {
  const size_t n = lattice.size();
  name_cuts = cuts;
  classes.resize(n);
  cover.resize(n);
  ends.resize(n);
  starts.resize(n);
  caseless = ShapeClasses(lattice, classes.data());
  pos.resize(n);
  for (size_t i = 0; i < n; ++i) pos[i] = static_cast<uint8_t>(PosClass(lattice.syllable_flags[i]));
  ListedWordFacts(lattice, cover.data(), ends.data(), starts.data());
  // Syllable hashes with two stand-ins on each side, so that every n-gram
  // a gap template reads exists.
  padded.assign({kBeforeRun, kBeforeRun});
  padded.insert(padded.end(), lattice.syllable_hashes.begin(), lattice.syllable_hashes.end());
  padded.push_back(kAfterRun);
  padded.push_back(kAfterRun);
  for (int gram = kUnigram; gram <= kMaxGram; ++gram) {
    std::vector<uint64_t>& keys = ngrams[gram - 1];
    keys.resize(padded.size() - gram + 1);
    for (size_t s = 0; s < keys.size(); ++s) keys[s] = NgramKey(gram, &padded[s]);
  }
  listed_keys.resize(n);
  for (size_t i = 0; i < n; ++i) listed_keys[i] = ListedGapKey(lattice.syllable_hashes[i]);
  capitalised_run.resize(n + 1);
  capitalised_run[n] = 0;
  for (size_t i = n; i-- > 0;) capitalised_run[i] = classes[i] == 1 ? capitalised_run[i + 1] + 1 : 0;
  // Written in place into room for the most there can be (a restarted
  // name run may add one per syllable).
  const size_t room = n * (kMaxGuessedWord + 1) + lattice.edges.size();
  if (candidates.size() < room) candidates.resize(room);
  first_candidate.resize(n + 1);
  size_t count = 0;
  size_t name_restart = n;  // where a name run starts past a listed place
  for (size_t i = 0; i < n; ++i) {
    first_candidate[i] = static_cast<uint32_t>(count);
    Candidate* from_i = &candidates[count];
    uint32_t cut = 0;
    size_t here = name_cuts ? CandidatesAt(lattice, caseless, i, from_i, &cut)
                            : GuessedAndListedAt(lattice, i, from_i);
    // Past a listed place the name after it is a name run of its own:
    // "Thổ Nhĩ Kỳ | Recep Tayyip Erdogan" (the builder's run began at "Thổ").
    if (cut != 0 && !caseless) name_restart = i + cut;
    const uint32_t run = capitalised_run[i];
    // and so is a full name of 2-4 syllables from a family name inside the
    // run (a decoding rule like the cut: learning sees the run as it is).
    if (name_cuts && !caseless && run <= 4 && FamilyNameAfterOtherWord(lattice, i)) name_restart = i;
    if (i == name_restart && run >= 2) {
      size_t c = 0;
      while (c < here && from_i[c].length != run) ++c;
      if (c == here) from_i[here++] = Candidate{static_cast<uint32_t>(i), run, 0};
      from_i[c].flags |= kNameRunEdge;
    }
    MarkSurnameWords(lattice, i, caseless, from_i, here);
    count += here;
  }
  first_candidate[n] = static_cast<uint32_t>(count);
}

}  // namespace vnseg::model
