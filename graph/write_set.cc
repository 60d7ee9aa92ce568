#include "graph/write_set.h"

namespace kg {

void WriteSet::Write(std::string_view key, Entry entry) {
  auto it = writes_.find(key);
  if (it == writes_.end()) {
    if (saving_) undo_.emplace_back(std::string(key), std::nullopt);
    writes_.emplace(std::string(key), std::move(entry));
    return;
  }
  // Every write since the save point logs the state it replaces; undoing the log backwards
  // restores each key's state at the save point.
  if (saving_) undo_.emplace_back(it->first, it->second);
  it->second = std::move(entry);
}

void WriteSet::RollbackToSavePoint() {
  for (auto u = undo_.rbegin(); u != undo_.rend(); ++u) {
    if (u->second.has_value()) {
      writes_.insert_or_assign(u->first, *u->second);
    } else {
      writes_.erase(u->first);
    }
  }
  undo_.clear();
  saving_ = false;
}

rocksdb::Status WriteSet::WriteTo(rocksdb::WriteBatch* batch) const {
  for (const auto& [key, entry] : writes_) {
    rocksdb::Status s = entry.has_value() ? batch->Put(key, *entry) : batch->Delete(key);
    if (!s.ok()) return s;
  }
  return rocksdb::Status::OK();
}

}  // namespace kg
