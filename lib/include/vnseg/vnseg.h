/* The C API of vnseg: for hosts that are not C++ (C programs, SQLite
 * extensions, FFI from other languages).
 *
 * A thin layer over the C++ library: the same segmentation, join and
 * normalization, with opaque handles, error codes and caller-owned buffers.
 * Nothing throws and no C++ type crosses this header.
 *
 * Threads: a vnseg_dictionary is read-only once opened and may be shared by
 * any number of threads and segmenters. A vnseg_segmenter keeps scratch
 * space: use one per thread (or lock around it).
 *
 * Text is UTF-8 with an explicit length (it need not be NUL-terminated and
 * may contain NUL bytes), shorter than 4 GiB. Invalid UTF-8 is refused with
 * VNSEG_INVALID_UTF8.
 *
 * Output buffers, for every function with (out, capacity, out_length): on
 * success the result and a terminating NUL are written, and *out_length is
 * the result's length without the NUL. When capacity < length + 1 nothing
 * usable is written, *out_length is still set to the length, and the call
 * returns VNSEG_BUFFER_TOO_SMALL: call again with a buffer of
 * *out_length + 1 bytes. `out` may be NULL when `capacity` is 0.
 */
#ifndef VNSEG_VNSEG_H_
#define VNSEG_VNSEG_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum vnseg_status {
  VNSEG_OK = 0,
  VNSEG_INVALID_ARGUMENT = 1, /* a NULL handle or pointer, an unknown flag */
  VNSEG_INVALID_UTF8 = 2,     /* the message names the first bad byte */
  VNSEG_NOT_FOUND = 3,        /* the dictionary file does not exist */
  VNSEG_DATA_ERROR = 4,       /* the dictionary file is corrupt or of another version */
  VNSEG_BUFFER_TOO_SMALL = 5, /* see "Output buffers" above */
  VNSEG_STOPPED = 6,          /* a token callback returned non-zero */
  VNSEG_INTERNAL = 7          /* out of memory or a bug */
} vnseg_status;

/* The message of the last error on the calling thread ("" after a call
 * that succeeded). Never NULL; valid until the next vnseg_ call on this
 * thread. */
const char* vnseg_last_error(void);

/* Short name of a status ("ok", "invalid_utf8", ...; "unknown" for a value
 * that is none). Never NULL, static. */
const char* vnseg_status_name(vnseg_status status);

/* The library version, "MAJOR.MINOR.PATCH". Never NULL, static. */
const char* vnseg_version(void);

/* ---- Dictionary ---------------------------------------------------- */

typedef struct vnseg_dictionary vnseg_dictionary;

/* Opens the compiled dictionary at `path`, or the default one when `path`
 * is NULL (see vnseg_default_dictionary_path). On success *dictionary is a
 * new handle to free with vnseg_dictionary_free; on failure it is NULL.
 * VNSEG_INVALID_ARGUMENT if `dictionary` is NULL or `path` is no regular
 * file (a directory), VNSEG_NOT_FOUND when the file cannot be opened
 * (missing, or permission denied), VNSEG_DATA_ERROR when it is no usable dictionary
 * (damaged, or of another format version: rebuild it); the message names
 * the path. With a NULL `path`, when no default place holds a dictionary,
 * the message lists every place looked in, in order, with what is there,
 * and how to choose one (as the CLI's: "no dictionary found; looked in, in
 * order:\n  path: not given\n  $VNSEG_DICT: ...\n...Choose one with a path
 * to vnseg_dictionary_open or VNSEG_DICT=FILE."). */
vnseg_status vnseg_dictionary_open(const char* path, vnseg_dictionary** dictionary);

/* Frees a handle of vnseg_dictionary_open or vnseg_user_words_open (NULL
 * is allowed). Every segmenter using it must be freed first. */
void vnseg_dictionary_free(vnseg_dictionary* dictionary);

