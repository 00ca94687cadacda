#include "vnseg/utf8.h"

#include <utf8.h>

#include <algorithm>

#include "absl/strings/str_format.h"
#include "utf8_fast.h"
#include "utf8_simd.h"

namespace vnseg {

bool IsValidUtf8(std::string_view text) {
  return IsValidUtf8Wide(text.data(), text.data() + text.size());
}

absl::Status ValidateUtf8(std::string_view text, size_t base_offset, size_t base_line,
                          size_t base_column) {
  if (IsValidUtf8Wide(text.data(), text.data() + text.size())) return absl::OkStatus();
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

// The code-unit conversions run on every text of every batch call of the
// Python binding, so nothing in their loops may be a call: GCC does not
// inline utf8cpp's next() or append() here, which made join_many 1.3x
// slower. MeasureUtf8 checks with utf8_fast.h's inline decoder, DecodeInto
// forces utf8cpp's next() inline, AppendUnits encodes by hand.

bool MeasureUtf8(std::string_view utf8, Utf8Shape* shape) {
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  Utf8Shape s;
  while (p < end) {
    char32_t c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      ++p;
    } else {
      int length = DecodeUtf8(p, end, &c);
      if (length == 0) return false;
      p += length;
    }
    s.max_code_point = std::max(s.max_code_point, c);
    ++s.code_points;
  }
  *shape = s;
  return true;
}

namespace {

template <typename Unit>
[[gnu::flatten]] void DecodeInto(std::string_view utf8, Unit* units) {
  for (const char *p = utf8.data(), *end = p + utf8.size(); p < end;) {
    *units++ = static_cast<Unit>(utf8::unchecked::next(p));  // well-formed: no checks
  }
}

template <typename Unit>
bool AppendUnits(const Unit* units, size_t count, std::string* out) {
  for (size_t i = 0; i < count; ++i) {
    uint32_t c = units[i];
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      if (c >= 0xD800 && c <= 0xDFFF) return false;  // a surrogate has no UTF-8
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      if (c > 0x10FFFF) return false;
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
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
