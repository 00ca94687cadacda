#include "vnseg/encoding.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

#include "vnseg/normalizer.h"

namespace vnseg {
namespace {

// Decoded and composed, as normalize --from gives it.
std::string Read(Encoding e, std::string_view bytes) {
  std::string out;
  absl::Status s = NormalizeEncoded(bytes, e, NormalizeOptions{}, &out);
  EXPECT_TRUE(s.ok()) << s;
  return out;
}

// The Latin-1 bytes of `utf8` (VNI's bytes written as the Latin-1
// characters they are in Windows: "Vieät" for V i e 0xE4 t).
std::string Latin1(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
    } else {  // two-byte sequences only (U+0080-U+00FF)
      out.push_back(static_cast<char>(((b & 0x1F) << 6) | (utf8[++i] & 0x3F)));
    }
  }
  return out;
}

// Whether this glibc converts from `from`.
bool HasIconv(const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(cd);
  return true;
}

// What glibc's iconv makes of one byte (empty: it refuses it).
std::string Iconv(const char* from, unsigned char byte) {
  iconv_t cd = iconv_open("UTF-8", from);
  char in[1] = {static_cast<char>(byte)};
  char out[16];
  char* ip = in;
  char* op = out;
  size_t il = 1, ol = sizeof out;
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  // Flush a combining encoding's held base letter.
  if (r != static_cast<size_t>(-1)) iconv(cd, nullptr, nullptr, &op, &ol);
  iconv_close(cd);
  return r == static_cast<size_t>(-1) ? std::string() : std::string(out, static_cast<size_t>(op - out));
}

TEST(EncodingTest, TablesAreGlibcs) {
  const std::pair<Encoding, const char*> kIconv[] = {
      {Encoding::kTcvn3, "TCVN5712-1"}, {Encoding::kViscii, "VISCII"}, {Encoding::kCp1258, "CP1258"}};
  for (const auto& [encoding, name] : kIconv) {
    if (!HasIconv(name)) GTEST_SKIP() << "iconv has no " << name;
    for (int b = 0; b < 256; ++b) {
      std::string want = Iconv(name, static_cast<unsigned char>(b));
      std::string got = DecodeAll(encoding, std::string(1, static_cast<char>(b)));
      if (want.empty()) {  // undefined: copied, and invalid UTF-8 on its own
        EXPECT_EQ(got, std::string(1, static_cast<char>(b))) << name << " " << b;
        EXPECT_GE(b, 0x80);
        EXPECT_LT(b, 0xC0);
      } else {
        EXPECT_EQ(got, want) << name << " byte " << b;
      }
    }
  }
}

TEST(EncodingTest, Names) {
  for (Encoding e : {Encoding::kUtf8, Encoding::kTcvn3, Encoding::kVni, Encoding::kViscii,
                     Encoding::kCp1258, Encoding::kViqr}) {
    EXPECT_EQ(ParseEncoding(EncodingName(e)), e);
  }
  EXPECT_FALSE(ParseEncoding("latin1").has_value());
  EXPECT_FALSE(ParseEncoding("").has_value());
}

TEST(EncodingTest, Vni) {
  // "Việt Nam đẹp" in VNI-Windows: e + 0xE4 (circumflex, dot), ñ for đ.
  EXPECT_EQ(Read(Encoding::kVni, Latin1("Vieät Nam ñeïp")), "Việt Nam đẹp");
  EXPECT_EQ(Read(Encoding::kVni, Latin1("Ngöôøi Haø Noäi")), "Người Hà Nội");
  EXPECT_EQ(Read(Encoding::kVni, Latin1("THAØNH PHOÁ")), "THÀNH PHỐ");
  EXPECT_EQ(Read(Encoding::kVni, Latin1("ÑAÏI HOÄI")), "ĐẠI HỘI");
  EXPECT_EQ(Read(Encoding::kVni, Latin1("thích nghó ò")), "thích nghĩ ị");
  EXPECT_EQ(Read(Encoding::kVni, Latin1("naêm aên aép")), "năm ăn ắp");
}

