// Averaged structured perceptron over the word lattice (model_features.h): decode
// each run with the current weights and, where the path differs from the
// gold one, move the weights of the gold path's features up and those of
// the predicted path's down. The average of the weights over all steps is
// what ships: it generalises much better than the last weights.
#include "vnseg/learn.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <unicode/unistr.h>
#include <unicode/locid.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "dictionary_image.h"
#include "model_decoder.h"
#include "model_features.h"
#include "lattice.h"
#include "lattice_builder.h"
#include "model_text.h"
#include "run_finder.h"
#include "string_view_util.h"
#include "vnseg/convert.h"
#include "vnseg/syllable_key.h"
#include "vnseg/tokenizer.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

// Weights whose average is smaller than this carry no decision and are
// left out of the model.
constexpr float kPruneBelow = 1e-3f;

// A segmented line read back into natural text and the byte offsets of the
// spaces that were '_' (word-inner joints).
struct GoldLine {
  std::string text;
  std::vector<uint32_t> joints;  // sorted
};

bool ReadGoldLine(std::string_view segmented, GoldLine* gold) {
  gold->text.clear();
  gold->joints.clear();
  JoinText(segmented, JoinOptions{}, &gold->text);
  // Joining maps each inner '_' to one space; "__" (a literal '_') would
  // shift offsets, and such lines are too rare to be worth aligning.
  if (gold->text.size() != segmented.size()) return false;
  for (size_t i = 0; i < segmented.size(); ++i) {
    if (segmented[i] == '_' && gold->text[i] == ' ') gold->joints.push_back(static_cast<uint32_t>(i));
  }
  return true;
}

// Weight plus the running sum for averaging: after T steps the average is
// w - sum / T when each update at step t adds delta to w and t * delta to sum.
struct Averaged {
  float w = 0;
  double sum = 0;
  void Add(float delta, double step) {
    w += delta;
    sum += step * delta;
  }
  float Average(double steps) const { return static_cast<float>(w - sum / steps); }
};

// Decodes like LearnedScorer, from weights that it updates as it goes, on
// the lattices the segmenter would build (no user words).
class ModelTrainer {
 public:
  explicit ModelTrainer(const Dictionary& dictionary)
      : lattice_builder_(&ImageOf(dictionary), nullptr), dense_(model::kDenseSize) {}

  // Learns from one line; returns false if its joints could not be read.
  // `caseless_only`: the line is a case variant, which moves only the
  // weights of caseless runs (IsCaselessWeight), so that normal text is
  // segmented as without variants.
  bool Learn(std::string_view segmented, bool caseless_only) {
    if (!ReadGoldLine(segmented, &gold_)) return false;
    caseless_only_ = caseless_only;
    tokens_.clear();
    PreTokenize(gold_.text, &tokens_);
    RememberSyllables();
    RunFinder runs(gold_.text, tokens_, false);
    SyllableRun run;
    while (runs.Next(&run)) {
      lattice_builder_.Build(gold_.text, tokens_, run, &lattice_);
      LearnRun(lattice_);
    }
    return true;
  }

  size_t runs() const { return runs_; }
  size_t correct_runs() const { return correct_runs_; }
  void ResetCounts() { runs_ = correct_runs_ = 0; }

  std::string ModelText(size_t* kept) const;

 private:
  // A sparse feature: an n-gram around gaps (kind 'N') or a syllable next
  // to a gap inside a listed word ('L').
  struct Ngram {
    char kind;
    int n;
    uint64_t syllables[model::kMaxGram];
    std::array<Averaged, 4> roles;
  };

  void RememberSyllables();
  void LearnRun(const Lattice& lattice);
  void AddGap(const Lattice& lattice, size_t g, float delta);
  void AddWord(size_t start, uint32_t length, float delta);
  void LookUp(const std::vector<uint64_t>& keys, std::vector<std::array<float, 4>>* values,
              std::vector<const float*>* rows) const;

