// snapshots: the store a server reads from, and how it stays current.
//
// A Snapshot is one opened Store plus a lazily built index of entity names and aliases (for
// the search box). Requests take the current Snapshot (a shared_ptr) and keep it for their
// whole life, so a request never sees two states of the graph.
//
// Sources:
//   - ReadOnlySource opens the database read-only (no LOCK taken, so `kg ingest` in another
//     process keeps writing) and, every `refresh` interval, checks whether the database
//     folder changed (file names, sizes and modification times); when it did, it opens a fresh
//     read-only Store — RocksDB recovers the state as of that moment, whole write batches only,
//     so each article's replacement is seen entirely or not at all — and makes it current.
//     Old snapshots close when their last request ends. A failed reopen (the writer was
//     deleting files at that instant) keeps the old snapshot and is retried next interval.
//   - WritableSource opens the database read-write once (taking the LOCK: no other process
//     can ingest while it runs) for `kg serve --allow-writes`.
// Thread-safe: Current() may be called from any thread.
#ifndef KG_SERVE_SNAPSHOTS_H_
#define KG_SERVE_SNAPSHOTS_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/store.h"

namespace kg::serve {

// Entity names and aliases for the search box, NormalizeName()d.
class NameIndex {
 public:
  struct Hit {
    NodeId node = 0;
    std::string name, label;
    std::string matched;  // The name or alias that matched.
  };
  static absl::StatusOr<NameIndex> Build(Txn& txn);
  // Exact matches first, then prefixes, then substrings of a name or alias; one hit per
  // entity; at most `limit`.
  std::vector<Hit> Search(std::string_view query, size_t limit) const;

 private:
  struct Entry {
    std::string normalized, shown;
    size_t entity;  // Index into entities_.
  };
  std::vector<Entry> entries_;
  std::vector<Hit> entities_;
};

class Snapshot {
 public:
  explicit Snapshot(std::unique_ptr<Store> store) : store_(std::move(store)) {}
  Store& store() { return *store_; }
  // Built on first use, then shared by every request on this snapshot.
  absl::StatusOr<std::shared_ptr<const NameIndex>> names();
  // Forgets the index (after a write through a writable store); the next names() rebuilds.
  void DropNames();

 private:
  std::unique_ptr<Store> store_;
  std::mutex mu_;
  std::shared_ptr<const NameIndex> names_;
};

class StoreSource {
 public:
  virtual ~StoreSource() = default;
  virtual std::shared_ptr<Snapshot> Current() = 0;
  virtual bool writable() const = 0;
};

class ReadOnlySource final : public StoreSource {
 public:
  // Opens `db` read-only (creating an empty database first when there is none).
  static absl::StatusOr<std::unique_ptr<ReadOnlySource>> Open(const std::string& db,
                                                               absl::Duration refresh);
  ~ReadOnlySource() override;
  std::shared_ptr<Snapshot> Current() override;
  bool writable() const override { return false; }

 private:
  ReadOnlySource(std::string db, absl::Duration refresh, std::shared_ptr<Snapshot> first,
                 std::string signature);
  void Loop();

  const std::string db_;
  const absl::Duration refresh_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::shared_ptr<Snapshot> current_;
  std::string signature_;
  std::thread thread_;
};

class WritableSource final : public StoreSource {
 public:
  static absl::StatusOr<std::unique_ptr<WritableSource>> Open(const std::string& db);
  std::shared_ptr<Snapshot> Current() override;
  bool writable() const override { return true; }

 private:
  explicit WritableSource(std::unique_ptr<Store> store);
  std::mutex mu_;
  std::shared_ptr<Snapshot> current_;
};

}  // namespace kg::serve

#endif  // KG_SERVE_SNAPSHOTS_H_
