// Lexer: query text -> tokens with byte offsets and 1-based line/column (columns count
// Unicode code points). Keywords are not distinguished here: they are unquoted identifiers
// that the parser compares case-insensitively (openCypher keywords are contextual).
//
// Handles `//` and `/* */` comments, 'single' and "double" quoted strings with escapes
// (\\ \' \" \n \t \r \b \f \uXXXX \UXXXXXXXX), `backtick` identifiers (`` doubles a
// backtick), decimal / hex (0x) / octal (0o) integers, floats (1.5, .5, 1e3), $parameters.
// Stateless, thread-safe.
#ifndef KG_QUERY_LEXER_H_
#define KG_QUERY_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace kg::query {

enum class TokenKind {
  kIdent,    // identifier or keyword; `text` is the name (unescaped for `quoted`)
  kInt,      // integer literal; `text` is the literal as written
  kFloat,    // float literal
  kString,   // string literal; `text` is the decoded value
  kParam,    // $name or $0; `text` is the name
  kPunct,    // operator or punctuation; `text` is it: ( ) [ ] { } , . .. : ; | = <> < > <= >=
             // + += - * / % ^ -> <- $ etc.
  kEnd,      // end of input
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  bool quoted = false;  // kIdent written with backticks (never a keyword)
  size_t begin = 0;     // byte offsets in the query: [begin, end)
  size_t end = 0;
  int line = 1;
  int column = 1;
};

// Splits the query into tokens, the last being kEnd. Errors (unterminated string or
// comment, bad escape, unexpected character) are query errors (see query/errors.h) at the
// offending position.
absl::StatusOr<std::vector<Token>> Lex(std::string_view query);

// Describes a token for "expected X but got Y" messages, e.g. "'RETURN'", "end of input".
std::string DescribeToken(const Token& t);

}  // namespace kg::query

#endif  // KG_QUERY_LEXER_H_