  LatticeBuilder lattice_builder_;
  GoldLine gold_;
  absl::flat_hash_map<uint64_t, Ngram> ngrams_;
  std::vector<Averaged> dense_;
  absl::flat_hash_map<uint64_t, std::string> syllable_keys_;  // hash -> canonical key
  double step_ = 1;
  bool caseless_only_ = false;
  size_t runs_ = 0, correct_runs_ = 0;

  // Scratch.
  model::RunFeatures features_;
  std::vector<std::array<float, 4>> row_values_[model::kMaxGram + 1];
  model::Rows rows_;
  std::vector<float> dense_values_;
  std::vector<float> gap_scores_;
  model::WordScoreTable word_table_;
  model::DecodeScratch decode_;
  Lattice lattice_;
  std::vector<uint32_t> lengths_;  // the decoded path
  std::vector<uint32_t> gold_lengths_;
  std::vector<bool> gold_join_;
  std::vector<Token> tokens_;
  std::string key_;
};

// Canonical keys of the syllables of the line's tokens, for ModelText().
void ModelTrainer::RememberSyllables() {
  for (const Token& t : tokens_) {
    if (t.kind != TokenKind::kSyllable) continue;
    key_.clear();
    AppendSyllableKey(std::string_view(gold_.text).substr(t.begin, t.end - t.begin), &key_);
    syllable_keys_.try_emplace(model::SyllableHash(key_), key_);
  }
}

void ModelTrainer::LearnRun(const Lattice& lattice) {
  const size_t n = lattice.size();
  features_.Prepare(lattice, /*name_cuts=*/false);
  // The current weights of the run's features, as the rows the scores read.
  for (int gram = 0; gram < model::kMaxGram; ++gram) {
    LookUp(features_.ngrams[gram], &row_values_[gram], &rows_.ngrams[gram]);
  }
  LookUp(features_.listed_keys, &row_values_[model::kMaxGram], &rows_.listed);
  dense_values_.resize(model::kDenseSize);
  for (int i = 0; i < model::kDenseSize; ++i) dense_values_[i] = dense_[i].w;
  // The gold path: syllables k and k + 1 are one word if the space between
  // them was a '_'.
  std::vector<bool>& gold_join = gold_join_;
  gold_join.assign(n > 0 ? n - 1 : 0, false);
  gold_lengths_.clear();
  uint32_t length = 1;
  for (size_t k = 0; k + 1 < n; ++k) {
    gold_join[k] = std::binary_search(gold_.joints.begin(), gold_.joints.end(),
                                      lattice.begins[k + 1] - 1);
    if (gold_join[k]) {
      ++length;
    } else {
      gold_lengths_.push_back(length);
      length = 1;
    }
  }
  if (n > 0) gold_lengths_.push_back(length);

  model::GapScores(lattice, features_, rows_, dense_values_.data(), &gap_scores_);
  word_table_.Build(dense_values_.data());
  model::Decode(features_, gap_scores_, word_table_, &decode_, &lengths_);

  ++runs_;
  if (gold_lengths_ == lengths_) {
    ++correct_runs_;
  } else {
    // Gaps: +1 where only the gold path joins, -1 where only the guess does.
    std::vector<int8_t> join(n > 0 ? n - 1 : 0, 0);
    size_t k = 0;
    for (uint32_t len : gold_lengths_) {
      for (uint32_t i = 1; i < len; ++i) join[k + i - 1] += 1;
      AddWord(k, len, +1);
      k += len;
    }
    k = 0;
    for (uint32_t len : lengths_) {
      for (uint32_t i = 1; i < len; ++i) join[k + i - 1] -= 1;
      AddWord(k, len, -1);
      k += len;
    }
    for (size_t g = 0; g < join.size(); ++g) {
      if (join[g] != 0) AddGap(lattice, g, join[g]);
    }
  }
  if (!caseless_only_) step_ += 1;
}

