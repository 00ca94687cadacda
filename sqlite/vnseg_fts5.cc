// SQLite loadable extension: registers the FTS5 tokenizer "vnseg".
//
//   .load path/to/vnseg_fts5
//   CREATE VIRTUAL TABLE t USING fts5(body, tokenize='vnseg');
//   CREATE VIRTUAL TABLE t USING fts5(body, tokenize='vnseg remove_diacritics 1');
//
// Arguments: `remove_diacritics 0|1` (search_terms.h explains both modes),
// `dict PATH` (default: vnseg::DefaultDictionaryPath(), which finds the
// dictionary of the prefix this extension is installed in) and
// `user_words PATH` (a word list, as the CLI's --user-words). When a table's
// tokenizer cannot be made, SQLite says "error in tokenizer constructor"
// and `SELECT vnseg_last_error()` says why. Offsets
// given to FTS5 are byte offsets into the original text, so highlight()
// and snippet() show the text as written.
#include <sqlite3ext.h>

#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "search_terms.h"
#include "vnseg/dictionary.h"
#include "vnseg/word_list.h"

SQLITE_EXTENSION_INIT1

namespace {

struct VnsegTokenizer {
  std::unique_ptr<vnseg::Dictionary> dictionary;
  std::unique_ptr<vnseg::UserWords> user_words;  // may be null
  std::unique_ptr<vnseg::SearchTerms> terms;
};

struct Arguments {
  vnseg::SearchTermOptions options;
  std::string dictionary_path;
  std::string user_words_path;
};

absl::Status ParseArguments(const char** args, int count, Arguments* parsed) {
  for (int i = 0; i < count; i += 2) {
    std::string_view name = args[i];
    if (name != "remove_diacritics" && name != "dict" && name != "user_words") {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown argument '", args[i],
                       "' (arguments: remove_diacritics 0|1, dict PATH, user_words PATH)"));
    }
    if (i + 1 == count) {
      return absl::InvalidArgumentError(absl::StrCat("'", args[i], "' needs a value"));
    }
    std::string_view value = args[i + 1];
    if (name == "remove_diacritics") {
      if (value != "0" && value != "1") {
        return absl::InvalidArgumentError(
            absl::StrCat("remove_diacritics must be 0 or 1, not '", args[i + 1], "'"));
      }
      parsed->options.remove_diacritics = value == "1";
    } else if (name == "dict") {
      parsed->dictionary_path = std::string(value);
    } else {
      parsed->user_words_path = std::string(value);
    }
  }
  return absl::OkStatus();
}

// Makes the tokenizer of a table, or says why it cannot.
absl::StatusOr<std::unique_ptr<VnsegTokenizer>> MakeTokenizer(const char** args, int count) {
  Arguments parsed;
  if (absl::Status s = ParseArguments(args, count, &parsed); !s.ok()) return s;
  auto tokenizer = std::make_unique<VnsegTokenizer>();
  auto dictionary =
      !parsed.dictionary_path.empty()
          ? vnseg::Dictionary::Open(parsed.dictionary_path)
          : vnseg::OpenDefaultDictionary(
                "dict", "Choose one with tokenize='vnseg dict PATH' or VNSEG_DICT=FILE.");
  if (!dictionary.ok()) return dictionary.status();
  tokenizer->dictionary = *std::move(dictionary);
  if (!parsed.user_words_path.empty()) {
    auto user_words = vnseg::LoadUserWords(parsed.user_words_path);
    if (!user_words.ok()) return user_words.status();
    tokenizer->user_words = *std::move(user_words);
  }
  tokenizer->terms = std::make_unique<vnseg::SearchTerms>(
      tokenizer->dictionary.get(), tokenizer->user_words.get(), parsed.options);
  return tokenizer;
}

// FTS5 turns any failure of a tokenizer's constructor into the fixed
// message "error in tokenizer constructor" (xCreate has no way to return
// text), keeping only the result code. So a connection's tokenizers keep
// the reason here, for vnseg_last_error(). SQLite runs both with the
// connection's mutex held (or the application uses a connection from one
// thread at a time): no lock of our own.
struct ConnectionState {
  std::string last_error;  // empty when the last construction succeeded
};
using SharedState = std::shared_ptr<ConnectionState>;

void DestroyState(void* state) noexcept { delete static_cast<SharedState*>(state); }

