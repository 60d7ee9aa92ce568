// segment: a Document -> its Sentences. See segment.h.
//
// Three levels, each cutting only at hard boundaries of the level above:
//   lines   -> blocks    (blank lines, headings, bullets, numbered paragraphs; soft-wrapped
//                         lines are joined back into one block)
//   blocks  -> pieces    (inline `Group N:` headings, leading labels, ` - ` bullets)
//   pieces  -> sentences (ICU sentence BreakIterator over the bytes, abbreviations merged back,
//                         citation markers never cut and attached to the sentence before)
// All positions are byte offsets into Document::text.

#include "ingest/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/read.h"

#include "ingest/strings_internal.h"

namespace kg::ingest {
namespace {

using internal::CountCodePoints;
using internal::EndsWith;
using internal::EqualsIgnoreCase;
using internal::StartsWith;
using internal::HanStartsAt;
using internal::StartsWithIgnoreCase;

constexpr size_t kMaxSentenceBytes = 2000;
constexpr size_t kMaxHeadingBytes = 200;

struct Range {
  size_t begin;
  size_t end;
};

// Length of the whitespace character at `pos` (ASCII blanks, NBSP, ideographic space,
// U+2000..U+200A), or 0.
size_t SpaceAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && pos + 1 < s.size() && static_cast<unsigned char>(s[pos + 1]) == 0xA0) return 2;
  if (pos + 2 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[pos + 1]);
    const auto c2 = static_cast<unsigned char>(s[pos + 2]);
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c == 0xE2 && c1 == 0x80 && c2 <= 0x8A) return 3;
  }
  return 0;
}

// Length of the whitespace character ending at `end` (exclusive), or 0.
size_t SpaceBefore(std::string_view s, size_t end) {
  for (size_t len : {1, 2, 3}) {
    if (end >= len && SpaceAt(s, end - len) == len) return len;
  }
  return 0;
}

Range Trim(std::string_view s, Range r) {
  while (r.begin < r.end) {
    size_t n = SpaceAt(s, r.begin);
    if (n == 0 || r.begin + n > r.end) break;
    r.begin += n;
  }
  while (r.end > r.begin) {
    size_t n = SpaceBefore(s, r.end);
    if (n == 0 || r.end - n < r.begin) break;
    r.end -= n;
  }
  return r;
}

std::string_view View(std::string_view s, Range r) { return s.substr(r.begin, r.end - r.begin); }

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool HasWordChar(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) return true;
  }
  return false;
}

// --- Citation markers ------------------------------------------------------------------

// Matches one of `options` at `pos`; returns its length or 0.
size_t MatchAny(std::string_view s, size_t pos, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s.substr(pos, o.size()) == o) return o.size();
  }
  return 0;
}

struct Citation {
  size_t end = 0;  // One past the closing bracket.
  std::vector<int> numbers;
};