TEST(EncodingTest, Viqr) {
  EXPECT_EQ(Read(Encoding::kViqr, "Vie^.t Nam"), "Việt Nam");
  EXPECT_EQ(Read(Encoding::kViqr, "DDa`i truye^`n hi`nh ddu+o+.c"), "Đài truyền hình được");
  EXPECT_EQ(Read(Encoding::kViqr, "Ha` No^.i."), "Hà Nội.");  // a second tone is punctuation
  EXPECT_EQ(Read(Encoding::kViqr, "ta\\. mo\\?"), "ta. mo?");  // escaped
  EXPECT_EQ(Read(Encoding::kViqr, "a\\\\b"), "a\\b");
  EXPECT_EQ(Read(Encoding::kViqr, "na(m"), "năm");
}

TEST(EncodingTest, EveryCutGivesTheWhole) {
  const std::pair<Encoding, std::string> kTexts[] = {
      {Encoding::kViqr, "Vie^.t Nam la` mo^.t ddi.a ddie^?m, ta\\. dd\\d x"},
      {Encoding::kVni, Latin1("Vieät Nam ñeïp, Ngöôøi Haø Noäi")},
      {Encoding::kCp1258, "Vi\xEA\xF2t Nam"},
  };
  for (const auto& [encoding, text] : kTexts) {
    const std::string whole = DecodeAll(encoding, text);
    for (size_t cut = 0; cut <= text.size(); ++cut) {
      for (size_t cut2 = cut; cut2 <= text.size(); cut2 += 3) {
        Decoder d(encoding);
        std::string out;
        d.Decode(std::string_view(text).substr(0, cut), false, &out);
        d.Decode(std::string_view(text).substr(cut, cut2 - cut), false, &out);
        d.Decode(std::string_view(text).substr(cut2), true, &out);
        EXPECT_EQ(out, whole) << EncodingName(encoding) << " cut at " << cut << ", " << cut2;
      }
    }
  }
}

std::string Repair(std::string_view s) {
  std::string out;
  RepairMojibake(s, &out);
  return out;
}

TEST(EncodingTest, MojibakeOnceAndTwice) {
  EXPECT_EQ(Repair("Viá»‡t Nam"), "Việt Nam");
  EXPECT_EQ(Repair("ViÃ¡Â»â€¡t Nam"), "Việt Nam");           // twice
  EXPECT_EQ(Repair("â€œH\xC3\x83\xC2\xA0 Ná»™iâ€\xC2\x9D"), "“Hà Nội”");  // Latin-1's U+009D
  EXPECT_EQ(Repair("Việt Nam và Viá»‡t Nam"), "Việt Nam và Việt Nam");  // mixed
}

TEST(EncodingTest, MojibakeLeavesCleanText) {
  for (std::string_view clean :
       {"Việt Nam là một", "café « déjà » à Noël", "é\xC2\xA0»", "Ã bientôt ©", "Über Straße",
        "😀 漢字 ½ ¼", "SÃO PAULO", ""}) {
    std::string out;
    EXPECT_EQ(RepairMojibake(clean, &out), 0u) << clean;
    EXPECT_EQ(out, clean);
  }
}

TEST(EncodingTest, Detects) {
  EXPECT_EQ(DetectEncoding("Việt Nam là một đất nước xinh đẹp").encoding, Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding(Latin1("Vieät Nam laø moät ñaát nöôùc xinh ñeïp")).encoding, Encoding::kVni);
  EXPECT_EQ(DetectEncoding("Vie^.t Nam la` mo^.t dda^'t nu+o+'c xinh dde^.p").encoding, Encoding::kViqr);
  EXPECT_EQ(DetectEncoding("Is it true? I'm sure. Add eddies.").encoding, Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding("plain ASCII").confidence, 1.0);
  EXPECT_EQ(DetectEncoding("").encoding, Encoding::kUtf8);
  // A sample cut inside a UTF-8 character is still UTF-8.
  EXPECT_EQ(DetectEncoding("Việt Nam là một đất nước \xE1\xBB").encoding, Encoding::kUtf8);
}

TEST(EncodingTest, UndefinedByteIsAnError) {
  std::string out;
  absl::Status s = NormalizeEncoded("ab\x81" "c", Encoding::kCp1258, NormalizeOptions{}, &out);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("0x81"), std::string_view::npos) << s;
  EXPECT_NE(s.message().find("cp1258"), std::string_view::npos) << s;
}

}  // namespace
}  // namespace vnseg
