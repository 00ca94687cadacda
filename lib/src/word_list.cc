#include "vnseg/word_list.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/string_view.h"
#include "dictionary_image.h"
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

// True for a number that fits a uint32_t, digits only (no sign or space,
// which absl::SimpleAtoi would take).
bool IsWholeNumber(absl::string_view text) {
  uint32_t value;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// Editors on Windows start UTF-8 files with a byte order mark; it is not
// part of the first word (which it would make unmatchable).
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

absl::Status AddWordList(std::string_view text, std::string_view origin, uint32_t flags,
                         DictionaryBuilder* builder, SkippedEntries* skipped) {
  if (absl::Status s = ValidateUtf8(text); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(origin),
                                                   ": ", s.message()));
  }
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  size_t line_no = 0;
  for (absl::string_view line : absl::StrSplit(ToAbsl(text), '\n')) {
    ++line_no;
    absl::ConsumeSuffix(&line, "\r");
    if (line.empty() || line[0] == '#') continue;
    // word [TAB frequency [TAB tags]]: the tags are the rest of the line.
    std::vector<absl::string_view> fields = absl::StrSplit(line, absl::MaxSplits('\t', 2));
    uint32_t word_flags = flags;
    if (fields.size() == 3 && !fields[2].empty()) {
      absl::string_view tags = fields[2];
      absl::ConsumeSuffix(&tags, ",");  // "noun," is fine
      for (absl::string_view tag : absl::StrSplit(tags, ',')) {
        uint32_t flag = TagFlag(ToStd(tag));
        if (flag == 0) {
          return absl::InvalidArgumentError(absl::StrCat(
              ToAbsl(origin), ":", line_no, ": unknown tag '", tag,
              "' (known: common, headword, classifier, function, verb, noun, adjective)"));
        }
        word_flags |= flag;
      }
    }
    // The frequency is checked, not stored: the dictionary keeps no counts.
    if (fields.size() >= 2 && !IsWholeNumber(fields[1])) {
      return absl::InvalidArgumentError(
          absl::StrCat(ToAbsl(origin), ":", line_no,
                       ": the frequency after the tab is not a whole number"));
    }
    if (!builder->Add(ToStd(fields[0]), word_flags) && skipped != nullptr) {
      if (skipped->first.size() < SkippedEntries::kMaxKept) {
        skipped->first.push_back({line_no, std::string(fields[0])});
      }
      ++skipped->count;
    }
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

absl::Status AddWordListFile(const std::string& path, uint32_t flags, DictionaryBuilder* builder,
                             SkippedEntries* skipped) {
  auto text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  return AddWordList(*text, path, flags, builder, skipped);
}

absl::StatusOr<std::unique_ptr<UserWords>> CompileUserWords(std::string_view text,
                                                            std::string_view origin,
                                                            SkippedEntries* skipped) {
  DictionaryBuilder builder;
  if (absl::Status s = AddWordList(text, origin, kFromUserList, &builder, skipped); !s.ok()) {
    return s;
  }
  auto image =
      DictionaryImage::FromBytes(builder.Build(absl::StrCat("user words from ", ToAbsl(origin))));
  if (!image.ok()) return image.status();
  return std::make_unique<UserWordsImage>(*std::move(image));
}

absl::StatusOr<std::unique_ptr<UserWords>> LoadUserWords(const std::string& path,
                                                         SkippedEntries* skipped) {
  auto text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  return CompileUserWords(*text, path, skipped);
}

}  // namespace vnseg
