#include "export/text.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kg::exports {

void ForEachCodePoint(std::string_view s, const std::function<void(char32_t)>& fn) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char cont = static_cast<unsigned char>(s[i + k]);
      if ((cont >> 6) != 0x2) ok = false;
      c = (c << 6) | (cont & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if (ok && ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
               (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)) {
      ok = false;
    }
    if (!ok) {
      fn(0xFFFD);
      ++i;
      continue;
    }
    fn(c);
    i += static_cast<size_t>(len);
  }
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string PercentEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppendFormat(&out, "%%%02X", c);
    }
  }
  return out;
}

std::string GroupedNumber(int64_t v) {
  std::string digits = absl::StrCat(v < 0 ? -(v + 1) + 1ULL : static_cast<uint64_t>(v));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return v < 0 ? "-" + out : out;
}

std::string ShortNumber(int64_t v) {
  const uint64_t a = v < 0 ? -(v + 1) + 1ULL : static_cast<uint64_t>(v);
  struct Scale {
    uint64_t unit;
    const char* suffix;
  };
  for (Scale s : {Scale{1'000'000'000'000ULL, "T"}, Scale{1'000'000'000ULL, "B"},
                  Scale{1'000'000ULL, "M"}}) {
    if (a >= s.unit) {
      // Up to two decimals, trailing zeros dropped: 1650000000 -> 1.65B.
      const uint64_t hundredths = (a + s.unit / 200) / (s.unit / 100);  // No overflow: a <= 2^63.
      std::string text = absl::StrCat(hundredths / 100);
      if (hundredths % 100 != 0) {
        std::string frac = absl::StrFormat("%02d", static_cast<int>(hundredths % 100));
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
        absl::StrAppend(&text, ".", frac);
      }
      return absl::StrCat(v < 0 ? "-" : "", text, s.suffix);
    }
  }
  return GroupedNumber(v);
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  ForEachCodePoint(s, [&](char32_t c) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        AppendUtf8(c < 0x20 && c != '\n' && c != '\t' ? 0xFFFD : c, &out);
    }
  });
  return out;
}

}  // namespace kg::exports
