// The C API (vnseg/vnseg.h): handles around the C++ objects, absl::Status
// turned into a code plus a thread-local message, results copied into the
// caller's buffers. No segmentation logic lives here.
#include "vnseg/vnseg.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "vnseg/convert.h"
#include "vnseg/dictionary.h"
#include "vnseg/encoding.h"
#include "vnseg/normalizer.h"
#include "vnseg/segmenter.h"
#include "vnseg/utf8.h"
#include "vnseg/version.h"
#include "vnseg/word_list.h"

// One handle type for the main dictionary and user words (the C API has
// one); exactly one of the two is set, and vnseg_segmenter_new checks that
// each argument holds the kind it expects.
struct vnseg_dictionary {
  std::unique_ptr<vnseg::Dictionary> dictionary;
  std::unique_ptr<vnseg::UserWords> user_words;
};

struct vnseg_segmenter {
  explicit vnseg_segmenter(const vnseg::Dictionary* dictionary, const vnseg::UserWords* user)
      : segmenter(dictionary, user) {}
  vnseg::Segmenter segmenter;
  std::string output;  // reused: no allocation per call once warm
};

// The C enum must mirror vnseg::TokenKind value for value.
static_assert(static_cast<int>(vnseg::TokenKind::kSyllable) == VNSEG_TOKEN_SYLLABLE);
static_assert(static_cast<int>(vnseg::TokenKind::kPunct) == VNSEG_TOKEN_PUNCT);
static_assert(static_cast<int>(vnseg::TokenKind::kSpace) == VNSEG_TOKEN_SPACE);
static_assert(static_cast<int>(vnseg::TokenKind::kOther) == VNSEG_TOKEN_OTHER);

namespace {

thread_local std::string last_error;

vnseg_status Fail(vnseg_status status, std::string_view message) {
  last_error.assign(message.data(), message.size());
  return status;
}

// The NormalizeOptions of a normalize call's `tone` and `flags`, or
// VNSEG_INVALID_ARGUMENT for a tone style or a flag outside `known` (the
// flags that call takes).
vnseg_status ToNormalizeOptions(vnseg_tone tone, unsigned flags, unsigned known,
                                vnseg::NormalizeOptions* options) {
  if (flags & ~known) return Fail(VNSEG_INVALID_ARGUMENT, "unknown flag");
  if (tone != VNSEG_TONE_KEEP && tone != VNSEG_TONE_OLD && tone != VNSEG_TONE_NEW) {
    return Fail(VNSEG_INVALID_ARGUMENT, "unknown tone style");
  }
  options->tone = tone == VNSEG_TONE_OLD   ? vnseg::ToneStyle::kOld
                  : tone == VNSEG_TONE_NEW ? vnseg::ToneStyle::kNew
                                           : vnseg::ToneStyle::kKeep;
  options->fold_quotes = (flags & VNSEG_NORMALIZE_FOLD_QUOTES) != 0;
  options->spaces = (flags & VNSEG_NORMALIZE_KEEP_SPACES) == 0;
  options->invisible = (flags & VNSEG_NORMALIZE_KEEP_INVISIBLE) == 0;
  options->fix_mojibake = (flags & VNSEG_NORMALIZE_FIX_MOJIBAKE) != 0;
  return VNSEG_OK;
}

vnseg_status Succeed() {
  last_error.clear();
  return VNSEG_OK;
}

std::string_view MessageOf(const absl::Status& status) {
  return std::string_view(status.message().data(), status.message().size());
}

vnseg_status FromStatus(const absl::Status& status) {
  if (status.ok()) return Succeed();
  vnseg_status code = VNSEG_INTERNAL;
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kPermissionDenied:  // both: the file cannot be opened
      code = VNSEG_NOT_FOUND;
      break;
    case absl::StatusCode::kDataLoss: code = VNSEG_DATA_ERROR; break;
    case absl::StatusCode::kInvalidArgument: code = VNSEG_INVALID_ARGUMENT; break;
    default: break;
  }
  return Fail(code, MessageOf(status));
}