void ModelTrainer::AddGap(const Lattice& lattice, size_t g, float delta) {
  if (caseless_only_) {
    int dense[4];
    const int count = model::GapDenseFeatures(lattice, features_, g, dense);
    for (int i = 0; i < count; ++i) {
      if (model::IsCaselessWeight(dense[i])) dense_[dense[i]].Add(delta, step_);
    }
    return;
  }
  for (const model::GapTemplate& t : model::kGapTemplates) {
    uint64_t key = features_.GapKey(g, t);
    auto [it, inserted] = ngrams_.try_emplace(key);
    if (inserted) {
      it->second.kind = 'N';
      it->second.n = t.gram;
      for (int i = 0; i < t.gram; ++i) {
        it->second.syllables[i] = features_.padded[g + t.offset + model::kMaxBefore + i];
      }
    }
    it->second.roles[t.role].Add(delta, step_);
  }
  int dense[4];
  int count = model::GapDenseFeatures(lattice, features_, g, dense);
  for (int i = 0; i < count; ++i) dense_[dense[i]].Add(delta, step_);
  size_t syllables[2];
  int roles[2];
  count = model::ListedGapFeatures(features_, g, syllables, roles);
  for (int i = 0; i < count; ++i) {
    auto [it, inserted] = ngrams_.try_emplace(features_.listed_keys[syllables[i]]);
    if (inserted) {
      it->second.kind = 'L';
      it->second.n = 1;
      it->second.syllables[0] = lattice.syllable_hashes[syllables[i]];
    }
    it->second.roles[roles[i]].Add(delta, step_);
  }
}

void ModelTrainer::LookUp(const std::vector<uint64_t>& keys,
                          std::vector<std::array<float, 4>>* values,
                          std::vector<const float*>* rows) const {
  values->resize(keys.size());
  rows->resize(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    auto it = ngrams_.find(keys[i]);
    for (int r = 0; r < 4; ++r) (*values)[i][r] = it == ngrams_.end() ? 0.0f : it->second.roles[r].w;
    (*rows)[i] = (*values)[i].data();
  }
}

// The features of the word of `length` syllables from `start`: its
// candidate's, or, for a gold word that is no candidate (too long and
// unlisted), those of an unlisted word.
void ModelTrainer::AddWord(size_t start, uint32_t length, float delta) {
  model::Candidate word{static_cast<uint32_t>(start), length, 0};
  for (uint32_t c = features_.first_candidate[start]; c < features_.first_candidate[start + 1]; ++c) {
    if (features_.candidates[c].length == length) word = features_.candidates[c];
  }
  int dense[model::kWordTerms];
  int count = model::WordDenseFeatures(word.length, word.flags,
                                       features_.CaseOf(start, word.length), dense);
  for (int i = 0; i < count; ++i) {
    if (!caseless_only_ || model::IsCaselessWeight(dense[i])) dense_[dense[i]].Add(delta, step_);
  }
}

