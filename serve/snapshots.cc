#include "serve/snapshots.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "absl/strings/str_cat.h"
#include "graph/names.h"

namespace kg::serve {
namespace {

// What changes whenever the database does: its files' names, sizes and modification times.
std::string Signature(const std::string& db) {
  std::vector<std::string> parts;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(db, ec)) {
    // Info logs change when a reader opens; they say nothing about the data.
    if (entry.path().filename().string().rfind("LOG", 0) == 0) continue;
    std::error_code e2;
    auto size = entry.is_regular_file(e2) ? entry.file_size(e2) : 0;
    auto time = entry.last_write_time(e2).time_since_epoch().count();
    parts.push_back(absl::StrCat(entry.path().filename().string(), ":", size, ":", time));
  }
  std::sort(parts.begin(), parts.end());
  std::string sig;
  for (const std::string& p : parts) absl::StrAppend(&sig, p, "\n");
  return sig;
}

absl::StatusOr<std::shared_ptr<Snapshot>> OpenSnapshot(const std::string& db) {
  StoreOptions options;
  options.read_only = true;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(db, options);
  if (!store.ok()) return store.status();
  return std::make_shared<Snapshot>(*std::move(store));
}

bool HasLabel(const Node& n, std::string_view l) {
  return std::find(n.labels.begin(), n.labels.end(), l) != n.labels.end();
}

}  // namespace

absl::StatusOr<NameIndex> NameIndex::Build(Txn& txn) {
  NameIndex index;
  absl::StatusOr<std::vector<NodeId>> nodes = txn.AllNodes();
  if (!nodes.ok()) return nodes.status();
  for (NodeId id : *nodes) {
    absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
    if (!n.ok()) return n.status();
    if (!n->has_value() || HasLabel(**n, "Article") || HasLabel(**n, kUnknownLabel)) continue;
    const Node& node = **n;
    auto name = node.props.find("name");
    if (name == node.props.end() || !name->second.is_string()) continue;
    Hit hit;
    hit.node = id;
    hit.name = name->second.as_string();
    hit.label = node.labels.empty() ? "" : node.labels.front();
    const size_t entity = index.entities_.size();
    index.entities_.push_back(hit);
    index.entries_.push_back({NormalizeName(hit.name), hit.name, entity});
    auto aliases = node.props.find("aliases");
    if (aliases != node.props.end() && aliases->second.is_list()) {
      for (const Value& a : aliases->second.as_list()) {
        if (a.is_string()) index.entries_.push_back({NormalizeName(a.as_string()), a.as_string(), entity});
      }
    }
  }
  return index;
}

std::vector<NameIndex::Hit> NameIndex::Search(std::string_view query, size_t limit) const {
  const std::string q = NormalizeName(query);
  std::vector<Hit> out;
  if (q.empty()) return out;
  std::vector<bool> taken(entities_.size(), false);
  for (int pass = 0; pass < 3 && out.size() < limit; ++pass) {
    for (const Entry& e : entries_) {
      if (out.size() >= limit) break;
      if (taken[e.entity]) continue;
      const bool match = pass == 0   ? e.normalized == q
                         : pass == 1 ? e.normalized.rfind(q, 0) == 0
                                     : e.normalized.find(q) != std::string::npos;
      if (!match) continue;
      taken[e.entity] = true;
      Hit h = entities_[e.entity];
      h.matched = e.shown;
      out.push_back(std::move(h));
    }
  }
  return out;
}

absl::StatusOr<std::shared_ptr<const NameIndex>> Snapshot::names() {
  std::lock_guard<std::mutex> lock(mu_);
  if (names_ == nullptr) {
    std::unique_ptr<Txn> txn = store_->Begin();
    absl::StatusOr<NameIndex> built = NameIndex::Build(*txn);
    if (!built.ok()) return built.status();
    names_ = std::make_shared<const NameIndex>(*std::move(built));
  }
  return names_;
}

void Snapshot::DropNames() {
  std::lock_guard<std::mutex> lock(mu_);
  names_ = nullptr;
}

absl::StatusOr<std::unique_ptr<ReadOnlySource>> ReadOnlySource::Open(const std::string& db,
                                                                     absl::Duration refresh) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(db) / "CURRENT", ec)) {
    absl::StatusOr<std::unique_ptr<Store>> created = Store::Open(db);
    if (!created.ok()) return created.status();
  }
  std::string signature = Signature(db);
  absl::StatusOr<std::shared_ptr<Snapshot>> first = OpenSnapshot(db);
  if (!first.ok()) return first.status();
  return std::unique_ptr<ReadOnlySource>(
      new ReadOnlySource(db, refresh, *std::move(first), std::move(signature)));
}

ReadOnlySource::ReadOnlySource(std::string db, absl::Duration refresh,
                               std::shared_ptr<Snapshot> first, std::string signature)
    : db_(std::move(db)),
      refresh_(refresh),
      current_(std::move(first)),
      signature_(std::move(signature)) {
  thread_ = std::thread([this] { Loop(); });
}

ReadOnlySource::~ReadOnlySource() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::shared_ptr<Snapshot> ReadOnlySource::Current() {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

void ReadOnlySource::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, absl::ToChronoMilliseconds(refresh_), [this] { return stop_; });
    if (stop_) break;
    lock.unlock();
    std::string signature = Signature(db_);
    std::shared_ptr<Snapshot> fresh;
    if (signature != signature_) {
      absl::StatusOr<std::shared_ptr<Snapshot>> opened = OpenSnapshot(db_);
      if (opened.ok()) fresh = *std::move(opened);
    }
    lock.lock();
    if (fresh != nullptr) {
      current_ = std::move(fresh);
      signature_ = std::move(signature);
    }
  }
}

absl::StatusOr<std::unique_ptr<WritableSource>> WritableSource::Open(const std::string& db) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(db);
  if (!store.ok()) return store.status();
  return std::unique_ptr<WritableSource>(new WritableSource(*std::move(store)));
}

WritableSource::WritableSource(std::unique_ptr<Store> store)
    : current_(std::make_shared<Snapshot>(std::move(store))) {}

std::shared_ptr<Snapshot> WritableSource::Current() {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

}  // namespace kg::serve
