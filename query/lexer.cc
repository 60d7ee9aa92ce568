#include "query/lexer.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "query/errors.h"

namespace kg::query {
namespace {

bool IsIdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool IsIdentChar(unsigned char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsHex(unsigned char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  absl::StatusOr<std::vector<Token>> Run() {
    std::vector<Token> out;
    while (true) {
      if (absl::Status s = SkipSpace(); !s.ok()) return s;
      Token t;
      t.begin = pos_;
      t.line = line_;
      t.column = col_;
      if (pos_ >= q_.size()) {
        t.kind = TokenKind::kEnd;
        t.end = pos_;
        out.push_back(std::move(t));
        return out;
      }
      if (absl::Status s = Next(&t); !s.ok()) return s;
      t.end = pos_;
      out.push_back(std::move(t));
    }
  }

 private:
  unsigned char Peek(size_t k = 0) const {
    return pos_ + k < q_.size() ? static_cast<unsigned char>(q_[pos_ + k]) : 0;
  }
  // Advances one byte, tracking line/column (continuation bytes do not count as columns).
  void Advance() {
    if (pos_ >= q_.size()) return;
    unsigned char c = static_cast<unsigned char>(q_[pos_++]);
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col_;
    }
  }
  void Advance(size_t n) {
    for (size_t i = 0; i < n; ++i) Advance();
  }

  absl::Status SkipSpace() {
    while (pos_ < q_.size()) {
      unsigned char c = Peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        Advance();
      } else if (c == '/' && Peek(1) == '/') {
        while (pos_ < q_.size() && Peek() != '\n') Advance();
      } else if (c == '/' && Peek(1) == '*') {
        int l = line_, cl = col_;
        Advance(2);
        while (true) {
          if (pos_ >= q_.size()) {
            return SyntaxErr("UnexpectedSyntax", l, cl, "unterminated comment");
          }
          if (Peek() == '*' && Peek(1) == '/') {
            Advance(2);
            break;
          }
          Advance();
        }
      } else if (c == 0xC2 && Peek(1) == 0xA0) {  // no-break space
        Advance(2);
      } else {
        break;
      }
    }
    return absl::OkStatus();
  }

  absl::Status Next(Token* t) {
    unsigned char c = Peek();
    if (IsIdentStart(c)) {
      t->kind = TokenKind::kIdent;
      size_t b = pos_;
      while (pos_ < q_.size() && IsIdentChar(Peek())) Advance();
      t->text = std::string(q_.substr(b, pos_ - b));
      return absl::OkStatus();
    }
    if (c == '`') return LexQuotedIdent(t);
    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) return LexNumber(t);
    if (c == '\'' || c == '"') return LexString(t);
    if (c == '$') {
      Advance();
      t->kind = TokenKind::kParam;
      if (Peek() == '`') {
        Token inner;
        if (absl::Status s = LexQuotedIdent(&inner); !s.ok()) return s;
        t->text = inner.text;
        return absl::OkStatus();
      }
      size_t b = pos_;
      while (pos_ < q_.size() && IsIdentChar(Peek())) Advance();
      if (pos_ == b) {
        return SyntaxErr("UnexpectedSyntax", t->line, t->column,
                         "expected a parameter name after '$'");
      }
      t->text = std::string(q_.substr(b, pos_ - b));
      return absl::OkStatus();
    }
    static constexpr std::string_view kTwo[] = {"..", "<>", "<=", ">=", "+=", "->", "<-",
                                                "!=", "=~"};
    t->kind = TokenKind::kPunct;
    for (std::string_view two : kTwo) {
      if (q_.substr(pos_, 2) == two) {
        t->text = std::string(two);
        Advance(2);
        return absl::OkStatus();
      }
    }
    static constexpr std::string_view kOne = "()[]{},.:;|=<>+-*/%^";
    if (kOne.find(static_cast<char>(c)) != std::string_view::npos) {
      t->text = std::string(1, static_cast<char>(c));
      Advance();
      return absl::OkStatus();
    }
    std::string shown = c >= 0x20 && c < 0x7F ? std::string(1, static_cast<char>(c))
                                                : absl::StrCat("\\x", absl::Hex(c));
    return SyntaxErr("UnexpectedSyntax", t->line, t->column,
                     absl::StrCat("unexpected character '", shown, "'"));
  }