std::string ModelTrainer::ModelText(size_t* kept) const {
  std::string out = model::ModelTextHeader();
  for (int i = 0; i < model::kDenseSize; ++i) {
    float w = dense_[i].Average(step_);
    if (std::fabs(w) >= kPruneBelow) model::AppendDenseLine(i, w, &out);
  }
  // Lines sorted by their text, so that the file diffs well and the same
  // corpus always gives the same bytes.
  std::vector<std::string> lines;
  for (const auto& [key, ngram] : ngrams_) {
    float w[4];
    bool any = false;
    for (int r = 0; r < 4; ++r) {
      w[r] = ngram.roles[r].Average(step_);
      if (std::fabs(w[r]) < kPruneBelow) w[r] = 0;
      any |= w[r] != 0;
    }
    if (!any) continue;
    std::vector<std::string_view> syllables;
    for (int i = 0; i < ngram.n; ++i) {
      uint64_t h = ngram.syllables[i];
      if (h == model::kBeforeRun) {
        syllables.push_back(model::kBeforeRunText);
      } else if (h == model::kAfterRun) {
        syllables.push_back(model::kAfterRunText);
      } else {
        syllables.push_back(syllable_keys_.at(h));
      }
    }
    std::string line;
    model::AppendNgramLine(ngram.kind, syllables, w, &line);
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  for (const std::string& line : lines) out += line;
  *kept = lines.size();
  return out;
}

// `line` in lower (or upper) case, by ICU's root-locale mapping. Lowering
// keeps '_' and spaces where they are, so the gold joints read back.
std::string CaseVariant(std::string_view line, bool upper) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  if (upper) {
    text.toUpper(icu::Locale::getRoot());
  } else {
    text.toLower(icu::Locale::getRoot());
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

absl::Status ValidateCorpus(const std::string& corpus, size_t index) {
  absl::Status s = ValidateUtf8(corpus);
  if (s.ok()) return s;
  return absl::InvalidArgumentError(absl::StrCat("corpus ", index + 1, ": ", s.message()));
}

}  // namespace

absl::StatusOr<std::string> CorpusWordList(const std::vector<std::string>& corpora) {
  std::map<std::string, uint32_t> counts;  // sorted: the same corpus gives the same list
  for (size_t c = 0; c < corpora.size(); ++c) {
    if (absl::Status s = ValidateCorpus(corpora[c], c); !s.ok()) return s;
    for (absl::string_view word : absl::StrSplit(ToAbsl(corpora[c]), absl::ByAnyChar(" \t\r\n"),
                                                 absl::SkipEmpty())) {
      ++counts[std::string(word)];
    }
  }
  // Every word is listed; the dictionary builder skips the ones the
  // segmenter could never match (punctuation, numbers).
  std::string list;
  for (const auto& [word, count] : counts) absl::StrAppend(&list, word, "\t", count, "\n");
  return list;
}

absl::StatusOr<std::string> LearnModel(const Dictionary& dictionary,
                                       const std::vector<std::string>& corpora,
                                       const LearnOptions& options, LearnReport* report) {
  if (ImageOf(dictionary).model() != nullptr) {
    return absl::InvalidArgumentError("learn over a dictionary compiled without a model");
  }
  std::vector<std::string_view> lines;
  for (size_t c = 0; c < corpora.size(); ++c) {
    if (absl::Status s = ValidateCorpus(corpora[c], c); !s.ok()) return s;
    for (absl::string_view line : absl::StrSplit(ToAbsl(corpora[c]), '\n', absl::SkipWhitespace())) {
      lines.push_back(ToStd(line));
    }
  }
  if (lines.empty()) return absl::InvalidArgumentError("the corpus has no lines");
  if (!(options.case_variants >= 0 && options.case_variants <= 1)) {
    return absl::InvalidArgumentError("case_variants must be a probability from 0 to 1");
  }
  ModelTrainer trainer(dictionary);
  LearnReport r;
  // A fixed pseudo-random order per epoch (own generator: the same on every
  // platform), so that the perceptron does not see the corpus's own order.
  uint64_t state = 0x853c49e6748fea9bull;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  // Case variants get their own generator, so that with none the order of
  // the corpus (and so the model) is what it was without the option. Each
  // line's variants are learned right after it, moving only the weights of
  // caseless runs and without a step of their own, so that the weights
  // normal text reads come out as they would without variants.
  std::vector<std::vector<std::string>> variants(lines.size());
  if (options.case_variants > 0) {
    uint64_t variant_state = 0x2545f4914f6cdd1dull;
    auto draw = [&variant_state] {
      variant_state = variant_state * 6364136223846793005ull + 1442695040888963407ull;
      return static_cast<double>(variant_state >> 11) * 0x1.0p-53;
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      for (bool upper : {false, true}) {
        if (draw() >= options.case_variants) continue;
        std::string variant = CaseVariant(lines[i], upper);
        if (variant != lines[i]) variants[i].push_back(std::move(variant));
      }
    }
  }
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next() % i]);
    trainer.ResetCounts();
    size_t skipped = 0, tried = 0;
    for (size_t i : order) {
      skipped += !trainer.Learn(lines[i], /*caseless_only=*/false);
      for (const std::string& variant : variants[i]) skipped += !trainer.Learn(variant, /*caseless_only=*/true);
      tried += 1 + variants[i].size();
    }
    r.skipped_lines = skipped;
    r.lines = tried - skipped;
    r.runs = trainer.runs();
    r.run_accuracy.push_back(trainer.runs() ? double(trainer.correct_runs()) / trainer.runs() : 0);
  }
  std::string text = trainer.ModelText(&r.features);
  if (report != nullptr) *report = r;
  return text;
}

}  // namespace vnseg
