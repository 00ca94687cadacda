#include "model_text.h"

#include <cmath>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "model.h"
#include "string_view_util.h"
#include "vnseg/syllable_key.h"

namespace vnseg::model {
namespace {

constexpr std::string_view kHeaderPrefix = "# vnseg model ";

uint64_t HashOfText(std::string_view syllable, std::string* scratch) {
  if (syllable == kBeforeRunText) return kBeforeRun;
  if (syllable == kAfterRunText) return kAfterRun;
  scratch->clear();
  AppendSyllableKey(syllable, scratch);
  return SyllableHash(*scratch);
}

bool ParseWeight(absl::string_view text, float* out) {
  return absl::SimpleAtof(text, out) && std::isfinite(*out);
}

std::string OutOfRange(float weight) {
  return absl::StrCat("weight ", weight, " is out of range (|weight| > ", kMaxWeight,
                      ": scores could overflow)");
}

}  // namespace

std::string ModelTextHeader() {
  return absl::StrCat(ToAbsl(kHeaderPrefix), kFeatureVersion, " dense ", kDenseSize, "\n");
}

void AppendDenseLine(int index, float weight, std::string* out) {
  absl::StrAppendFormat(out, "D\t%d\t%.6g\n", index, weight);
}

void AppendSyllables(const std::vector<std::string_view>& syllables, std::string* out) {
  for (size_t i = 0; i < syllables.size(); ++i) {
    if (i > 0) out->push_back(' ');
    out->append(syllables[i]);
  }
}

void AppendNgramLine(char kind, const std::vector<std::string_view>& syllables,
                     const float* weights, std::string* out) {
  out->push_back(kind);
  out->push_back('\t');
  AppendSyllables(syllables, out);
  absl::StrAppendFormat(out, "\t%.6g %.6g %.6g %.6g\n", weights[0], weights[1], weights[2],
                        weights[3]);
}

absl::StatusOr<ModelTable> ParseModelText(std::string_view text, std::string_view origin) {
  ModelTable table;
  size_t line_number = 0;
  auto error = [&](std::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(origin), ":", line_number, ": ", ToAbsl(why)));
  };
  std::string scratch;
  bool seen_header = false;
  for (absl::string_view line : absl::StrSplit(ToAbsl(text), '\n')) {
    ++line_number;
    if (!seen_header) {
      int version = 0, dense_size = 0;
      std::vector<absl::string_view> parts = absl::StrSplit(line, ' ');
      if (!absl::ConsumePrefix(&line, ToAbsl(kHeaderPrefix)) || parts.size() != 6 ||
          !absl::SimpleAtoi(parts[3], &version) || parts[4] != "dense" ||
          !absl::SimpleAtoi(parts[5], &dense_size)) {
        return error("not a vnseg model (first line must be \"# vnseg model VERSION dense N\")");
      }
      if (version != kFeatureVersion || dense_size != kDenseSize) {
        return error(absl::StrCat("model of feature version ", version, " with ", dense_size,
                                  " dense weights; this build reads version ", kFeatureVersion,
                                  " with ", kDenseSize, " (relearn it with `vnseg dict learn`)"));
      }
      table.dense.assign(kDenseSize, 0.0f);
      seen_header = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() != 3 || fields[0].size() != 1) return error("expected 3 tab-separated fields");
    if (fields[0] == "D") {
      int index;
      float weight;
      if (!absl::SimpleAtoi(fields[1], &index) || index < 0 || index >= kDenseSize ||
          !ParseWeight(fields[2], &weight)) {
        return error("bad dense weight line");
      }
      if (!WeightInRange(weight)) return error(OutOfRange(weight));
      table.dense[index] = weight;
    } else if (fields[0] == "N" || fields[0] == "L") {
      const bool listed = fields[0] == "L";
      std::vector<absl::string_view> syllables = absl::StrSplit(fields[1], ' ');
      std::vector<absl::string_view> weights = absl::StrSplit(fields[2], ' ');
      const size_t max_syllables = listed ? 1 : kMaxGram;
      if (syllables.size() > max_syllables || weights.size() != 4) {
        return error(absl::StrCat("a ", fields[0], " line needs 1 to ", max_syllables,
                                  " syllables and 4 weights"));
      }
      uint64_t hashes[kMaxGram];
      for (size_t i = 0; i < syllables.size(); ++i) {
        if (syllables[i].empty()) return error("empty syllable");
        hashes[i] = HashOfText(ToStd(syllables[i]), &scratch);
      }
      const uint64_t key = listed ? ListedGapKey(hashes[0])
                                  : NgramKey(static_cast<int>(syllables.size()), hashes);
      std::array<float, 4>& row = table.ngrams[key];
      for (size_t r = 0; r < 4; ++r) {
        float w;
        if (!ParseWeight(weights[r], &w)) return error("bad weight");
        row[r] += w;  // lines of one n-gram add up: the sum must be in range
        if (!WeightInRange(row[r])) return error(OutOfRange(row[r]));
      }
    } else {
      return error("a line starts with D, N, L or #");
    }
  }
  if (!seen_header) return error("empty model file");
  return table;
}

}  // namespace vnseg::model
