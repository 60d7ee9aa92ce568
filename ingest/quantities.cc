// quantities: money, mass, percentages, years and dates in English and Chinese text.
//
// How it works. Find() walks the text one character at a time and, at each place where a
// figure could start, tries two parsers and keeps the longer match:
//   QuantityAt: [hedge | 每年/年产]* side [connector side] [hedge after] [annual]
//     where side = [currency prefix | 百分之] figure [unit]
//     and figure = number (1,234.5 / 十二万 / full-width digits) [多/余] [scale] [+].
//   DateAt: ISO dates, "March 1, 2025", "1 March 2025", "March 2025", 2024年3月1日,
//     year ranges (2023-2025, 2023 to 2025, 2020-21) and bare years 1900-2100.
// Every piece is an RE2 pattern compiled once in Impl and matched anchored at a byte
// position, so spans come straight out as byte offsets. Values are exact: the digits are
// read into an int64 mantissa and scale words only move the decimal exponent; a figure
// whose value does not fit in int64 is not recognized.
//
// Conventions (see tests/ingest/quantities_test.cc for examples):
// - A number with no unit, currency or percent sign is not a quantity; only a bare 4-digit
//   number in 1900-2100 is, as a year.
// - "¥" is CNY when the text contains Han characters, JPY otherwise; "￥" is CNY; "yen"
//   and 日元 are JPY. A bare "$" is USD unless a currency word follows ("$5 million AUD").
// - "mt"/"MT" are metric tons, "Mt" is million tonnes; "wet"/"dry tonnes" are tonnes. Short,
//   long and US tons are skipped. Pounds of a good ("20 million pounds of U3O8") are `lb`,
//   ounces `oz`, a battery plant's energy ("40 GWh", "16 gigawatt-hours") `GWh` and a solar
//   plant's power ("3.3 gigawatts", "500 MW") `GW`/`MW` and oil in barrels ("480,000 barrels per
//   day", "a 400,000 barrel-per-day refinery", 65万桶/日) `bbl/d` or `bbl`, a port's containers
//   ("1 million TEU", 100万标准箱) `TEU` and gas by volume ("60 million cubic metres", "bcm",
//   立方英尺) `m3` or `ft3`, kept in the unit the text states (SPEC's `t` is for metric tons).
// - A Chinese numeral with no multiplier followed by plain 元 (三元 "ternary") is skipped.
// - Dates keep the year in `value`; `text_value` has the ISO form.
#include "ingest/quantities.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::ingest {

namespace {

using re2::RE2;
using re2::StringPiece;

// ---------------------------------------------------------------------------------------
// Exact decimal arithmetic.

// Strips trailing zeros from the mantissa, raising the exponent. Never overflows.
Decimal Reduced(Decimal d) {
  if (d.mantissa == 0) return Decimal{0, 0};
  while (d.mantissa % 10 == 0) {
    d.mantissa /= 10;
    ++d.exponent;
  }
  return d;
}

// The form Find() returns: exponent <= 0, and no trailing zero in the mantissa when the
// exponent is negative ("$1.5bn" is {1500000000, 0}; "0.5%" is {5, -1}). Returns false
// when the value does not fit.
bool Canonicalize(Decimal* d) {
  *d = Reduced(*d);
  while (d->exponent > 0) {
    if (__builtin_mul_overflow(d->mantissa, int64_t{10}, &d->mantissa)) return false;
    --d->exponent;
  }
  return true;
}

// 10^k for 0 <= k <= 38.
__int128 Pow10(int k) {
  __int128 p = 1;
  for (int i = 0; i < k; ++i) p *= 10;
  return p;
}

// a <= b for non-negative decimals whose exponents lie in [-36, 0] (canonical values from
// Find() always do: at most 18 fraction digits).
bool LessOrEqual(const Decimal& a, const Decimal& b) {
  int e = a.exponent < b.exponent ? a.exponent : b.exponent;
  __int128 x = static_cast<__int128>(a.mantissa) * Pow10(a.exponent - e);
  __int128 y = static_cast<__int128>(b.mantissa) * Pow10(b.exponent - e);
  return x <= y;
}

// acc = acc * mul + add, false on overflow.
bool MulAdd(int64_t* acc, int64_t mul, int64_t add) {
  return !__builtin_mul_overflow(*acc, mul, acc) && !__builtin_add_overflow(*acc, add, acc);
}

// ---------------------------------------------------------------------------------------
// Characters.

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsWordByte(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c) || c == '_'; }

size_t CharLen(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Lower-cased, with each run of ASCII or no-break spaces and hyphens turned into one
// space and no space at either end: "More \u00a0than " -> "more than".
std::string Key(std::string_view s) {
  std::string lower = AsciiLower(s);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < lower.size();) {
    unsigned char c = static_cast<unsigned char>(lower[i]);
    size_t len = CharLen(c);
    std::string_view ch(lower.data() + i, std::min(len, lower.size() - i));
    bool is_space = ch == " " || ch == "\t" || ch == "\n" || ch == "\r" || ch == "-" ||
                    ch == "\u00a0" || ch == "\u2009" || ch == "\u202f";
    if (is_space) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out.append(ch);
    }
    i += ch.size();
  }
  return out;
}

// Digits of an ASCII or full-width (U+FF10..U+FF19) digit string, in order; other bytes
// (thousands separators) skipped.
std::string AsciiDigits(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsAsciiDigit(s[i])) {
      out += s[i];
    } else if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
               static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90));
      i += 2;
    }
  }
  return out;
}

int SmallInt(std::string_view s) {  // Up to 4 digits, ASCII or full-width.
  int v = 0;
  for (char c : AsciiDigits(s)) v = v * 10 + (c - '0');
  return v;
}

// Integer part and fraction digits -> exact decimal; nullopt on overflow.
std::optional<Decimal> ParseArabic(std::string_view int_part, std::string_view frac_part) {
  std::string digits = AsciiDigits(int_part);
  std::string frac = AsciiDigits(frac_part);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  Decimal d;
  for (char c : digits) {
    if (!MulAdd(&d.mantissa, 10, c - '0')) return std::nullopt;
  }
  for (char c : frac) {
    if (!MulAdd(&d.mantissa, 10, c - '0')) return std::nullopt;
    --d.exponent;
  }
  if (!Canonicalize(&d)) return std::nullopt;
  return d;
}

// Value of one Chinese numeral character: digits 0-9, or -(power of ten) for 十百千万亿.
int ChineseCharValue(std::string_view ch) {
  static constexpr std::pair<std::string_view, int> kTable[] = {
      {"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"两", 2},  {"三", 3},  {"四", 4},
      {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},  {"十", -1}, {"百", -2},
      {"千", -3}, {"万", -4}, {"亿", -8}};
  for (const auto& [text, value] : kTable) {
    if (ch == text) return value;
  }
  return 0;
}

// 十二万 -> 120000, 三亿五千万 -> 350000000, 一千零五十 -> 1050, 二〇二四 -> 2024.
// `has_multiplier` tells whether any of 十百千万亿 occurs.
std::optional<int64_t> ParseChinese(std::string_view s, bool* has_multiplier) {
  std::vector<int> values;
  for (size_t i = 0; i < s.size();) {
    size_t len = CharLen(static_cast<unsigned char>(s[i]));
    values.push_back(ChineseCharValue(s.substr(i, len)));
    i += len;
  }
  *has_multiplier = false;
  for (int v : values) {
    if (v < 0) *has_multiplier = true;
  }
  int64_t total = 0;
  if (!*has_multiplier) {  // Positional digits.
    for (int v : values) {
      if (!MulAdd(&total, 10, v)) return std::nullopt;
    }
    return total;
  }
  int64_t wan = 0, section = 0, number = 0;
  for (int v : values) {
    if (v >= 0) {
      number = v;
    } else if (v >= -3) {  // 十 百 千
      int64_t unit = v == -1 ? 10 : v == -2 ? 100 : 1000;
      int64_t part = (number == 0 ? 1 : number) * unit;
      if (__builtin_add_overflow(section, part, &section)) return std::nullopt;
      number = 0;
    } else if (v == -4) {  // 万
      int64_t group = section + number;
      if (group == 0) group = 1;
      if (__builtin_add_overflow(wan, group, &wan) || !MulAdd(&wan, 10000, 0)) {
        return std::nullopt;
      }
      section = number = 0;
    } else {  // 亿
      int64_t group = wan + section + number;
      if (group == 0) group = 1;
      if (__builtin_add_overflow(total, group, &total) || !MulAdd(&total, 100000000, 0)) {
        return std::nullopt;
      }
      wan = section = number = 0;
    }
  }
  if (__builtin_add_overflow(total, wan + section + number, &total)) return std::nullopt;
  return total;
}

int ChineseMultiplierExponent(std::string_view s) {  // 万亿 -> 12, 千万 -> 7.
  int exp = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = CharLen(static_cast<unsigned char>(s[i]));
    exp += -ChineseCharValue(s.substr(i, len));
    i += len;
  }
  return exp;
}

