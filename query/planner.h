// Planner: how to match one pattern part. Picks the anchor node — a variable already bound
// (cheapest), else a node with a `name` in its property map (alias index via
// Txn::NodesByName), else a labelled node (label index), else a full node scan — and the
// order of expansion steps: rightwards from the anchor to the end of the part, then
// leftwards back to its start (directions reversed). Stateless, thread-safe.
#ifndef KG_QUERY_PLANNER_H_
#define KG_QUERY_PLANNER_H_

#include <set>
#include <string>
#include <vector>

#include "query/ast.h"

namespace kg::query {

enum class AnchorKind { kBound, kName, kLabel, kScan };

struct Step {
  int rel = 0;   // index into PatternPart::rels
  int from = 0;  // node index expanded from (already matched)
  int to = 0;    // node index reached
  bool forward = true;  // traversing the relationship in pattern order (from < to)
};

struct PartPlan {
  int anchor = 0;
  AnchorKind kind = AnchorKind::kScan;
  std::vector<Step> steps;
};

// `bound`: variables bound before this part (earlier clauses and earlier parts).
PartPlan PlanPart(const PatternPart& part, const std::set<std::string>& bound);

// One line per part, e.g. "anchor (b:Country) by name; expand <-[:SUPPLIES*1..3]- to (a)".
std::string DescribePlan(const PatternPart& part, const PartPlan& plan);

}  // namespace kg::query

#endif  // KG_QUERY_PLANNER_H_
