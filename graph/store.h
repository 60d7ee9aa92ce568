// Store: a property graph on RocksDB (key layout: graph/README.md).
//
// Nodes have any number of labels and a property map; relationships have one type, a start
// and an end node, and a property map. Ids are allocated by the store, never reused within
// one database, and stable across reopen.
//
// All reads and writes go through a Txn. A Txn sees a consistent snapshot of the database
// plus its own uncommitted writes (read-your-writes), and Commit() applies all its writes in
// one atomic RocksDB WriteBatch. One process opens a database read-write; a second opener
// gets an error naming the lock (RocksDB's LOCK file). Store is thread-safe; a Txn is not
// (use one per thread).
//
// Name lookups: every node whose property `name` (string) or `aliases` (list of strings) is
// set is indexed under NormalizeName() of each value (graph/names.h); NodesByName() answers
// through that index. Whether a lookup must also match exactly is the caller's choice.
//
// Articles: ReplaceArticle() stores everything derived from one article (its Article node,
// MENTIONS edges, claims, and the entity nodes they need) and records it in a per-article
// index, so that storing a new version of the same article id deletes exactly what the old
// version added, in the same batch. Entity nodes are shared between articles (found through an
// index on EntityRecord::key, which is not a node property: see NodeByKey/KeyOfNode) and
// deleted only when no article uses them any more (and no hand-made relationship is attached,
// and they are not marked manual). Nodes and relationships marked manual (MarkManualNode/Rel)
// survive every re-ingestion.
// A claim with no object points at one shared placeholder node labelled kUnknownLabel whose
// entity key is kUnknownEntityKey.
#ifndef KG_GRAPH_STORE_H_
#define KG_GRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/value.h"

namespace kg {

using NodeId = uint64_t;
using RelId = uint64_t;

// The placeholder entity that claims without an object point at: label, name and entity key.
// The key starts with a byte no ingest key uses, so it never collides with a real entity.
inline constexpr std::string_view kUnknownLabel = "Unknown";
inline constexpr std::string_view kUnknownName = "(unknown)";
inline constexpr std::string_view kUnknownEntityKey = "\x01unknown";

struct Node {
  NodeId id = 0;
  std::vector<std::string> labels;  // Sorted, unique.
  ValueMap props;
};

struct Relationship {
  RelId id = 0;
  std::string type;
  NodeId start = 0;
  NodeId end = 0;
  ValueMap props;
};

enum class Direction { kOut, kIn, kBoth };

// One step of an expansion from a node.
struct Edge {
  RelId rel = 0;
  NodeId other = 0;  // The node at the other end (the node itself for a self-loop).
  bool outgoing = true;  // true when the expanded-from node is the start.
  std::string type;      // The relationship's type (from the adjacency key: no record read).
};

// What one article contributes to the graph (built by ingest/, stored atomically).
struct EntityRecord {
  std::string key;    // Stable identity across articles, e.g. "Company:mp materials".
  std::string label;  // Company, Government, Country, Facility, Commodity, Person, ...
  std::string name;   // Canonical name.
  std::vector<std::string> aliases;
};
struct ClaimRecord {
  std::string type;                       // INVESTS_IN, SUPPLIES, ...
  std::string subject_key;                // An EntityRecord key of the same article.
  std::optional<std::string> object_key;  // nullopt: the text names no counterpart.
  ValueMap props;                         // Qualifiers and provenance (SPEC §3/§4).
};
// The id of the original report an article cites (its `cites` property, SPEC §5), or "" when
// it cites none. Points into `props`.
inline std::string_view ArticleCites(const ValueMap& props) {
  auto it = props.find("cites");
  if (it == props.end() || !it->second.is_string()) return {};
  return it->second.as_string();
}

struct ArticleRecord {
  std::string id;
  std::string content_hash;  // Unchanged hash => ReplaceArticle is a no-op.
  ValueMap props;            // Stored on the Article node (id, title, text, url, ...).
  std::vector<EntityRecord> entities;
  std::vector<std::string> mentions;  // Entity keys, in first-mention order.
  std::vector<ClaimRecord> claims;
};
enum class ReplaceOutcome { kInserted, kReplaced, kUnchanged };

class Txn {
 public:
  virtual ~Txn() = default;

