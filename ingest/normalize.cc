#include "ingest/normalize.h"

#include "graph/names.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/uscript.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace kg::ingest {
namespace {

// The name classes of graph/names.h, except that an apostrophe separates words here, so that
// "China's" still contains the token "china".
kg::NameChar Classify(UChar32 c) {
  if (c == '\'' || c == 0x2019 || c == 0x2018) return kg::NameChar::kSpace;
  // Separators between words even when no space follows ("Lygend,Harita持有", "（力勤资源）"):
  // commas, semicolons, colons and brackets, ASCII and full-width.
  switch (c) {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']':
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF08: case 0xFF09:
      return kg::NameChar::kSpace;
    default:
      break;
  }
  return kg::ClassifyNameChar(c);
}

bool IsCjk(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL;
}

}  // namespace

Shadow MakeShadow(absl::string_view text) {
  Shadow out;
  out.text.reserve(text.size());
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  bool pending_space = false;
  std::string piece;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;  // Invalid byte: dropped.
    const NameChar kind = Classify(c);
    if (kind == NameChar::kDrop) continue;
    if (kind == NameChar::kSpace) {
      pending_space = !out.text.empty();
      continue;
    }
    if (pending_space) {
      out.text.push_back(' ');
      out.src_begin.push_back(static_cast<size_t>(begin));
      out.src_end.push_back(static_cast<size_t>(begin));
      out.cjk.push_back(false);
      pending_space = false;
    }
    piece.clear();
    if (c < 0x80) {
      piece.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else if (U_SUCCESS(status)) {
      UErrorCode st = U_ZERO_ERROR;
      icu::UnicodeString folded = nfkc_cf->normalize(icu::UnicodeString(c), st);
      if (U_FAILURE(st)) folded = icu::UnicodeString(c);
      folded.toUTF8String(piece);
    }
    const bool cjk = IsCjk(c);
    for (char b : piece) {
      out.text.push_back(b);
      out.src_begin.push_back(static_cast<size_t>(begin));
      out.src_end.push_back(static_cast<size_t>(i));
      out.cjk.push_back(cjk);
    }
  }
  return out;
}

std::string ShadowKey(absl::string_view text) { return MakeShadow(text).text; }

}  // namespace kg::ingest
