#include "graph/names.h"

#include <memory>

#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace kg {

NameChar ClassifyNameChar(int32_t c) {
  if (u_isUWhiteSpace(c)) return NameChar::kSpace;
  int8_t t = u_charType(c);
  switch (t) {
    case U_DASH_PUNCTUATION:
      return NameChar::kSpace;
    case U_CONNECTOR_PUNCTUATION:  // '_'
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
      return (c == '/' || c == 0x2044) ? NameChar::kSpace : NameChar::kDrop;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
      return NameChar::kDrop;
    default:
      return NameChar::kKeep;
  }
}

std::string NormalizeName(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) {
    folded = nfkc_cf->normalize(in, status);
  }
  if (U_FAILURE(status)) folded = in;

  std::string out;
  std::string piece;
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    switch (ClassifyNameChar(c)) {
      case NameChar::kSpace:
        pending_space = !out.empty();
        break;
      case NameChar::kDrop:
        break;
      case NameChar::kKeep:
        if (pending_space) out.push_back(' ');
        pending_space = false;
        piece.clear();
        icu::UnicodeString(c).toUTF8String(piece);
        out += piece;
        break;
    }
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

}  // namespace kg
