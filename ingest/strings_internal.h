// Small string predicates on std::string_view, shared by the ingest stages.
// (Debian's Abseil has its own absl::string_view, which std::string_view does not convert to,
// so absl::StartsWith and friends cannot take these views directly.)
#ifndef KG_INGEST_STRINGS_INTERNAL_H_
#define KG_INGEST_STRINGS_INTERNAL_H_

#include <cctype>
#include <string_view>

namespace kg::ingest::internal {

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}
inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// The number of UTF-8 code points in `s`.
inline size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Whether a Chinese ideograph (a three-byte character of U+4E00..U+9FFF, no punctuation) starts
// at byte `at` of `text`.
inline bool HanStartsAt(std::string_view text, size_t at) {
  if (at + 3 > text.size()) return false;
  const unsigned char lead = static_cast<unsigned char>(text[at]);
  return lead >= 0xE4 && lead <= 0xE9;
}

// The bytes of a possessive mark ("'s ", "’s ", "' ") starting at `pos` of `text`, else 0.
inline size_t PossessiveLength(std::string_view text, size_t pos) {
  if (pos > text.size()) return 0;
  for (std::string_view mark : {"'s ", "’s ", "' "}) {
    if (StartsWith(text.substr(pos), mark)) return mark.size();
  }
  return 0;
}

}  // namespace kg::ingest::internal

#endif  // KG_INGEST_STRINGS_INTERNAL_H_