int EnglishScaleExponent(std::string_view word) {
  std::string w = AsciiLower(word);
  if (w == "thousand" || w == "k") return 3;
  if (w == "million" || w == "m" || w == "mn" || w == "mln") return 6;
  if (w == "billion" || w == "b" || w == "bn" || w == "bln") return 9;
  if (w == "trillion") return 12;
  if (w == "crore" || w == "crores") return 7;  // Indian numbering: ₹200 crore = ₹2 billion.
  if (w == "lakh" || w == "lakhs") return 5;
  return 0;
}

// Approximation named by a hedge ("More than " -> "over"; 约 -> "about").
std::string HedgeApprox(std::string_view hedge) {
  std::string key = Key(hedge);
  static constexpr std::pair<std::string_view, std::string_view> kPrefixes[] = {
      {"just over", "over"},     {"just", "under"},         {"more than", "over"},
      {"greater than", "over"},  {"at least", "over"},      {"in excess", "over"},
      {"upwards", "over"},       {"over", "over"},          {"above", "over"},
      {"exceeding", "over"},     {"less than", "under"},    {"fewer than", "under"},
      {"under", "under"},        {"below", "under"},        {"up to", "under"},
      {"as much as", "under"},   {"as many as", "under"},
      {"nearly", "under"},       {"almost", "under"},       {"close to", "under"},
      {"不超过", "under"},       {"不高于", "under"},       {"不多于", "under"},
      {"超过", "over"},          {"超", "over"},            {"逾", "over"},
      {"至少", "over"},          {"多于", "over"},          {"大于", "over"},
      {"高于", "over"},          {"将近", "under"},         {"接近", "under"},
      {"近", "under"},           {"不到", "under"},         {"不足", "under"},
      {"少于", "under"},         {"小于", "under"},         {"低于", "under"},
      {"最高", "under"},         {"最多", "under"},         {"至多", "under"},
      {"高达", "under"}};
  for (const auto& [prefix, approx] : kPrefixes) {
    if (key.starts_with(prefix)) return std::string(approx);
  }
  return "about";  // about, approximately, roughly, some, around, estimated, ~, 约, ...
}

std::string HedgeAfterApprox(std::string_view hedge) {
  std::string key = Key(hedge);
  if (key == "以上" || key == "or more" || key == "or above" || key == "plus") return "over";
  if (key == "以下" || key == "以内" || key == "or less" || key == "or fewer") return "under";
  return "about";  // 左右, 上下, or so.
}

// ISO code of a currency prefix; `generic` when a following currency word may refine it.
std::string PrefixCurrency(std::string_view prefix, bool has_han, bool* generic) {
  std::string key = Key(prefix);
  std::string compact;
  for (char c : key) {
    if (c != ' ' && c != '.') compact += c;
  }
  *generic = false;
  if (compact == "$") {
    *generic = true;
    return "USD";
  }
  if (compact == "us$") return "USD";
  if (compact == "a$" || compact == "au$") return "AUD";
  if (compact == "c$" || compact == "ca$") return "CAD";
  if (compact == "hk$") return "HKD";
  if (compact == "nz$") return "NZD";
  if (compact == "n$") return "NAD";  // Namibian dollar: "N$290 million".
  if (compact == "s$") return "SGD";
  if (compact == "r$") return "BRL";
  if (compact == "€") return "EUR";
  if (compact == "£") return "GBP";
  if (compact == "￥" || compact == "人民币" || compact == "rmb") return "CNY";
  if (compact == "¥") {
    *generic = true;
    return has_han ? "CNY" : "JPY";
  }
  if (compact == "₹") return "INR";
  if (compact == "₩") return "KRW";
  if (compact == "rs") return "INR";
  if (compact == "rp") return "IDR";  // Indonesian rupiah: "Rp 1.1 trillion".
  if (compact == "rm") return "MYR";  // Malaysian ringgit: "RM250 million".
  if (compact == "qr") return "QAR";  // Qatari riyal: "QR4.4 billion".
  if (compact == "r") return "ZAR";   // South African rand, written against its figure: "R1.5 billion".
  std::string upper;
  for (char c : compact) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return upper;  // USD, EUR, GBP, JPY, CNY, AUD, CAD, HKD, NZD, SGD, CHF, NOK, SEK, KRW, …
}

std::string SuffixCurrency(std::string_view word) {
  std::string key = Key(word);
  if (key.find("australian") != std::string::npos || key == "aud" || key == "澳元") {
    return "AUD";
  }
  if (key.find("canadian") != std::string::npos || key == "cad" || key == "加元") return "CAD";
  if (key.find("hong kong") != std::string::npos || key == "hkd" || key == "港元" ||
      key == "港币") {
    return "HKD";
  }
  if (key.find("new zealand") != std::string::npos || key == "nzd") return "NZD";
  if (key.find("singapore") != std::string::npos || key == "sgd") return "SGD";
  if (key.find("namibia") != std::string::npos || key == "nad" || key == "纳米比亚元") return "NAD";
  if (key.find("dollar") != std::string::npos || key == "usd" || key == "美元") return "USD";
  if (key.starts_with("euro") || key == "eur" || key == "欧元") return "EUR";
  if (key.find("sterling") != std::string::npos || key == "gbp" || key == "英镑") return "GBP";
  if (key.starts_with("rouble") || key.starts_with("ruble")) return "RUB";
  // Currencies named by one word, in English or Chinese.
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"yen", "JPY"},     {"jpy", "JPY"},     {"日元", "JPY"},     {"chf", "CHF"},
      {"瑞士法郎", "CHF"}, {"won", "KRW"},     {"韩元", "KRW"},     {"rupees", "INR"},
      {"rupee", "INR"},   {"卢比", "INR"},     {"印度卢比", "INR"},
      {"forint", "HUF"},  {"forints", "HUF"}, {"rupiah", "IDR"},   {"印尼盾", "IDR"},
      {"rand", "ZAR"},    {"zar", "ZAR"},     {"兰特", "ZAR"},     {"南非兰特", "ZAR"},
      {"卢布", "RUB"},    {"tenge", "KZT"},   {"坚戈", "KZT"},     {"reais", "BRL"},
      {"雷亚尔", "BRL"},   {"新加坡元", "SGD"}, {"新元", "SGD"},     {"ringgit", "MYR"},
      {"baht", "THB"},    {"dong", "VND"},    {"hryvnia", "UAH"},  {"hryvnias", "UAH"},
      {"格里夫纳", "UAH"}, {"dirham", "AED"},  {"dirhams", "AED"},  {"迪拉姆", "AED"}};
  for (const auto& [w, code] : kWords) {
    if (key == w) return std::string(code);
  }
  return "CNY";  // yuan, renminbi, rmb, cny, 元, 人民币, 人民币元, 元人民币.
}

int MonthNumber(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string key = AsciiLower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (key == kMonths[i]) return i + 1;
  }
  return 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidYear(int y) { return y >= 1900 && y <= 2100; }

std::string Format(const char* fmt, int a, int b = 0, int c = 0) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c);
  return buf;
}