// A citation marker starting at `pos`: `[3]`, `[1, 3]`, `[1,3]`, `[1-3]` (a range of at most
// 100 expands), also with full-width brackets 【3】 ［3］ and separators ， 、 ; –.
std::optional<Citation> CitationAt(std::string_view s, size_t pos) {
  size_t i = pos;
  size_t open = MatchAny(s, i, {"[", "\xE3\x80\x90", "\xEF\xBC\xBB"});
  if (open == 0) return std::nullopt;
  i += open;
  Citation c;
  int range_from = -1;
  bool need_number = true;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (need_number) {
      size_t d = i;
      int n = 0;
      while (i < s.size() && IsAsciiDigit(s[i]) && i - d < 5) n = n * 10 + (s[i++] - '0');
      if (i == d || i - d > 4 || n == 0) return std::nullopt;
      if (range_from >= 0) {
        if (n > range_from && n - range_from <= 100) {
          for (int k = range_from + 1; k <= n; ++k) c.numbers.push_back(k);
        } else {
          c.numbers.push_back(n);
        }
        range_from = -1;
      } else {
        c.numbers.push_back(n);
      }
      need_number = false;
      continue;
    }
    if (size_t close = MatchAny(s, i, {"]", "\xE3\x80\x91", "\xEF\xBC\xBD"})) {
      c.end = i + close;
      return c;
    }
    if (size_t sep = MatchAny(s, i, {",", ";", "\xEF\xBC\x8C", "\xE3\x80\x81"})) {
      i += sep;
      need_number = true;
      continue;
    }
    if (size_t dash = MatchAny(s, i, {"-", "\xE2\x80\x93", "\xE2\x80\x94"})) {
      if (range_from >= 0 || c.numbers.empty()) return std::nullopt;
      range_from = c.numbers.back();
      i += dash;
      need_number = true;
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// --- Punctuation -----------------------------------------------------------------------

// Sentence-final punctuation ending at `end`: . ! ? 。 ！ ？ … ; returns its length or 0.
size_t TerminalBefore(std::string_view s, size_t end) {
  if (end >= 1 && (s[end - 1] == '.' || s[end - 1] == '!' || s[end - 1] == '?')) return 1;
  if (end >= 3) {
    std::string_view t = s.substr(end - 3, 3);
    if (t == "\xE3\x80\x82" || t == "\xEF\xBC\x81" || t == "\xEF\xBC\x9F" || t == "\xE2\x80\xA6") {
      return 3;
    }
  }
  return 0;
}

// Closing quote or bracket ending at `end`; returns its length or 0.
size_t CloserBefore(std::string_view s, size_t end) {
  if (end >= 1 && (s[end - 1] == '"' || s[end - 1] == '\'' || s[end - 1] == ')')) return 1;
  if (end >= 3) {
    std::string_view t = s.substr(end - 3, 3);
    if (t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" || t == "\xEF\xBC\x89" || t == "\xE3\x80\x8D" ||
        t == "\xE3\x80\x8F") {
      return 3;
    }
  }
  return 0;
}

// Whether the text of `r` ends like a sentence: final punctuation (possibly followed by
// closing quotes), or a citation marker.
bool EndsSentence(std::string_view s, Range r) {
  r = Trim(s, r);
  size_t end = r.end;
  while (end > r.begin) {
    if (size_t n = CloserBefore(s, end)) {
      end -= n;
      continue;
    }
    break;
  }
  if (end > r.begin && TerminalBefore(s, end)) return true;
  if (r.end > r.begin && (s[r.end - 1] == ']' || EndsWith(View(s, r), "\xE3\x80\x91") ||
                          EndsWith(View(s, r), "\xEF\xBC\xBD"))) {
    return true;
  }
  return false;
}

// Punctuation that sticks to the word before it, so the space left by a removed citation
// marker before it is dropped ("sector [5]." -> "sector.").
bool IsClosingPunct(std::string_view s, size_t pos) {
  const char c = s[pos];
  if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')') return true;
  return MatchAny(s, pos,
                  {"\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x9B", "\xEF\xBC\x9A", "\xEF\xBC\x81",
                   "\xEF\xBC\x9F", "\xEF\xBC\x89", "\xE3\x80\x81"}) > 0;
}

// Whether `s` at `pos` starts like a sentence or bullet: an uppercase letter, a digit, a
// quote, a currency sign, or a non-ASCII character (CJK has no case).
bool StartsLikeSentence(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  const char c = s[pos];
  return IsAsciiUpper(c) || IsAsciiDigit(c) || c == '"' || c == '\'' || c == '$' || c == '[' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// --- Headings --------------------------------------------------------------------------

// `Group 3:` (also `Section 3:`, `Part 3:`) at `pos`; returns the length through the colon.
size_t GroupHeadingAt(std::string_view s, size_t pos) {
  for (std::string_view word : {"Group", "Section", "Part"}) {
    if (s.substr(pos, word.size()) != word) continue;
    size_t i = pos + word.size();
    if (i >= s.size() || s[i] != ' ') continue;
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t digits = i;
    while (i < s.size() && IsAsciiDigit(s[i]) && i - digits < 4) ++i;
    if (i == digits) continue;
    if (i < s.size() && s[i] == ':') return i + 1 - pos;
    if (size_t n = MatchAny(s, i, {"\xEF\xBC\x9A"})) return i + n - pos;
  }
  return 0;
}

bool IsSourceLine(std::string_view line) {
  if (line.size() < 8 || !StartsWithIgnoreCase(line, "source")) return false;
  size_t i = 6;
  while (i < line.size() && line[i] == ' ') ++i;
  size_t colon = MatchAny(line, i, {":", "\xEF\xBC\x9A"});
  if (colon == 0) return false;
  std::string_view rest = line.substr(i + colon);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return !rest.empty() && rest.find_first_of(" \t") == std::string_view::npos;
}

// Length of a Markdown ATX heading marker ("## ") at the start of `line`, or 0.
size_t MarkdownHeadingMarker(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  if (i == 0 || i > 6) return 0;
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return 0;
  return i;
}

// A line of only `=`, `-`, `*`, `_` (and spaces), at least three: a setext underline or rule.
bool IsRuleLine(std::string_view line) {
  size_t marks = 0;
  for (char c : line) {
    if (c == '=' || c == '-' || c == '*' || c == '_') {
      ++marks;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return marks >= 3;
}

// Length of a bullet marker ("- ", "* ", "• ", "– ", or a list number "1) ", "(2) ") at the
// start of `line`, or 0.
size_t BulletMarker(std::string_view line) {
  size_t n = MatchAny(line, 0, {"-", "*", "+", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93"});
  if (n == 0) {
    size_t d = line.size() > 0 && line[0] == '(' ? 1 : 0;
    const size_t digits = d;
    while (d < line.size() && d - digits < 2 && line[d] >= '0' && line[d] <= '9') ++d;
    if (d > digits && d < line.size() && line[d] == ')') n = d + 1;
  }
  if (n == 0 || n >= line.size() || (line[n] != ' ' && line[n] != '\t')) return 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

bool EndsWithFunctionWord(std::string_view line) {
  size_t sp = line.find_last_of(' ');
  std::string_view last = sp == std::string_view::npos ? line : line.substr(sp + 1);
  for (std::string_view w :
       {"the", "a",  "an", "of",   "to", "in",   "and", "or",  "for", "with",
        "on",  "at", "by", "from", "as", "that", "is",  "was", "its", "their"}) {
    if (last == w) return true;
  }
  return false;
}

// A line that may be a heading: short, no final punctuation, no citation markers, starting
// like a title.
bool IsHeadingCandidate(std::string_view line) {
  if (line.empty() || CountCodePoints(line) >= 80 || CountWords(line) > 12) return false;
  if (!StartsLikeSentence(line, 0) || line[0] == '[' || line[0] == '"' || line[0] == '\'') {
    return false;
  }
  Range all{0, line.size()};
  if (EndsSentence(line, all)) return false;
  const char last = line.back();
  if (last == ',' || last == ';' || last == ':' || last == '-') return false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (CitationAt(line, i)) return false;
  }
  return HasWordChar(line) && !EndsWithFunctionWord(line);
}

// A fact box's field line: a short capitalized label, a colon and a value ("Operator: Swakop
// Uranium", "Production (2024): 3,400 t", "Refined zinc output, FY2025: 827,000 t"): at most seven
// words before the colon, none of them ending a sentence or a clause (a comma may set off the
// label's period); or a short Chinese label and a full-width colon.
bool IsFieldLine(std::string_view line) {
  // A Chinese label before a full-width colon ("股东：华友钴业", "产能：年处理原矿450万吨"): at most
  // eight characters, no punctuation among them.
  if (const size_t wide = line.find("\xEF\xBC\x9A"); wide != std::string_view::npos && wide > 0) {
    const std::string_view label = line.substr(0, wide);
    if ((HanStartsAt(line, 0) || IsAsciiUpper(line[0])) && CountCodePoints(label) <= 8 &&
        label.find("\xEF\xBC\x8C") == std::string_view::npos &&   // ，
        label.find("\xE3\x80\x82") == std::string_view::npos) {  // 。
      return true;
    }
  }
  const size_t colon = line.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > 50) return false;
  if (!IsAsciiUpper(line[0])) return false;
  const std::string_view label = line.substr(0, colon);
  if (label.find_first_of(".!?;") != std::string_view::npos) return false;
  if (const size_t comma = label.find(','); comma != std::string_view::npos &&
      (label.find(',', comma + 1) != std::string_view::npos || CountWords(label.substr(comma + 1)) > 2)) {
    return false;
  }
  return CountWords(label) <= 7;
}

// A leading label such as "Core Viewpoint" in "Core Viewpoint - The U.S. is …".
bool IsLabel(std::string_view label) {
  if (label.empty() || label.size() > 60 || CountWords(label) > 6) return false;
  if (!IsAsciiUpper(label[0]) && static_cast<unsigned char>(label[0]) < 0x80) return false;
  if (label.find_first_of("!?;,[]()\"") != std::string_view::npos) return false;
  if (label.back() == '.' || label.back() == ':') return false;
  if (TerminalBefore(label, label.size())) return false;
  return true;
}

bool IsKnownLabel(std::string_view label) {
  for (std::string_view known :
       {"Core Viewpoint", "Core Viewpoints", "Core Points", "Key Points", "Summary", "Overview",
        "Abstract", "Background", "Highlights", "Key Takeaways", "Takeaways", "Conclusion",
        "Outlook", "Viewpoint"}) {
    if (EqualsIgnoreCase(label, known)) return true;
  }
  return false;
}

// --- Abbreviations ---------------------------------------------------------------------

// Abbreviations after which a sentence break is never right.
constexpr std::string_view kNeverFinal[] = {
    "Mt.",     "No.",   "Nos.", "St.",  "e.g.", "i.e.",  "vs.",  "Mr.",  "Mrs.",  "Ms.",
    "Dr.",     "Prof.", "Gen.", "Sen.", "Rep.", "Gov.",  "Lt.",  "Col.", "Capt.", "Fig.",
    "approx.", "Jan.",  "Feb.", "Mar.", "Apr.", "Jun.",  "Jul.", "Aug.", "Sep.",  "Sept.",
    "Oct.",    "Nov.",  "Dec.", "Ave.", "Rd.",  "Pres.", "Amb."};
// Abbreviations that may also end a sentence ("… in the U.S. The company …").
constexpr std::string_view kMaybeFinal[] = {"U.S.", "U.K.", "U.N.", "E.U.", "Jr.", "Sr.", "Bros."};
// A company's legal form ends the sentence unless another legal form follows it ("Mitsui & Co.
// Ltd."): "… is owned by Acme Metals Ltd. Acme Metals operates …" is two sentences.
constexpr std::string_view kLegalFormFinal[] = {"Inc.", "Corp.", "Co.", "Ltd."};
constexpr std::string_view kLegalFormNext[] = {"Ltd",  "Limited", "Inc", "Co",  "Corp", "Corporation",
                                               "LLC",  "PLC",     "Plc", "plc", "Pty",  "SA",
                                               "S.A.", "AG",      "NV",  "N.V.", "Bhd", "KK"};
// Words that usually begin a new sentence; a break after a kMaybeFinal abbreviation before
// one of them is kept.
constexpr std::string_view kStarters[] = {
    "The",   "This",      "That",    "These",    "Those",     "It",    "Its",   "He",    "She",
    "They",  "We",        "I",       "In",       "On",        "At",    "But",   "And",   "However",
    "A",     "An",        "As",      "For",      "Meanwhile", "There", "Then",  "While", "When",
    "After", "Before",    "If",      "Our",      "His",       "Her",   "Their", "Some",  "Many",
    "Most",  "According", "Despite", "Although", "Since",     "Still"};

template <size_t N>
bool OneOf(std::string_view w, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Whether a break between `before` and `after` (both trimmed) falls after an abbreviation
// and should be undone.
bool ShouldMerge(std::string_view before, std::string_view after) {
  if (before.empty() || after.empty() || before.back() != '.') return false;
  // The word before the dot: ASCII letters, digits and dots, whatever stands before it (a space,
  // a bracket, or a full-width bracket in Chinese text: "美国国防部（U.S. Department of Defense）").
  size_t start = before.size();
  while (start > 0 && (std::isalnum(static_cast<unsigned char>(before[start - 1])) ||
                       before[start - 1] == '.' || before[start - 1] == '&' ||
                       before[start - 1] == '-')) {
    --start;
  }
  std::string_view token = before.substr(start);
  if (token.size() < 2) return false;
  if (OneOf(token, kNeverFinal)) return true;
  size_t word_end = 0;
  while (word_end < after.size() && std::isalpha(static_cast<unsigned char>(after[word_end]))) {
    ++word_end;
  }
  const bool starter = OneOf(after.substr(0, word_end), kStarters);
  if (OneOf(token, kLegalFormFinal)) {
    // The company's short name in brackets right after it: "Zhejiang Petrochemical Corp. (ZPC),".
    if (after.size() >= 3 && after[0] == '(' && IsAsciiUpper(after[1])) {
      const size_t close = after.find(')');
      if (close != std::string_view::npos && close <= 12) return true;
    }
    size_t next_end = after.find_first_of(" \t\n,;:");
    std::string_view next = after.substr(0, next_end);
    if (!next.empty() && next.back() == '.' && !OneOf(next, kLegalFormNext)) next.remove_suffix(1);
    return OneOf(next, kLegalFormNext);
  }
  // An initial: "J. Smith"; but "the early Model S. The Japanese supplier …" ends a sentence.
  if (token.size() == 2 && IsAsciiUpper(token[0])) return !starter;
  // Dotted initialisms: U.S., U.S.A., D.C., a.m.
  bool dotted = token.size() >= 4;
  for (size_t i = 0; dotted && i < token.size(); ++i) {
    dotted =
        (i % 2 == 0) ? std::isalpha(static_cast<unsigned char>(token[i])) != 0 : token[i] == '.';
  }
  if (!dotted && !OneOf(token, kMaybeFinal)) return false;
  return !starter;
}

// --- The segmenter ---------------------------------------------------------------------

class Segmenter {
 public:
  explicit Segmenter(const Document& doc) : doc_(doc), text_(doc.text) {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) breaker_.reset();
  }

  std::vector<Sentence> Run();

 private:
  struct Line {
    Range content;  // Trimmed.
    bool blank;
  };

  void StartSection(std::string_view heading);
  void FlushBlock();
  // Structure inside a block: headings, labels, ` - ` bullets.
  void ProcessBlock(Range block, bool at_line_start);
  // The next ` - ` bullet or inline heading in [pos, end) that follows a sentence end.
  // Returns {position, is_heading}; position == end when there is none.
  std::pair<size_t, bool> NextBoundary(size_t from, size_t end) const;
  // Consumes a `Group N: Heading` at `pos`; returns where the content after it starts.
  size_t ConsumeHeading(size_t pos, size_t end);
  void SplitSentences(Range piece);
  std::vector<size_t> BreakPositions(std::string_view piece);
  void Emit(Range r, bool is_title);
  int ParagraphAt(size_t pos) const;
  bool StartsParagraph(size_t pos) const;
  bool FollowedByParagraph(size_t k) const;
  bool IsTextLine(size_t k) const;

  const Document& doc_;
  std::string_view text_;
  std::unique_ptr<icu::BreakIterator> breaker_;
  std::vector<Line> lines_;
  std::vector<Sentence> out_;
  std::string section_;
  int section_index_ = 0;
  // The open block: soft-wrapped lines are appended while it is open.
  std::optional<Range> block_;
  Range block_last_line_{0, 0};
  bool block_at_line_start_ = false;
};

void Segmenter::StartSection(std::string_view heading) {
  section_ = std::string(heading);
  ++section_index_;
}

int Segmenter::ParagraphAt(size_t pos) const {
  const std::vector<Span>& ps = doc_.paragraphs;
  auto it = std::upper_bound(ps.begin(), ps.end(), pos,
                             [](size_t p, const Span& s) { return p < s.begin; });
  if (it == ps.begin()) return 0;
  --it;
  if (pos >= it->end) return 0;
  size_t index = static_cast<size_t>(it - ps.begin());
  return index < doc_.paragraph_numbers.size() ? doc_.paragraph_numbers[index] : 0;
}

bool Segmenter::StartsParagraph(size_t pos) const {
  const std::vector<Span>& ps = doc_.paragraphs;
  auto it = std::lower_bound(ps.begin(), ps.end(), pos,
                             [](const Span& s, size_t p) { return s.begin < p; });
  return it != ps.end() && it->begin == pos;
}

bool Segmenter::IsTextLine(size_t k) const {
  if (k >= lines_.size() || lines_[k].blank) return false;
  std::string_view line = View(text_, lines_[k].content);
  return MarkdownHeadingMarker(line) == 0 && !IsRuleLine(line);
}

// Whether the heading candidate on line k is followed by a paragraph.
bool Segmenter::FollowedByParagraph(size_t k) const {
  std::string_view line = View(text_, lines_[k].content);
  size_t next = k + 1;
  const bool gap = next < lines_.size() && lines_[next].blank;
  while (next < lines_.size() && lines_[next].blank) ++next;
  if (!IsTextLine(next)) return false;
  std::string_view following = View(text_, lines_[next].content);
  const bool paragraph_like = BulletMarker(following) > 0 || ParseParagraphMarker(following) ||
                              CountCodePoints(following) >= 80 ||
                              EndsSentence(following, Range{0, following.size()});
  if (!paragraph_like) return false;
  if (gap) return true;
  // No blank line between: only a clearly short line starting a capitalized paragraph (a
  // longer one is more likely the first line of a soft-wrapped paragraph).
  return CountCodePoints(line) < 40 && StartsLikeSentence(following, 0);
}

void Segmenter::FlushBlock() {
  if (!block_) return;
  ProcessBlock(*block_, block_at_line_start_);
  block_.reset();
}

std::vector<Sentence> Segmenter::Run() {
  // Lines.
  size_t pos = 0;
  while (pos < text_.size()) {
    size_t nl = text_.find('\n', pos);
    if (nl == std::string_view::npos) nl = text_.size();
    Range r = Trim(text_, Range{pos, nl});
    lines_.push_back({r, r.begin == r.end});
    pos = nl + 1;
  }

  // Title line.
  size_t k = 0;
  while (k < lines_.size() && lines_[k].blank) ++k;
  if (k < lines_.size() && !doc_.title.empty()) {
    Range t = lines_[k].content;
    if (StartsWith(View(text_, t), "\xEF\xBB\xBF")) t = Trim(text_, {t.begin + 3, t.end});
    if (size_t hashes = MarkdownHeadingMarker(View(text_, t))) {
      t = Trim(text_, {t.begin + hashes, t.end});
    }
    if (View(text_, t) == doc_.title) {
      Emit(t, /*is_title=*/true);
      ++k;
    } else {
      k = 0;
    }
  } else {
    k = 0;
  }

  bool previous_blank = true;
  for (; k < lines_.size(); ++k) {
    const Line& line = lines_[k];
    if (line.blank) {
      FlushBlock();
      previous_blank = true;
      continue;
    }
    Range c = line.content;
    std::string_view view = View(text_, c);
    const bool was_blank = previous_blank;
    previous_blank = false;

    if (section_index_ == 0 && IsSourceLine(view)) {  // Metadata (SPEC §5), not a sentence.
      FlushBlock();
      continue;
    }
    if (size_t hashes = MarkdownHeadingMarker(view)) {
      FlushBlock();
      std::string_view heading = View(text_, Trim(text_, {c.begin + hashes, c.end}));
      while (!heading.empty() && heading.back() == '#') heading.remove_suffix(1);
      while (!heading.empty() && heading.back() == ' ') heading.remove_suffix(1);
      if (!heading.empty()) StartSection(heading);
      continue;
    }
    if (IsRuleLine(view)) {
      FlushBlock();
      continue;
    }
    if (GroupHeadingAt(text_, c.begin)) {
      FlushBlock();
      if (view.find(" - ") == std::string_view::npos) {  // A heading line on its own.
        std::string_view heading = view;
        if (EndsWith(heading, ":")) heading.remove_suffix(1);
        StartSection(heading);
        continue;
      }
      block_ = c;
      block_last_line_ = c;
      block_at_line_start_ = true;
      continue;
    }
    if (size_t bullet = BulletMarker(view)) {
      FlushBlock();
      block_ = Range{c.begin + bullet, c.end};
      block_last_line_ = c;
      block_at_line_start_ = false;
      continue;
    }
    if (std::optional<ParagraphMarker> marker = ParseParagraphMarker(view)) {
      const bool report_paragraph = StartsParagraph(c.begin + marker->content);
      if (report_paragraph || (doc_.paragraphs.empty() && !marker->bracketed)) {
        FlushBlock();
        block_ = Range{c.begin + marker->content, c.end};
        block_last_line_ = c;
        block_at_line_start_ = false;
        continue;
      }
    }
    // A setext heading (text underlined with === or ---).
    if (was_blank && k + 1 < lines_.size() && !lines_[k + 1].blank &&
        IsRuleLine(View(text_, lines_[k + 1].content)) && IsHeadingCandidate(view)) {
      FlushBlock();
      StartSection(view);
      ++k;
      previous_blank = true;
      continue;
    }
    if (was_blank && IsHeadingCandidate(view) && FollowedByParagraph(k)) {
      FlushBlock();
      StartSection(view);
      continue;
    }
    // Ordinary text: join a soft-wrapped continuation, else start a new block. Two field lines
    // of a fact box without bullets ("Ownership: Taurus Minerals 90%, Epangelo Mining 10%" then
    // "Operator: Swakop Uranium") are two lines, however long the first; so are a box's heading
    // and its first field line ("SYRAH RESOURCES (Vidalia anode plant, Louisiana)" then
    // "Product: natural graphite").
    if (block_ && !was_blank) {
      std::string_view last = View(text_, block_last_line_);
      // (A box heading of a company and its site may be long: "Coromandel International — Baobab
      // Mining and Chemicals Corporation (BMCC), Senegal" then "Stake: 53.8% …".)
      const bool dash_heading = StartsLikeSentence(last, 0) && CountCodePoints(last) < 140 &&
                                (last.find(" \xE2\x80\x94 ") != std::string_view::npos ||
                                 last.find(" \xE2\x80\x93 ") != std::string_view::npos);
      const bool wrapped = !EndsSentence(text_, block_last_line_) && !EndsWith(last, ":") &&
                           !((IsFieldLine(last) || IsHeadingCandidate(last) || dash_heading) &&
                             IsFieldLine(view)) &&
                           (CountCodePoints(last) >= 40 || IsAsciiLower(view[0]));
      if (wrapped) {
        block_->end = c.end;
        block_last_line_ = c;
        continue;
      }
    }
    FlushBlock();
    block_ = c;
    block_last_line_ = c;
    block_at_line_start_ = true;
  }
  FlushBlock();
  return std::move(out_);
}

std::pair<size_t, bool> Segmenter::NextBoundary(size_t from, size_t end) const {
  const std::string_view bounded = text_.substr(0, end);  // Searches stop at the block end.
  size_t dash = from;
  size_t group = from;
  size_t best_dash = end;
  size_t best_group = end;
  // First ` - ` that follows a sentence end.
  while (dash < end) {
    size_t d = bounded.find(" - ", dash);
    if (d == std::string_view::npos || d + 3 > end) break;
    if (EndsSentence(text_, Range{from, d})) {
      best_dash = d;
      break;
    }
    dash = d + 1;
  }
  // First inline heading that follows a sentence end (searched only up to that bullet).
  const std::string_view before_dash = text_.substr(0, best_dash);
  while (group < best_dash) {
    size_t g = std::string_view::npos;
    for (std::string_view word : {"Group ", "Section ", "Part "}) {
      size_t f = before_dash.find(word, group);
      if (f != std::string_view::npos && f < g) g = f;
    }
    if (g == std::string_view::npos || g >= best_dash) break;
    if (g > from && SpaceBefore(text_, g) && GroupHeadingAt(text_, g) &&
        EndsSentence(text_, Range{from, g})) {
      best_group = g;
      break;
    }
    group = g + 1;
  }
  if (best_group < best_dash) return {best_group, true};
  return {best_dash, false};
}

size_t Segmenter::ConsumeHeading(size_t pos, size_t end) {
  const size_t prefix = GroupHeadingAt(text_, pos);
  size_t dash = text_.substr(0, end).find(" - ", pos);
  size_t heading_end = (dash == std::string_view::npos || dash + 3 > end) ? end : dash;
  size_t next = heading_end == end ? end : heading_end + 3;
  if (heading_end - pos > kMaxHeadingBytes) {  // No bullet in sight: keep only `Group N:`.
    heading_end = pos + prefix;
    next = heading_end;
  }
  std::string_view heading = View(text_, Trim(text_, {pos, heading_end}));
  if (EndsWith(heading, ":")) heading.remove_suffix(1);
  StartSection(heading);
  return next;
}

void Segmenter::ProcessBlock(Range block, bool at_line_start) {
  size_t pos = block.begin;
  const size_t end = block.end;
  if (GroupHeadingAt(text_, pos)) {
    pos = ConsumeHeading(pos, end);
  } else if (at_line_start) {
    size_t dash = text_.substr(0, end).find(" - ", pos);
    if (dash != std::string_view::npos && dash + 3 <= end) {
      std::string_view label = View(text_, Trim(text_, {pos, dash}));
      const size_t after = Trim(text_, {dash + 3, end}).begin;
      if (IsLabel(label) && StartsLikeSentence(text_, after) &&
          (IsKnownLabel(label) || NextBoundary(after, end).first < end)) {
        StartSection(label);
        pos = dash + 3;
      }
    }
  }
  // Each iteration consumes at least the boundary it found, so the loop ends.
  while (pos < end) {
    auto [boundary, is_heading] = NextBoundary(pos, end);
    SplitSentences(Range{pos, boundary});
    if (boundary >= end) break;
    pos = is_heading ? ConsumeHeading(boundary, end) : boundary + 3;
  }
}

std::vector<size_t> Segmenter::BreakPositions(std::string_view piece) {
  std::vector<size_t> cuts;
  if (breaker_) {
    // ICU sees the bytes with line breaks as spaces (the block's lines were joined), through a
    // UTF-8 UText, so its indices are byte offsets into the piece.
    std::string buf(piece);
    for (char& ch : buf) {
      if (ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f' || ch == '\v') ch = ' ';
    }
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, buf.data(), static_cast<int64_t>(buf.size()), &status);
    if (U_SUCCESS(status)) {
      breaker_->setText(ut, status);
      if (U_SUCCESS(status)) {
        for (int32_t b = breaker_->first(); b != icu::BreakIterator::DONE; b = breaker_->next()) {
          cuts.push_back(static_cast<size_t>(b));
        }
      }
    }
    utext_close(ut);
  }
  if (cuts.empty()) {
    // Fallback without ICU: after final punctuation followed by a space (or after CJK
    // punctuation).
    cuts.push_back(0);
    for (size_t i = 1; i <= piece.size(); ++i) {
      size_t t = TerminalBefore(piece, i);
      if (t == 0) continue;
      if (t == 3 || i == piece.size() || SpaceAt(piece, i)) cuts.push_back(i);
    }
  }
  if (cuts.back() != piece.size()) cuts.push_back(piece.size());
  if (cuts.front() != 0) cuts.insert(cuts.begin(), 0);
  return cuts;
}

void Segmenter::SplitSentences(Range piece) {
  piece = Trim(text_, piece);
  if (piece.begin >= piece.end) return;
  std::string_view p = View(text_, piece);
  std::vector<size_t> cuts = BreakPositions(p);

  // A break never falls inside a citation marker: move it past the marker, which then
  // belongs to the sentence before ("done.[3] Next", "产能。[3]中国").
  for (size_t i = 0; i < p.size(); ++i) {
    if (std::optional<Citation> c = CitationAt(p, i)) {
      for (size_t& cut : cuts) {
        if (cut > i && cut < c->end) cut = c->end;
      }
      i = c->end - 1;
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::vector<Range> sentences;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    Range r = Trim(p, Range{cuts[i], cuts[i + 1]});
    if (r.begin < r.end) sentences.push_back(r);
  }
  // Markers that open a sentence after the first go to the sentence before ("done. [3] Next").
  for (size_t i = 1; i < sentences.size(); ++i) {
    size_t q = sentences[i].begin;
    size_t last_marker_end = 0;
    while (q < sentences[i].end) {
      std::optional<Citation> c = CitationAt(p, q);
      if (!c || c->end > sentences[i].end) break;
      last_marker_end = c->end;
      q = c->end;
      while (size_t n = SpaceAt(p, q)) q += n;
    }
    if (last_marker_end == 0) continue;
    sentences[i - 1].end = last_marker_end;
    sentences[i].begin = std::min(q, sentences[i].end);
  }
  // Undo breaks after abbreviations.
  std::vector<Range> merged;
  for (const Range& r : sentences) {
    if (r.begin >= r.end) continue;
    if (!merged.empty() && r.end - merged.back().begin <= kMaxSentenceBytes &&
        ShouldMerge(View(p, merged.back()), View(p, r))) {
      merged.back().end = r.end;
      continue;
    }
    merged.push_back(r);
  }
  for (Range r : merged) {
    // Overlong sentences are cut at the last space before the limit (or a character
    // boundary), so no sentence exceeds kMaxSentenceBytes.
    while (r.end - r.begin > kMaxSentenceBytes) {
      size_t cut = r.begin + kMaxSentenceBytes;
      size_t space = p.rfind(' ', cut);
      if (space != std::string_view::npos && space > r.begin + kMaxSentenceBytes / 2) {
        cut = space;
      } else {
        while (cut > r.begin && (static_cast<unsigned char>(p[cut]) & 0xC0) == 0x80) --cut;
      }
      Emit(Range{piece.begin + r.begin, piece.begin + cut}, false);
      r.begin = Trim(p, Range{cut, r.end}).begin;
    }
    Emit(Range{piece.begin + r.begin, piece.begin + r.end}, false);
  }
}

void Segmenter::Emit(Range r, bool is_title) {
  r = Trim(text_, r);
  if (r.begin >= r.end) return;
  Sentence s;
  s.span = Span{r.begin, r.end};
  s.is_title = is_title;
  bool pending_space = false;
  size_t space_at = 0;
  bool after_marker = false;
  size_t i = r.begin;
  while (i < r.end) {
    if (std::optional<Citation> c = CitationAt(text_, i); c && c->end <= r.end) {
      for (int n : c->numbers) {
        if (std::find(s.citations.begin(), s.citations.end(), n) == s.citations.end()) {
          s.citations.push_back(n);
        }
      }
      after_marker = true;
      i = c->end;
      continue;
    }
    if (size_t n = SpaceAt(text_, i)) {
      if (!pending_space) space_at = i;
      pending_space = true;
      i += n;
      continue;
    }
    if (pending_space && !s.text.empty() && !(after_marker && IsClosingPunct(text_, i))) {
      s.text.push_back(' ');
      s.offsets.push_back(space_at);
    }
    pending_space = false;
    after_marker = false;
    s.text.push_back(text_[i]);
    s.offsets.push_back(i);
    ++i;
  }
  s.offsets.push_back(s.offsets.empty() ? r.begin : s.offsets.back() + 1);
  if (!HasWordChar(s.text)) {
    // Only markers or punctuation: the markers belong to the sentence before.
    if (!s.citations.empty() && !out_.empty() && !out_.back().is_title &&
        out_.back().section_index == section_index_) {
      Sentence& prev = out_.back();
      for (int n : s.citations) {
        if (std::find(prev.citations.begin(), prev.citations.end(), n) == prev.citations.end()) {
          prev.citations.push_back(n);
        }
      }
      prev.span.end = std::max(prev.span.end, r.end);
    }
    return;
  }
  if (!is_title) {
    s.section = section_;
    s.section_index = section_index_;
    s.paragraph = ParagraphAt(r.begin);
  }
  out_.push_back(std::move(s));
}

}  // namespace

std::vector<Sentence> Segment(const Document& doc) { return Segmenter(doc).Run(); }

}  // namespace kg::ingest