  // ---- Reads (see the txn's own writes). A missing id is not an error: nullopt. ----
  virtual absl::StatusOr<std::optional<Node>> GetNode(NodeId id) = 0;
  // GetNode of each id, in order (nullptr: no such node), read in one batch where the store
  // can (a query's result rows name many nodes at scattered places). The records are
  // immutable and may be shared with other readers (the store's node cache).
  virtual absl::StatusOr<std::vector<std::shared_ptr<const Node>>> GetNodes(
      const std::vector<NodeId>& ids) {
    std::vector<std::shared_ptr<const Node>> out;
    out.reserve(ids.size());
    for (NodeId id : ids) {
      absl::StatusOr<std::optional<Node>> n = GetNode(id);
      if (!n.ok()) return n.status();
      out.push_back(n->has_value() ? std::make_shared<const Node>(**std::move(n)) : nullptr);
    }
    return out;
  }
  virtual absl::StatusOr<std::optional<Relationship>> GetRel(RelId id) = 0;
  // All node ids in ascending order.
  virtual absl::StatusOr<std::vector<NodeId>> AllNodes() = 0;
  // Node ids with the label, ascending.
  virtual absl::StatusOr<std::vector<NodeId>> NodesByLabel(std::string_view label) = 0;
  // Node ids whose name or an alias normalizes to NormalizeName(name), ascending.
  virtual absl::StatusOr<std::vector<NodeId>> NodesByName(std::string_view name) = 0;
  // All relationship ids, ascending; or those of one type.
  virtual absl::StatusOr<std::vector<RelId>> AllRels() = 0;
  virtual absl::StatusOr<std::vector<RelId>> RelsByType(std::string_view type) = 0;
  // Edges at a node in the direction, restricted to `types` unless empty. Ordered by
  // (direction: out first, type, other node, rel id). A self-loop appears once per
  // direction asked for (once for kBoth).
  virtual absl::StatusOr<std::vector<Edge>> Expand(NodeId node, Direction dir,
                                                   const std::vector<std::string>& types) = 0;
  // The edges of Expand, in its order, handed to `fn` one at a time as they are read, until
  // fn returns false: a caller that needs only the first few of a hub's edges reads only
  // those. fn must not write to the Txn.
  using EdgeFn = std::function<bool(const Edge&)>;
  virtual absl::Status ForEachEdge(NodeId node, Direction dir,
                                   const std::vector<std::string>& types, const EdgeFn& fn) {
    absl::StatusOr<std::vector<Edge>> edges = Expand(node, dir, types);
    if (!edges.ok()) return edges.status();
    for (const Edge& e : *edges) {
      if (!fn(e)) break;
    }
    return absl::OkStatus();
  }
  // Number of relationships at the node in any direction (for DELETE checks).
  virtual absl::StatusOr<size_t> Degree(NodeId node) = 0;

  // ---- Writes ----
  virtual absl::StatusOr<NodeId> CreateNode(std::vector<std::string> labels, ValueMap props) = 0;
  // Adds/removes one label; returns whether the node changed. Missing node: NotFound.
  virtual absl::StatusOr<bool> AddLabel(NodeId id, std::string_view label) = 0;
  virtual absl::StatusOr<bool> RemoveLabel(NodeId id, std::string_view label) = 0;
  // Sets (or with a null Value removes) one property. Missing node: NotFound.
  virtual absl::Status SetNodeProperty(NodeId id, std::string_view key, const Value& v) = 0;
  // Replaces the whole property map (nulls dropped).
  virtual absl::Status SetNodeProperties(NodeId id, ValueMap props) = 0;
  // Deletes a node. With detach=false a node that still has relationships is a
  // FailedPrecondition error; detach=true deletes its relationships too. Missing: no-op.
  virtual absl::Status DeleteNode(NodeId id, bool detach) = 0;
  // REQUIRES: both nodes exist (else NotFound).
  virtual absl::StatusOr<RelId> CreateRel(std::string_view type, NodeId start, NodeId end,
                                          ValueMap props) = 0;
  virtual absl::Status SetRelProperty(RelId id, std::string_view key, const Value& v) = 0;
  virtual absl::Status SetRelProperties(RelId id, ValueMap props) = 0;
  // Missing relationship: no-op.
  virtual absl::Status DeleteRel(RelId id) = 0;

  // Stores one article's derived graph, replacing an earlier version with the same id
  // (graph/README.md, "Articles"). Same content_hash as stored: kUnchanged, nothing written.
  // A mention or claim end that is not a key of `entities`: InvalidArgument, nothing written.
  virtual absl::StatusOr<ReplaceOutcome> ReplaceArticle(const ArticleRecord& article) = 0;
  // Deletes what an article derived. Unknown id: returns false, not an error.
  virtual absl::StatusOr<bool> RemoveArticle(std::string_view article_id) = 0;
  // Ids of stored articles, ascending.
  virtual absl::StatusOr<std::vector<std::string>> ArticleIds() = 0;

