// NodeCache: decoded node records shared by the readers of one Store, so that the queries
// an analyst repeats around the same entities do not look up and decode the same records
// again (a one-hop answer reads one node record per row).
//
// Consistency with snapshots: every write of the store is bracketed by BeginWrite() and
// EndWrite(latest sequence). Both drop every entry; between them the cache is unusable. A
// reader at snapshot sequence S may use or fill the cache only when no write is in flight
// and S is at least the sequence of the last write, i.e. when its snapshot sees everything
// ever written: then an entry (filled by such a reader) is what the reader would read.
// Readers of older snapshots, and transactions with writes of their own, bypass it.
//
// Bounded: at most `capacity` entries; when full, it is emptied and refilled. Thread-safe.
#ifndef KG_GRAPH_NODE_CACHE_H_
#define KG_GRAPH_NODE_CACHE_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "graph/store.h"

namespace kg {

class NodeCache {
 public:
  explicit NodeCache(size_t capacity) : capacity_(capacity) {}

  void BeginWrite();
  void EndWrite(uint64_t latest_sequence);

  // For each id, the cached record or nullptr (not cached); all nullptr when a reader at
  // `snapshot_sequence` may not use the cache.
  std::vector<std::shared_ptr<const Node>> Find(const std::vector<NodeId>& ids,
                                                uint64_t snapshot_sequence) const;
  // Adds records a reader at `snapshot_sequence` read (ignored when it may not fill).
  void Insert(const std::vector<std::shared_ptr<const Node>>& nodes, uint64_t snapshot_sequence);

 private:
  bool UsableLocked(uint64_t snapshot_sequence) const ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return writes_in_flight_ == 0 && snapshot_sequence >= valid_from_;
  }

  const size_t capacity_;
  mutable absl::Mutex mu_;
  int writes_in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t valid_from_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<NodeId, std::shared_ptr<const Node>> nodes_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kg

#endif  // KG_GRAPH_NODE_CACHE_H_
