#include "vnseg/word_list.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "string_view_util.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

// The WordFlags of a word-list tag, or 0 if there is no such tag.
uint32_t TagFlag(std::string_view tag) {
  static constexpr std::pair<std::string_view, uint32_t> kTags[] = {
      {"common", kCommonWord}, {"headword", kHeadword}, {"classifier", kClassifier},
      {"function", kFunctionWord}, {"verb", kVerb}, {"noun", kNoun}, {"adjective", kAdjective},
  };
  for (const auto& [name, flag] : kTags) {
    if (name == tag) return flag;
  }
  return 0;
}

// Editors on Windows start UTF-8 files with a byte order mark; it is not
// part of the first word (which it would make unmatchable).
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

absl::Status AddWordList(std::string_view text, std::string_view origin, uint32_t flags,
                         DictionaryBuilder* builder) {
  if (absl::Status s = ValidateUtf8(text); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(origin),
                                                   ": ", s.message()));
  }
  size_t line_no = 0, pos = 0;
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) pos = kUtf8Bom.size();
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    uint32_t frequency = 1;
    uint32_t word_flags = flags;
    if (size_t tab = line.find('\t'); tab != std::string_view::npos) {
      std::string_view number = line.substr(tab + 1);
      if (size_t tags_tab = number.find('\t'); tags_tab != std::string_view::npos) {
        std::string_view tags = number.substr(tags_tab + 1);
        number = number.substr(0, tags_tab);
        while (!tags.empty()) {
          size_t comma = tags.find(',');
          std::string_view tag = tags.substr(0, comma);
          uint32_t flag = TagFlag(tag);
          if (flag == 0) {
            return absl::InvalidArgumentError(absl::StrCat(
                ToAbsl(origin), ":", line_no, ": unknown tag '", ToAbsl(tag),
                "' (known: common, headword, classifier, function, verb, noun, adjective)"));
          }
          word_flags |= flag;
          tags = comma == std::string_view::npos ? std::string_view() : tags.substr(comma + 1);
        }
      }
      auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), frequency);
      if (ec != std::errc() || end != number.data() + number.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat(ToAbsl(origin), ":", line_no,
                         ": the frequency after the tab is not a whole number"));
      }
      line = line.substr(0, tab);
    }
    builder->Add(line, frequency, word_flags);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  // POSIX calls, not an ifstream: an ifstream opens a directory and reads
  // it as empty, which made `--user-words DIR` an empty list.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int saved_errno = errno;
    std::string why = absl::StrCat("cannot open ", path, ": ", std::strerror(saved_errno));
    return saved_errno == EACCES ? absl::PermissionDeniedError(why) : absl::NotFoundError(why);
  }
  std::string text;
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory, not a file"));
    }
    if (S_ISREG(st.st_mode)) text.reserve(static_cast<size_t>(st.st_size));
  }
  char block[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved_errno = errno;
      ::close(fd);
      return absl::DataLossError(
          absl::StrCat("cannot read ", path, ": ", std::strerror(saved_errno)));
    }
    if (n == 0) break;
    text.append(block, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

absl::Status AddWordListFile(const std::string& path, uint32_t flags, DictionaryBuilder* builder) {
  auto text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  return AddWordList(*text, path, flags, builder);
}

absl::StatusOr<std::unique_ptr<Dictionary>> CompileUserWords(std::string_view text,
                                                             std::string_view origin) {
  DictionaryBuilder builder;
  if (absl::Status s = AddWordList(text, origin, kFromUserList, &builder); !s.ok()) return s;
  return Dictionary::FromBytes(builder.Build(absl::StrCat("user words from ", ToAbsl(origin))));
}

absl::StatusOr<std::unique_ptr<Dictionary>> LoadUserWords(const std::string& path) {
  auto text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  return CompileUserWords(*text, path);
}

}  // namespace vnseg
