// WriteSet: a transaction's own writes, ordered by key, before they reach RocksDB.
//
// Put/Delete record the last write of a key (a delete is kept as a tombstone, so that reads
// through the set do not fall back to the database). Find answers "did this transaction
// write the key, and what": reads check it before the snapshot. ForEach walks a key range
// in order, which is how scans merge the set with a database iterator. WriteTo fills a
// rocksdb::WriteBatch in key order: the memtable inserts sorted keys far faster than keys in
// arrival order, because each insert starts its search where the previous one ended.
//
// One save point: SetSavePoint, then RollbackToSavePoint (undo every write since) or
// PopSavePoint (keep them). Iterators (ForEach) stay valid while keys are added.
// Not thread-safe: one transaction owns it.
#ifndef KG_GRAPH_WRITE_SET_H_
#define KG_GRAPH_WRITE_SET_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rocksdb/write_batch.h"

namespace kg {

class WriteSet {
 public:
  // A key's write: the value, or nullopt for a delete.
  using Entry = std::optional<std::string>;
  using Map = std::map<std::string, Entry, std::less<>>;

  void Put(std::string_view key, std::string_view value) { Write(key, Entry(std::string(value))); }
  void Delete(std::string_view key) { Write(key, std::nullopt); }

  // The transaction's write of `key`, or nullptr when it did not write it.
  const Entry* Find(std::string_view key) const {
    auto it = writes_.find(key);
    return it == writes_.end() ? nullptr : &it->second;
  }
  bool empty() const { return writes_.empty(); }

  // The writes with keys in [from, to) (to empty: no upper bound), in key order.
  std::pair<Map::const_iterator, Map::const_iterator> Range(std::string_view from,
                                                            std::string_view to) const {
    return {writes_.lower_bound(from), to.empty() ? writes_.end() : writes_.lower_bound(to)};
  }

  void SetSavePoint() {
    undo_.clear();
    saving_ = true;
  }
  void RollbackToSavePoint();
  void PopSavePoint() {
    undo_.clear();
    saving_ = false;
  }

  // Appends every write to `batch` in key order.
  rocksdb::Status WriteTo(rocksdb::WriteBatch* batch) const;

 private:
  void Write(std::string_view key, Entry entry);

  Map writes_;
  bool saving_ = false;
  // Since the save point: each key's state before its first write (nullopt: not written).
  std::vector<std::pair<std::string, std::optional<Entry>>> undo_;
};

}  // namespace kg

#endif  // KG_GRAPH_WRITE_SET_H_
