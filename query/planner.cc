#include "query/planner.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kg::query {
namespace {

bool HasNameKey(const NodePattern& n) {
  if (!n.props || n.props->kind != Expr::Kind::kMap) return false;
  for (const auto& k : n.props->keys) {
    if (k == "name") return true;
  }
  return false;
}

int Score(const NodePattern& n, const std::set<std::string>& bound) {
  if (!n.var.empty() && bound.count(n.var)) return 0;
  if (HasNameKey(n)) return 1;
  if (!n.labels.empty()) return 2;
  return 3;
}

}  // namespace

PartPlan PlanPart(const PatternPart& part, const std::set<std::string>& bound) {
  PartPlan plan;
  int best = 4;
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    const int s = Score(part.nodes[i], bound);
    if (s < best) {
      best = s;
      plan.anchor = static_cast<int>(i);
    }
  }
  plan.kind = best == 0   ? AnchorKind::kBound
              : best == 1 ? AnchorKind::kName
              : best == 2 ? AnchorKind::kLabel
                          : AnchorKind::kScan;
  const int n = static_cast<int>(part.nodes.size());
  for (int i = plan.anchor; i + 1 < n; ++i) plan.steps.push_back(Step{i, i, i + 1, true});
  for (int i = plan.anchor - 1; i >= 0; --i) plan.steps.push_back(Step{i, i + 1, i, false});
  return plan;
}

std::string DescribePlan(const PatternPart& part, const PartPlan& plan) {
  auto node = [&](int i) {
    const NodePattern& n = part.nodes[static_cast<size_t>(i)];
    std::string s = absl::StrCat("(", n.var);
    for (const auto& l : n.labels) absl::StrAppend(&s, ":", l);
    return s + ")";
  };
  const char* how = plan.kind == AnchorKind::kBound  ? "bound"
                    : plan.kind == AnchorKind::kName ? "name/alias index"
                    : plan.kind == AnchorKind::kLabel ? "label index"
                                                      : "node scan";
  std::string out = absl::StrCat("anchor ", node(plan.anchor), " by ", how);
  for (const Step& s : plan.steps) {
    const RelPattern& r = part.rels[static_cast<size_t>(s.rel)];
    absl::StrAppend(&out, "; expand ", s.forward ? "" : "backwards ", "[:",
                    absl::StrJoin(r.types, "|"), r.var_length ? "*" : "", "] to ", node(s.to));
  }
  return out;
}

}  // namespace kg::query