/* Compiles the word list at `path` (UTF-8, one word a line, '_' or a space
 * between syllables, optionally a TAB and a frequency, '#' comments) into
 * user words to pass as `user_words` to vnseg_segmenter_new (and only
 * there): the CLI's --user-words. On success *user_words is a new handle to
 * free with vnseg_dictionary_free; on failure it is NULL.
 * VNSEG_INVALID_ARGUMENT for a NULL argument or a bad list (invalid UTF-8,
 * an unknown tag: the message names the line) or a path that is a
 * directory, VNSEG_NOT_FOUND when the file cannot be opened (missing, or
 * permission denied). */
vnseg_status vnseg_user_words_open(const char* path, vnseg_dictionary** user_words);

/* Where vnseg_dictionary_open(NULL, ...) looks: $VNSEG_DICT if set, else the
 * first readable file of: the installed dictionary seen from a shared
 * libvnseg (or a plug-in linking vnseg) in <prefix>/lib; <dir of the
 * program>/../share/vnseg/vnseg.dic; the build tree's dictionary; the
 * configured install path (even if missing). Written to `out` as described
 * under "Output buffers"; VNSEG_INVALID_ARGUMENT if `out_length` is NULL. */
vnseg_status vnseg_default_dictionary_path(char* out, size_t capacity, size_t* out_length);

/* ---- Segmenter ----------------------------------------------------- */

typedef struct vnseg_segmenter vnseg_segmenter;

/* A segmenter over `dictionary` (from vnseg_dictionary_open; it must
 * outlive the segmenter). `user_words` may be NULL, else it comes from
 * vnseg_user_words_open and must outlive the segmenter too. Swapping the
 * two, or a NULL `dictionary` or `segmenter`, is VNSEG_INVALID_ARGUMENT. On
 * success *segmenter is a new handle to free with vnseg_segmenter_free; on
 * any other failure it is NULL. */
vnseg_status vnseg_segmenter_new(const vnseg_dictionary* dictionary,
                                 const vnseg_dictionary* user_words,
                                 vnseg_segmenter** segmenter);
/* Frees a segmenter (NULL is allowed). */
void vnseg_segmenter_free(vnseg_segmenter* segmenter);

/* Flags of vnseg_segment. */
enum {
  /* VnCoreNLP/PhoBERT style: every word and punctuation mark separated by
   * one space. Without it the output is lossless: only the spaces inside
   * words become '_'. */
  VNSEG_SEGMENT_TOKENIZE = 1u << 0
};

/* Natural text -> '_' word form ("Tổng thống Mỹ" -> "Tổng_thống Mỹ"),
 * written to `out` as described under "Output buffers". `text` may be NULL
 * when `length` is 0. VNSEG_INVALID_ARGUMENT for a NULL segmenter or
 * out_length or an unknown flag, VNSEG_INVALID_UTF8 for invalid text. */
vnseg_status vnseg_segment(vnseg_segmenter* segmenter, const char* text, size_t length,
                           unsigned flags, char* out, size_t capacity, size_t* out_length);

/* What a token is; the same values as vnseg::TokenKind. */
typedef enum vnseg_token_kind {
  VNSEG_TOKEN_SYLLABLE = 0, /* a word of one or more syllables */
  VNSEG_TOKEN_NUMBER,
  VNSEG_TOKEN_URL,
  VNSEG_TOKEN_EMAIL,
  VNSEG_TOKEN_HASHTAG,
  VNSEG_TOKEN_MENTION,
  VNSEG_TOKEN_ABBREVIATION,
  VNSEG_TOKEN_PUNCT,
  VNSEG_TOKEN_SPACE, /* never passed to a callback */
  VNSEG_TOKEN_OTHER
} vnseg_token_kind;

typedef struct vnseg_token {
  size_t begin;  /* byte offset of the first byte in the text */
  size_t end;    /* byte offset one past the last byte */
  vnseg_token_kind kind;
  unsigned syllables; /* > 1 for a multi-syllable word; its syllables are
                         separated by single ASCII spaces */
} vnseg_token;

/* Called once per word, in order. Return 0 to go on, anything else to stop
 * (vnseg_segment_tokens then returns VNSEG_STOPPED). */