// The most specific result code SQLite lets through: a file that cannot be
// opened (a missing dictionary or word list) is SQLITE_CANTOPEN.
int ResultCode(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kPermissionDenied: return SQLITE_CANTOPEN;
    default: return SQLITE_ERROR;
  }
}

int Create(void* user_data, const char** args, int count, Fts5Tokenizer** out) noexcept {
  *out = nullptr;
  ConnectionState& state = **static_cast<SharedState*>(user_data);
  try {
    auto tokenizer = MakeTokenizer(args, count);
    if (!tokenizer.ok()) {
      state.last_error = std::string(tokenizer.status().message());
      sqlite3_log(SQLITE_ERROR, "vnseg tokenizer: %s", state.last_error.c_str());
      return ResultCode(tokenizer.status());
    }
    state.last_error.clear();
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer->release());
    return SQLITE_OK;
  } catch (const std::exception&) {
    return SQLITE_NOMEM;
  }
}

void Delete(Fts5Tokenizer* tokenizer) noexcept {
  delete reinterpret_cast<VnsegTokenizer*>(tokenizer);
}

using TokenFn = int (*)(void* context, int flags, const char* token, int size, int begin, int end);

// FTS5 uses a tokenizer instance from one connection at a time, so the
// instance's segmenter is never used by two threads at once.
int Tokenize(Fts5Tokenizer* handle, void* context, int flags, const char* text, int size,
             TokenFn token) noexcept {
  auto* tokenizer = reinterpret_cast<VnsegTokenizer*>(handle);
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  try {
    return tokenizer->terms->ForEach(
        std::string_view(text, static_cast<size_t>(size)), query, [&](const vnseg::SearchTerm& t) {
          return token(context, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.key.data(),
                       static_cast<int>(t.key.size()), static_cast<int>(t.begin),
                       static_cast<int>(t.end));
        });
  } catch (const std::exception&) {
    return SQLITE_NOMEM;
  }
}

// The documented way to reach FTS5's API from an extension.
fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
  }
  sqlite3_finalize(statement);
  return api;
}

// SQL function vnseg_dictionary_path(): the dictionary a table without
// `dict` opens, to check an installation.
void DictionaryPathFunction(sqlite3_context* context, int, sqlite3_value**) noexcept {
  try {
    std::string path = vnseg::DefaultDictionaryPath();
    sqlite3_result_text(context, path.data(), static_cast<int>(path.size()), SQLITE_TRANSIENT);
  } catch (const std::exception&) {
    sqlite3_result_error_nomem(context);
  }
}

// SQL function vnseg_last_error(): why the last tokenizer construction on
// this connection failed (a bad argument, a missing dictionary, a bad word
// list), or NULL if it succeeded.
void LastErrorFunction(sqlite3_context* context, int, sqlite3_value**) noexcept {
  const std::string& error = (*static_cast<SharedState*>(sqlite3_user_data(context)))->last_error;
  if (error.empty()) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_text(context, error.data(), static_cast<int>(error.size()), SQLITE_TRANSIENT);
  }
}

}  // namespace

// The entry point SQLite derives from the file name vnseg_fts5.so.
extern "C" __attribute__((visibility("default"))) int sqlite3_vnsegfts_init(
    sqlite3* db, char** error, const sqlite3_api_routines* routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) {
    *error = sqlite3_mprintf("vnseg: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  // The tokenizer and the function each own a reference to the state,
  // released when SQLite drops them (at the latest when the connection closes).
  SharedState* for_tokenizer = nullptr;
  SharedState* for_function = nullptr;
  try {
    SharedState state = std::make_shared<ConnectionState>();
    for_tokenizer = new SharedState(state);
    for_function = new SharedState(state);
  } catch (const std::exception&) {
    delete for_tokenizer;
    return SQLITE_NOMEM;
  }
  fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  int rc = api->xCreateTokenizer(api, "vnseg", for_tokenizer, &tokenizer, DestroyState);
  if (rc != SQLITE_OK) {
    DestroyState(for_tokenizer);
    DestroyState(for_function);
    return rc;
  }
  // On failure SQLite calls DestroyState itself.
  rc = sqlite3_create_function_v2(db, "vnseg_last_error", 0, SQLITE_UTF8, for_function,
                                  LastErrorFunction, nullptr, nullptr, DestroyState);
  if (rc != SQLITE_OK) return rc;
  return sqlite3_create_function(db, "vnseg_dictionary_path", 0, SQLITE_UTF8, nullptr,
                                 DictionaryPathFunction, nullptr, nullptr);
}
