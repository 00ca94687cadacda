// What each conversion of text (segment, resegment, join, sentences,
// normalize) gives the stream reader (text_stream.h): where it may cut a
// long line, the state it carries across a cut, and the transform of a
// piece. One place for both users: the CLI's commands (convert_commands.cc)
// and the Python module's block conversion (vnseg.dask), whose outputs must
// be the same bytes.
#pragma once

#include "text_stream.h"
#include "vnseg/convert.h"
#include "vnseg/normalizer.h"
#include "vnseg/segmenter.h"

namespace vnseg::cli {

// Each sets options->cut_rules and options->state_after.
void SegmentStream(const SegmentOptions& segment, StreamOptions* options);
void ResegmentStream(StreamOptions* options);
void JoinStream(const JoinOptions& join, StreamOptions* options);
void SentencesStream(StreamOptions* options);
// Also sets normalize->pass_invalid from options->invalid (set it first):
// with --invalid=pass the bad bytes reach Normalize, which copies them.
void NormalizeStream(NormalizeOptions* normalize, StreamOptions* options);

// The transforms. Those of segment and resegment use `segmenter`, which
// must outlive them and serve only the thread that calls them.
Transform SegmentTransform(Segmenter* segmenter, const SegmentOptions& segment);
Transform ResegmentTransform(Segmenter* segmenter);
Transform JoinTransform(const JoinOptions& join);
Transform SentencesTransform();
// Normalize fails only when ICU cannot normalize at all: check that once
// (Normalize("", ...)) before using the transform, which ignores it.
Transform NormalizeTransform(const NormalizeOptions& normalize);

}  // namespace vnseg::cli