typedef int (*vnseg_token_callback)(void* user_data, const vnseg_token* token);

/* Segments `text` and calls `callback` for each word and punctuation mark
 * (white space is skipped). Offsets point into `text`; the token is valid
 * only during the call. The callback must not use `segmenter` (another
 * segmenter is fine). VNSEG_INVALID_ARGUMENT for a NULL segmenter or
 * callback, VNSEG_INVALID_UTF8 for invalid text (no callback is made),
 * VNSEG_STOPPED when the callback stopped. */
vnseg_status vnseg_segment_tokens(vnseg_segmenter* segmenter, const char* text, size_t length,
                                  vnseg_token_callback callback, void* user_data);

/* ---- Join and normalize (no dictionary needed) --------------------- */

/* Flags of vnseg_join. */
enum {
  /* Also undo the tokenized style (no space before , . : ; ! ? ) ]). */
  VNSEG_JOIN_DETOK = 1u << 0
};

/* '_' word form -> natural text; the exact inverse of lossless segment.
 * Output and errors as for vnseg_segment; needs no dictionary, thread-safe. */
vnseg_status vnseg_join(const char* text, size_t length, unsigned flags, char* out,
                        size_t capacity, size_t* out_length);

/* Where the tone mark of open "oa", "oe", "uy" syllables goes. */
typedef enum vnseg_tone {
  VNSEG_TONE_KEEP = 0, /* leave it */
  VNSEG_TONE_OLD = 1,  /* hoà, khoẻ, thuỷ */
  VNSEG_TONE_NEW = 2   /* hòa, khỏe, thủy */
} vnseg_tone;

/* Flags of vnseg_normalize. */
enum {
  VNSEG_NORMALIZE_FOLD_QUOTES = 1u << 0,    /* curly and angle quotes -> " and ' */
  VNSEG_NORMALIZE_KEEP_SPACES = 1u << 1,    /* keep NBSP and other Unicode spaces */
  VNSEG_NORMALIZE_KEEP_INVISIBLE = 1u << 2, /* keep zero-width characters, BOMs */
  VNSEG_NORMALIZE_FIX_MOJIBAKE = 1u << 3    /* repair UTF-8 read as Windows-1252/Latin-1 */
};

/* Unicode NFC plus the options (see `vnseg normalize --help`). Output and
 * errors as for vnseg_segment (also VNSEG_INVALID_ARGUMENT for an unknown
 * tone); needs no dictionary, thread-safe. */
vnseg_status vnseg_normalize(const char* text, size_t length, vnseg_tone tone, unsigned flags,
                             char* out, size_t capacity, size_t* out_length);

/* ---- Legacy encodings (no dictionary needed) ----------------------- */

/* vnseg_normalize of `bytes` in the encoding `from`: "utf8", "tcvn3", "vni",
 * "viscii", "cp1258", "viqr", or "auto" (or NULL): detected on the first
 * 64 KiB as vnseg_detect does (clean UTF-8 is read as UTF-8). `detected`
 * and `confidence` (each may be NULL) get the encoding used, a static
 * string, and how sure the detection was (1 when `from` named it). Output
 * as for vnseg_segment; VNSEG_INVALID_ARGUMENT for an unknown `from` or
 * flag, VNSEG_INVALID_UTF8 for a byte the encoding does not define (or
 * invalid UTF-8), the message naming it. Thread-safe. */
vnseg_status vnseg_normalize_from(const char* bytes, size_t length, const char* from,
                                  vnseg_tone tone, unsigned flags, char* out, size_t capacity,
                                  size_t* out_length, const char** detected, double* confidence);

/* The encoding of `bytes` (a text's start: the first 64 KiB are read), as
 * `vnseg detect` prints it: `encoding` (a static string, not NULL) and
 * `confidence` from 0 to 1 (may be NULL). VNSEG_INVALID_ARGUMENT for NULL
 * bytes with a length or a NULL `encoding`. Thread-safe. */
vnseg_status vnseg_detect(const char* bytes, size_t length, const char** encoding,
                          double* confidence);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* VNSEG_VNSEG_H_ */
