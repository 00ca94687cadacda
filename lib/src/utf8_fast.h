// UTF-8 decoding and validation for the hot paths. On Vietnamese text
// (a multi-byte letter every few bytes) utf8cpp's find_invalid runs at
// ~460 MB/s here; a plain loop over the well-formed sequences of the Unicode
// standard (Table 3-7), FindInvalidUtf8Scalar, 480-790 (its branches
// mispredict on mixed text); the shift-form automaton, which has no
// data-dependent branch, run over the two halves of the text at once,
// ~3400 (measured on the 50 MB bench corpus, in isolation). It made
// `vnseg join` 1.6x faster. (A table[state][byte] automaton measured 275: a
// dependent load per byte.) Tests check all of it against utf8cpp on
// random bytes.
#pragma once

#include <cstdint>
#include <cstring>

namespace vnseg {

// Decodes the code point at `p` (< end). Returns its length in bytes, or 0
// if the bytes there are not well-formed UTF-8.
inline int DecodeUtf8(const char* p, const char* end, char32_t* out) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(p);
  const unsigned char b0 = s[0];
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  const size_t avail = static_cast<size_t>(end - p);
  auto cont = [&](size_t i) { return i < avail && (s[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return 0;
    *out = (char32_t(b0 & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (b0 == 0xE0 && s[1] < 0xA0) return 0;   // overlong
    if (b0 == 0xED && s[1] > 0x9F) return 0;   // surrogates
    *out = (char32_t(b0 & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && s[1] < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && s[1] > 0x8F) return 0;   // above U+10FFFF
    *out = (char32_t(b0 & 0x07) << 18) | (char32_t(s[1] & 0x3F) << 12) |
           (char32_t(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
  }
  return 0;
}

// The first invalid byte by decoding sequence after sequence: exact, and
// the reference for FindInvalidUtf8.
inline const char* FindInvalidUtf8Scalar(const char* p, const char* end) {
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    char32_t c;
    int len = DecodeUtf8(p, end, &c);
    if (len == 0) return p;
    p += len;
  }
  return end;
}

namespace utf8_dfa {

// A validating automaton over bytes in the "shift" form: a state is a bit
// offset (a multiple of 6) and kRow[byte] packs the next state of every
// state, so a step is `state = kRow[byte] >> state & 63`: the table load
// does not wait for the state, which leaves a shift and a mask per byte on
// the critical path (the two-dimensional table[state][byte] form waits for
// a load per byte). States follow Unicode Table 3-7.
enum State : uint64_t {
  kAccept = 0,
  kError = 6,
  kTail1 = 12,  // one continuation byte (80..BF) to go
  kTail2 = 18,
  kTail3 = 24,
  kAfterE0 = 30,  // next A0..BF, then one more
  kAfterED = 36,  // next 80..9F (no surrogates), then one more
  kAfterF0 = 42,  // next 90..BF, then two more
  kAfterF4 = 48,  // next 80..8F (up to U+10FFFF), then two more
};

constexpr uint64_t Next(uint64_t state, unsigned b) {
  const bool cont = b >= 0x80 && b <= 0xBF;
  switch (state) {
    case kAccept:
      if (b < 0x80) return kAccept;
      if (b >= 0xC2 && b <= 0xDF) return kTail1;
      if (b == 0xE0) return kAfterE0;
      if (b == 0xED) return kAfterED;
      if (b >= 0xE1 && b <= 0xEF) return kTail2;
      if (b == 0xF0) return kAfterF0;
      if (b == 0xF4) return kAfterF4;
      if (b >= 0xF1 && b <= 0xF3) return kTail3;
      return kError;
    case kTail1: return cont ? kAccept : kError;
    case kTail2: return cont ? kTail1 : kError;
    case kTail3: return cont ? kTail2 : kError;
    case kAfterE0: return b >= 0xA0 && b <= 0xBF ? kTail1 : kError;
    case kAfterED: return b >= 0x80 && b <= 0x9F ? kTail1 : kError;
    case kAfterF0: return b >= 0x90 && b <= 0xBF ? kTail2 : kError;
    case kAfterF4: return b >= 0x80 && b <= 0x8F ? kTail2 : kError;
    default: return kError;
  }
}

struct Rows {
  uint64_t of[256];
  constexpr Rows() : of() {
    for (unsigned b = 0; b < 256; ++b) {
      for (uint64_t state = 0; state <= kAfterF4; state += 6) of[b] |= Next(state, b) << state;
    }
  }
};
inline constexpr Rows kRows;

}  // namespace utf8_dfa

// True if [p, end) is well-formed, by two automata over its two halves at
// once: two independent chains of shifts per step instead of one, so the
// processor overlaps them. The second half starts at the first byte from
// the middle that is no continuation byte: in well-formed text a sequence
// starts there, so both halves must end between sequences. It always reads
// the whole text: to find an error, FindInvalidUtf8.
inline bool IsValidUtf8(const char* p, const char* end) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const size_t n = static_cast<size_t>(end - p);
  size_t mid = n / 2;
  for (int i = 0; i < 3 && mid < n && (s[mid] & 0xC0) == 0x80; ++i) ++mid;
  if (mid < n && (s[mid] & 0xC0) == 0x80) return false;  // four continuation bytes
  const size_t half = mid < n - mid ? mid : n - mid;  // steps both halves take
  uint64_t first = utf8_dfa::kAccept, second = utf8_dfa::kAccept;
  for (size_t i = 0; i < half; ++i) {
    first = utf8_dfa::kRows.of[s[i]] >> first & 63;
    second = utf8_dfa::kRows.of[s[mid + i]] >> second & 63;
  }
  for (size_t i = half; i < mid; ++i) first = utf8_dfa::kRows.of[s[i]] >> first & 63;
  for (size_t i = mid + half; i < n; ++i) second = utf8_dfa::kRows.of[s[i]] >> second & 63;
  return first == utf8_dfa::kAccept && second == utf8_dfa::kAccept;
}

// First byte in [p, end) that does not start a well-formed sequence, or end.
// The automaton runs over blocks of 64 bytes (all-ASCII blocks skipped
// whole); on an error it hands over to the scalar decoder from the last
// block end that fell between sequences, which finds the exact byte. The
// cost grows with the distance to the error, not the length of the text, so
// callers that go from error to error (ReplaceInvalidUtf8, Normalize with
// pass_invalid) stay linear.
inline const char* FindInvalidUtf8(const char* p, const char* end) {
  constexpr size_t kBlock = 64;
  const char* safe = p;  // everything before is valid, and a sequence starts here
  uint64_t state = utf8_dfa::kAccept;
  while (static_cast<size_t>(end - p) >= kBlock) {
    uint64_t words[kBlock / 8];
    std::memcpy(words, p, kBlock);
    uint64_t high = 0;
    for (uint64_t w : words) high |= w;
    if (state == utf8_dfa::kAccept && (high & 0x8080808080808080ull) == 0) {
      p += kBlock;
      safe = p;
      continue;
    }
    for (size_t i = 0; i < kBlock; ++i) {
      state = utf8_dfa::kRows.of[static_cast<unsigned char>(p[i])] >> state & 63;
    }
    if (state == utf8_dfa::kError) return FindInvalidUtf8Scalar(safe, end);
    p += kBlock;
    if (state == utf8_dfa::kAccept) safe = p;
  }
  for (; p < end; ++p) state = utf8_dfa::kRows.of[static_cast<unsigned char>(*p)] >> state & 63;
  return state == utf8_dfa::kAccept ? end : FindInvalidUtf8Scalar(safe, end);
}

// Decodes the code point that ends just before `pos` (begin < pos).
// Returns its length, or 0 if the bytes there are not well-formed.
inline int DecodeUtf8Before(const char* begin, const char* pos, char32_t* out) {
  const char* start = pos - 1;
  while (start > begin && pos - start < 4 && (static_cast<unsigned char>(*start) & 0xC0) == 0x80) {
    --start;
  }
  int len = DecodeUtf8(start, pos, out);
  return len == pos - start ? len : 0;
}

}  // namespace vnseg
