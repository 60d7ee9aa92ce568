// query: the openCypher engine of kg — the public API the CLI (tools/kg.cc) calls.
//
// A query string goes lexer -> parser -> binder -> planner -> executor (see query/README.md)
// and runs over one kg::Txn of the given Store: reads see one snapshot plus the query's own
// writes; the Txn is committed only when the query contains an updating clause (CREATE,
// MERGE, SET, REMOVE, DELETE) and ran to completion without error. A failed query changes
// nothing.
//
// Every failure is a QueryError with an openCypher TCK error class (`kind`), an optional
// TCK detail code and a 1-based line/column in the query text. Run() never crashes and never
// throws on any input; every input-driven loop is bounded by QueryOptions (max_hops for
// unbounded `*`, max_rows, timeout).
//
// Usage (CLI):
//   kg::query::QueryOptions opts;
//   opts.params["who"] = *kg::query::ParamFromJson("\"Pentagon\"");
//   auto result = kg::query::Run(*store, text, opts);
//   if (!result.ok()) { std::cerr << kg::query::FormatError(result.error()) << "\n"; exit 1; }
//   std::cout << kg::query::FormatJson(result.value());   // or FormatTable / FormatCsv
//   for (auto& w : result.value().warnings) std::cerr << "warning: " << w << "\n";
//
// Thread-safety: Run() is reentrant; run queries on one Store from several threads only
// as far as kg::Store allows concurrent Txns. QueryResult is plain data.
#ifndef KG_QUERY_QUERY_H_
#define KG_QUERY_QUERY_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/store.h"
#include "graph/value.h"
#include "query/qvalue.h"

namespace kg::query {

struct QueryOptions {
  // Parameters `$name`. A parameter the query uses but that is missing is a
  // ParameterMissing (MissingParameter) error.
  std::map<std::string, kg::Value> params;
  // Upper bound of hops for a variable-length pattern without an upper bound (`*`, `*2..`).
  // When the cap cuts a path short a warning is reported. Explicit bounds (`*1..30`) are
  // honoured as written. Default: 15.
  int max_hops = 15;
  // Wall-clock budget of the whole query; exceeded => error kind "ResourceLimit",
  // detail "Timeout". Default: 60 s.
  absl::Duration timeout = absl::Seconds(60);
  // Cap on the rows any one clause may produce (and on the final result); exceeded =>
  // error kind "ResourceLimit", detail "TooManyRows". Default: 1,000,000.
  size_t max_rows = 1'000'000;
  // Refuse queries with an updating clause (CREATE, MERGE, SET, REMOVE, DELETE) before they
  // run: error kind "AccessMode", detail "WriteForbidden" (kg serve without --allow-writes).
  // Default: false.
  bool read_only = false;
};

// A failed query. Formats as FormatError() shows.
struct QueryError {
  // openCypher TCK class: SyntaxError, SemanticError, TypeError, ArgumentError,
  // EntityNotFound, ParameterMissing, ConstraintVerificationFailed; plus "ResourceLimit"
  // (timeout / row cap), "StorageError" (the store failed) and "AccessMode" (a write refused
  // by QueryOptions::read_only) which the TCK does not have.
  std::string kind;
  // TCK detail code (UndefinedVariable, VariableAlreadyBound, InvalidArgumentType,
  // UnexpectedSyntax, ...); empty when none applies.
  std::string detail;
  int line = 1;    // 1-based, in the query text.
  int column = 1;  // 1-based, in Unicode code points.
  std::string message;  // What went wrong / what was expected.
};

// Side-effect counters (the TCK's): the net difference between the graph before and after
// the query. Entities created and deleted by the same query count for nothing; overwriting a
// property with another value is one property removed and one set (the same value: neither);
// a label counts when it first appears in, or disappears from, the whole graph.
struct WriteStats {
  int64_t nodes_created = 0, nodes_deleted = 0;
  int64_t relationships_created = 0, relationships_deleted = 0;
  int64_t labels_added = 0, labels_removed = 0;
  int64_t properties_set = 0, properties_removed = 0;
};

struct QueryResult {
  // Column names: the alias, else the projection text exactly as written.
  std::vector<std::string> columns;
  // Rows of values; each row has columns.size() values. Node / relationship / path values
  // hold ids; their labels, type, ends and properties (as of the end of the query) are in
  // `nodes` / `relationships` below. An entity deleted by the query appears with no
  // labels and no properties.
  std::vector<std::vector<QValue>> rows;
  std::map<NodeId, kg::Node> nodes;
  std::map<RelId, kg::Relationship> relationships;
  // True when the query has an updating clause (then `stats` is meaningful and printed).
  bool is_write = false;
  WriteStats stats;
  // Non-fatal notes, e.g. "variable-length pattern capped at 15 hops".
  std::vector<std::string> warnings;
};

// The outcome of Run(): a result or an error (never both).
class QueryOutcome {
 public:
  QueryOutcome(QueryResult r) : v_(std::move(r)) {}
  QueryOutcome(QueryError e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  // REQUIRES: ok().
  const QueryResult& value() const { return std::get<0>(v_); }
  QueryResult& value() { return std::get<0>(v_); }
  // REQUIRES: !ok().
  const QueryError& error() const { return std::get<1>(v_); }

 private:
  std::variant<QueryResult, QueryError> v_;
};

// Parses, checks and runs one query (optionally ending with ';'; UNION / UNION ALL of
// single queries allowed) in one Txn of `store`.
//
// `EXPLAIN query` plans without running: the result has the columns operator, details and
// one row per clause (a MATCH's details name its anchor — a bound variable, the name/alias
// index, the label index or a node scan — and its expansions). `PROFILE query` runs the
// query (committing its writes, with their stats) and returns that table with two more
// columns, rows (produced by the clause) and time_ms, instead of the query's rows.
QueryOutcome Run(kg::Store& store, std::string_view query, const QueryOptions& options = {});

// Parses and checks a query without running it (no store needed). ok: the query is
// well-formed and all variables/functions resolve; parameters are not checked.
std::optional<QueryError> Check(std::string_view query);

// Converts a `--param NAME=JSON` value: JSON null/bool/string/list/object as such; a number
// with a fraction or exponent is a double, else a 64-bit integer (out of range: error).
absl::StatusOr<kg::Value> ParamFromJson(std::string_view json);

// ---- Formatting ----
// `{"columns":[…],"rows":[[…],…],"stats":{…}}` (SPEC §4), one line, '\n' at the end. Nodes
// `{"id","labels","properties"}`, relationships `{"id","type","start","end","properties"}`,
// paths `{"nodes":[…],"relationships":[…]}`; floats always with '.' or an exponent; NaN,
// Infinity, -Infinity bare. `stats` lists the eight TCK counters for a write, else `{}`.
std::string FormatJson(const QueryResult& result);
// Aligned text table: header, separator, one line per row (values in Cypher literal form:
// strings 'quoted', nodes `(:L {k: v})`, relationships `[:T {k: v}]`, paths `<(…)-[…]->(…)>`),
// then "(N rows)" and, for a write, the non-zero counters.
std::string FormatTable(const QueryResult& result);
// RFC 4180: header line, one line per row, CRLF-free ('\n' line ends), fields quoted when
// they contain ',', '"', CR or LF. null is an empty field; strings raw; other values as
// their JSON text.
std::string FormatCsv(const QueryResult& result);
// `error: KIND (Detail): line L, column C: message` (the " (Detail)" part omitted when
// detail is empty). No trailing newline.
std::string FormatError(const QueryError& error);

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_H_