vnseg_status CopyOut(const std::string& result, char* out, size_t capacity, size_t* out_length) {
  *out_length = result.size();
  if (capacity < result.size() + 1) {
    return Fail(VNSEG_BUFFER_TOO_SMALL, "output buffer too small: need out_length + 1 bytes");
  }
  std::memcpy(out, result.data(), result.size());
  out[result.size()] = '\0';
  return Succeed();
}

vnseg_status CheckUtf8(const char* text, size_t length) {
  if (text == nullptr && length > 0) return Fail(VNSEG_INVALID_ARGUMENT, "NULL text");
  // Offsets inside the library are 32-bit.
  if (static_cast<uint64_t>(length) >= (uint64_t{1} << 32)) {
    return Fail(VNSEG_INVALID_ARGUMENT, "text of 4 GiB or more");
  }
  absl::Status valid = vnseg::ValidateUtf8(std::string_view(text, length));
  return valid.ok() ? VNSEG_OK : Fail(VNSEG_INVALID_UTF8, MessageOf(valid));
}

// Checks the pointers every text-to-buffer function takes and the text.
vnseg_status CheckText(const char* text, size_t length, char* out, size_t capacity,
                       size_t* out_length) {
  if (out_length == nullptr || (out == nullptr && capacity > 0)) {
    return Fail(VNSEG_INVALID_ARGUMENT, "NULL out or out_length");
  }
  return CheckUtf8(text, length);
}

// Runs `body`, turning an escaping exception (std::bad_alloc, realistically)
// into VNSEG_INTERNAL: nothing may unwind into C.
template <typename Body>
vnseg_status Guarded(Body body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    return Fail(VNSEG_INTERNAL, e.what());
  } catch (...) {
    return Fail(VNSEG_INTERNAL, "unknown C++ exception");
  }
}

}  // namespace

