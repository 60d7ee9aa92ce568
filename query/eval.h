// Expression evaluation over one row, and the per-query execution context (the Txn, the
// parameters, budgets, a node/relationship read cache, write counters).
//
// Semantics follow openCypher: three-valued logic with null, null-propagating operators,
// integer arithmetic checked for overflow (ArgumentError NumberOutOfRange), integer
// division/modulo by zero an error (ArgumentError DivisionByZero), type mismatches
// TypeError InvalidArgumentType. Not thread-safe: one context per query.
#ifndef KG_QUERY_EVAL_H_
#define KG_QUERY_EVAL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/claim.h"
#include "graph/store.h"
#include "query/ast.h"
#include "query/qvalue.h"
#include "query/query.h"
#include "re2/re2.h"

namespace kg::query {

// Variable bindings of one row.
using Row = absl::flat_hash_map<std::string, QValue>;

class ExecContext {
 public:
  ExecContext(Txn* txn, QMap params, const QueryOptions& options);

  Txn* txn() { return txn_; }
  const QMap& params() const { return params_; }
  const QueryOptions& options() const { return options_; }
  // Side effects are measured as the TCK defines them: the net difference between the graph
  // before and after the query (a node created and deleted by one query counts for nothing;
  // overwriting a property is one removed and one set; a label counts when it appears in or
  // disappears from the graph). Call Touch* before the first write to an existing entity or
  // to a label's membership, Created* right after creating an entity; NetEffects() at the end.
  absl::Status TouchNode(NodeId id);
  absl::Status TouchRel(RelId id);
  absl::Status TouchLabel(const std::string& label);
  void CreatedNode(NodeId id) { node_before_.emplace(id, std::nullopt); }
  void CreatedRel(RelId id) { rel_before_.emplace(id, std::nullopt); }
  absl::StatusOr<WriteStats> NetEffects();
  // The value of property `key` of a node or relationship that has no such property: the
  // provenance attribute `source` reads "manual" for a manual one; anything else is null.
  absl::StatusOr<QValue> AbsentProperty(const QValue& entity, const std::string& key);
  std::vector<std::string>& warnings() { return warnings_; }
  // The random source of rand() (seeded per query).
  std::mt19937_64& rng() { return rng_; }
  void Warn(std::string w);

  // Counts one unit of work; every 256 units checks the deadline. Error: ResourceLimit
  // (Timeout) at `pos`.
  absl::Status Tick(Pos pos);
  // Error ResourceLimit (TooManyRows) when n exceeds max_rows.
  absl::Status CheckRows(size_t n, Pos pos) const;

  // Cached reads (nullptr: no such entity, e.g. deleted). The pointer stays valid until
  // the next Invalidate* of that id. Nodes come through Txn::GetNodes, so repeated
  // queries share the store's decoded records.
  absl::StatusOr<const Node*> GetNode(NodeId id);
  absl::StatusOr<const Relationship*> GetRel(RelId id);
  // Reads the nodes among `ids` that are not cached yet in one batch (Txn::GetNodes), so that
  // the properties of many result rows are not read one by one.
  absl::Status PrefetchNodes(std::vector<NodeId> ids);
  void InvalidateNode(NodeId id) { node_cache_.erase(id); }
  void InvalidateRel(RelId id) {
    rel_cache_.erase(id);
    rel_types_.erase(id);
  }
  // A relationship's type as an expansion read it from the adjacency key, so that `type(r)`
  // needs no read of the record. RelType falls back to GetRel (nullopt: no such relationship).
  void NoteRelType(RelId id, const std::string& type) { rel_types_.try_emplace(id, type); }
  absl::StatusOr<std::optional<std::string>> RelType(RelId id);

 private:
  Txn* txn_;
  QMap params_;
  const QueryOptions& options_;
  absl::Time deadline_;
  uint64_t ticks_ = 0;
  std::map<NodeId, std::optional<Node>> node_before_;
  std::map<RelId, std::optional<Relationship>> rel_before_;
  std::map<std::string, bool> label_before_;  // label -> some node had it before the query
  std::vector<std::string> warnings_;
  std::mt19937_64 rng_{std::random_device{}()};
  // nullptr: no such node. Records are shared with the store's cache: never modified.
  absl::flat_hash_map<NodeId, std::shared_ptr<const Node>> node_cache_;
  absl::flat_hash_map<RelId, std::unique_ptr<std::optional<Relationship>>> rel_cache_;
  absl::flat_hash_map<RelId, std::string> rel_types_;
};

// Values of aggregate sub-expressions of a projection item, for the evaluation of that
// item once per group.
using AggValues = absl::flat_hash_map<const Expr*, QValue>;

class Evaluator {
 public:
  explicit Evaluator(ExecContext* ctx) : ctx_(ctx) {}

  // Evaluates `e` in `row`. `aggs` supplies the values of aggregate calls (projection only).
  absl::StatusOr<QValue> Eval(const Expr& e, const Row& row, const AggValues* aggs = nullptr);
  // Evaluates a predicate: true only when the value is true (null and false both reject).
  // A non-boolean, non-null value is a TypeError.
  absl::StatusOr<bool> EvalPredicate(const Expr& e, const Row& row);

  // Property of a node/relationship/map value (null when absent or v is null).
  absl::StatusOr<QValue> Property(const QValue& v, const std::string& key, Pos pos);
  // The property map of a node or relationship as a QMap.
  absl::StatusOr<QMap> PropertiesOf(const QValue& v, Pos pos);

  ExecContext* ctx() { return ctx_; }

 private:
  absl::StatusOr<QValue> EvalBinary(const Expr& e, const Row& row, const AggValues* aggs);
  absl::StatusOr<QValue> EvalFunction(const Expr& e, const Row& row, const AggValues* aggs);
  absl::StatusOr<QValue> CallScalar(const Expr& e, std::vector<QValue>& args);

  ExecContext* ctx_;
  // The compiled patterns of =~, by pattern text (a query uses few; bounded by kMaxRegexes).
  absl::flat_hash_map<std::string, std::unique_ptr<RE2>> regexes_;
};

// Arithmetic and comparison helpers shared with aggregation.
absl::StatusOr<QValue> Add(const QValue& a, const QValue& b, Pos pos);
// Cypher literal text of a value (for toString of lists, tables): 'str', [1, 2], {k: v}.
std::string ToCypherString(const QValue& v);

// Known scalar and aggregate functions: arity bounds (max -1 = variadic). nullptr when
// unknown. Names are lowercase.
struct FunctionInfo {
  const char* name;
  int min_args;
  int max_args;
  bool aggregate;
};
const FunctionInfo* LookupFunction(const std::string& lower_name);

// Structural equality of two expressions (ignoring positions and text).
bool SameExpr(const Expr& a, const Expr& b);

}  // namespace kg::query

#endif  // KG_QUERY_EVAL_H_
