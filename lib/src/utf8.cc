#include "vnseg/utf8.h"

#include <utf8.h>

#include <algorithm>
#include <iterator>

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

bool MeasureUtf8(std::string_view utf8, Utf8Shape* shape) {
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  if (!IsValidUtf8(p, end)) return false;
  Utf8Shape s;
  while (p < end) {
    char32_t c = utf8::unchecked::next(p);  // well-formed: checked above
    s.max_code_point = std::max(s.max_code_point, c);
    ++s.code_points;
  }
  *shape = s;
  return true;
}

namespace {

template <typename Unit>
void DecodeInto(std::string_view utf8, Unit* units) {
  for (const char *p = utf8.data(), *end = p + utf8.size(); p < end;) {
    *units++ = static_cast<Unit>(utf8::unchecked::next(p));
  }
}

template <typename Unit>
bool AppendUnits(const Unit* units, size_t count, std::string* out) {
  auto it = std::back_inserter(*out);
  for (size_t i = 0; i < count; ++i) {
    uint32_t c = units[i];
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
      continue;
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;  // no UTF-8 for these
    it = utf8::unchecked::append(c, it);
  }
  return true;
}

}  // namespace

void DecodeUtf8(std::string_view utf8, uint8_t* units) { DecodeInto(utf8, units); }
void DecodeUtf8(std::string_view utf8, uint16_t* units) { DecodeInto(utf8, units); }
void DecodeUtf8(std::string_view utf8, uint32_t* units) { DecodeInto(utf8, units); }

bool AppendUtf8(const uint8_t* units, size_t count, std::string* out) {
  // Latin-1: no unit is a surrogate.
  return AppendUnits(units, count, out);
}
bool AppendUtf8(const uint16_t* units, size_t count, std::string* out) {
  return AppendUnits(units, count, out);
}
bool AppendUtf8(const uint32_t* units, size_t count, std::string* out) {
  return AppendUnits(units, count, out);
}

}  // namespace vnseg
