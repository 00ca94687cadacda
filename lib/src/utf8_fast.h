// UTF-8 decoding and validation for the hot paths. On Vietnamese text
// (a multi-byte letter every few bytes) utf8cpp's find_invalid runs at
// ~460 MB/s here, below what join needs (500 MB/s); this plain loop over the
// well-formed sequences of the Unicode standard (Table 3-7) runs at ~790.
// (A table-driven automaton measured 275: latency-bound; word-at-a-time
// ASCII skipping only pays on long ASCII runs, which this text lacks.)
// Tests check all of it against utf8cpp on random bytes.
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

// First byte in [p, end) that does not start a well-formed sequence, or end.
inline const char* FindInvalidUtf8(const char* p, const char* end) {
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

inline bool IsValidUtf8(const char* p, const char* end) { return FindInvalidUtf8(p, end) == end; }

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
