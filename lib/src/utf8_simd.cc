#include "utf8_simd.h"

#include <cstddef>
#include <cstring>

#include "utf8_fast.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define VNSEG_UTF8_AVX2 1
#include <immintrin.h>
#endif

namespace vnseg {
namespace {

#ifdef VNSEG_UTF8_AVX2

// The "lookup" algorithm of Keiser and Lemire (Validating UTF-8 in less than
// one instruction per byte, 2021; simdjson and simdutf use it): three
// 16-entry tables, indexed by the high and low nibble of the byte before and
// the high nibble of the byte itself, flag every bad pair of bytes; a third
// or fourth byte of a sequence is checked by its distance from the lead.
// Built with target("avx2") so that the rest of the library stays baseline
// x86-64; it runs only after __builtin_cpu_supports said yes.
constexpr unsigned char kTooShort = 1 << 0;   // a lead, then no continuation
constexpr unsigned char kTooLong = 1 << 1;    // ASCII, then a continuation
constexpr unsigned char kOverlong3 = 1 << 2;  // E0 80..9F
constexpr unsigned char kTooLarge = 1 << 3;   // F4 90..BF, F5..FF
constexpr unsigned char kSurrogate = 1 << 4;  // ED A0..BF
constexpr unsigned char kOverlong2 = 1 << 5;  // C0, C1
constexpr unsigned char kTooLarge1000 = 1 << 6;
constexpr unsigned char kOverlong4 = 1 << 6;  // F0 80..8F
constexpr unsigned char kTwoConts = 1 << 7;   // two continuations: fine only inside a 3- or 4-byte one
constexpr unsigned char kCarry = kTooShort | kTooLong | kTwoConts;

#define VNSEG_TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
  _mm256_setr_epi8(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)

// The 32 bytes that end one byte (N = 1), two or three before `input`'s.
template <int N>
[[gnu::target("avx2")]] inline __m256i Prev(__m256i input, __m256i prev_input) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(prev_input, input, 0x21), 16 - N);
}

[[gnu::target("avx2")]] inline __m256i HighNibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

// The error bits of `input` after `prev_input` (0 where all is well).
[[gnu::target("avx2")]] inline __m256i CheckBlock(__m256i input, __m256i prev_input) {
  const __m256i prev1 = Prev<1>(input, prev_input);
  const __m256i byte_1_high = _mm256_shuffle_epi8(
      VNSEG_TABLE(kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0xxx
                  kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 10xx
                  kTooShort | kOverlong2, kTooShort, kTooShort | kOverlong3 | kSurrogate,
                  kTooShort | kTooLarge | kTooLarge1000 | kOverlong4),
      HighNibbles(prev1));
  constexpr unsigned char kLarge = kCarry | kTooLarge | kTooLarge1000;
  const __m256i byte_1_low = _mm256_shuffle_epi8(
      VNSEG_TABLE(kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2, kCarry, kCarry,
                  kCarry | kTooLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge,
                  kLarge | kSurrogate, kLarge, kLarge),
      _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
  constexpr unsigned char kCont = kTooLong | kOverlong2 | kTwoConts;
  const __m256i byte_2_high = _mm256_shuffle_epi8(
      VNSEG_TABLE(kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
                  kCont | kOverlong3 | kTooLarge1000 | kOverlong4, kCont | kOverlong3 | kTooLarge,
                  kCont | kSurrogate | kTooLarge, kCont | kSurrogate | kTooLarge,
                  kTooShort, kTooShort, kTooShort, kTooShort),
      HighNibbles(input));
  const __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
  // Two continuations in a row are right only as the 3rd (or 4th) byte of a
  // sequence whose lead is 2 (or 3) bytes back: E0..FF (F0..FF) there.
  const __m256i third = _mm256_subs_epu8(Prev<2>(input, prev_input), _mm256_set1_epi8(0xE0 - 0x80));
  const __m256i fourth = _mm256_subs_epu8(Prev<3>(input, prev_input), _mm256_set1_epi8(0xF0 - 0x80));
  const __m256i must_be_cont =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(must_be_cont, special);
}

// Nonzero if the block ends inside a sequence (a lead in its last 3 bytes
// that needs more bytes than are left).
[[gnu::target("avx2")]] inline __m256i Incomplete(__m256i input) {
  const __m256i max = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                       -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                       static_cast<char>(0xF0 - 1), static_cast<char>(0xE0 - 1),
                                       static_cast<char>(0xC0 - 1));
  return _mm256_subs_epu8(input, max);
}

// What one block leaves for the next, and the errors so far.
struct Avx2State {
  __m256i error, prev_input, prev_incomplete;
};

[[gnu::target("avx2")]] inline void Step(__m256i input, Avx2State* s) {
  if (_mm256_movemask_epi8(input) == 0) {
    s->error = _mm256_or_si256(s->error, s->prev_incomplete);  // ASCII: only what came before to check
    s->prev_incomplete = _mm256_setzero_si256();
  } else {
    s->error = _mm256_or_si256(s->error, CheckBlock(input, s->prev_input));
    s->prev_incomplete = Incomplete(input);
  }
  s->prev_input = input;
}

[[gnu::target("avx2")]] bool IsValidUtf8Avx2(const char* p, const char* end) {
  Avx2State s{_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256()};
  for (; end - p >= 32; p += 32) Step(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), &s);
  // The rest, padded with ASCII, which ends any sequence that is still open.
  char last[32] = {};
  std::memcpy(last, p, static_cast<size_t>(end - p));
  Step(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(last)), &s);
  s.error = _mm256_or_si256(s.error, s.prev_incomplete);
  return _mm256_testz_si256(s.error, s.error) != 0;
}

#undef VNSEG_TABLE

bool HaveAvx2() {
  static const bool have = __builtin_cpu_supports("avx2");
  return have;
}

#endif  // VNSEG_UTF8_AVX2

}  // namespace

bool IsValidUtf8Wide(const char* p, const char* end) {
#ifdef VNSEG_UTF8_AVX2
  if (HaveAvx2()) return IsValidUtf8Avx2(p, end);
#endif
  return IsValidUtf8(p, end);
}

}  // namespace vnseg
