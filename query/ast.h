// AST of the openCypher subset: what the parser builds, the binder checks and annotates,
// and the executor runs. Owned as a tree of unique_ptrs from one Statement; every node
// keeps its source position (line/column, 1-based) for error messages.
#ifndef KG_QUERY_AST_H_
#define KG_QUERY_AST_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/store.h"
#include "query/qvalue.h"

namespace kg::query {

struct Pos {
  int line = 1;
  int column = 1;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  enum class Kind {
    kLiteral,     // value
    kParam,       // name
    kVariable,    // name
    kProperty,    // args[0].name
    kIndex,       // args[0][args[1]]
    kSlice,       // args[0][args[1]..args[2]] (either may be null => open)
    kList,        // [args...]
    kMap,         // {keys[i]: args[i]}
    kUnary,       // op in {"NOT", "-", "+"}; args[0]
    kBinary,      // op in {"OR","XOR","AND","+","-","*","/","%","^","=","<>","<",">","<=",">=",
                  //        "IN","STARTS WITH","ENDS WITH","CONTAINS"}; args[0], args[1]
    kIsNull,      // args[0] IS NULL
    kIsNotNull,   // args[0] IS NOT NULL
    kHasLabels,   // args[0]:L1:L2 (labels)
    kFunction,    // name(args...), distinct; aggregate set by the parser for aggregates
    kCountStar,   // count(*)
    kCase,        // CASE [args[0] when has_case_subject] WHEN/THEN pairs ... ELSE
    kListComprehension,  // [name IN args[0] WHERE args[1] | args[2]] (args[1]/[2] may be null)
    kQuantifier,  // all/any/none/single(name IN args[0] WHERE args[1]); op = which
  };
  Kind kind = Kind::kLiteral;
  Pos pos;
  QValue value;                  // kLiteral
  std::string name;              // variable, parameter, property key, function (lowercase)
  std::string op;                // operator / quantifier
  std::vector<ExprPtr> args;     // children (null entries allowed where documented)
  std::vector<std::string> keys; // kMap keys; kHasLabels labels
  bool distinct = false;         // kFunction: f(DISTINCT ...)
  bool aggregate = false;        // kFunction/kCountStar: an aggregating function
  bool has_case_subject = false; // kCase: CASE x WHEN ...; when pairs follow in args
  bool has_else = false;         // kCase: last arg is the ELSE
  std::string text;              // source text as written (projection column names)
};

struct NodePattern {
  Pos pos;
  std::string var;                // empty: anonymous
  std::vector<std::string> labels;
  ExprPtr props;                  // a kMap or kParam expression, or null
};

struct RelPattern {
  Pos pos;
  std::string var;
  std::vector<std::string> types;  // alternatives T1|T2; empty = any
  Direction dir = Direction::kBoth;  // kOut: -[]->, kIn: <-[]-, kBoth: -[]-
  ExprPtr props;
  bool var_length = false;
  int min_hops = 1;
  std::optional<int> max_hops;     // nullopt: unbounded (capped by QueryOptions::max_hops)
};

// (n0)-[r0]-(n1)-[r1]-(n2)...: nodes.size() == rels.size() + 1.
struct PatternPart {
  Pos pos;
  std::string path_var;  // p = (...), empty when unnamed
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string column;  // alias, or the expression text as written
  bool has_alias = false;
  Pos pos;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *: all variables in scope first
  std::vector<std::string> star_vars;  // Set by the binder: the variables `*` stands for.
  bool aggregating = false;            // Set by the binder: some item aggregates.
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
  ExprPtr where;  // WITH ... WHERE
};

struct SetItem {
  enum class Kind { kProperty, kReplace, kMerge, kLabels, kRemoveProperty, kRemoveLabels };
  Kind kind = Kind::kProperty;
  Pos pos;
  ExprPtr target;  // kProperty / kRemoveProperty: a kProperty expression; others: variable
  ExprPtr value;   // kProperty, kReplace, kMerge
  std::vector<std::string> labels;
};

struct Clause {
  enum class Kind { kMatch, kUnwind, kWith, kReturn, kCreate, kMerge, kSet, kRemove, kDelete };
  Kind kind = Kind::kMatch;
  Pos pos;
  bool optional = false;                 // OPTIONAL MATCH
  std::vector<PatternPart> pattern;      // MATCH, CREATE, MERGE (one part)
  ExprPtr where;                         // MATCH ... WHERE
  ExprPtr expr;                          // UNWIND expr
  std::string alias;                     // UNWIND ... AS alias
  Projection projection;                 // WITH / RETURN
  std::vector<SetItem> items;            // SET / REMOVE
  std::vector<SetItem> on_create;        // MERGE ON CREATE SET
  std::vector<SetItem> on_match;         // MERGE ON MATCH SET
  bool detach = false;                   // DETACH DELETE
  std::vector<ExprPtr> exprs;            // DELETE targets
};

struct SingleQuery {
  std::vector<Clause> clauses;
};

struct Statement {
  std::vector<SingleQuery> queries;  // joined by UNION
  std::vector<bool> union_all;       // union_all[i] joins queries[i] and queries[i+1]
};

inline const char* ClauseName(Clause::Kind k) {
  switch (k) {
    case Clause::Kind::kMatch:
      return "MATCH";
    case Clause::Kind::kUnwind:
      return "UNWIND";
    case Clause::Kind::kWith:
      return "WITH";
    case Clause::Kind::kReturn:
      return "RETURN";
    case Clause::Kind::kCreate:
      return "CREATE";
    case Clause::Kind::kMerge:
      return "MERGE";
    case Clause::Kind::kSet:
      return "SET";
    case Clause::Kind::kRemove:
      return "REMOVE";
    case Clause::Kind::kDelete:
      return "DELETE";
  }
  return "?";
}

}  // namespace kg::query

#endif  // KG_QUERY_AST_H_
