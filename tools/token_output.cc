#include "token_output.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "vnseg/stream_cut.h"
#include "vnseg/utf8.h"

namespace vnseg::cli {
namespace {

// A line of a chunk, or a piece of a long line, as the writers see it.
struct LineSpan {
  std::string_view text;   // without its line end
  uint64_t line = 1;
  uint64_t byte_offset = 0, cp_offset = 0;  // of text[0] in its line
  uint64_t part = 0;       // 0: the whole line; else the piece's number, from 1
  bool ends_line = true;   // no piece of the line follows
};

// Segment() keeps its words only until its next call, and a long line is
// segmented in parts: the words of one LineSpan, offsets into its text.
// The parts are cut where they segment like the whole (ExactCutPoint), as
// SegmentText does, so the segmenter's scratch stays small.
constexpr size_t kMaxSegmentBytes = 1 << 17;

// `continues_run` and `lower_case`: Segment()'s arguments for the first part
// (the state of the text before the line's piece), carried to the next ones.
void SegmentLine(Segmenter& segmenter, std::string_view text, bool continues_run,
                 bool lower_case, std::vector<Word>* words) {
  words->clear();
  size_t begin = 0;
  do {
    size_t end = text.size();
    if (end - begin > kMaxSegmentBytes) {
      if (size_t cut = ExactCutPoint(text.substr(begin, kMaxSegmentBytes))) end = begin + cut;
    }
    const std::string_view part = text.substr(begin, end - begin);
    for (Word w : segmenter.Segment(part, continues_run, lower_case)) {
      w.begin += static_cast<uint32_t>(begin);
      w.end += static_cast<uint32_t>(begin);
      words->push_back(w);
    }
    lower_case = Segmenter::LowerCaseSentenceAfter(part, continues_run, lower_case);
    continues_run = false;
    begin = end;
  } while (begin < text.size());
}

std::string_view WordText(const LineSpan& l, const Word& w) {
  return l.text.substr(w.begin, w.end - w.begin);
}

// No white space (nor the line end) follows words[i] in the input.
bool NoSpaceAfter(const LineSpan& l, const std::vector<Word>& words, size_t i) {
  if (i + 1 < words.size()) return words[i + 1].begin == words[i].end;
  return words[i].end == l.text.size() && !l.ends_line;
}

void WriteJsonl(const LineSpan& l, const std::vector<Word>& words, std::string* out) {
  absl::StrAppend(out, "{\"line\":", l.line);
  if (l.part > 0) {
    absl::StrAppend(out, ",\"part\":", l.part, ",\"offset\":", l.byte_offset,
                    ",\"cp_offset\":", l.cp_offset);
  }
  out->append(",\"text\":");
  AppendJsonString(l.text, out);
  out->append(",\"tokens\":[");
  CodePointIndex cp(l.text, false);
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    out->append(i == 0 ? "{\"text\":" : ",{\"text\":");
    AppendJsonString(WordText(l, w), out);
    const uint64_t cp_start = l.cp_offset + cp.At(w.begin);
    const uint64_t cp_end = l.cp_offset + cp.At(w.end);
    absl::StrAppend(out, ",\"kind\":\"", WordKindName(w.kind), "\",\"start\":",
                    l.byte_offset + w.begin, ",\"end\":", l.byte_offset + w.end,
                    ",\"cp_start\":", cp_start, ",\"cp_end\":", cp_end, "}");
  }
  out->append("]}\n");
}

// No escaping is needed: a word holds no tab or line end (white space
// belongs to no word).
void WriteTsv(const LineSpan& l, const std::vector<Word>& words, std::string* out) {
  for (const Word& w : words) {
    absl::StrAppend(out, l.line, "\t");
    out->append(WordText(l, w));
    absl::StrAppend(out, "\t", WordKindName(w.kind), "\t", l.byte_offset + w.begin, "\t",
                    l.byte_offset + w.end, "\n");
  }
  if (l.ends_line) out->push_back('\n');
}

// A sentence per line (a piece of a long line is one too, "N.K"); a line
// without words has no sentence (CoNLL-U has no empty ones). `# text` is
// the FORMs joined as SpaceAfter says: the line with its white space runs
// made single spaces, none at its ends.
void WriteConllu(const LineSpan& l, const std::vector<Word>& words, std::string* out) {
  if (words.empty()) return;
  absl::StrAppend(out, "# sent_id = ", l.line);
  if (l.part > 0) absl::StrAppend(out, ".", l.part);
  out->append("\n# text = ");
  for (size_t i = 0; i < words.size(); ++i) {
    out->append(WordText(l, words[i]));
    if (i + 1 < words.size() && !NoSpaceAfter(l, words, i)) out->push_back(' ');
  }
  out->push_back('\n');
  for (size_t i = 0; i < words.size(); ++i) {
    // ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC: the syllables
    // of a word keep their spaces in FORM, as UD VTB writes them.
    absl::StrAppend(out, i + 1, "\t");
    out->append(WordText(l, words[i]));
    absl::StrAppend(out, "\t_\t_\t_\t_\t_\t_\t_\t",
                    NoSpaceAfter(l, words, i) ? "SpaceAfter=No" : "_", "\n");
  }
  out->push_back('\n');
}

}  // namespace

void AppendJsonString(std::string_view utf8, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t plain = 0;  // start of the bytes not yet appended
  for (size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    const bool line_separator = c == 0xE2 && i + 2 < utf8.size() && utf8[i + 1] == '\x80' &&
                                (utf8[i + 2] == '\xA8' || utf8[i + 2] == '\xA9');
    if (c >= 0x20 && c != '"' && c != '\\' && !line_separator) continue;
    out->append(utf8.data() + plain, i - plain);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (line_separator) {
          out->append(utf8[i + 2] == '\xA8' ? "\\u2028" : "\\u2029");
          i += 2;
        } else {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        }
    }
    plain = i + 1;
  }
  out->append(utf8.data() + plain, utf8.size() - plain);
  out->push_back('"');
}

void TokenizeChunk(Segmenter& segmenter, TokenFormat format, std::string_view chunk,
                   const PieceState& start, const ChunkPosition& at, std::string* out) {
  std::vector<Word> words;
  LineSpan l;
  l.line = at.line;
  size_t begin = 0;
  while (begin < chunk.size()) {
    const size_t nl = chunk.find('\n', begin);
    const bool first = begin == 0;
    l.ends_line = nl != std::string_view::npos || !at.line_goes_on;
    l.text = chunk.substr(begin, (nl == std::string_view::npos ? chunk.size() : nl) - begin);
    if (l.ends_line && !l.text.empty() && l.text.back() == '\r') l.text.remove_suffix(1);
    // Only the first line may go on from the chunk before.
    l.byte_offset = first ? at.byte_in_line : 0;
    l.cp_offset = first ? at.cp_in_line : 0;
    const uint64_t parts_before = first ? at.part : 0;
    l.part = parts_before > 0 || !l.ends_line ? parts_before + 1 : 0;
    SegmentLine(segmenter, l.text, first && start.continues_run, first && start.lower_case_sentence,
                &words);
    JoinAbbreviations(l.text, &words);  // the words of segment --tokenize
    switch (format) {
      case TokenFormat::kJsonl: WriteJsonl(l, words, out); break;
      case TokenFormat::kTsv: WriteTsv(l, words, out); break;
      case TokenFormat::kConllu: WriteConllu(l, words, out); break;
    }
    if (nl == std::string_view::npos) break;
    begin = nl + 1;
    ++l.line;
  }
}

}  // namespace vnseg::cli
