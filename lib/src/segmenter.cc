#include "vnseg/segmenter.h"

#include "dictionary_image.h"
#include "lattice.h"
#include "lattice_builder.h"
#include "run_finder.h"

namespace vnseg {

struct Segmenter::Impl {
  Impl(const DictionaryImage& dictionary, const DictionaryImage* user_words)
      : lattice_builder(&dictionary, user_words),
        scorer(dictionary.model() != nullptr ? NewLearnedScorer(dictionary.model())
                                             : NewMaximalMatchingScorer()) {}

  // Inline, as every function called per word or run here: members of a
  // shared library's exported class are not inlined otherwise (-fPIC).
  // Each token of [first, end) but spaces, as a word of its own.
  inline void EmitTokens(size_t first, size_t end);
  // The words of `run` that the scorer chose (lengths).
  inline void EmitRunWords(const SyllableRun& run);
  inline void AddWord(uint32_t begin, uint32_t end, TokenKind kind, uint16_t syllables);

  LatticeBuilder lattice_builder;
  std::unique_ptr<Scorer> scorer;
  // Scratch reused across calls: no allocation per syllable.
  std::vector<Token> tokens;
  std::vector<Word> words;
  Lattice lattice;
  std::vector<uint32_t> lengths;
};

inline void Segmenter::Impl::EmitTokens(size_t first, size_t end) {
  for (size_t i = first; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kSpace) AddWord(t.begin, t.end, t.kind, 1);
  }
}

inline void Segmenter::Impl::EmitRunWords(const SyllableRun& run) {
  size_t k = 0;
  for (uint32_t len : lengths) {
    const Token& b = tokens[run.first + 2 * k];
    const Token& e = tokens[run.first + 2 * (k + len - 1)];
    AddWord(b.begin, e.end, TokenKind::kSyllable, static_cast<uint16_t>(len));
    k += len;
  }
}

// Field by field: see Lattice::AddEdge (a braced temporary of mixed-width
// fields costs a store-forwarding stall per word).
inline void Segmenter::Impl::AddWord(uint32_t begin, uint32_t end, TokenKind kind,
                                     uint16_t syllables) {
  Word& w = words.emplace_back();
  w.begin = begin;
  w.end = end;
  w.kind = kind;
  w.syllables = syllables;
}

Segmenter::Segmenter(const Dictionary* dictionary, const UserWords* user_words)
    : impl_(std::make_unique<Impl>(ImageOf(*dictionary),
                                   user_words != nullptr ? &ImageOf(*user_words) : nullptr)) {}

Segmenter::~Segmenter() = default;

const std::vector<Word>& Segmenter::Segment(std::string_view text, bool continues_run,
                                            bool lower_case_sentence) {
  Impl& m = *impl_;
  m.tokens.clear();
  m.words.clear();
  PreTokenize(text, &m.tokens);
  RunFinder runs(text, m.tokens, continues_run);
  bool lower_case = lower_case_sentence;
  size_t next = 0;  // the first token not yet emitted
  SyllableRun run;
  while (runs.Next(&run)) {
    m.EmitTokens(next, run.first);
    m.lattice_builder.Build(text, m.tokens, run, &m.lattice);
    m.lattice.lower_case_before = lower_case;
    m.scorer->BestPath(m.lattice, &m.lengths);
    lower_case = LowerCaseSentence(m.lattice);
    m.EmitRunWords(run);
    next = run.last + 1;
  }
  m.EmitTokens(next, m.tokens.size());
  return m.words;
}

const char* WordKindName(TokenKind kind) {
  return kind == TokenKind::kSyllable ? "word" : TokenKindName(kind);
}

bool Segmenter::LowerCaseSentenceAfter(std::string_view text, bool continues_run,
                                       bool lower_case_sentence) {
  // A line end starts a sentence: only the last line matters, and its
  // first run starts one whatever came before.
  if (size_t nl = text.rfind('\n'); nl != std::string_view::npos) {
    text = text.substr(nl + 1);
    continues_run = lower_case_sentence = false;
  }
  if (text.empty()) return lower_case_sentence;
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  RunFinder runs(text, tokens, continues_run);
  // What Segment carries from run to run (LowerCaseSentence), from the
  // shapes alone.
  Lattice lattice;
  SyllableRun run;
  while (runs.Next(&run)) {
    lattice.shapes.clear();
    for (size_t i = run.first; i <= run.last; i += 2) {
      lattice.shapes.push_back(ShapeOf(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)));
    }
    lattice.sentence_start = run.sentence_start;
    lattice.lower_case_before = lower_case_sentence;
    lower_case_sentence = LowerCaseSentence(lattice);
  }
  return lower_case_sentence;
}

size_t Segmenter::LastRunWindow(std::string_view text) {
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  RunFinder runs(text, tokens, false);
  size_t window = 0;
  SyllableRun run;
  // A cut run goes on in a new window (the tokens before it end at a space:
  // final, whatever follows the text).
  while (runs.Next(&run)) {
    if (run.cut) window = tokens[run.last + 2].begin;
  }
  return window;
}

}  // namespace vnseg