  absl::Status LexQuotedIdent(Token* t) {
    int l = line_, cl = col_;
    Advance();  // `
    t->kind = TokenKind::kIdent;
    t->quoted = true;
    while (true) {
      if (pos_ >= q_.size()) {
        return SyntaxErr("UnexpectedSyntax", l, cl, "unterminated `quoted` identifier");
      }
      if (Peek() == '`') {
        if (Peek(1) == '`') {
          t->text.push_back('`');
          Advance(2);
          continue;
        }
        Advance();
        break;
      }
      t->text.push_back(static_cast<char>(Peek()));
      Advance();
    }
    if (t->text.empty()) {
      return SyntaxErr("UnexpectedSyntax", l, cl, "empty `quoted` identifier");
    }
    return absl::OkStatus();
  }

  absl::Status LexNumber(Token* t) {
    size_t b = pos_;
    t->kind = TokenKind::kInt;
    if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X')) {
      Advance(2);
      while (IsHex(Peek())) Advance();
    } else if (Peek() == '0' && (Peek(1) == 'o' || Peek(1) == 'O')) {
      Advance(2);
      while (IsDigit(Peek())) Advance();
    } else {
      while (IsDigit(Peek())) Advance();
      if (Peek() == '.' && IsDigit(Peek(1))) {
        t->kind = TokenKind::kFloat;
        Advance();
        while (IsDigit(Peek())) Advance();
      }
      if ((Peek() == 'e' || Peek() == 'E') &&
          (IsDigit(Peek(1)) || ((Peek(1) == '-' || Peek(1) == '+') && IsDigit(Peek(2))))) {
        t->kind = TokenKind::kFloat;
        Advance(2);
        while (IsDigit(Peek())) Advance();
      }
    }
    if (IsIdentChar(Peek())) {
      // e.g. 1abc, 0x1g: an invalid number literal.
      while (IsIdentChar(Peek())) Advance();
      return SyntaxErr("InvalidNumberLiteral", t->line, t->column,
                       absl::StrCat("invalid number literal '", std::string(q_.substr(b, pos_ - b)), "'"));
    }
    t->text = std::string(q_.substr(b, pos_ - b));
    return absl::OkStatus();
  }

  absl::Status LexString(Token* t) {
    const unsigned char quote = Peek();
    int l = line_, cl = col_;
    Advance();
    t->kind = TokenKind::kString;
    while (true) {
      if (pos_ >= q_.size()) {
        return SyntaxErr("UnexpectedSyntax", l, cl, "unterminated string literal");
      }
      unsigned char c = Peek();
      if (c == quote) {
        Advance();
        return absl::OkStatus();
      }
      if (c != '\\') {
        t->text.push_back(static_cast<char>(c));
        Advance();
        continue;
      }
      int el = line_, ec = col_;
      Advance();
      unsigned char e = Peek();
      switch (e) {
        case '\\':
        case '\'':
        case '"':
          t->text.push_back(static_cast<char>(e));
          Advance();
          break;
        case 'n':
          t->text.push_back('\n');
          Advance();
          break;
        case 't':
          t->text.push_back('\t');
          Advance();
          break;
        case 'r':
          t->text.push_back('\r');
          Advance();
          break;
        case 'b':
          t->text.push_back('\b');
          Advance();
          break;
        case 'f':
          t->text.push_back('\f');
          Advance();
          break;
        case 'u':
        case 'U': {
          const int digits = e == 'u' ? 4 : 8;
          Advance();
          uint32_t cp = 0;
          for (int i = 0; i < digits; ++i) {
            unsigned char h = Peek();
            if (!IsHex(h)) {
              return SyntaxErr("InvalidUnicodeLiteral", el, ec,
                               "invalid unicode escape: expected hex digits");
            }
            cp = cp * 16 + (IsDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
            Advance();
          }
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return SyntaxErr("InvalidUnicodeLiteral", el, ec, "invalid unicode code point");
          }
          AppendUtf8(cp, &t->text);
          break;
        }
        default:
          return SyntaxErr("UnexpectedSyntax", el, ec, "invalid escape sequence in string");
      }
    }
  }

  std::string_view q_;
  size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;
};

}  // namespace

absl::StatusOr<std::vector<Token>> Lex(std::string_view query) { return Lexer(query).Run(); }

std::string DescribeToken(const Token& t) {
  switch (t.kind) {
    case TokenKind::kEnd:
      return "end of input";
    case TokenKind::kString:
      return "a string literal";
    case TokenKind::kParam:
      return absl::StrCat("'$", t.text, "'");
    case TokenKind::kIdent:
      return t.quoted ? absl::StrCat("`", t.text, "`") : absl::StrCat("'", t.text, "'");
    default:
      return absl::StrCat("'", t.text, "'");
  }
}

}  // namespace kg::query
