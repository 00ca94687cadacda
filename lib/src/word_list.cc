#include "vnseg/word_list.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "string_view_util.h"
#include "vnseg/utf8_validate.h"

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

}  // namespace

absl::Status AddWordList(std::string_view text, std::string_view origin, uint32_t flags,
                         DictionaryBuilder* builder) {
  if (absl::Status s = ValidateUtf8(text); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(origin),
                                                   ": ", s.message()));
  }
  size_t line_no = 0, pos = 0;
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
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("cannot read ", path));
  return buffer.str();
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
