// `vnseg tokenize`'s output: the words of each line with their offsets in
// it, written as JSON lines, TSV or CoNLL-U (README, "vnseg tokenize").
#pragma once

#include <string>
#include <string_view>

#include "text_stream.h"
#include "vnseg/convert.h"
#include "vnseg/segmenter.h"

namespace vnseg::cli {

enum class TokenFormat { kJsonl, kTsv, kConllu };

// Appends the words of every line of `chunk` in `format` to `out`. `chunk`,
// `start` and `at` are what the stream gives a transform (text_stream.h):
// whole lines, and maybe a piece of a line cut because it is long, which is
// written as a record of its own ("part") with offsets into its whole line.
// The words are those of `vnseg segment --tokenize`. Writes valid JSON and
// CoNLL-U only for valid UTF-8 (the command refuses --invalid=pass for them).
void TokenizeChunk(Segmenter& segmenter, TokenFormat format, std::string_view chunk,
                   const PieceState& start, const ChunkPosition& at, std::string* out);

// Appends `utf8` as a JSON string: quoted, with '"', '\' and the control
// characters below U+0020 escaped (\n, \t, ... or \u00XX), and U+2028 and
// U+2029 too (JavaScript reads them as line ends); all else as it is.
void AppendJsonString(std::string_view utf8, std::string* out);

}  // namespace vnseg::cli
