// Executor: runs a bound Statement clause by clause over an ExecContext. Each clause
// consumes the full row set of the previous one and produces its own (clause-at-a-time,
// so writes of one clause are visible to the next and a MATCH never sees rows its own
// query creates later) — bounded by QueryOptions::max_rows per clause.
//
// MATCH / OPTIONAL MATCH use query/matcher.h; WITH / RETURN project, aggregate (count,
// sum, avg, min, max, collect, with DISTINCT), de-duplicate, sort by openCypher
// orderability, SKIP and LIMIT; UNWIND; CREATE, MERGE (ON CREATE / ON MATCH SET), SET,
// REMOVE, DELETE / DETACH DELETE count their side effects in ExecContext::stats().
// Not thread-safe.
#ifndef KG_QUERY_EXECUTOR_H_
#define KG_QUERY_EXECUTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "query/ast.h"
#include "query/binder.h"
#include "query/eval.h"
#include "query/query.h"

namespace kg::query {

// One operator (clause) of a plan: what it does and, when profiled, the rows it produced
// and the wall time it took.
struct OperatorProfile {
  std::string name;     // "MATCH", "OPTIONAL MATCH", "WITH", "RETURN", "CREATE", ...
  std::string details;  // anchors and expansions of a MATCH; projection/filters
  int64_t rows = 0;
  double seconds = 0;
};

// Runs `st` and fills result->columns and result->rows (entity tables and stats are filled
// by the caller). Errors are query errors (query/errors.h). With `profile`, appends one
// entry per clause run.
absl::Status Execute(const Statement& st, const BindInfo& info, ExecContext* ctx,
                     QueryResult* result, std::vector<OperatorProfile>* profile = nullptr);

// The plan of `st` without running it (EXPLAIN): one entry per clause, rows/seconds zero.
std::vector<OperatorProfile> Explain(const Statement& st);

}  // namespace kg::query

#endif  // KG_QUERY_EXECUTOR_H_
