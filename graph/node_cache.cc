#include "graph/node_cache.h"

namespace kg {

void NodeCache::BeginWrite() {
  absl::MutexLock lock(&mu_);
  ++writes_in_flight_;
  nodes_.clear();
}

void NodeCache::EndWrite(uint64_t latest_sequence) {
  absl::MutexLock lock(&mu_);
  --writes_in_flight_;
  if (latest_sequence > valid_from_) valid_from_ = latest_sequence;
  nodes_.clear();
}

std::vector<std::shared_ptr<const Node>> NodeCache::Find(const std::vector<NodeId>& ids,
                                                         uint64_t snapshot_sequence) const {
  std::vector<std::shared_ptr<const Node>> out(ids.size());
  if (capacity_ == 0) return out;
  absl::ReaderMutexLock lock(&mu_);
  if (!UsableLocked(snapshot_sequence)) return out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (auto it = nodes_.find(ids[i]); it != nodes_.end()) out[i] = it->second;
  }
  return out;
}

void NodeCache::Insert(const std::vector<std::shared_ptr<const Node>>& nodes,
                       uint64_t snapshot_sequence) {
  if (capacity_ == 0 || nodes.empty()) return;
  absl::MutexLock lock(&mu_);
  if (!UsableLocked(snapshot_sequence)) return;
  if (nodes_.size() + nodes.size() > capacity_) nodes_.clear();
  for (const auto& n : nodes) {
    if (n != nullptr && nodes_.size() < capacity_) nodes_.try_emplace(n->id, n);
  }
}

}  // namespace kg
