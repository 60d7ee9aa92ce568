// Binder: semantic checks of a parsed Statement before anything runs — variables in scope
// clause by clause, variable kinds (node / relationship / path / value), function names
// and arities, aggregation placement, write-pattern rules, UNION columns. Errors are the
// TCK's compile-time classes, nearly all SyntaxError with a detail code (UndefinedVariable,
// VariableAlreadyBound, VariableTypeConflict, UnknownFunction, InvalidNumberOfArguments,
// InvalidAggregation, NestedAggregation, AmbiguousAggregationExpression, NoExpressionAlias,
// ColumnNameConflict, NoVariablesInScope, NonConstantExpression, NoSingleRelationshipType,
// RequiresDirectedRelationship, CreatingVarLength, RelationshipUniquenessViolation,
// DifferentColumnsInUnion, InvalidClauseComposition, InvalidDelete), positioned.
//
// Annotates the AST in place (Projection::star_vars, Projection::aggregating). Stateless,
// thread-safe.
#ifndef KG_QUERY_BINDER_H_
#define KG_QUERY_BINDER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "query/ast.h"

namespace kg::query {

struct BindInfo {
  std::vector<std::string> columns;  // of the result (empty for a query without RETURN)
  std::map<std::string, Pos> params;  // parameter names used -> first use
  bool is_write = false;             // has an updating clause
};

absl::StatusOr<BindInfo> Bind(Statement& statement);

}  // namespace kg::query

#endif  // KG_QUERY_BINDER_H_
