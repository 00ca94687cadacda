// (h) The C API (vnseg.h). The first byte chooses the call and its flags,
// the rest is the text. Every call: VNSEG_INVALID_UTF8 exactly when the text
// is invalid; the buffer protocol (too small: length reported, nothing
// usable written; then length + 1 bytes suffice, NUL-terminated); lossless
// segment joins back to the input; token callbacks get ordered spans inside
// the text and a non-zero result stops them.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "vnseg/vnseg.h"

namespace {

// Calls `call(out, capacity, &length)` with a short buffer, then with the
// size it asks for; returns the status and puts the result in *result.
template <typename Call>
vnseg_status CallWithBuffer(size_t first_capacity, std::string* result, Call call) {
  std::vector<char> buffer(first_capacity);
  size_t length = 0;
  vnseg_status status = call(buffer.data(), buffer.size(), &length);
  if (status == VNSEG_BUFFER_TOO_SMALL) {
    vnseg::fuzz::Check(length + 1 > first_capacity, "BUFFER_TOO_SMALL with room enough");
    buffer.assign(length + 1, '\x7f');
    size_t again = 0;
    status = call(buffer.data(), buffer.size(), &again);
    vnseg::fuzz::Check(status == VNSEG_OK, "the asked-for buffer size was not enough");
    vnseg::fuzz::Check(again == length, "the length changed between calls");
  }
  if (status == VNSEG_OK) {
    vnseg::fuzz::Check(length < buffer.size() && buffer[length] == '\0', "result not NUL-terminated");
    result->assign(buffer.data(), length);
  }
  return status;
}

struct Tokens {
  size_t size;
  size_t stop_after;
  size_t seen = 0;
  size_t last_end = 0;
};

int OnToken(void* user_data, const vnseg_token* token) {
  auto* t = static_cast<Tokens*>(user_data);
  vnseg::fuzz::Check(token->begin < token->end && token->end <= t->size, "token span outside the text");
  vnseg::fuzz::Check(token->begin >= t->last_end, "tokens overlap or go backwards");
  vnseg::fuzz::Check(token->kind != VNSEG_TOKEN_SPACE, "a white-space token was passed");
  t->last_end = token->end;
  return ++t->seen == t->stop_after;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vnseg::fuzz::Check;
  if (size == 0) return 0;
  static vnseg_dictionary* dictionary = nullptr;  // static: kept, not leaked, until exit
  static vnseg_segmenter* segmenter = [] {
    const char* env = std::getenv("VNSEG_FUZZ_DICT");
    Check(vnseg_dictionary_open(env && *env ? env : VNSEG_FUZZ_DICT, &dictionary) == VNSEG_OK,
          "cannot open the dictionary through the C API");
    vnseg_segmenter* s = nullptr;
    Check(vnseg_segmenter_new(dictionary, nullptr, &s) == VNSEG_OK, "vnseg_segmenter_new failed");
    return s;  // kept until exit, with its dictionary
  }();
  const uint8_t choice = data[0];
  const char* text = reinterpret_cast<const char*>(data + 1);
  const size_t length = size - 1;
  const bool valid = vnseg::fuzz::IsValidUtf8(std::string_view(text, length));
  const size_t first_capacity = choice >> 4;  // 0..15 bytes: often too small
  std::string out;
  vnseg_status status;
  switch (choice & 7) {
    case 0:
    case 1: {  // segment, lossless or tokenized; lossless joins back
      unsigned flags = (choice & 1) ? VNSEG_SEGMENT_TOKENIZE : 0;
      status = CallWithBuffer(first_capacity, &out, [&](char* o, size_t c, size_t* n) {
        return vnseg_segment(segmenter, text, length, flags, o, c, n);
      });
      if (status == VNSEG_OK && flags == 0) {
        std::string joined;
        Check(CallWithBuffer(0, &joined, [&](char* o, size_t c, size_t* n) {
                return vnseg_join(out.data(), out.size(), 0, o, c, n);
              }) == VNSEG_OK, "vnseg_join refused vnseg_segment's output");
        Check(joined == std::string_view(text, length), "C API: join(segment(x)) != x");
      }
      break;
    }
    case 2:
    case 3: {  // join, plain or detok
      unsigned flags = (choice & 1) ? VNSEG_JOIN_DETOK : 0;
      status = CallWithBuffer(first_capacity, &out, [&](char* o, size_t c, size_t* n) {
        return vnseg_join(text, length, flags, o, c, n);
      });
      break;
    }
    case 4:
    case 5: {  // normalize, tone and flags from the choice byte
      vnseg_tone tone = static_cast<vnseg_tone>((choice >> 3) % 3);
      unsigned flags = (choice >> 4) & 7;
      status = CallWithBuffer(first_capacity, &out, [&](char* o, size_t c, size_t* n) {
        return vnseg_normalize(text, length, tone, flags, o, c, n);
      });
      break;
    }
    default: {  // tokens, stopped after some
      Tokens tokens{length, static_cast<size_t>(choice >> 3)};
      status = vnseg_segment_tokens(segmenter, text, length, OnToken, &tokens);
      if (status == VNSEG_STOPPED) Check(tokens.seen == tokens.stop_after, "stopped at the wrong token");
      if (status == VNSEG_OK) Check(tokens.seen < tokens.stop_after || tokens.stop_after == 0, "a stop was ignored");
      break;
    }
  }
  if (!valid) {
    Check(status == VNSEG_INVALID_UTF8, "invalid UTF-8 not refused");
    Check(std::strlen(vnseg_last_error()) > 0, "no error message");
  } else {
    Check(status == VNSEG_OK || status == VNSEG_STOPPED, "a call failed on valid UTF-8");
  }
  return 0;
}