// Pattern pieces.
constexpr char kWs[] = R"([\s\x{00A0}\x{2009}\x{202F}])";
constexpr char kDash[] = R"((?:-|\x{2010}|\x{2011}|\x{2012}|\x{2013}|\x{2014}|\x{2212}))";
constexpr char kDigit[] = R"([0-9\x{FF10}-\x{FF19}])";
constexpr char kMonth[] =
    R"((Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|)"
    R"(Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)";

// Replaces the placeholders {WS} (a space, no-break ones included), {SEP} (space or
// hyphen), {DASH}, {D} (a digit, full-width included) and {MONTH}.
std::string Expand(std::string_view pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      std::string_view name = pattern.substr(i + 1, close - i - 1);
      if (name == "WS") {
        out += kWs;
      } else if (name == "SEP") {
        out += "(?:";
        out += kWs;
        out += "|-)";
      } else if (name == "DASH") {
        out += kDash;
      } else if (name == "D") {
        out += kDigit;
      } else if (name == "MONTH") {
        out += kMonth;
      } else {
        out.append(pattern.substr(i, close - i + 1));  // A repetition such as {1,3}.
      }
      i = close + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_longest_match(true);
  options.set_log_errors(true);
  return options;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Decimal.

bool Decimal::IsInteger() const { return Reduced(*this).exponent >= 0; }

int64_t Decimal::ToInt() const {
  Decimal d = Reduced(*this);
  int64_t v = d.mantissa;
  for (int i = 0; i < d.exponent; ++i) v *= 10;
  return v;
}

double Decimal::ToDouble() const {
  // Dividing by an exact power of ten keeps 19.9 as the nearest double (199 * 0.1 is not).
  if (exponent < 0) return static_cast<double>(mantissa) / std::pow(10.0, -exponent);
  return static_cast<double>(mantissa) * std::pow(10.0, exponent);
}

bool operator==(const Decimal& a, const Decimal& b) {
  Decimal x = Reduced(a);
  Decimal y = Reduced(b);
  return x.mantissa == y.mantissa && x.exponent == y.exponent;
}

// ---------------------------------------------------------------------------------------
// Patterns, compiled once (QuantityFinder::Impl holds one Patterns).

namespace {

struct Patterns {
  Patterns();

  RE2 hedge;           // Before a figure: more than, about, ~, 超过, 约, ...
  RE2 annual_prefix;   // 每年, 年产(能|量)
  RE2 percent_prefix;  // 百分之
  RE2 currency_prefix;
  RE2 number;      // 1,234.5 (ASCII or full-width digits): (integer)(fraction)
  RE2 cn_numeral;  // 十二万, 三亿, 两千
  RE2 cn_multiplier;
  RE2 cn_more;  // 多, 余
  RE2 en_scale;
  RE2 percent_unit;
  RE2 plus_one_share;  // "50% plus one share": still 50%, part of the figure.
  RE2 mass_unit;
  RE2 non_metric;
  RE2 imperial_mass;
  RE2 energy_unit;
  RE2 power_unit;
  RE2 barrel_unit;  // barrels (of oil), per day or not
  RE2 teu_unit;     // containers, in twenty-foot equivalent units
  RE2 volume_unit;  // gases, in cubic metres or feet
  RE2 currency_suffix;
  RE2 connector;  // (symbol)|(word)
  RE2 hedge_after;
  RE2 annual_suffix;
  RE2 time_word;  // "ago", "earlier": "a year ago" is not "per year".
  // Dates.
  RE2 iso_date;
  RE2 zh_date;
  RE2 zh_year_range;
  RE2 year_range;
  RE2 year_range_word;
  RE2 month_day_year;
  RE2 day_month_year;
  RE2 month_year;
  RE2 fiscal_year;  // FY2025, FY 2024, FY25: the year a fiscal year ends in.
  RE2 year;
};

Patterns::Patterns()
    : hedge(Expand(R"(((?i:(?:more|greater){WS}+than|at{WS}+least|in{WS}+excess{WS}+of|)"
                   R"(upwards{WS}+of|over|above|exceeding|(?:less|fewer){WS}+than|)"
                   R"(just{WS}+(?:under|below|over|shy{WS}+of)|under|below|up{WS}+to|as{WS}+(?:much|many){WS}+as|)"
                   R"(nearly|almost|close{WS}+to|about|approximately|approx\.|roughly|some|)"
                   R"(around|an?{WS}+estimated|estimated|circa|an?{WS}+approximate|)"
                   R"(approximate){WS}+|[~\x{223C}\x{FF5E}]{WS}*|不超过|不高于|不多于|超过了|超过|超|逾|至少|多于|大于|)"
                   R"(高于|大约为|大约|约为|约达|约|大概|将近|接近|近|不到|不足|少于|小于|低于|最高|最多|至多|高达))"),
            PatternOptions()),
      annual_prefix(R"((?:每年|年产能|年产量|年产|年均)(?:达到|达|为)?)", PatternOptions()),
      percent_prefix("百分之", PatternOptions()),
      currency_prefix(Expand(R"(((?:(?:U\.S\.|US){WS}?|A|AU|C|CA|HK|NZ|N|S|R)?\$|€|£|￥|¥|₹|₩|)"
                             R"(USD|EUR|GBP|JPY|CNY|RMB|AUD|CAD|HKD|NZD|SGD|CHF|NOK|SEK|DKK|KRW|INR|BRL|CLP|ZAR|IDR|MXN|)"
                             R"(MYR|PEN|RUB|SAR|AED|KZT|PLN|HUF|CZK|TRY|TWD|THB|VND|ARS|COP|UAH|EGP|QAR|OMR|NGN|)"
                             R"(Rs\.?|Rp\.?|RM|QR|人民币|R){WS}?)"),
                      PatternOptions()),
      number(Expand(R"(({D}{1,3}(?:,{D}{3})+|{D}{1,3}(?:[\x{00A0}\x{2009}\x{202F}]{D}{3})+|{D}+))"
                    R"((?:[.\x{FF0E}]({D}+))?)"),
             PatternOptions()),
      cn_numeral("[零〇一二三四五六七八九十两][零〇一二三四五六七八九十百千万亿两]*",
                 PatternOptions()),
      cn_multiplier("[十百千万亿]+", PatternOptions()),
      cn_more("[多余]", PatternOptions()),
      en_scale(Expand(R"((?:{WS}|-)?((?i:thousand|million|billion|trillion|crores?|lakhs?|mln|mn|bln|bn|m|b|k)))"),
               PatternOptions()),
      percent_unit(Expand(R"({WS}?(%|％|(?i:per(?:{WS}|-)?cent|pct)))"), PatternOptions()),
      plus_one_share(Expand(R"({WS}(?i:plus){WS}(?i:one|1){WS}(?i:shares?|votes?))"), PatternOptions()),
      mass_unit(Expand(R"((?:{WS}|-)?((?i:)"
                       R"((?:wet|dry)(?:{WS}|-)+(?:metric(?:{WS}|-)+)?ton(?:ne)?s?|)"
                       R"(metric(?:{WS}|-)+ton(?:ne)?s?|ton(?:ne)?s?|)"
                       R"(kilo-?ton(?:ne)?s?|mega-?ton(?:ne)?s?|kilo-?gram(?:me)?s?)|)"
                       R"(t|mt|MT|kt|Kt|Mt|tpa|tpy|ktpa|ktpy|Mtpa|Mtpy|mtpa|kg|公吨|吨))"),
                PatternOptions()),
      non_metric(Expand(R"((?:{WS}|-)?(?i:short|long|US|U\.S\.|imperial)(?:{WS}|-)+ton(?:ne)?s?)"),
                 PatternOptions()),
      // Pounds of a good (not money: "of" must follow) and troy ounces, kept in their unit.
      imperial_mass(Expand(R"((?:{WS}|-)?((?i:pounds?|lbs?)){WS}+of\b|(?:{WS}|-)?((?i:ounces?|oz)|盎司))"),
                    PatternOptions()),
      // A battery plant's yearly output, in energy: "40 GWh", "16 gigawatt-hours", "100吉瓦时".
      energy_unit(Expand(R"((?:{WS}|-)?(GWh|(?i:gigawatt(?:{WS}|-)hours?)|吉瓦时))"), PatternOptions()),
      // A plant's yearly output in power, as solar makers state it: "3.3 gigawatts of solar
      // modules a year", kept in the unit the text states. Only before "of" and a good (or in
      // Chinese): "a 2 GW solar farm" is a power plant's size.
      power_unit(Expand(R"((?:{WS}|-)?(?:(GW|MW|(?i:gigawatts?|megawatts?))(?:{WS}+of\b)|(吉瓦|兆瓦)))"), PatternOptions()),
      // Oil in barrels, kept in the unit the text states: "480,000 barrels per day" and "a
      // 400,000 barrel-per-day refinery" (`bbl/d`, also "bpd", "b/d", "barrels of oil a day",
      // 万桶/日), "6 million barrels" and 600万桶 (`bbl`).
      // (The one group is the plain barrels.)
      barrel_unit(Expand(R"((?:{WS}|-)?(?:(?i:barrels?)(?:{WS}+of{WS}+(?i:crude|oil|crude{WS}+oil){WS}*)?(?:{WS}|-)(?i:per|a)(?:{WS}|-)(?i:day)|(?i:bpd|b/d)|桶/日|桶/天|桶每日|((?i:barrels?)|桶)))"), PatternOptions()),
      // A port's containers, in twenty-foot equivalent units: "1 million TEU", 100万标准箱.
      teu_unit(Expand(R"((?:{WS}|-)?((?-i:TEUs?)|(?i:twenty(?:{WS}|-)foot(?:{WS}|-)equivalent(?:{WS}|-)units?)|标准箱|标箱))"), PatternOptions()),
      // Gas by volume, kept in the unit the text states: "60 million cubic metres of helium"
      // and 1.2亿立方米 (`m3`), "67 million cubic feet" and 万立方英尺 (`ft3`); "bcm" is a
      // billion cubic metres.
      volume_unit(Expand(R"((?:{WS}|-)?((?i:cubic(?:{WS}|-)met(?:re|er)s?)|m3|m³|立方米|(bcm)|((?i:cubic(?:{WS}|-)f(?:ee|oo)t)|立方英尺)))"), PatternOptions()),
      currency_suffix(
          Expand(R"({WS}?((?i:(?:U\.S\.|US|American|Australian|Canadian|Hong{WS}+Kong|)"
                 R"(New{WS}+Zealand|Singapore|Namibian){WS}+dollars?|dollars?|euros?|yen|yuan|)"
                 R"(renminbi|pounds{WS}+sterling|sterling|won|forints?|rupiah|rand|ringgit|)"
                 R"(roubles?|rubles?|rupees?|tenge|reais|baht|dong|hryvnias?|dirhams?)|USD|EUR|GBP|JPY|CNY|RMB|AUD|CAD|)"
                 R"(HKD|NZD|SGD|CHF|NAD|ZAR|美元|欧元|日元|英镑|澳元|加元|港元|港币|人民币元|元人民币|)"
                 R"(纳米比亚元|南非兰特|兰特|卢布|印度卢比|卢比|坚戈|韩元|印尼盾|雷亚尔|瑞士法郎|新加坡元|新元|格里夫纳|迪拉姆|)"
                 R"(人民币|元))"),
          PatternOptions()),
      connector(Expand(R"({WS}*({DASH}|[~\x{223C}\x{FF5E}]|至|到){WS}*|{WS}+((?i:to|and|through)){WS}+)"),
                PatternOptions()),
      hedge_after(Expand(R"((左右|上下|以上|以下|以内|-plus|{WS}+(?i:or{WS}+(?:more|above|so|less|fewer))))"),
                  PatternOptions()),
      annual_suffix(Expand(R"((?:{WS}|-)*(?i:per{SEP}+annum|per{SEP}+year|a{SEP}+year|)"
                           R"(an{SEP}+annum|each{SEP}+year|every{SEP}+year|annually|per{SEP}+yr|)"
                           R"(a{SEP}+yr|p\.a\.|pa)|)"
                           R"({WS}*/{WS}*(?i:year|yr|y|a|annum)|每年|/年|一年)"),
                    PatternOptions()),
      time_word(Expand(R"({WS}+(?i:ago|earlier|before|prior|later|after|from|since))"),
                PatternOptions()),
      iso_date(Expand(R"(({D}{4})-({D}{2})-({D}{2}))"), PatternOptions()),
      zh_date(Expand(R"(({D}{4})年(?:({D}{1,2})月(?:({D}{1,2})[日号])?)?)"), PatternOptions()),
      zh_year_range(Expand(R"(({D}{4})年?{WS}*(?:{DASH}|[~\x{FF5E}]|至|到){WS}*({D}{4})年)"),
                    PatternOptions()),
      year_range(Expand(R"(({D}{4}){WS}*({DASH}|/){WS}*({D}{4}|{D}{2}))"), PatternOptions()),
      year_range_word(Expand(R"(({D}{4}){WS}+((?i:to|through|until|and)){WS}+({D}{4}))"),
                      PatternOptions()),
      month_day_year(Expand(R"({MONTH},?{WS}+({D}{1,2})(?:st|nd|rd|th)?,?{WS}+({D}{4}))"),
                     PatternOptions()),
      day_month_year(Expand(R"(({D}{1,2}){WS}+{MONTH},?{WS}+({D}{4}))"), PatternOptions()),
      month_year(Expand(R"({MONTH},?{WS}+(?:of{WS}+)?({D}{4}))"), PatternOptions()),
      fiscal_year(Expand(R"(FY{WS}?({D}{4}|{D}{2}))"), PatternOptions()),
      year(Expand(R"(({D}{4}))"), PatternOptions()) {}

// ---------------------------------------------------------------------------------------
// The scan over one text.

struct Figure {
  Decimal raw;             // The number as written, before any scale.
  int scale = 0;           // Power of ten from a scale word or 万/亿 after digits.
  bool has_scale = false;  // A scale word or character follows the number.
  bool chinese = false;    // Written in Chinese numerals.
  bool cn_multiplier = false;  // ... with one of 十百千万亿 in it.
  bool over = false;       // 多/余/+ after the number.
  size_t end = 0;
};

// One end of a quantity: [prefix] figure [unit].
struct Side {
  size_t begin = 0;
  size_t end = 0;
  Figure figure;
  bool has_kind = false;
  QuantityKind kind = QuantityKind::kMoney;
  std::string unit;           // ISO code, "t" or "%".
  bool generic_unit = false;  // From "$" or "¥" alone: a currency word after may refine it.
  bool has_prefix = false;    // Currency symbol or code, or 百分之.
  bool has_suffix = false;    // A unit after the figure.
  int unit_exponent = 0;      // kt -> 3, Mt -> 6, kg -> -3.
  bool annual = false;        // tpa, ktpa.
};

class Scan {
 public:
  Scan(const Patterns& re, std::string_view text) : re_(re), text_(text) {
    for (unsigned char c : text) {
      if (c >= 0xE4 && c <= 0xE9) {  // Lead byte of U+4E00..U+9FFF.
        has_han_ = true;
        break;
      }
    }
  }

  std::vector<Quantity> Run() const {
    std::vector<Quantity> out;
    // Every quantity and date has a digit or a Chinese numeral, at most a hedge, an annual
    // prefix and a currency before it ("approximately US$", "每年约"): only positions that
    // close to a numeral are tried.
    constexpr size_t kLeadBytes = 64;
    std::vector<size_t> next_numeral(text_.size() + 1, SIZE_MAX);
    for (size_t i = text_.size(); i-- > 0;) {
      next_numeral[i] = NumeralAt(i) ? i : next_numeral[i + 1];
    }
    size_t pos = 0;
    while (pos < text_.size()) {
      if (next_numeral[pos] == SIZE_MAX) break;
      if (next_numeral[pos] - pos > kLeadBytes) {
        pos = next_numeral[pos] - kLeadBytes;
        while (pos < text_.size() && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) ++pos;
        continue;
      }
      unsigned char c = static_cast<unsigned char>(text_[pos]);
      if ((c & 0xC0) == 0x80) {  // Inside a character (only after invalid UTF-8).
        ++pos;
        continue;
      }
      // A figure, a currency, a hedge or a date starts at a non-ASCII character, at the start
      // of an ASCII word, or at a sign; never inside an ASCII word ("MP1", "overall").
      if (c >= 0x80 || c == '$' || c == '~' ||
          (IsWordByte(static_cast<char>(c)) && !WordBefore(pos))) {
        std::optional<Quantity> q = QuantityAt(pos);
        std::optional<Quantity> d = DateAt(pos);
        if (d && (!q || d->span.end > q->span.end)) q = std::move(d);
        if (q) {
          pos = q->span.end;
          out.push_back(std::move(*q));
          continue;
        }
      }
      pos += CharLen(c);
    }
    return out;
  }

 private:
  // Anchored match of `re` at `pos`; `groups[0]` is the whole match.
  bool At(const RE2& re, size_t pos, StringPiece* groups, int n) const {
    if (pos > text_.size()) return false;
    return re.Match(StringPiece(text_.data(), text_.size()), pos, text_.size(),
                    RE2::ANCHOR_START, groups, n);
  }
  // End of an anchored match of `re` at `pos`, or nullopt.
  std::optional<size_t> EndAt(const RE2& re, size_t pos) const {
    StringPiece m;
    if (!At(re, pos, &m, 1)) return std::nullopt;
    return End(m);
  }
  size_t Begin(const StringPiece& s) const { return s.data() - text_.data(); }
  size_t End(const StringPiece& s) const { return Begin(s) + s.size(); }
  static std::string_view View(const StringPiece& s) { return {s.data(), s.size()}; }

  // A digit (ASCII or full-width) or a Chinese numeral starts at `i`.
  bool NumeralAt(size_t i) const {
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c >= '0' && c <= '9') return true;
    if (c < 0xE3 || c > 0xEF || i + 3 > text_.size()) return false;
    const std::string_view ch = text_.substr(i, 3);
    if (c == 0xEF) {  // U+FF10..U+FF19: EF BC 90..99.
      return ch[1] == '\xBC' && static_cast<unsigned char>(ch[2]) >= 0x90 &&
             static_cast<unsigned char>(ch[2]) <= 0x99;
    }
    for (std::string_view n : {"零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
                               "十", "两"}) {
      if (ch == n) return true;
    }
    // The 百 of 百分之百.
    if (ch == "百" && i >= 9 && text_.substr(i - 9, 9) == "百分之") return true;
    return false;
  }

  bool WordBefore(size_t pos) const { return pos > 0 && IsWordByte(text_[pos - 1]); }
  // A match ending at `end` does not stop in the middle of an ASCII word.
  bool BoundaryAfter(size_t end) const {
    return end == 0 || end >= text_.size() || !IsWordByte(text_[end - 1]) ||
           !IsWordByte(text_[end]);
  }

  // Digits may start a number here: not glued to a word ("MP1"), not after "COVID-", not
  // inside a malformed number ("1,2345"), not after a currency sign.
  bool NumberStartOk(size_t pos) const {
    if (pos == 0) return true;
    char prev = text_[pos - 1];
    if (IsWordByte(prev)) return false;
    if ((prev == ',' || prev == '.') && pos >= 2 && IsAsciiDigit(text_[pos - 2])) return false;
    if (prev == '-' && pos >= 2 && IsAsciiAlpha(text_[pos - 2])) return false;
    return true;
  }

  bool PrecededByCurrencySign(size_t pos) const {
    std::string_view before = text_.substr(0, pos);
    for (std::string_view sign : {"$", "€", "£", "¥", "￥", "#"}) {
      if (before.ends_with(sign)) return true;
    }
    return false;
  }

  // The ASCII word just before `pos` (spaces skipped), lower-cased.
  std::string WordBeforeSpaces(size_t pos) const {
    size_t end = pos;
    while (end > 0 && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    size_t begin = end;
    while (begin > 0 && IsAsciiAlpha(text_[begin - 1])) --begin;
    return AsciiLower(text_.substr(begin, end - begin));
  }

  std::optional<Figure> ParseFigure(size_t pos) const {
    Figure f;
    StringPiece g[3];
    if (At(re_.number, pos, g, 3)) {
      size_t e = End(g[0]);
      if (e < text_.size() &&
          (IsAsciiDigit(text_[e]) || ((text_[e] == ',' || text_[e] == '.') &&
                                      e + 1 < text_.size() && IsAsciiDigit(text_[e + 1])))) {
        return std::nullopt;  // "1,2345", "1.2.3".
      }
      std::string int_digits = AsciiDigits(View(g[1]));
      if (int_digits.size() > 1 && int_digits[0] == '0') {
        return std::nullopt;  // "007"; also the "000 tonnes" of "45 000 tonnes".
      }
      std::optional<Decimal> raw = ParseArabic(View(g[1]), View(g[2]));
      if (!raw) return std::nullopt;
      f.raw = *raw;
      pos = e;
    } else if (At(re_.cn_numeral, pos, g, 1)) {
      std::optional<int64_t> v = ParseChinese(View(g[0]), &f.cn_multiplier);
      if (!v) return std::nullopt;
      f.raw = Decimal{*v, 0};
      f.chinese = true;
      pos = End(g[0]);
      // A decimal fraction digit by digit: 三十一点二一 -> 31.21.
      static constexpr std::string_view kPoint = "点";
      if (text_.substr(pos, kPoint.size()) == kPoint) {
        size_t q = pos + kPoint.size();
        int64_t mantissa = *v;
        int digits = 0;
        while (q + 3 <= text_.size() && digits < 6) {
          static constexpr std::string_view kDigits = "零〇一二三四五六七八九";
          const std::string_view ch = text_.substr(q, 3);
          if (kDigits.find(ch) == std::string_view::npos || kDigits.find(ch) % 3 != 0) break;
          const int d = ChineseCharValue(ch);
          mantissa = mantissa * 10 + d;
          ++digits;
          q += 3;
        }
        if (digits > 0) {
          f.raw = Decimal{mantissa, -digits};
          pos = q;
        }
      }
    } else {
      return std::nullopt;
    }
    if (std::optional<size_t> e = EndAt(re_.cn_more, pos)) {
      f.over = true;
      pos = *e;
    }
    if (At(re_.cn_multiplier, pos, g, 1)) {
      f.scale = ChineseMultiplierExponent(View(g[0]));
      f.has_scale = true;
      pos = End(g[0]);
      if (std::optional<size_t> e = EndAt(re_.cn_more, pos)) {
        f.over = true;
        pos = *e;
      }
    } else if (!f.chinese && At(re_.en_scale, pos, g, 2) && BoundaryAfter(End(g[0]))) {
      f.scale = EnglishScaleExponent(View(g[1]));
      f.has_scale = true;
      pos = End(g[0]);
    }
    if (pos < text_.size() && text_[pos] == '+') {
      f.over = true;
      ++pos;
    }
    f.end = pos;
    return f;
  }

  // "成" after a one-digit Chinese figure, as a share in tenths; not a word that 成 opens.
  bool IsTenths(size_t pos) const {
    static constexpr std::string_view kCheng = "成";
    if (text_.substr(pos, kCheng.size()) != kCheng) return false;
    const std::string_view next = text_.substr(pos + kCheng.size(), 3);
    for (std::string_view w : {"为", "立", "本", "品", "交", "功", "果", "熟", "员", "都", "型", "长",
                               "份", "分", "绩", "就", "效", "套", "批", "年", "人", "群", "千", "百", "不"}) {
      if (next == w) return false;
    }
    return true;
  }

  std::optional<Side> ParseSide(size_t pos) const {
    Side s;
    s.begin = pos;
    StringPiece g[4];
    if (std::optional<size_t> e = EndAt(re_.percent_prefix, pos)) {
      s.has_prefix = s.has_kind = true;
      s.kind = QuantityKind::kPercent;
      s.unit = "%";
      pos = *e;
    } else if (At(re_.currency_prefix, pos, g, 2) &&
               !(IsAsciiAlpha(text_[pos]) && WordBefore(pos))) {
      s.has_prefix = s.has_kind = true;
      s.kind = QuantityKind::kMoney;
      s.unit = PrefixCurrency(View(g[1]), has_han_, &s.generic_unit);
      pos = End(g[0]);
    } else if (!NumberStartOk(pos)) {
      return std::nullopt;
    }
    std::optional<Figure> figure = ParseFigure(pos);
    // 百分之百 (a hundred per cent): 百 alone opens no numeral elsewhere ("百万" follows one).
    static constexpr std::string_view kHundred = "百";
    if (!figure && s.kind == QuantityKind::kPercent && s.has_prefix &&
        text_.substr(pos, kHundred.size()) == kHundred) {
      figure = Figure{};
      figure->raw = Decimal{100, 0};
      figure->chinese = figure->cn_multiplier = true;
      figure->end = pos + kHundred.size();
    }
    if (!figure) return std::nullopt;
    // A bare "R" is the rand only before a sum that reads as one ("R1.5 billion", "R250m",
    // "R12,000"), not "the R2 route".
    if (s.has_prefix && s.unit == "ZAR" && g[1].size() == 1 && !figure->has_scale &&
        text_.substr(pos, figure->end - pos).find_first_of(", ") == std::string_view::npos) {
      return std::nullopt;
    }
    s.figure = *figure;
    pos = figure->end;

    // A quantity of a good in the unit the text states (pounds, ounces, GWh, GW, barrels, TEU,
    // cubic metres): no currency before it; false when there is one.
    auto in_stated_unit = [&](std::string unit, size_t end) {
      if (s.has_prefix) return false;
      s.has_kind = s.has_suffix = true;
      s.kind = QuantityKind::kMass;
      s.unit = std::move(unit);
      pos = end;
      return true;
    };
    if (!(s.has_prefix && s.kind == QuantityKind::kPercent)) {
      if (At(re_.non_metric, pos, g, 1) && BoundaryAfter(End(g[0]))) return std::nullopt;
      if (At(re_.percent_unit, pos, g, 2) && BoundaryAfter(End(g[0]))) {
        if (s.has_prefix) return std::nullopt;  // "$5%".
        s.has_kind = s.has_suffix = true;
        s.kind = QuantityKind::kPercent;
        s.unit = "%";
        pos = End(g[0]);
        if (At(re_.plus_one_share, pos, g, 1) && BoundaryAfter(End(g[0]))) pos = End(g[0]);
      } else if (!s.has_prefix && s.figure.chinese && !s.figure.cn_multiplier &&
                 !s.figure.has_scale && IsTenths(pos)) {
        // 六成 (six tenths, 60%), 近八成: not 成为 (become), 成立, 成本 …
        s.has_kind = s.has_suffix = true;
        s.kind = QuantityKind::kPercent;
        s.unit = "%";
        s.unit_exponent = 1;
        pos += std::string_view("成").size();
      } else if (At(re_.mass_unit, pos, g, 2) && BoundaryAfter(End(g[0]))) {
        if (s.has_prefix) return std::nullopt;
        std::string_view unit = View(g[1]);
        std::string key = AsciiLower(unit);
        s.has_kind = s.has_suffix = true;
        s.kind = QuantityKind::kMass;
        s.unit = "t";
        if (unit.starts_with("Mt") || unit == "mtpa" || key.starts_with("mega")) {
          s.unit_exponent = 6;
        } else if (unit.starts_with("kt") || unit.starts_with("Kt") ||
                   key.starts_with("kilot") || key.starts_with("kilo-t")) {
          s.unit_exponent = 3;
        } else if (key == "kg" || key.starts_with("kilo")) {
          s.unit_exponent = -3;
        }
        s.annual = unit.ends_with("pa") || unit.ends_with("py");
        pos = End(g[0]);
      } else if (At(re_.imperial_mass, pos, g, 3) &&
                 BoundaryAfter(End(!View(g[1]).empty() ? g[1] : g[2]))) {
        if (!in_stated_unit(!View(g[1]).empty() ? "lb" : "oz", End(!View(g[1]).empty() ? g[1] : g[2]))) {
          return std::nullopt;
        }
      } else if (At(re_.energy_unit, pos, g, 2) && BoundaryAfter(End(g[0]))) {
        if (!in_stated_unit("GWh", End(g[0]))) return std::nullopt;
      } else if (At(re_.power_unit, pos, g, 3) &&
                 BoundaryAfter(End(!View(g[1]).empty() ? g[1] : g[2]))) {
        const std::string_view unit = !View(g[1]).empty() ? View(g[1]) : View(g[2]);
        const bool mw = unit == "MW" || unit == "兆瓦" || unit.starts_with("mega") || unit.starts_with("Mega");
        if (!in_stated_unit(mw ? "MW" : "GW", End(!View(g[1]).empty() ? g[1] : g[2]))) return std::nullopt;
      } else if (At(re_.barrel_unit, pos, g, 2) && BoundaryAfter(End(g[0]))) {
        if (!in_stated_unit(View(g[1]).empty() ? "bbl/d" : "bbl", End(g[0]))) return std::nullopt;
      } else if (At(re_.teu_unit, pos, g, 2) && BoundaryAfter(End(g[0]))) {
        if (!in_stated_unit("TEU", End(g[0]))) return std::nullopt;
      } else if (At(re_.volume_unit, pos, g, 4) && BoundaryAfter(End(g[0]))) {
        if (!in_stated_unit(View(g[3]).empty() ? "m3" : "ft3", End(g[0]))) return std::nullopt;
        if (!View(g[2]).empty()) s.unit_exponent = 9;  // bcm
      } else if (At(re_.currency_suffix, pos, g, 2) && BoundaryAfter(End(g[0]))) {
        std::string_view word = View(g[1]);
        if (s.figure.chinese && !s.figure.cn_multiplier && word == "元") {
          return std::nullopt;  // 三元 (ternary), 二元: words, not prices.
        }
        if (!s.has_prefix || s.generic_unit) s.unit = SuffixCurrency(word);
        s.has_kind = s.has_suffix = true;
        s.kind = QuantityKind::kMoney;
        pos = End(g[0]);
      }
    }
    if (!s.has_suffix && !BoundaryAfter(pos)) return std::nullopt;  // "$5x", "15years".
    s.end = pos;
    return s;
  }

  // The value of a side with the given scale and unit exponent.
  static std::optional<Decimal> Value(const Side& s, int scale, int unit_exponent) {
    Decimal d = s.figure.raw;
    d.exponent += scale + unit_exponent;
    if (!Canonicalize(&d)) return std::nullopt;
    return d;
  }

  std::optional<Quantity> QuantityAt(size_t begin) const {
    size_t pos = begin;
    std::string approx;
    bool annual = false;
    // "年产能为4万吨": the annual prefix marks the figure but stays outside its span, so
    // that rules can read "年产能" as words.
    size_t span_begin = begin;
    StringPiece g[3];
    for (int i = 0; i < 3; ++i) {
      if (approx.empty() && At(re_.hedge, pos, g, 2) &&
          !(IsAsciiAlpha(text_[pos]) && WordBefore(pos))) {
        approx = HedgeApprox(View(g[1]));
        pos = End(g[0]);
        continue;
      }
      if (!annual) {
        if (std::optional<size_t> e = EndAt(re_.annual_prefix, pos)) {
          annual = true;
          if (pos == span_begin) span_begin = *e;
          pos = *e;
          continue;
        }
      }
      break;
    }
    std::optional<Side> first = ParseSide(pos);
    if (!first) return std::nullopt;

    std::optional<Quantity> q;
    if (At(re_.connector, first->end, g, 3)) {
      std::string word = AsciiLower(View(g[2]));
      bool allowed = true;
      if (word == "and") allowed = WordBeforeSpaces(begin) == "between";
      if (word == "to" || word == "through") allowed = WordBeforeSpaces(begin) != "from";
      if (allowed) {
        if (std::optional<Side> second = ParseSide(End(g[0]))) {
          q = Range(*first, *second);
        }
      }
    }
    if (!q) q = Single(*first);
    if (!q) return std::nullopt;

    q->span.begin = span_begin;
    if (!approx.empty()) q->approx = approx;  // An explicit hedge beats 多/余/+.
    q->annual = q->annual || annual;
    // Hedges and "per year" after the unit, in either order.
    size_t end = q->span.end;
    for (int i = 0; i < 2; ++i) {
      if (At(re_.hedge_after, end, g, 2) && BoundaryAfter(End(g[0]))) {
        if (approx.empty()) q->approx = HedgeAfterApprox(View(g[1]));
        end = End(g[0]);
        continue;
      }
      if (!q->annual && At(re_.annual_suffix, end, g, 1) && BoundaryAfter(End(g[0])) &&
          !EndAt(re_.time_word, End(g[0]))) {
        q->annual = true;
        end = End(g[0]);
        continue;
      }
      break;
    }
    q->span.end = end;
    return q;
  }

  std::optional<Quantity> Single(const Side& s) const {
    if (!s.has_kind) return std::nullopt;
    Quantity q;
    q.kind = s.kind;
    q.unit = s.unit;
    std::optional<Decimal> v = Value(s, s.figure.scale, s.unit_exponent);
    if (!v) return std::nullopt;
    q.value = *v;
    q.annual = s.annual;
    if (s.figure.over) q.approx = "over";
    q.span = Span{s.begin, s.end};
    return q;
  }

  // "$1-2 billion", "10-15%", "20,000 to 30,000 tonnes", "$1 billion to $2 billion".
  std::optional<Quantity> Range(Side a, const Side& b) const {
    if (a.has_suffix && b.has_kind && !b.has_suffix && !b.has_prefix) return std::nullopt;
    if (!b.has_kind) {
      // Only "$1-2 billion" and 百分之十到十五: the second figure borrows the first's
      // unit. "$5 million to 10 companies" is not a range.
      if (!a.has_prefix || a.has_suffix) return std::nullopt;
      if (a.kind != QuantityKind::kPercent && !b.figure.has_scale) return std::nullopt;
    }
    if (a.has_kind && b.has_kind && (a.kind != b.kind || a.unit != b.unit)) {
      // "$1.65 billion to A$2 billion" is two figures; but "$1-2 billion AUD" refines "$".
      if (!(a.kind == b.kind && a.kind == QuantityKind::kMoney && a.generic_unit &&
            !b.has_prefix)) {
        return std::nullopt;
      }
    }
    if (!a.has_kind && b.has_prefix && b.kind == QuantityKind::kMoney) return std::nullopt;
    const Side& unit_side = b.has_kind ? b : a;
    int a_scale = a.figure.scale;
    if (!a.figure.has_scale && b.figure.has_scale && LessOrEqual(a.figure.raw, b.figure.raw)) {
      a_scale = b.figure.scale;  // "$1-2 billion", "1-2万吨".
    }
    int a_unit_exponent = a.has_suffix ? a.unit_exponent : unit_side.unit_exponent;
    std::optional<Decimal> low = Value(a, a_scale, a_unit_exponent);
    std::optional<Decimal> high = Value(b, b.figure.scale, b.unit_exponent);
    if (!low || !high || !LessOrEqual(*low, *high) || *low == *high) return std::nullopt;
    Quantity q;
    q.kind = unit_side.kind;
    q.unit = unit_side.unit;
    if (a.has_kind && !a.generic_unit && q.kind == QuantityKind::kMoney) q.unit = a.unit;
    q.value = *low;
    q.max = *high;
    q.annual = a.annual || b.annual;
    if (a.figure.over || b.figure.over) q.approx = "over";
    q.span = Span{a.begin, b.end};
    return q;
  }

  // ---- Dates -------------------------------------------------------------------------

  // A 4-digit figure ending at `end` is not glued to more of a number or word.
  bool DigitsEndOk(size_t end) const {
    if (end >= text_.size()) return true;
    char next = text_[end];
    if (IsWordByte(next)) return false;
    if ((next == ',' || next == '.') && end + 1 < text_.size() &&
        IsAsciiDigit(text_[end + 1])) {
      return false;
    }
    return true;
  }

  static Quantity DateQuantity(QuantityKind kind, int year, std::string text_value) {
    Quantity q;
    q.kind = kind;
    q.unit = kind == QuantityKind::kYear ? "year" : "date";
    q.value = Decimal{year, 0};
    q.text_value = std::move(text_value);
    return q;
  }

  std::optional<Quantity> DateAt(size_t begin) const {
    bool digit_start = IsAsciiDigit(text_[begin]) ||
                       static_cast<unsigned char>(text_[begin]) == 0xEF;  // Full-width.
    if (digit_start) {
      if (!NumberStartOk(begin) || PrecededByCurrencySign(begin)) return std::nullopt;
      if (begin > 0 && text_[begin - 1] == '[') {
        std::optional<size_t> e = EndAt(re_.year, begin);
        if (e && *e < text_.size() && text_[*e] == ']') return std::nullopt;  // "[2019]".
      }
    } else if (WordBefore(begin)) {
      return std::nullopt;
    }
    std::optional<Quantity> best;
    auto offer = [&](Quantity q, size_t end) {
      if (!DigitsEndOk(end)) return;
      if (best && best->span.end >= end) return;
      q.span = Span{begin, end};
      best = std::move(q);
    };
    StringPiece g[4];
    if (At(re_.year, begin, g, 2)) {
      int y = SmallInt(View(g[1]));
      if (ValidYear(y)) offer(DateQuantity(QuantityKind::kYear, y, Format("%04d", y)), End(g[0]));
    }
    if (At(re_.iso_date, begin, g, 4)) {
      int y = SmallInt(View(g[1])), m = SmallInt(View(g[2])), d = SmallInt(View(g[3]));
      if (ValidYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
        offer(DateQuantity(QuantityKind::kDate, y, Format("%04d-%02d-%02d", y, m, d)),
              End(g[0]));
      }
    }
    if (At(re_.zh_date, begin, g, 4)) {
      int y = SmallInt(View(g[1]));
      if (ValidYear(y)) {
        if (g[2].data() == nullptr) {
          offer(DateQuantity(QuantityKind::kYear, y, Format("%04d", y)), End(g[0]));
        } else {
          int m = SmallInt(View(g[2]));
          if (m >= 1 && m <= 12) {
            if (g[3].data() == nullptr) {
              offer(DateQuantity(QuantityKind::kDate, y, Format("%04d-%02d", y, m)),
                    End(g[0]));
            } else {
              int d = SmallInt(View(g[3]));
              if (d >= 1 && d <= DaysInMonth(y, m)) {
                offer(DateQuantity(QuantityKind::kDate, y, Format("%04d-%02d-%02d", y, m, d)),
                      End(g[0]));
              } else {  // Keep the year and month.
                offer(DateQuantity(QuantityKind::kDate, y, Format("%04d-%02d", y, m)),
                      End(g[2]) + std::string_view("月").size());
              }
            }
          }
        }
      }
    }
    auto offer_range = [&](int y1, int y2, size_t end) {
      if (!ValidYear(y1) || !ValidYear(y2) || y2 <= y1) return;
      Quantity q = DateQuantity(QuantityKind::kYear, y1, Format("%04d/%04d", y1, y2));
      q.max = Decimal{y2, 0};
      offer(std::move(q), end);
    };
    if (At(re_.zh_year_range, begin, g, 3)) {
      offer_range(SmallInt(View(g[1])), SmallInt(View(g[2])), End(g[0]));
    }
    if (At(re_.year_range, begin, g, 4)) {
      int y1 = SmallInt(View(g[1]));
      std::string_view tail = View(g[3]);
      int y2 = SmallInt(tail);
      if (AsciiDigits(tail).size() == 2) {
        int two = y2;
        y2 = y1 / 100 * 100 + two;
        if (y2 <= y1 && two >= 1 && two <= 12 && ValidYear(y1) && View(g[2]) != "/") {
          offer(DateQuantity(QuantityKind::kDate, y1, Format("%04d-%02d", y1, two)),
                End(g[0]));  // "2025-03".
        }
      }
      offer_range(y1, y2, End(g[0]));
    }
    if (At(re_.year_range_word, begin, g, 4)) {
      bool allowed = AsciiLower(View(g[2])) != "and" || WordBeforeSpaces(begin) == "between";
      if (allowed) offer_range(SmallInt(View(g[1])), SmallInt(View(g[3])), End(g[0]));
    }
    if (At(re_.month_day_year, begin, g, 4)) {
      int m = MonthNumber(View(g[1])), d = SmallInt(View(g[2])), y = SmallInt(View(g[3]));
      if (ValidYear(y) && m >= 1 && d >= 1 && d <= DaysInMonth(y, m)) {
        offer(DateQuantity(QuantityKind::kDate, y, Format("%04d-%02d-%02d", y, m, d)),
              End(g[0]));
      }
    }
    if (At(re_.day_month_year, begin, g, 4)) {
      int d = SmallInt(View(g[1])), m = MonthNumber(View(g[2])), y = SmallInt(View(g[3]));
      if (ValidYear(y) && m >= 1 && d >= 1 && d <= DaysInMonth(y, m)) {
        offer(DateQuantity(QuantityKind::kDate, y, Format("%04d-%02d-%02d", y, m, d)),
              End(g[0]));
      }
    }
    if (At(re_.fiscal_year, begin, g, 2)) {
      const std::string_view digits = View(g[1]);
      int y = SmallInt(digits);
      if (digits.size() == 2) y += 2000;
      if (ValidYear(y)) offer(DateQuantity(QuantityKind::kYear, y, Format("%04d", y)), End(g[0]));
    }
    if (At(re_.month_year, begin, g, 3)) {
      int m = MonthNumber(View(g[1])), y = SmallInt(View(g[2]));
      if (ValidYear(y) && m >= 1) {
        offer(DateQuantity(QuantityKind::kDate, y, Format("%04d-%02d", y, m)), End(g[0]));
      }
    }
    return best;
  }

  const Patterns& re_;
  std::string_view text_;
  bool has_han_ = false;
};

}  // namespace

struct QuantityFinder::Impl {
  Patterns patterns;
};

QuantityFinder::QuantityFinder() : impl_(std::make_unique<Impl>()) {}
QuantityFinder::~QuantityFinder() = default;

namespace {

// A share written as a fraction: "more than half of the world's mined nickel", "two-thirds of
// global supply", "half of China's bauxite imports", "约占全球的四分之三", "约一半的重稀土原料",
// "占其进口的一半以上". In English only of the world or global total, of a named owner's whole, or
// of what a buyer imports or uses ("half of the manganese ore it imports", "half of its imported
// tungsten", "imports about two-thirds of its ore from Gabon"); elsewhere ("half of its output")
// it stays words for the rules that read it.
void AddWorldFractions(std::string_view text, std::vector<Quantity>* out) {
  static const RE2* kEnglish = new RE2(
      "(?i)\\b((?:(?:more than|over|nearly|almost|about|roughly|around|some|close to|at least|"
      "less than|under|well over|just over|just under) )?)(half|one-half|a third|one-third|"
      "two-thirds|two thirds|a quarter|one-quarter|one quarter|three-quarters|three quarters|"
      "a fifth|one-fifth|a tenth|one-tenth)(?:(?: of)? (?:the )?(?:world's|world|global|worldwide)\\b|"
      " of (?:[A-Z][\\w-]*(?: [A-Z][\\w-]*){0,3}(?:'s|’s|'))|"
      // Or of what its buyer imports or uses: "nearly half of the manganese ore it imports".
      " of (?:the |its |their )?(?:[a-z-]+ ){1,3}(?:that |which )?(?:it|they) (?:imports|imported|"
      "uses|used|consumes|consumed|needs|needed|buys|bought)\\b|"
      // Or of its imports: "more than half of its imported tungsten products".
      " of (?:its|their) (?:imported|imports)\\b|"
      // Or of goods a named buyer uses: "about a quarter of the enriched uranium used by U.S.
      // nuclear plants".
      " of (?:the |its |their )?(?:[a-z-]+ ){1,3}(?:used|bought|imported|consumed|needed|burned) (?:by|in)\\b)");
  // Or of what a buyer imports from a source: "imports about two-thirds of its ore from Gabon" (not
  // "buys half of its cobalt from Glencore", a customer's supplier, read from the words).
  static const RE2* kImported = new RE2(
      "(?i)\\b(?:imports|imported|import) ((?:(?:more than|over|nearly|almost|about|roughly|around|"
      "some|close to|at least|less than|under|well over|just over|just under) )?)(half|one-half|a "
      "third|one-third|two-thirds|two thirds|a quarter|one-quarter|one quarter|three-quarters|three "
      "quarters|a fifth|one-fifth|a tenth|one-tenth) of (?:its|their|the) (?:[\\w-]+ ){1,4}?from\\b");
  // The Chinese fractions value() reads.
#define KG_ZH_FRACTION "(一半|三分之一|三分之二|四分之一|四分之三|五分之一|十分之一)"
  static const RE2* kChinese = new RE2(
      "全球(?:的)?((?:约|近|超过|逾|将近|接近)?)" KG_ZH_FRACTION);
  // "中国约一半的重稀土原料依赖缅甸": a fraction of what follows 的, as "about half of its …".
  static const RE2* kChineseOf = new RE2(
      "((?:大约|约|近|超过|逾|将近|接近)?)" KG_ZH_FRACTION "的");
  // "约占日本氦气市场的一半": a share of a market or of imports, the fraction closing it.
  static const RE2* kChineseShareOf = new RE2(
      "(?:占|占据)[^，。；,;]{0,24}?的((?:约|近)?)" KG_ZH_FRACTION);
  // "占其进口的一半以上": more than the fraction.
  static const RE2* kChineseOver = new RE2(
      "()" KG_ZH_FRACTION "以上");
#undef KG_ZH_FRACTION
  auto value = [](std::string_view w) -> int64_t {
    std::string k;
    for (char c : w) k += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (k == "half" || k == "one-half" || k == "一半") return 50;
    if (k == "a third" || k == "one-third" || k == "三分之一") return 33;
    if (k == "two-thirds" || k == "two thirds" || k == "三分之二") return 67;
    if (k == "a quarter" || k == "one-quarter" || k == "one quarter" || k == "四分之一") return 25;
    if (k == "three-quarters" || k == "three quarters" || k == "四分之三") return 75;
    if (k == "a fifth" || k == "one-fifth" || k == "五分之一") return 20;
    return 10;  // a tenth
  };
  auto add = [&](const RE2& re, std::string_view approx_override = {}) {
    StringPiece input(text.data(), text.size());
    StringPiece hedge, fraction;
    while (RE2::FindAndConsume(&input, re, &hedge, &fraction)) {
      const size_t begin = static_cast<size_t>(
          (hedge.empty() ? fraction.data() : hedge.data()) - text.data());
      const size_t end = static_cast<size_t>(fraction.data() - text.data()) + fraction.size();
      bool overlaps = false;
      for (const Quantity& q : *out) overlaps |= begin < q.span.end && q.span.begin < end;
      if (overlaps) continue;
      Quantity q;
      q.kind = QuantityKind::kPercent;
      q.span = Span{begin, end};
      q.value = Decimal{value(std::string_view(fraction.data(), fraction.size())), 0};
      q.unit = "%";
      // A fraction is itself a round figure: "about" unless the text says more or less.
      q.approx = !approx_override.empty() ? std::string(approx_override)
                 : hedge.empty()            ? "about"
                                            : HedgeApprox(std::string_view(hedge.data(), hedge.size()));
      out->push_back(q);
    }
  };
  add(*kEnglish);
  add(*kImported);
  add(*kChinese);
  add(*kChineseOver, "over");
  add(*kChineseOf);
  add(*kChineseShareOf);
  std::sort(out->begin(), out->end(),
            [](const Quantity& a, const Quantity& b) { return a.span.begin < b.span.begin; });
}

}  // namespace

std::vector<Quantity> QuantityFinder::Find(std::string_view text) const {
  std::vector<Quantity> out = Scan(impl_->patterns, text).Run();
  AddWorldFractions(text, &out);
  return out;
}

}  // namespace kg::ingest
