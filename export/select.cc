#include "export/select.h"

#include <algorithm>
#include <deque>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kg::exports {
namespace {

bool HasLabel(const Node& n, std::string_view label) {
  return std::find(n.labels.begin(), n.labels.end(), label) != n.labels.end();
}

// A node the walk does not pass through: Article nodes and the Unknown placeholder.
absl::StatusOr<bool> IsBarrier(Txn& txn, NodeId id) {
  absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
  if (!n.ok()) return n.status();
  if (!n->has_value()) return true;
  return HasLabel(**n, "Article") || HasLabel(**n, kUnknownLabel);
}

absl::StatusOr<Subgraph> WholeGraph(Txn& txn, const Selection& sel) {
  Subgraph g;
  if (sel.types.empty() && sel.claims_only) {
    absl::StatusOr<std::vector<RelId>> rels = txn.AllRels();
    if (!rels.ok()) return rels.status();
    std::set<NodeId> nodes;
    for (RelId id : *rels) {
      absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(id);
      if (!r.ok()) return r.status();
      if (!r->has_value() || (*r)->type == "MENTIONS") continue;
      g.rels.push_back(id);
      nodes.insert((*r)->start);
      nodes.insert((*r)->end);
    }
    g.nodes.assign(nodes.begin(), nodes.end());
    return g;
  }
  if (sel.types.empty()) {
    absl::StatusOr<std::vector<NodeId>> nodes = txn.AllNodes();
    if (!nodes.ok()) return nodes.status();
    absl::StatusOr<std::vector<RelId>> rels = txn.AllRels();
    if (!rels.ok()) return rels.status();
    g.nodes = *std::move(nodes);
    g.rels = *std::move(rels);
    return g;
  }
  std::set<NodeId> nodes;
  for (const std::string& type : sel.types) {
    absl::StatusOr<std::vector<RelId>> rels = txn.RelsByType(type);
    if (!rels.ok()) return rels.status();
    for (RelId id : *rels) {
      absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(id);
      if (!r.ok()) return r.status();
      if (!r->has_value()) continue;
      g.rels.push_back(id);
      nodes.insert((*r)->start);
      nodes.insert((*r)->end);
    }
  }
  std::sort(g.rels.begin(), g.rels.end());
  g.rels.erase(std::unique(g.rels.begin(), g.rels.end()), g.rels.end());
  g.nodes.assign(nodes.begin(), nodes.end());
  return g;
}

}  // namespace

std::vector<std::string> SplitTypes(std::string_view list) {
  std::vector<std::string> out;
  for (absl::string_view t : absl::StrSplit(absl::string_view(list.data(), list.size()), ',')) {
    t = absl::StripAsciiWhitespace(t);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

absl::StatusOr<Subgraph> Select(Txn& txn, const Selection& sel) {
  if (sel.depth < 0 || sel.depth > kMaxDepth) {
    return absl::InvalidArgumentError(
        absl::StrCat("depth must be between 0 and ", kMaxDepth, ", not ", sel.depth));
  }
  if (sel.entity.empty()) return WholeGraph(txn, sel);

  absl::StatusOr<std::vector<NodeId>> start = txn.NodesByName(sel.entity);
  if (!start.ok()) return start.status();
  if (start->empty()) {
    return absl::NotFoundError(absl::StrCat("no entity named '", sel.entity, "'"));
  }
  // Types followed: the asked ones, else all but MENTIONS (Expand with an empty list gives all).
  const bool all_types = sel.types.empty();
  auto kept_type = [&](std::string_view type) {
    if (all_types) return type != "MENTIONS";
    return std::find(sel.types.begin(), sel.types.end(), type) != sel.types.end();
  };

  Subgraph g;
  g.start = *start;
  std::set<NodeId> seen(start->begin(), start->end());
  std::deque<std::pair<NodeId, int>> queue;
  for (NodeId id : *start) queue.emplace_back(id, 0);
  std::set<RelId> rels;
  while (!queue.empty()) {
    auto [id, d] = queue.front();
    queue.pop_front();
    if (d >= sel.depth) continue;
    absl::StatusOr<bool> barrier = IsBarrier(txn, id);
    if (!barrier.ok()) return barrier.status();
    if (*barrier && d > 0) continue;
    absl::StatusOr<std::vector<Edge>> edges = txn.Expand(id, Direction::kBoth, sel.types);
    if (!edges.ok()) return edges.status();
    for (const Edge& e : *edges) {
      absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(e.rel);
      if (!r.ok()) return r.status();
      if (!r->has_value() || !kept_type((*r)->type)) continue;
      if (!seen.count(e.other)) {
        if (seen.size() >= sel.max_nodes) {
          g.truncated = true;
          continue;
        }
        seen.insert(e.other);
        queue.emplace_back(e.other, d + 1);
      }
      rels.insert(e.rel);
    }
  }
  // Relationships among kept nodes that the walk did not cross (both ends at the last hop).
  for (NodeId id : seen) {
    absl::StatusOr<bool> barrier = IsBarrier(txn, id);
    if (!barrier.ok()) return barrier.status();
    if (*barrier) continue;
    absl::StatusOr<std::vector<Edge>> edges = txn.Expand(id, Direction::kOut, sel.types);
    if (!edges.ok()) return edges.status();
    for (const Edge& e : *edges) {
      if (!seen.count(e.other) || rels.count(e.rel)) continue;
      absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(e.rel);
      if (!r.ok()) return r.status();
      if (r->has_value() && kept_type((*r)->type)) rels.insert(e.rel);
    }
  }
  g.nodes.assign(seen.begin(), seen.end());
  g.rels.assign(rels.begin(), rels.end());
  return g;
}

}  // namespace kg::exports
