#include "vnseg/utf8_validate.h"


#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "utf8_fast.h"

namespace vnseg {

absl::Status ValidateUtf8(std::string_view text, size_t base_offset, size_t base_line,
                          size_t base_column) {
  if (IsValidUtf8(text.data(), text.data() + text.size())) return absl::OkStatus();
  const char* bad = FindInvalidUtf8(text.data(), text.data() + text.size());
  size_t offset = static_cast<size_t>(bad - text.data());
  std::string_view before = text.substr(0, offset);
  size_t line = base_line + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  size_t line_start = before.rfind('\n');
  size_t column = line_start == std::string_view::npos ? base_column + offset
                                                       : offset - line_start - 1;
  return absl::InvalidArgumentError(
      absl::StrFormat("invalid UTF-8 at line %d, column %d (byte offset %d): byte 0x%02X", line,
                      column + 1, base_offset + offset, static_cast<unsigned char>(*bad)));
}

void ReplaceInvalidUtf8(std::string_view text, std::string* out) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* bad = FindInvalidUtf8(p, end);
    out->append(p, bad);
    if (bad == end) break;
    out->append("\xEF\xBF\xBD");  // U+FFFD
    p = bad + 1;
  }
}

}  // namespace vnseg
