// select: which part of the graph an export writes — the whole graph, or the neighbourhood of
// one entity — and the relationship types kept.
//
// A Selection is resolved once, over one Txn (one snapshot), into a Subgraph: sorted node ids
// and relationship ids. Only ids are held (8 bytes each); writers fetch each node and
// relationship as they write it, so an export's memory is bounded by the id lists, not by the
// properties (article texts, sentences).
//
// Rules:
//   - types empty: every relationship type. Otherwise only those types.
//   - whole graph, no types: every node and relationship. With types: the relationships of
//     those types and the nodes at their ends.
//   - entity: the start nodes are those whose name or alias normalizes like `entity`
//     (graph/names.h, as `{name:…}` in a query); none is a NotFound error. Breadth-first over
//     claims in both directions up to `depth` hops; MENTIONS is followed only when asked for
//     in `types`, and the walk does not pass through Article nodes or the Unknown placeholder
//     (every unnamed counterpart would otherwise connect everything). The relationships kept
//     are those of the kept types between two kept nodes.
//   - max_nodes bounds a neighbourhood: the walk stops adding nodes there and sets truncated.
// Thread-compatible: a Subgraph is plain data; the Txn is the caller's.
#ifndef KG_EXPORT_SELECT_H_
#define KG_EXPORT_SELECT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"

namespace kg::exports {

struct Selection {
  std::string entity;  // "" = the whole graph.
  int depth = 1;       // Hops from the entity. REQUIRES: 0 <= depth <= kMaxDepth.
  std::vector<std::string> types;  // Relationship types kept; empty = all.
  size_t max_nodes = 5000;         // Default: 5000. Bounds a neighbourhood only.
  // Whole graph with no types: only the claims (all but MENTIONS) and the nodes at their ends
  // (pictures want claims, not articles).
  bool claims_only = false;
};

inline constexpr int kMaxDepth = 10;

struct Subgraph {
  std::vector<NodeId> nodes;  // Ascending.
  std::vector<RelId> rels;    // Ascending.
  std::vector<NodeId> start;  // The entity's nodes (empty for the whole graph).
  bool truncated = false;     // max_nodes cut the neighbourhood.
};

absl::StatusOr<Subgraph> Select(Txn& txn, const Selection& selection);

// "A,B , C" -> {"A","B","C"}; empty items dropped.
std::vector<std::string> SplitTypes(std::string_view list);

}  // namespace kg::exports

#endif  // KG_EXPORT_SELECT_H_
