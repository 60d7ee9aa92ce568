// text: character-level helpers the export writers share.
// Plain functions, thread-safe.
#ifndef KG_EXPORT_TEXT_H_
#define KG_EXPORT_TEXT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kg::exports {

// Calls fn with each code point of s; an invalid UTF-8 byte sequence yields U+FFFD.
void ForEachCodePoint(std::string_view s, const std::function<void(char32_t)>& fn);

// Appends the UTF-8 encoding of c.
void AppendUtf8(char32_t c, std::string* out);

// Percent-encodes every byte outside the unreserved set [A-Za-z0-9-._~] (RFC 3986), so the
// result is safe inside an IRI, a URL path or a query parameter.
std::string PercentEncode(std::string_view s);

// Text for HTML (content or a quoted attribute): & < > " ' escaped, invalid UTF-8 and
// control characters other than newline and tab as U+FFFD.
std::string HtmlEscape(std::string_view s);

// Compact figure text: 400000000 -> "400M", 1650000000 -> "1.65B", 60000 -> "60,000".
std::string ShortNumber(int64_t v);
std::string GroupedNumber(int64_t v);

}  // namespace kg::exports

#endif  // KG_EXPORT_TEXT_H_