  // ---- Manual marks (graph/README.md, "Manual facts"). ----
  // Marks a node or relationship as curated by hand (an analyst's write query created or
  // changed it). Re-ingesting or replacing an article never deletes a marked relationship
  // (even one the article first extracted) nor a marked node. Missing id: NotFound.
  // Deleting the node or relationship drops its mark.
  virtual absl::Status MarkManualNode(NodeId id) = 0;
  virtual absl::Status MarkManualRel(RelId id) = 0;
  // Whether the node / relationship is marked (false for a missing id).
  virtual absl::StatusOr<bool> IsManualNode(NodeId id) = 0;
  virtual absl::StatusOr<bool> IsManualRel(RelId id) = 0;

  // ---- Article/entity lookups (added after the first draft; default: Unimplemented). ----
  // The entity node stored for an EntityRecord key (or kUnknownEntityKey); nullopt if none.
  virtual absl::StatusOr<std::optional<NodeId>> NodeByKey(std::string_view entity_key) {
    return absl::UnimplementedError("NodeByKey");
  }
  // The entity key of a node created by ReplaceArticle; nullopt for other nodes.
  virtual absl::StatusOr<std::optional<std::string>> KeyOfNode(NodeId id) {
    return absl::UnimplementedError("KeyOfNode");
  }
  // The Article node of a stored article; nullopt for an unknown id.
  virtual absl::StatusOr<std::optional<NodeId>> ArticleNode(std::string_view article_id) {
    return absl::UnimplementedError("ArticleNode");
  }
  // The properties of a stored article's Article node (ArticleRecord::props as stored);
  // nullopt for an unknown id.
  virtual absl::StatusOr<std::optional<ValueMap>> GetArticleMeta(std::string_view article_id) {
    return absl::UnimplementedError("GetArticleMeta");
  }
  // Ids of the stored articles whose `cites` property names `cited_id` (the summaries of an
  // original report, SPEC §5), ascending; one prefix scan of the cites index.
  virtual absl::StatusOr<std::vector<std::string>> CitingArticles(std::string_view cited_id) {
    return absl::UnimplementedError("CitingArticles");
  }

  // Applies all writes atomically. After Commit (ok or not) the Txn must not be used (every
  // method then returns FailedPrecondition). Destroying a Txn without Commit discards its
  // writes. On a read-only Store every write method returns FailedPrecondition.
  virtual absl::Status Commit() = 0;
  // Commit, atomically too, without waiting for the write-ahead log to reach the disk: the
  // writes survive a crash of the process at once, a crash of the machine only after the
  // next Store::SyncWal() or synced Commit(). For group commit (graph/batch_writer.h).
  virtual absl::Status CommitBuffered() { return Commit(); }
};

struct StoreOptions {
  bool create_if_missing = true;  // Default: true.
  bool read_only = false;         // Default: false. Open without the write lock.
  bool sync = true;               // Default: true. fsync the WAL on each Commit.
  // Default: 128 MiB. Uncompressed table blocks kept in memory (RocksDB's LRU block cache):
  // a traversal reads one relationship and one node record per row, at random places.
  size_t block_cache_bytes = size_t{128} << 20;
  // Default: 100,000. Decoded node records kept for the readers of this store (graph/
  // node_cache.h: dropped by every write); 0 turns it off.
  size_t node_cache_entries = 100000;
};

// Bytes of the files in a database folder (its size on disk); 0 when it cannot be read.
uint64_t DatabaseBytes(const std::string& dir);

class Store {
 public:
  virtual ~Store() = default;
  // Opens (creating when allowed) the database in `dir`. Errors: the directory cannot be
  // created, another process holds the lock, or the format version is not ours.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& dir,
                                                     const StoreOptions& options = {});
  // Starts a transaction on a snapshot taken now. A live Txn keeps the database open (and
  // its LOCK held) even after the Store is destroyed; it closes with the last of them.
  virtual std::unique_ptr<Txn> Begin() = 0;

  // Writes everything committed so far from the write-ahead log into compressed table files,
  // so the next Open need not replay the log (bulk loads call it at the end). Committed data
  // is durable without it. Read-only store: no-op.
  virtual absl::Status Flush() { return absl::OkStatus(); }
  // Makes every commit so far durable (fsync of the write-ahead log). Read-only: no-op.
  virtual absl::Status SyncWal() { return absl::OkStatus(); }
  // Flushes, then merges every table file into the last level, so that a scan reads one
  // sorted run instead of merging several: after a bulk load, traversals read fewer blocks
  // (`kg compact`). Slow (it rewrites the database); the data and the answers are unchanged.
  // Read-only store: FailedPrecondition.
  virtual absl::Status Compact() { return absl::OkStatus(); }

  // Exact counts in a snapshot (by scan).
  struct Stats {
    uint64_t nodes = 0, relationships = 0, articles = 0;
  };
  virtual absl::StatusOr<Stats> GetStats() = 0;
};

}  // namespace kg

#endif  // KG_GRAPH_STORE_H_