extern "C" {

const char* vnseg_last_error(void) { return last_error.c_str(); }

const char* vnseg_status_name(vnseg_status status) {
  switch (status) {
    case VNSEG_OK: return "ok";
    case VNSEG_INVALID_ARGUMENT: return "invalid_argument";
    case VNSEG_INVALID_UTF8: return "invalid_utf8";
    case VNSEG_NOT_FOUND: return "not_found";
    case VNSEG_DATA_ERROR: return "data_error";
    case VNSEG_BUFFER_TOO_SMALL: return "buffer_too_small";
    case VNSEG_STOPPED: return "stopped";
    case VNSEG_INTERNAL: return "internal";
  }
  return "unknown";
}

const char* vnseg_version(void) { return VNSEG_VERSION_STRING; }

vnseg_status vnseg_dictionary_open(const char* path, vnseg_dictionary** dictionary) {
  return Guarded([&] {
    if (dictionary == nullptr) return Fail(VNSEG_INVALID_ARGUMENT, "NULL dictionary");
    *dictionary = nullptr;
    auto opened =
        path != nullptr
            ? vnseg::Dictionary::Open(path)
            : vnseg::OpenDefaultDictionary(
                  "path", "Choose one with a path to vnseg_dictionary_open or VNSEG_DICT=FILE.");
    if (!opened.ok()) return FromStatus(opened.status());
    *dictionary = new vnseg_dictionary{std::move(*opened), nullptr};
    return Succeed();
  });
}

vnseg_status vnseg_user_words_open(const char* path, vnseg_dictionary** user_words) {
  return Guarded([&] {
    if (path == nullptr || user_words == nullptr) {
      return Fail(VNSEG_INVALID_ARGUMENT, "NULL path or user_words");
    }
    *user_words = nullptr;
    auto loaded = vnseg::LoadUserWords(path);
    if (!loaded.ok()) return FromStatus(loaded.status());
    *user_words = new vnseg_dictionary{nullptr, std::move(*loaded)};
    return Succeed();
  });
}

void vnseg_dictionary_free(vnseg_dictionary* dictionary) { delete dictionary; }

vnseg_status vnseg_default_dictionary_path(char* out, size_t capacity, size_t* out_length) {
  return Guarded([&] {
    if (out_length == nullptr || (out == nullptr && capacity > 0)) {
      return Fail(VNSEG_INVALID_ARGUMENT, "NULL out or out_length");
    }
    return CopyOut(vnseg::DefaultDictionaryPath(), out, capacity, out_length);
  });
}

vnseg_status vnseg_segmenter_new(const vnseg_dictionary* dictionary,
                                 const vnseg_dictionary* user_words,
                                 vnseg_segmenter** segmenter) {
  return Guarded([&] {
    if (segmenter == nullptr) return Fail(VNSEG_INVALID_ARGUMENT, "NULL segmenter");
    *segmenter = nullptr;  // on every failure, as vnseg_dictionary_open does
    if (dictionary == nullptr) return Fail(VNSEG_INVALID_ARGUMENT, "NULL dictionary");
    if (dictionary->dictionary == nullptr) {
      return Fail(VNSEG_INVALID_ARGUMENT, "dictionary is user words (from vnseg_user_words_open)");
    }
    if (user_words != nullptr && user_words->user_words == nullptr) {
      return Fail(VNSEG_INVALID_ARGUMENT, "user_words is a dictionary (from vnseg_dictionary_open)");
    }
    *segmenter = new vnseg_segmenter(dictionary->dictionary.get(),
                                     user_words != nullptr ? user_words->user_words.get() : nullptr);
    return Succeed();
  });
}

void vnseg_segmenter_free(vnseg_segmenter* segmenter) { delete segmenter; }

vnseg_status vnseg_segment(vnseg_segmenter* segmenter, const char* text, size_t length,
                           unsigned flags, char* out, size_t capacity, size_t* out_length) {
  return Guarded([&] {
    if (segmenter == nullptr) return Fail(VNSEG_INVALID_ARGUMENT, "NULL segmenter");
    if (flags & ~static_cast<unsigned>(VNSEG_SEGMENT_TOKENIZE)) {
      return Fail(VNSEG_INVALID_ARGUMENT, "unknown flag");
    }
    if (vnseg_status s = CheckText(text, length, out, capacity, out_length); s != VNSEG_OK) return s;
    vnseg::SegmentOptions options;
    options.tokenize = (flags & VNSEG_SEGMENT_TOKENIZE) != 0;
    segmenter->output.clear();
    vnseg::SegmentText(segmenter->segmenter, std::string_view(text, length), options,
                       &segmenter->output);
    return CopyOut(segmenter->output, out, capacity, out_length);
  });
}

vnseg_status vnseg_segment_tokens(vnseg_segmenter* segmenter, const char* text, size_t length,
                                  vnseg_token_callback callback, void* user_data) {
  return Guarded([&] {
    if (segmenter == nullptr || callback == nullptr) {
      return Fail(VNSEG_INVALID_ARGUMENT, "NULL segmenter or callback");
    }
    if (vnseg_status s = CheckUtf8(text, length); s != VNSEG_OK) return s;
    for (const vnseg::Word& word : segmenter->segmenter.Segment(std::string_view(text, length))) {
      if (word.kind == vnseg::TokenKind::kSpace) continue;
      vnseg_token token{word.begin, word.end, static_cast<vnseg_token_kind>(word.kind),
                        word.syllables};
      if (callback(user_data, &token) != 0) return Fail(VNSEG_STOPPED, "stopped by the callback");
    }
    return Succeed();
  });
}

vnseg_status vnseg_join(const char* text, size_t length, unsigned flags, char* out,
                        size_t capacity, size_t* out_length) {
  return Guarded([&] {
    if (flags & ~static_cast<unsigned>(VNSEG_JOIN_DETOK)) {
      return Fail(VNSEG_INVALID_ARGUMENT, "unknown flag");
    }
    if (vnseg_status s = CheckText(text, length, out, capacity, out_length); s != VNSEG_OK) return s;
    vnseg::JoinOptions options;
    options.detok = (flags & VNSEG_JOIN_DETOK) != 0;
    std::string result;
    vnseg::JoinText(std::string_view(text, length), options, &result);
    return CopyOut(result, out, capacity, out_length);
  });
}

vnseg_status vnseg_normalize(const char* text, size_t length, vnseg_tone tone, unsigned flags,
                             char* out, size_t capacity, size_t* out_length) {
  return Guarded([&] {
    vnseg::NormalizeOptions options;
    constexpr unsigned kKnown = VNSEG_NORMALIZE_FOLD_QUOTES | VNSEG_NORMALIZE_KEEP_SPACES |
                                VNSEG_NORMALIZE_KEEP_INVISIBLE;
    if (vnseg_status s = ToNormalizeOptions(tone, flags, kKnown, &options); s != VNSEG_OK) return s;
    if (vnseg_status s = CheckText(text, length, out, capacity, out_length); s != VNSEG_OK) return s;
    std::string result;
    if (absl::Status s = vnseg::Normalize(std::string_view(text, length), options, &result); !s.ok()) {
      return FromStatus(s);
    }
    return CopyOut(result, out, capacity, out_length);
  });
}

vnseg_status vnseg_normalize_from(const char* bytes, size_t length, const char* from,
                                  vnseg_tone tone, unsigned flags, char* out, size_t capacity,
                                  size_t* out_length, const char** detected, double* confidence) {
  return Guarded([&] {
    vnseg::NormalizeOptions options;
    constexpr unsigned kKnown = VNSEG_NORMALIZE_FOLD_QUOTES | VNSEG_NORMALIZE_KEEP_SPACES |
                                VNSEG_NORMALIZE_KEEP_INVISIBLE | VNSEG_NORMALIZE_FIX_MOJIBAKE;
    if (vnseg_status s = ToNormalizeOptions(tone, flags, kKnown, &options); s != VNSEG_OK) return s;
    if (out_length == nullptr || (out == nullptr && capacity > 0)) {
      return Fail(VNSEG_INVALID_ARGUMENT, "NULL out or out_length");
    }
    if (bytes == nullptr && length > 0) return Fail(VNSEG_INVALID_ARGUMENT, "NULL bytes");
    if (static_cast<uint64_t>(length) >= (uint64_t{1} << 32)) {
      return Fail(VNSEG_INVALID_ARGUMENT, "text of 4 GiB or more");
    }
    std::optional<vnseg::Encoding> encoding;
    if (from != nullptr && std::string_view(from) != "auto") {
      encoding = vnseg::ParseEncoding(from);
      if (!encoding.has_value()) {
        return Fail(VNSEG_INVALID_ARGUMENT,
                    "unknown encoding (auto, utf8, tcvn3, vni, viscii, cp1258 or viqr)");
      }
    }
    std::string result;
    vnseg::Detection found;
    absl::Status s = vnseg::NormalizeEncoded(std::string_view(bytes, length), encoding, options,
                                             &result, &found);
    if (detected != nullptr) *detected = vnseg::EncodingName(found.encoding);
    if (confidence != nullptr) *confidence = found.confidence;
    if (s.code() == absl::StatusCode::kInvalidArgument) return Fail(VNSEG_INVALID_UTF8, MessageOf(s));
    if (!s.ok()) return FromStatus(s);
    return CopyOut(result, out, capacity, out_length);
  });
}

vnseg_status vnseg_detect(const char* bytes, size_t length, const char** encoding,
                          double* confidence) {
  return Guarded([&] {
    if (encoding == nullptr || (bytes == nullptr && length > 0)) {
      return Fail(VNSEG_INVALID_ARGUMENT, "NULL bytes or encoding");
    }
    vnseg::Detection found = vnseg::DetectEncoding(
        std::string_view(bytes, std::min<size_t>(length, vnseg::kDetectSampleBytes)));
    *encoding = vnseg::EncodingName(found.encoding);
    if (confidence != nullptr) *confidence = found.confidence;
    return Succeed();
  });
}

}  // extern "C"
