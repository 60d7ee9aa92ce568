// Matcher: finds every way a MATCH/MERGE pattern (comma-separated parts) extends one input
// row, following the plans of query/planner.h. Semantics: relationship isomorphism within
// one pattern (no relationship bound twice, including inside variable-length segments,
// which are trails); variable-length segments bounded by their upper bound or, when
// unbounded, by QueryOptions::max_hops (a warning is recorded when the cap cut a path);
// a hard cap of kHardMaxHops applies to explicit bounds too.
//
// The `name` rule (SPEC §4): a node matches `{name: X}` when its `name` equals X, or when
// it has an `aliases` property and NormalizeName(X) equals NormalizeName of its name or of
// one of its aliases.
//
// Not thread-safe; one Matcher per clause execution.
#ifndef KG_QUERY_MATCHER_H_
#define KG_QUERY_MATCHER_H_

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "query/ast.h"
#include "query/eval.h"
#include "query/planner.h"

namespace kg::query {

inline constexpr int kHardMaxHops = 1000;

class Matcher {
 public:
  // `bound`: variables bound in every input row (keys of the rows).
  Matcher(Evaluator* ev, const std::vector<PatternPart>& parts,
          const std::set<std::string>& bound);

  // Calls emit(row) for each match, in a deterministic order; emit may move from the row. An
  // error from emit stops the search and is returned.
  using Emit = std::function<absl::Status(Row&)>;
  absl::Status Run(const Row& in, const Emit& emit);

  const std::vector<PartPlan>& plans() const { return plans_; }

 private:
  struct PartState {
    std::vector<std::optional<NodeId>> nodes;
    std::vector<RelId> rels;                      // fixed-length relationships
    std::vector<std::vector<RelId>> var_rels;     // traversal order
    std::vector<std::vector<NodeId>> var_nodes;   // intermediate nodes, traversal order
    std::vector<std::optional<QMap>> node_props;  // evaluated property maps
    std::vector<std::optional<QMap>> rel_props;
  };

  absl::Status MatchPart(size_t p, const Row& row);
  absl::Status MatchStep(size_t p, size_t s, const Row& row);
  absl::Status VarExpand(size_t p, size_t s, const Row& row, NodeId cur, int depth,
                         int max_depth, bool capped);
  absl::Status FinishPart(size_t p, const Row& row);
  absl::StatusOr<bool> NodeOk(size_t p, int idx, NodeId id, const Row& row);
  absl::StatusOr<bool> RelOk(size_t p, int rel_idx, RelId id);
  absl::StatusOr<std::vector<NodeId>> AnchorCandidates(size_t p, const Row& row);
  absl::Status AssignAndContinue(size_t p, size_t s, int to, NodeId id, const Row& row);

  Evaluator* ev_;
  ExecContext* ctx_;
  const std::vector<PatternPart>& parts_;
  std::vector<PartPlan> plans_;
  std::vector<PartState> states_;
  // Per part and node: whether its variable is bound in the input rows, and the other nodes
  // of the part with the same variable (both fixed by the pattern: computed once).
  std::vector<std::vector<bool>> var_in_row_;
  std::vector<std::vector<std::vector<int>>> same_var_;
  // The relationships of the match being built (relationship isomorphism). Pushed and popped
  // in stack order; searched linearly while short (patterns are a few hops), through a hash
  // set once a variable-length path makes it long.
  class UsedRels {
   public:
    bool contains(RelId id) const {
      if (stack_.size() <= kLinear) return std::find(stack_.begin(), stack_.end(), id) != stack_.end();
      return set_.contains(id);
    }
    void push(RelId id) {
      stack_.push_back(id);
      if (stack_.size() == kLinear + 1) {
        set_.insert(stack_.begin(), stack_.end());
      } else if (stack_.size() > kLinear + 1) {
        set_.insert(id);
      }
    }
    void pop() {
      if (stack_.size() > kLinear) set_.erase(stack_.back());
      if (stack_.size() == kLinear + 1) set_.clear();
      stack_.pop_back();
    }
    void clear() {
      stack_.clear();
      set_.clear();
    }

   private:
    static constexpr size_t kLinear = 16;
    std::vector<RelId> stack_;
    absl::flat_hash_set<RelId> set_;
  };
  UsedRels used_;
  const Emit* emit_ = nullptr;
};

// The SPEC §4 name rule (see above), for a node's properties.
bool NameMatches(const ValueMap& props, const QValue& x);

}  // namespace kg::query

#endif  // KG_QUERY_MATCHER_H_
