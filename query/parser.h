// Parser: tokens -> AST (query/ast.h), by recursive descent over the openCypher subset
// listed in query/README.md. Syntax errors are query errors of kind SyntaxError with the
// position of the offending token and what was expected there, e.g. for
// `MATCH (n RETURN n`: "line 1, column 10: expected ':', '{' or ')' but got 'RETURN'".
// Also compile-time literal checks: IntegerOverflow, FloatingPointOverflow,
// InvalidNumberLiteral, InvalidUnicodeLiteral. Nesting depth is capped (no stack
// overflow on hostile input). Stateless, thread-safe.
#ifndef KG_QUERY_PARSER_H_
#define KG_QUERY_PARSER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"

namespace kg::query {

absl::StatusOr<Statement> Parse(std::string_view query);

// Maximum nesting of expressions / patterns before a SyntaxError.
inline constexpr int kMaxParseDepth = 200;

}  // namespace kg::query

#endif  // KG_QUERY_PARSER_H_
