// The text form of a learned model: what `vnseg dict learn` writes and
// `vnseg dict build --model` compiles into a dictionary. Readable, so that a
// shipped model can be reviewed and diffed; never parsed at start-up.
//
//   # vnseg model 1 dense 123         first line: format and dense size
//   D <TAB> index <TAB> weight        a dense weight (model.h DenseBlock)
//   N <TAB> syl [syl] <TAB> w0 w1 w2 w3
//                                     an n-gram of canonical syllable keys
//                                     ("<s>"/"</s>": before/after the run)
//                                     and its weight in each gap role
//   L <TAB> syl <TAB> w0 w1 w2 w3     a syllable by a gap inside a listed word
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace vnseg::model {

struct ModelTable {
  absl::flat_hash_map<uint64_t, std::array<float, 4>> ngrams;  // NgramKey -> weights
  std::vector<float> dense;
};

inline constexpr std::string_view kBeforeRunText = "<s>";
inline constexpr std::string_view kAfterRunText = "</s>";

// The first line of the text form.
std::string ModelTextHeader();
void AppendDenseLine(int index, float weight, std::string* out);
// An N or L line (`kind`).
void AppendNgramLine(char kind, const std::vector<std::string_view>& syllables,
                     const float* weights, std::string* out);

// Parses the text form; errors name `origin` and the line.
absl::StatusOr<ModelTable> ParseModelText(std::string_view text, std::string_view origin);

}  // namespace vnseg::model
