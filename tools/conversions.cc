#include "conversions.h"

namespace vnseg::cli {

void SegmentStream(const SegmentOptions& segment, StreamOptions* options) {
  options->cut_rules = segment.sentences  ? CutRules::kSentences
                       : segment.tokenize ? CutRules::kTokenized
                                          : CutRules::kSegment;
  options->state_after = SegmentStateAfter;
}

void ResegmentStream(StreamOptions* options) {
  options->cut_rules = CutRules::kSegment;
  options->state_after = SegmentStateAfter;
}

void JoinStream(const JoinOptions& join, StreamOptions* options) {
  options->cut_rules = CutRules::kJoin;
  options->state_after = join.detok ? DetokStateAfter : JoinStateAfter;
}

void SentencesStream(StreamOptions* options) {
  // A cut ends a sentence: a line end, else the start of a sentence.
  options->cut_rules = CutRules::kSentences;
  options->state_after = SegmentStateAfter;  // after_word: a sentence came before on the line
}

void NormalizeStream(NormalizeOptions* normalize, StreamOptions* options) {
  // The stream has rejected or replaced invalid UTF-8, unless
  // --invalid=pass: then the bad bytes are copied through.
  normalize->pass_invalid = options->invalid == InvalidUtf8::kPass;
  options->cut_rules = CutRules::kSegment;
  options->state_after = nullptr;  // every piece alone
}

Transform SegmentTransform(Segmenter* segmenter, const SegmentOptions& segment) {
  return [segmenter, segment](std::string_view in, const PieceState& start, const ChunkPosition&,
                              std::string* out) { SegmentText(*segmenter, in, segment, start, out); };
}

Transform ResegmentTransform(Segmenter* segmenter) {
  return [segmenter](std::string_view in, const PieceState& start, const ChunkPosition&,
                     std::string* out) { ResegmentText(*segmenter, in, start, out); };
}

Transform JoinTransform(const JoinOptions& join) {
  return [join](std::string_view in, const PieceState& start, const ChunkPosition&,
                std::string* out) { JoinText(in, join, start, out); };
}

Transform SentencesTransform() {
  return [](std::string_view in, const PieceState& start, const ChunkPosition&, std::string* out) {
    SentenceLines(in, start, out);
  };
}

Transform NormalizeTransform(const NormalizeOptions& normalize) {
  return [normalize](std::string_view in, const PieceState&, const ChunkPosition&, std::string* out) {
    Normalize(in, normalize, out).IgnoreError();  // cannot fail: validated or passing, ICU checked
  };
}

}  // namespace vnseg::cli
