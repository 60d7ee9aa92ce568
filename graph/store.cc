// RocksDB implementation of Store and Txn. Key layout: graph/README.md.
#include "graph/store.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "graph/keys.h"
#include "graph/node_cache.h"
#include "graph/write_set.h"
#include "graph/names.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"

namespace kg {
namespace {

// Key families (graph/README.md): all live in RocksDB's default column family, each under
// its own one-byte key prefix (frozen, kFamilyPrefix).
enum Cf : int {
  kMetaCf = 0,
  kNodeCf,
  kLabelCf,
  kAliasCf,
  kRelCf,
  kOutCf,
  kInCf,
  kRtypeCf,
  kArticleCf,
  kEntityCf,
  kNodeKeyCf,
  kEntRefCf,
  kAliasRefCf,
  kCitesCf,
  kManualCf,
  kNumCfs,
};
constexpr const char* kCfNames[kNumCfs] = {"meta",    "node",   "label",  "alias", "rel",
                                           "out",     "in",     "rtype",  "article",
                                           "entity",  "nodekey", "entref", "aliasref",
                                           "cites",   "manual"};
constexpr char kFamilyPrefix[kNumCfs] = {'m', 'n', 'l', 'a', 'r', 'o', 'i',
                                         't', 'A', 'e', 'k', 'u', 'c', 'C', 'M'};

// Keys of the manual family: a kind byte, then the id.
std::string ManualNodeKey(NodeId id) { return "n" + keys::Id(id); }
std::string ManualRelKey(RelId id) { return "r" + keys::Id(id); }

// The RocksDB key of a family's key.
std::string FamilyKey(Cf c, std::string_view key) {
  std::string out;
  out.reserve(key.size() + 1);
  out.push_back(kFamilyPrefix[c]);
  out.append(key);
  return out;
}

constexpr std::string_view kFormatVersionKey = "format_version";
// "kg-graph-N": N grows with every change of the layout (graph/README.md, "Format version").
constexpr std::string_view kFormatVersionPrefix = "kg-graph-";
constexpr int kFormatVersionNumber = 3;
constexpr std::string_view kNextNodeKey = "next_node_id";
constexpr std::string_view kNextRelKey = "next_rel_id";
constexpr std::string_view kArticleLabel = "Article";
constexpr std::string_view kMentionsType = "MENTIONS";

std::string FormatVersion() {
  return absl::StrCat(std::string(kFormatVersionPrefix), kFormatVersionNumber);
}

// Accepts exactly our version; an older or newer one is refused with what to do about it.
absl::Status CheckFormatVersion(std::string_view dir, std::string_view stored) {
  int number = 0;
  std::string_view rest = stored;
  const bool ours = rest.starts_with(kFormatVersionPrefix) &&
                    absl::SimpleAtoi(absl::string_view(rest.data() + kFormatVersionPrefix.size(),
                                                       rest.size() - kFormatVersionPrefix.size()),
                                     &number);
  if (ours && number == kFormatVersionNumber) return absl::OkStatus();
  std::string what;
  if (!ours) {
    what = "is not a kg graph database";
  } else if (number < kFormatVersionNumber) {
    what = absl::StrCat("was written by an older kg; this kg reads only ", FormatVersion(),
                        ": ingest the articles again into a new database");
  } else {
    what = absl::StrCat("was written by a newer kg; this kg reads only ", FormatVersion(),
                        ": use a newer kg");
  }
  return absl::FailedPreconditionError(absl::StrCat("graph store ", std::string(dir),
                                                    ": database format '", std::string(stored),
                                                    "' ", what));
}

rocksdb::Slice S(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
std::string_view V(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

absl::Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = absl::StrCat(std::string(what), ": ", s.ToString());
  if (s.IsNotFound()) return absl::NotFoundError(msg);
  if (s.IsCorruption()) return absl::DataLossError(msg);
  if (s.IsInvalidArgument()) return absl::InvalidArgumentError(msg);
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain()) return absl::UnavailableError(msg);
  return absl::InternalError(msg);
}

absl::Status CorruptKey(std::string_view cf) {
  return absl::DataLossError(absl::StrCat("graph store: corrupt key in column family ", std::string(cf)));
}

// ---- Record encodings ----

std::string EncodeNode(const Node& n) {
  ValueList labels(n.labels.begin(), n.labels.end());
  std::string out;
  Value(std::move(labels)).EncodeTo(&out);
  out += EncodeMap(n.props);
  return out;
}

absl::StatusOr<Node> DecodeNode(NodeId id, std::string_view in) {
  absl::StatusOr<Value> labels = Value::DecodeFrom(&in);
  if (!labels.ok()) return labels.status();
  if (!labels->is_list()) return absl::DataLossError("graph store: node labels not a list");
  Node n;
  n.id = id;
  for (const Value& l : labels->as_list()) {
    if (!l.is_string()) return absl::DataLossError("graph store: node label not a string");
    n.labels.push_back(l.as_string());
  }
  absl::StatusOr<ValueMap> props = DecodeMap(in);
  if (!props.ok()) return props.status();
  n.props = *std::move(props);
  return n;
}

std::string EncodeRel(const Relationship& r) {
  std::string out;
  Value(r.type).EncodeTo(&out);
  keys::PutId(r.start, &out);
  keys::PutId(r.end, &out);
  out += EncodeMap(r.props);
  return out;
}

absl::StatusOr<Relationship> DecodeRel(RelId id, std::string_view in) {
  absl::StatusOr<Value> type = Value::DecodeFrom(&in);
  if (!type.ok()) return type.status();
  Relationship r;
  r.id = id;
  if (!type->is_string()) return absl::DataLossError("graph store: rel type not a string");
  r.type = type->as_string();
  if (!keys::GetId(&in, &r.start) || !keys::GetId(&in, &r.end)) {
    return absl::DataLossError("graph store: truncated relationship");
  }
  absl::StatusOr<ValueMap> props = DecodeMap(in);
  if (!props.ok()) return props.status();
  r.props = *std::move(props);
  return r;
}

// The per-article index entry (graph/README.md, "Articles").
struct ArticleIndex {
  std::string hash;
  NodeId node = 0;
  std::vector<RelId> rels;
  std::vector<std::string> entities;
};

std::string EncodeArticleIndex(const ArticleIndex& a) {
  ValueList rels, ents;
  for (RelId r : a.rels) rels.emplace_back(static_cast<int64_t>(r));
  for (const std::string& e : a.entities) ents.emplace_back(e);
  ValueMap m;
  m["hash"] = Value(a.hash);
  m["node"] = Value(static_cast<int64_t>(a.node));
  m["rels"] = Value(std::move(rels));
  m["entities"] = Value(std::move(ents));
  return Value(std::move(m)).Encode();
}

absl::StatusOr<ArticleIndex> DecodeArticleIndex(std::string_view in) {
  absl::StatusOr<Value> v = Value::Decode(in);
  if (!v.ok()) return v.status();
  auto bad = [] { return absl::DataLossError("graph store: malformed article index entry"); };
  if (!v->is_map()) return bad();
  const ValueMap& m = v->as_map();
  auto hash = m.find("hash"), node = m.find("node"), rels = m.find("rels"),
       ents = m.find("entities");
  if (hash == m.end() || !hash->second.is_string() || node == m.end() ||
      !node->second.is_int() || rels == m.end() || !rels->second.is_list() ||
      ents == m.end() || !ents->second.is_list()) {
    return bad();
  }
  ArticleIndex a;
  a.hash = hash->second.as_string();
  a.node = static_cast<NodeId>(node->second.as_int());
  for (const Value& r : rels->second.as_list()) {
    if (!r.is_int()) return bad();
    a.rels.push_back(static_cast<RelId>(r.as_int()));
  }
  for (const Value& e : ents->second.as_list()) {
    if (!e.is_string()) return bad();
    a.entities.push_back(e.as_string());
  }
  return a;
}

// Alias-index keys of a property map: NormalizeName of `name` and of each `aliases` string.
std::set<std::string> AliasKeys(const ValueMap& props) {
  std::set<std::string> out;
  auto add = [&out](const Value& v) {
    if (!v.is_string()) return;
    std::string n = NormalizeName(v.as_string());
    if (!n.empty()) out.insert(std::move(n));
  };
  if (auto it = props.find("name"); it != props.end()) add(it->second);
  if (auto it = props.find("aliases"); it != props.end()) {
    if (it->second.is_list()) {
      for (const Value& a : it->second.as_list()) add(a);
    } else {
      add(it->second);
    }
  }
  return out;
}

// The alias strings an entity record contributes (graph/README.md, "Alias contributions"):
// its aliases and its name, sorted, unique, non-empty.
std::vector<std::string> Contributions(const EntityRecord& e) {
  std::vector<std::string> out;
  for (const std::string& a : e.aliases) {
    if (!a.empty()) out.push_back(a);
  }
  if (!e.name.empty()) out.push_back(e.name);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string EncodeStringList(const std::vector<std::string>& v) {
  return Value(ValueList(v.begin(), v.end())).Encode();
}

absl::StatusOr<std::vector<std::string>> DecodeStringList(std::string_view in) {
  absl::StatusOr<Value> v = Value::Decode(in);
  if (!v.ok()) return v.status();
  if (!v->is_list()) return absl::DataLossError("graph store: malformed entref value");
  std::vector<std::string> out;
  for (const Value& e : v->as_list()) {
    if (!e.is_string()) return absl::DataLossError("graph store: malformed entref value");
    out.push_back(e.as_string());
  }
  return out;
}

void DropNulls(ValueMap* m) {
  for (auto it = m->begin(); it != m->end();) {
    it = it->second.is_null() ? m->erase(it) : std::next(it);
  }
}

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

class StoreImpl;

class TxnImpl final : public Txn {
 public:
  explicit TxnImpl(std::shared_ptr<StoreImpl> store);
  ~TxnImpl() override;
  TxnImpl(const TxnImpl&) = delete;
  TxnImpl& operator=(const TxnImpl&) = delete;

  absl::StatusOr<std::optional<Node>> GetNode(NodeId id) override;
  absl::StatusOr<std::vector<std::shared_ptr<const Node>>> GetNodes(
      const std::vector<NodeId>& ids) override;
  absl::StatusOr<std::optional<Relationship>> GetRel(RelId id) override;
  absl::StatusOr<std::vector<NodeId>> AllNodes() override;
  absl::StatusOr<std::vector<NodeId>> NodesByLabel(std::string_view label) override;
  absl::StatusOr<std::vector<NodeId>> NodesByName(std::string_view name) override;
  absl::StatusOr<std::vector<RelId>> AllRels() override;
  absl::StatusOr<std::vector<RelId>> RelsByType(std::string_view type) override;
  absl::StatusOr<std::vector<Edge>> Expand(NodeId node, Direction dir,
                                           const std::vector<std::string>& types) override;
  absl::Status ForEachEdge(NodeId node, Direction dir, const std::vector<std::string>& types,
                           const EdgeFn& fn) override;
  absl::StatusOr<size_t> Degree(NodeId node) override;

  absl::StatusOr<NodeId> CreateNode(std::vector<std::string> labels, ValueMap props) override;
  absl::StatusOr<bool> AddLabel(NodeId id, std::string_view label) override;
  absl::StatusOr<bool> RemoveLabel(NodeId id, std::string_view label) override;
  absl::Status SetNodeProperty(NodeId id, std::string_view key, const Value& v) override;
  absl::Status SetNodeProperties(NodeId id, ValueMap props) override;
  absl::Status DeleteNode(NodeId id, bool detach) override;
  absl::StatusOr<RelId> CreateRel(std::string_view type, NodeId start, NodeId end,
                                  ValueMap props) override;
  absl::Status SetRelProperty(RelId id, std::string_view key, const Value& v) override;
  absl::Status SetRelProperties(RelId id, ValueMap props) override;
  absl::Status DeleteRel(RelId id) override;
  absl::Status MarkManualNode(NodeId id) override;
  absl::Status MarkManualRel(RelId id) override;
  absl::StatusOr<bool> IsManualNode(NodeId id) override;
  absl::StatusOr<bool> IsManualRel(RelId id) override;

  absl::StatusOr<ReplaceOutcome> ReplaceArticle(const ArticleRecord& article) override;
  absl::StatusOr<bool> RemoveArticle(std::string_view article_id) override;
  absl::StatusOr<std::vector<std::string>> ArticleIds() override;
  absl::StatusOr<std::optional<NodeId>> NodeByKey(std::string_view entity_key) override;
  absl::StatusOr<std::optional<std::string>> KeyOfNode(NodeId id) override;
  absl::StatusOr<std::optional<NodeId>> ArticleNode(std::string_view article_id) override;
  absl::StatusOr<std::optional<ValueMap>> GetArticleMeta(std::string_view article_id) override;
  absl::StatusOr<std::vector<std::string>> CitingArticles(std::string_view cited_id) override;

  absl::Status Commit() override;
  absl::Status CommitBuffered() override;

 private:
  absl::Status CommitWith(bool sync);
  // Visits (key without prefix, value) for every key starting with `prefix`, ascending, until
  // fn returns false. fn must not write to the txn.
  using ScanFn = std::function<bool(std::string_view suffix, std::string_view value)>;
  absl::Status Scan(Cf cf, std::string_view prefix, const ScanFn& fn);
  absl::StatusOr<std::optional<std::string>> Get(Cf cf, std::string_view key);
  absl::Status Put(Cf cf, std::string_view key, std::string_view value);
  absl::Status Del(Cf cf, std::string_view key);

  absl::Status CheckUsable() const;
  absl::Status CheckWritable() const;

  // Writes `neu` over `old` (either may be null: create / delete), keeping the label and
  // alias indexes exact.
  absl::Status WriteNode(NodeId id, const Node* old, const Node* neu);
  absl::StatusOr<Node> MustGetNode(NodeId id);
  absl::StatusOr<Relationship> MustGetRel(RelId id);
  absl::Status DeleteRelIndexed(const Relationship& r);
  // CreateRel without checking that the ends exist: for callers that just wrote or read them.
  absl::StatusOr<RelId> PutRel(std::string_view type, NodeId start, NodeId end, ValueMap props);
  // Rel ids at a node in both directions (self-loops twice).
  absl::StatusOr<std::vector<RelId>> RelsAt(NodeId node);

  absl::StatusOr<std::optional<ArticleIndex>> LoadArticleIndex(std::string_view article_id);
  // Deletes what an article version derived, except manual relationships (appended to
  // `kept` when not null), entities still in use and entity keys in keep_keys. With
  // `replacing` the Article node stays (the new version reuses it); otherwise the Article
  // node is detach-deleted.
  absl::Status RemoveArticleData(std::string_view article_id, const ArticleIndex& idx,
                                 const std::set<std::string>& keep_keys, bool replacing,
                                 std::vector<RelId>* kept);
  absl::StatusOr<NodeId> EnsureEntity(const EntityRecord& e);
  // Adds `delta` to the contribution count of each alias of the entity key; returns the
  // aliases whose count reached zero.
  absl::StatusOr<std::vector<std::string>> CountAliases(const std::string& entity_key,
                                                        const std::vector<std::string>& aliases,
                                                        int delta);
  // Removes the given strings from the node's `aliases` list (its name stays).
  absl::Status WithdrawAliases(NodeId id, const std::vector<std::string>& aliases);
  absl::StatusOr<ReplaceOutcome> ReplaceArticleInner(
      const ArticleRecord& rec, const std::optional<ArticleIndex>& old,
      const std::map<std::string, EntityRecord>& entities);

  const std::shared_ptr<StoreImpl> store_;  // Keeps the database open while the Txn lives.
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions read_options_;
  WriteSet writes_;  // This transaction's writes, read before the snapshot.
  bool done_ = false;
};

// The open database. Shared by the Store handle and every live Txn, so the database closes
// (and releases its LOCK) when the last of them is gone.
class StoreImpl final : public Store, public std::enable_shared_from_this<StoreImpl> {
 public:
  StoreImpl(std::string dir, StoreOptions options, rocksdb::DB* db)
      : dir_(std::move(dir)), options_(options), db_(db), node_cache_(options.node_cache_entries) {}
  ~StoreImpl() override {
    db_->Close().PermitUncheckedError();
    delete db_;
  }
  StoreImpl(const StoreImpl&) = delete;
  StoreImpl& operator=(const StoreImpl&) = delete;

  absl::Status Init();
  // Upgrades a kg-graph-2 database in place: builds the cites index, writes the new version.
  absl::Status MigrateAddCitesIndex();

  std::unique_ptr<Txn> Begin() override {
    return std::make_unique<TxnImpl>(shared_from_this());
  }
  absl::StatusOr<Stats> GetStats() override;
  absl::Status Compact() override {
    if (options_.read_only) {
      return absl::FailedPreconditionError(
          absl::StrCat("graph store ", dir_, ": opened read-only; cannot compact"));
    }
    if (absl::Status s = Flush(); !s.ok()) return s;
    return FromRocks(db_->CompactRange(rocksdb::CompactRangeOptions(), nullptr, nullptr),
                     absl::StrCat("graph store ", dir_, ": compact"));
  }
  absl::Status Flush() override {
    if (options_.read_only) return absl::OkStatus();
    return FromRocks(db_->Flush(rocksdb::FlushOptions()), absl::StrCat("graph store ", dir_, ": flush"));
  }

  rocksdb::DB* db() const { return db_; }
  bool read_only() const { return options_.read_only; }
  NodeCache& node_cache() { return node_cache_; }
  NodeId AllocateNodeId() { return next_node_.fetch_add(1); }
  RelId AllocateRelId() { return next_rel_.fetch_add(1); }

  // Writes the batch plus the id counters, atomically; `sync` false leaves the fsync of the
  // log to SyncWal() (StoreOptions::sync false never syncs).
  absl::Status Write(rocksdb::WriteBatch* batch, bool sync = true);
  absl::Status SyncWal() override {
    if (options_.read_only || !options_.sync) return absl::OkStatus();
    return FromRocks(db_->SyncWAL(), absl::StrCat("graph store ", dir_, ": sync"));
  }

 private:
  absl::StatusOr<uint64_t> CountKeys(Cf c, const rocksdb::Snapshot* snap);
  absl::StatusOr<uint64_t> NextIdFor(Cf c, std::string_view meta_key);

  const std::string dir_;
  const StoreOptions options_;
  rocksdb::DB* const db_;
  NodeCache node_cache_;
  std::atomic<uint64_t> next_node_{1};
  std::atomic<uint64_t> next_rel_{1};
  std::mutex write_mu_;  // Serializes Write() so the stored counters only grow.
};

// The handle returned by Store::Open.
class StoreHandle final : public Store {
 public:
  explicit StoreHandle(std::shared_ptr<StoreImpl> impl) : impl_(std::move(impl)) {}
  std::unique_ptr<Txn> Begin() override { return impl_->Begin(); }
  absl::StatusOr<Stats> GetStats() override { return impl_->GetStats(); }
  absl::Status Flush() override { return impl_->Flush(); }
  absl::Status SyncWal() override { return impl_->SyncWal(); }
  absl::Status Compact() override { return impl_->Compact(); }

 private:
  std::shared_ptr<StoreImpl> impl_;
};

// ---------------------------------------------------------------------------------------
// StoreImpl

absl::StatusOr<uint64_t> StoreImpl::NextIdFor(Cf c, std::string_view meta_key) {
  uint64_t next = 1;
  std::string v;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), S(FamilyKey(kMetaCf, meta_key)), &v);
  if (s.ok()) {
    std::string_view in = v;
    if (!keys::GetId(&in, &next) || !in.empty()) {
      return absl::DataLossError(absl::StrCat("graph store ", dir_, ": corrupt meta ", std::string(meta_key)));
    }
  } else if (!s.IsNotFound()) {
    return FromRocks(s, absl::StrCat("graph store ", dir_, ": reading meta"));
  }
  // Defensive: never hand out an id at or below the largest stored one.
  const std::string prefix = FamilyKey(c, "");
  const std::string upper = FamilyKey(c, "\xff\xff\xff\xff\xff\xff\xff\xff\xff");
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  it->SeekForPrev(S(upper));
  if (it->Valid() && V(it->key()).starts_with(prefix)) {
    std::string_view k = V(it->key()).substr(prefix.size());
    uint64_t last;
    if (keys::GetId(&k, &last) && last + 1 > next) next = last + 1;
  }
  if (!it->status().ok()) return FromRocks(it->status(), "graph store: scanning ids");
  return std::max<uint64_t>(next, 1);
}

absl::Status StoreImpl::MigrateAddCitesIndex() {
  rocksdb::WriteBatch batch;
  const std::string prefix = FamilyKey(kArticleCf, "");
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  // One step per stored article: bounded by the database.
  for (it->Seek(S(prefix)); it->Valid() && V(it->key()).starts_with(prefix); it->Next()) {
    const std::string_view article_id = V(it->key()).substr(prefix.size());
    absl::StatusOr<ArticleIndex> idx = DecodeArticleIndex(V(it->value()));
    if (!idx.ok()) return idx.status();
    std::string value;
    rocksdb::Status g = db_->Get(rocksdb::ReadOptions(), S(FamilyKey(kNodeCf, keys::Id(idx->node))), &value);
    if (g.IsNotFound()) continue;
    if (!g.ok()) return FromRocks(g, absl::StrCat("graph store ", dir_, ": migrating"));
    absl::StatusOr<Node> node = DecodeNode(idx->node, value);
    if (!node.ok()) return node.status();
    const std::string_view cites = ArticleCites(node->props);
    if (cites.empty()) continue;
    batch.Put(S(FamilyKey(kCitesCf, keys::Ordered(cites) + keys::Ordered(article_id))),
              rocksdb::Slice());
  }
  if (!it->status().ok()) return FromRocks(it->status(), absl::StrCat("graph store ", dir_, ": migrating"));
  batch.Put(S(FamilyKey(kMetaCf, kFormatVersionKey)), S(FormatVersion()));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Write(wo, &batch), absl::StrCat("graph store ", dir_, ": migrating to ", FormatVersion()));
}

absl::Status StoreImpl::Init() {
  std::string version;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), S(FamilyKey(kMetaCf, kFormatVersionKey)), &version);
  if (s.ok() && version == absl::StrCat(std::string(kFormatVersionPrefix), kFormatVersionNumber - 1)) {
    // kg-graph-2 lacks only the cites index: readers do not need it, a writer builds it.
    if (!options_.read_only) {
      if (absl::Status m = MigrateAddCitesIndex(); !m.ok()) return m;
    }
  } else if (s.ok()) {
    if (absl::Status v = CheckFormatVersion(dir_, version); !v.ok()) return v;
  } else if (s.IsNotFound()) {
    for (Cf c : {kNodeCf, kRelCf, kArticleCf}) {
      const std::string prefix = FamilyKey(c, "");
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
      it->Seek(S(prefix));
      if (it->Valid() && V(it->key()).starts_with(prefix)) {
        return absl::FailedPreconditionError(absl::StrCat(
            "graph store ", dir_, ": database has data but no format version; not a kg store"));
      }
    }
    if (!options_.read_only) {
      rocksdb::WriteOptions wo;
      wo.sync = true;
      s = db_->Put(wo, S(FamilyKey(kMetaCf, kFormatVersionKey)), S(FormatVersion()));
      if (!s.ok()) return FromRocks(s, absl::StrCat("graph store ", dir_, ": writing version"));
    }
  } else {
    return FromRocks(s, absl::StrCat("graph store ", dir_, ": reading version"));
  }
  absl::StatusOr<uint64_t> n = NextIdFor(kNodeCf, kNextNodeKey);
  if (!n.ok()) return n.status();
  absl::StatusOr<uint64_t> r = NextIdFor(kRelCf, kNextRelKey);
  if (!r.ok()) return r.status();
  next_node_ = *n;
  next_rel_ = *r;
  return absl::OkStatus();
}

absl::Status StoreImpl::Write(rocksdb::WriteBatch* batch, bool sync) {
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::Status s =
      batch->Put(S(FamilyKey(kMetaCf, kNextNodeKey)), S(keys::Id(next_node_.load())));
  if (s.ok()) s = batch->Put(S(FamilyKey(kMetaCf, kNextRelKey)), S(keys::Id(next_rel_.load())));
  if (!s.ok()) return FromRocks(s, "graph store: preparing commit");
  rocksdb::WriteOptions wo;
  wo.sync = options_.sync && sync;
  node_cache_.BeginWrite();
  s = db_->Write(wo, batch);
  node_cache_.EndWrite(db_->GetLatestSequenceNumber());
  return FromRocks(s, absl::StrCat("graph store ", dir_, ": commit"));
}

absl::StatusOr<uint64_t> StoreImpl::CountKeys(Cf c, const rocksdb::Snapshot* snap) {
  const std::string prefix = FamilyKey(c, "");
  const std::string upper = *keys::PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice = S(upper);
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
  uint64_t n = 0;
  for (it->Seek(S(prefix)); it->Valid() && V(it->key()).starts_with(prefix); it->Next()) ++n;
  if (!it->status().ok()) return FromRocks(it->status(), "graph store: counting");
  return n;
}

absl::StatusOr<Store::Stats> StoreImpl::GetStats() {
  const rocksdb::Snapshot* snap = db_->GetSnapshot();
  Stats st;
  absl::Status status;
  if (absl::StatusOr<uint64_t> n = CountKeys(kNodeCf, snap); n.ok()) {
    st.nodes = *n;
  } else {
    status = n.status();
  }
  if (absl::StatusOr<uint64_t> n = CountKeys(kRelCf, snap); n.ok()) {
    st.relationships = *n;
  } else {
    status.Update(n.status());
  }
  if (absl::StatusOr<uint64_t> n = CountKeys(kArticleCf, snap); n.ok()) {
    st.articles = *n;
  } else {
    status.Update(n.status());
  }
  db_->ReleaseSnapshot(snap);
  if (!status.ok()) return status;
  return st;
}

// ---------------------------------------------------------------------------------------
// TxnImpl: plumbing

TxnImpl::TxnImpl(std::shared_ptr<StoreImpl> store)
    : store_(std::move(store)),
      snapshot_(store_->db()->GetSnapshot()) {
  read_options_.snapshot = snapshot_;
}

TxnImpl::~TxnImpl() { store_->db()->ReleaseSnapshot(snapshot_); }

absl::Status TxnImpl::CheckUsable() const {
  if (done_) return absl::FailedPreconditionError("graph store: transaction already committed");
  return absl::OkStatus();
}

absl::Status TxnImpl::CheckWritable() const {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  if (store_->read_only()) {
    return absl::FailedPreconditionError("graph store: opened read-only; writes are refused");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> TxnImpl::Get(Cf c, std::string_view key) {
  const std::string full = FamilyKey(c, key);
  if (const WriteSet::Entry* own = writes_.Find(full); own != nullptr) return *own;
  std::string value;
  rocksdb::Status s = store_->db()->Get(read_options_, S(full), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, absl::StrCat("graph store: get in ", kCfNames[c]));
  return std::optional<std::string>(std::move(value));
}

absl::Status TxnImpl::Put(Cf c, std::string_view key, std::string_view value) {
  writes_.Put(FamilyKey(c, key), value);
  return absl::OkStatus();
}

absl::Status TxnImpl::Del(Cf c, std::string_view key) {
  writes_.Delete(FamilyKey(c, key));
  return absl::OkStatus();
}

absl::Status TxnImpl::Scan(Cf c, std::string_view logical_prefix, const ScanFn& fn) {
  const std::string prefix = FamilyKey(c, logical_prefix);
  rocksdb::ReadOptions ro = read_options_;
  std::optional<std::string> upper = keys::PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice;
  if (upper.has_value()) {
    upper_slice = S(*upper);
    ro.iterate_upper_bound = &upper_slice;
  }
  std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro));
  // The snapshot's keys and this transaction's writes, merged in key order: an own write
  // hides the snapshot's value of its key (a delete hides the key).
  auto [own, own_end] = writes_.Range(prefix, upper.value_or(""));
  for (it->Seek(S(prefix));;) {
    const bool base = it->Valid() && V(it->key()).starts_with(prefix);
    if (!base && own == own_end) break;
    const int order = !base ? 1 : own == own_end ? -1 : V(it->key()).compare(own->first);
    if (order < 0) {
      std::string_view k = V(it->key());
      k.remove_prefix(prefix.size());
      if (!fn(k, V(it->value()))) break;
      it->Next();
      continue;
    }
    if (order == 0) it->Next();
    const auto& [own_key, own_value] = *own++;
    if (!own_value.has_value()) continue;
    if (!fn(std::string_view(own_key).substr(prefix.size()), *own_value)) break;
  }
  return FromRocks(it->status(), absl::StrCat("graph store: scan of ", kCfNames[c]));
}

absl::Status TxnImpl::Commit() { return CommitWith(/*sync=*/true); }

absl::Status TxnImpl::CommitBuffered() { return CommitWith(/*sync=*/false); }

absl::Status TxnImpl::CommitWith(bool sync) {
  if (absl::Status s = CheckWritable(); !s.ok()) {
    done_ = true;
    return s;
  }
  done_ = true;
  if (writes_.empty()) return absl::OkStatus();
  rocksdb::WriteBatch batch;
  if (rocksdb::Status s = writes_.WriteTo(&batch); !s.ok()) {
    return FromRocks(s, "graph store: preparing commit");
  }
  return store_->Write(&batch, sync);
}

// ---------------------------------------------------------------------------------------
// TxnImpl: reads

absl::StatusOr<std::optional<Node>> TxnImpl::GetNode(NodeId id) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  absl::StatusOr<std::optional<std::string>> v = Get(kNodeCf, keys::Id(id));
  if (!v.ok()) return v.status();
  if (!v->has_value()) return std::optional<Node>();
  absl::StatusOr<Node> n = DecodeNode(id, **v);
  if (!n.ok()) return n.status();
  return std::optional<Node>(*std::move(n));
}

absl::StatusOr<std::vector<std::shared_ptr<const Node>>> TxnImpl::GetNodes(
    const std::vector<NodeId>& ids) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  // Own writes must be seen: a transaction that wrote reads one by one through its batch.
  if (!writes_.empty()) return Txn::GetNodes(ids);
  const uint64_t seq = snapshot_->GetSequenceNumber();
  std::vector<std::shared_ptr<const Node>> out = store_->node_cache().Find(ids, seq);
  std::vector<size_t> missing;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (out[i] == nullptr) missing.push_back(i);
  }
  if (missing.empty()) return out;
  std::vector<std::string> keys;
  keys.reserve(missing.size());
  for (size_t i : missing) keys.push_back(FamilyKey(kNodeCf, keys::Id(ids[i])));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(missing.size());
  std::vector<rocksdb::Status> statuses(missing.size());
  // Keys are the family prefix and the big-endian id: ascending ids are ascending keys, which
  // spares RocksDB its own sort.
  store_->db()->MultiGet(read_options_, store_->db()->DefaultColumnFamily(), missing.size(),
                         slices.data(), values.data(), statuses.data(),
                         /*sorted_input=*/std::is_sorted(ids.begin(), ids.end()));
  std::vector<std::shared_ptr<const Node>> read;
  read.reserve(missing.size());
  for (size_t j = 0; j < missing.size(); ++j) {
    if (statuses[j].IsNotFound()) continue;
    if (!statuses[j].ok()) return FromRocks(statuses[j], "graph store: get in node");
    absl::StatusOr<Node> n = DecodeNode(ids[missing[j]], V(values[j]));
    if (!n.ok()) return n.status();
    out[missing[j]] = std::make_shared<const Node>(*std::move(n));
    read.push_back(out[missing[j]]);
  }
  store_->node_cache().Insert(read, seq);
  return out;
}

absl::StatusOr<std::optional<Relationship>> TxnImpl::GetRel(RelId id) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  absl::StatusOr<std::optional<std::string>> v = Get(kRelCf, keys::Id(id));
  if (!v.ok()) return v.status();
  if (!v->has_value()) return std::optional<Relationship>();
  absl::StatusOr<Relationship> r = DecodeRel(id, **v);
  if (!r.ok()) return r.status();
  return std::optional<Relationship>(*std::move(r));
}

absl::StatusOr<Node> TxnImpl::MustGetNode(NodeId id) {
  absl::StatusOr<std::optional<Node>> n = GetNode(id);
  if (!n.ok()) return n.status();
  if (!n->has_value()) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  return **std::move(n);
}

absl::StatusOr<Relationship> TxnImpl::MustGetRel(RelId id) {
  absl::StatusOr<std::optional<Relationship>> r = GetRel(id);
  if (!r.ok()) return r.status();
  if (!r->has_value()) {
    return absl::NotFoundError(absl::StrCat("relationship ", id, " does not exist"));
  }
  return **std::move(r);
}

// Collects the trailing 8-byte id of every key under a prefix.
absl::Status CollectIds(std::string_view cf_name, std::vector<uint64_t>* out,
                        const std::function<absl::Status(const std::function<bool(
                            std::string_view, std::string_view)>&)>& scan) {
  bool bad = false;
  absl::Status s = scan([&](std::string_view suffix, std::string_view) {
    uint64_t id;
    if (!keys::GetId(&suffix, &id) || !suffix.empty()) {
      bad = true;
      return false;
    }
    out->push_back(id);
    return true;
  });
  if (!s.ok()) return s;
  if (bad) return CorruptKey(cf_name);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<NodeId>> TxnImpl::AllNodes() {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<NodeId> out;
  absl::Status s = CollectIds("node", &out, [&](const ScanFn& fn) { return Scan(kNodeCf, "", fn); });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<NodeId>> TxnImpl::NodesByLabel(std::string_view label) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<NodeId> out;
  std::string prefix = keys::Ordered(label);
  absl::Status s =
      CollectIds("label", &out, [&](const ScanFn& fn) { return Scan(kLabelCf, prefix, fn); });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<NodeId>> TxnImpl::NodesByName(std::string_view name) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<NodeId> out;
  std::string normalized = NormalizeName(name);
  if (normalized.empty()) return out;
  std::string prefix = keys::Ordered(normalized);
  absl::Status s =
      CollectIds("alias", &out, [&](const ScanFn& fn) { return Scan(kAliasCf, prefix, fn); });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<RelId>> TxnImpl::AllRels() {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<RelId> out;
  absl::Status s = CollectIds("rel", &out, [&](const ScanFn& fn) { return Scan(kRelCf, "", fn); });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<RelId>> TxnImpl::RelsByType(std::string_view type) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<RelId> out;
  std::string prefix = keys::Ordered(type);
  absl::Status s =
      CollectIds("rtype", &out, [&](const ScanFn& fn) { return Scan(kRtypeCf, prefix, fn); });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<Edge>> TxnImpl::Expand(NodeId node, Direction dir,
                                                  const std::vector<std::string>& types) {
  std::vector<Edge> out;
  absl::Status s = ForEachEdge(node, dir, types, [&](const Edge& e) {
    out.push_back(e);
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

absl::Status TxnImpl::ForEachEdge(NodeId node, Direction dir,
                                  const std::vector<std::string>& types, const EdgeFn& fn) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<std::string> sorted_types = types;
  SortUnique(&sorted_types);
  const std::string node_key = keys::Id(node);
  bool stopped = false;  // fn returned false.

  // Scans one direction; `typed` says whether the prefix already contains the type.
  auto scan_dir = [&](Cf c, bool outgoing) -> absl::Status {
    bool bad = false;
    Edge edge;
    edge.outgoing = outgoing;
    // `fixed_type`: the type the scanned prefix already holds (nullptr: read it from the key).
    auto visit = [&](const std::string* fixed_type) {
      return [&, fixed_type](std::string_view suffix, std::string_view) {
        if (fixed_type != nullptr) {
          edge.type = *fixed_type;
        } else if (!keys::GetOrdered(&suffix, &edge.type)) {
          bad = true;
          return false;
        }
        if (!keys::GetId(&suffix, &edge.other) || !keys::GetId(&suffix, &edge.rel) ||
            !suffix.empty()) {
          bad = true;
          return false;
        }
        // A self-loop is listed once for kBoth: as outgoing.
        if (!outgoing && dir == Direction::kBoth && edge.other == node) return true;
        if (!fn(edge)) stopped = true;
        return !stopped;
      };
    };
    if (sorted_types.empty()) {
      if (absl::Status s = Scan(c, node_key, visit(nullptr)); !s.ok()) return s;
    } else {
      for (const std::string& t : sorted_types) {
        std::string prefix = node_key;
        keys::PutOrdered(t, &prefix);
        if (absl::Status s = Scan(c, prefix, visit(&t)); !s.ok()) return s;
        if (bad || stopped) break;
      }
    }
    if (bad) return CorruptKey(kCfNames[c]);
    return absl::OkStatus();
  };

  if (dir != Direction::kIn) {
    if (absl::Status s = scan_dir(kOutCf, true); !s.ok()) return s;
  }
  if (dir != Direction::kOut && !stopped) {
    if (absl::Status s = scan_dir(kInCf, false); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<size_t> TxnImpl::Degree(NodeId node) {
  absl::StatusOr<std::vector<Edge>> edges = Expand(node, Direction::kBoth, {});
  if (!edges.ok()) return edges.status();
  return edges->size();
}

absl::StatusOr<std::vector<RelId>> TxnImpl::RelsAt(NodeId node) {
  absl::StatusOr<std::vector<Edge>> edges = Expand(node, Direction::kBoth, {});
  if (!edges.ok()) return edges.status();
  std::vector<RelId> out;
  for (const Edge& e : *edges) out.push_back(e.rel);
  return out;
}

// ---------------------------------------------------------------------------------------
// TxnImpl: node and relationship writes

absl::Status TxnImpl::WriteNode(NodeId id, const Node* old, const Node* neu) {
  const std::string id_key = keys::Id(id);
  std::set<std::string> old_labels, new_labels, old_alias, new_alias;
  if (old != nullptr) {
    old_labels.insert(old->labels.begin(), old->labels.end());
    old_alias = AliasKeys(old->props);
  }
  if (neu != nullptr) {
    new_labels.insert(neu->labels.begin(), neu->labels.end());
    new_alias = AliasKeys(neu->props);
  }
  auto sync_index = [&](Cf c, const std::set<std::string>& before,
                        const std::set<std::string>& after) -> absl::Status {
    for (const std::string& k : before) {
      if (after.count(k) == 0) {
        if (absl::Status s = Del(c, keys::Ordered(k) + id_key); !s.ok()) return s;
      }
    }
    for (const std::string& k : after) {
      if (before.count(k) == 0) {
        if (absl::Status s = Put(c, keys::Ordered(k) + id_key, ""); !s.ok()) return s;
      }
    }
    return absl::OkStatus();
  };
  if (absl::Status s = sync_index(kLabelCf, old_labels, new_labels); !s.ok()) return s;
  if (absl::Status s = sync_index(kAliasCf, old_alias, new_alias); !s.ok()) return s;
  if (neu == nullptr) return Del(kNodeCf, id_key);
  return Put(kNodeCf, id_key, EncodeNode(*neu));
}

absl::StatusOr<NodeId> TxnImpl::CreateNode(std::vector<std::string> labels, ValueMap props) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  Node n;
  n.id = store_->AllocateNodeId();
  n.labels = std::move(labels);
  SortUnique(&n.labels);
  n.props = std::move(props);
  DropNulls(&n.props);
  if (absl::Status s = WriteNode(n.id, nullptr, &n); !s.ok()) return s;
  return n.id;
}

absl::StatusOr<bool> TxnImpl::AddLabel(NodeId id, std::string_view label) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<Node> old = MustGetNode(id);
  if (!old.ok()) return old.status();
  auto pos = std::lower_bound(old->labels.begin(), old->labels.end(), label);
  if (pos != old->labels.end() && *pos == label) return false;
  Node neu = *old;
  neu.labels.insert(neu.labels.begin() + (pos - old->labels.begin()), std::string(label));
  if (absl::Status s = WriteNode(id, &*old, &neu); !s.ok()) return s;
  return true;
}

absl::StatusOr<bool> TxnImpl::RemoveLabel(NodeId id, std::string_view label) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<Node> old = MustGetNode(id);
  if (!old.ok()) return old.status();
  Node neu = *old;
  auto pos = std::find(neu.labels.begin(), neu.labels.end(), label);
  if (pos == neu.labels.end()) return false;
  neu.labels.erase(pos);
  if (absl::Status s = WriteNode(id, &*old, &neu); !s.ok()) return s;
  return true;
}

absl::Status TxnImpl::SetNodeProperty(NodeId id, std::string_view key, const Value& v) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<Node> old = MustGetNode(id);
  if (!old.ok()) return old.status();
  Node neu = *old;
  if (v.is_null()) {
    if (neu.props.erase(std::string(key)) == 0) return absl::OkStatus();
  } else {
    neu.props[std::string(key)] = v;
  }
  return WriteNode(id, &*old, &neu);
}

absl::Status TxnImpl::SetNodeProperties(NodeId id, ValueMap props) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<Node> old = MustGetNode(id);
  if (!old.ok()) return old.status();
  Node neu = *old;
  neu.props = std::move(props);
  DropNulls(&neu.props);
  return WriteNode(id, &*old, &neu);
}

absl::Status TxnImpl::DeleteNode(NodeId id, bool detach) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<std::optional<Node>> old = GetNode(id);
  if (!old.ok()) return old.status();
  if (!old->has_value()) return absl::OkStatus();
  absl::StatusOr<std::vector<RelId>> rels = RelsAt(id);
  if (!rels.ok()) return rels.status();
  if (!rels->empty() && !detach) {
    return absl::FailedPreconditionError(absl::StrCat(
        "node ", id, " still has ", rels->size(), " relationship(s); delete them first"));
  }
  for (RelId r : *rels) {
    if (absl::Status s = DeleteRel(r); !s.ok()) return s;
  }
  // An entity node loses its key mapping with it.
  absl::StatusOr<std::optional<std::string>> key = Get(kNodeKeyCf, keys::Id(id));
  if (!key.ok()) return key.status();
  if (key->has_value()) {
    if (absl::Status s = Del(kNodeKeyCf, keys::Id(id)); !s.ok()) return s;
    absl::StatusOr<std::optional<std::string>> mapped = Get(kEntityCf, **key);
    if (!mapped.ok()) return mapped.status();
    if (mapped->has_value() && **mapped == keys::Id(id)) {
      if (absl::Status s = Del(kEntityCf, **key); !s.ok()) return s;
    }
  }
  if (absl::Status s = Del(kManualCf, ManualNodeKey(id)); !s.ok()) return s;
  return WriteNode(id, &**old, nullptr);
}

absl::StatusOr<RelId> TxnImpl::CreateRel(std::string_view type, NodeId start, NodeId end,
                                         ValueMap props) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  if (type.empty()) return absl::InvalidArgumentError("relationship type must not be empty");
  for (NodeId n : {start, end}) {
    absl::StatusOr<std::optional<std::string>> v = Get(kNodeCf, keys::Id(n));
    if (!v.ok()) return v.status();
    if (!v->has_value()) return absl::NotFoundError(absl::StrCat("node ", n, " does not exist"));
  }
  return PutRel(type, start, end, std::move(props));
}

absl::StatusOr<RelId> TxnImpl::PutRel(std::string_view type, NodeId start, NodeId end,
                                      ValueMap props) {
  Relationship r;
  r.id = store_->AllocateRelId();
  r.type = std::string(type);
  r.start = start;
  r.end = end;
  r.props = std::move(props);
  DropNulls(&r.props);
  const std::string rel_key = keys::Id(r.id);
  const std::string type_key = keys::Ordered(r.type);
  absl::Status s = Put(kRelCf, rel_key, EncodeRel(r));
  if (s.ok()) s = Put(kOutCf, keys::Id(start) + type_key + keys::Id(end) + rel_key, "");
  if (s.ok()) s = Put(kInCf, keys::Id(end) + type_key + keys::Id(start) + rel_key, "");
  if (s.ok()) s = Put(kRtypeCf, type_key + rel_key, "");
  if (!s.ok()) return s;
  return r.id;
}

absl::Status TxnImpl::SetRelProperty(RelId id, std::string_view key, const Value& v) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<Relationship> r = MustGetRel(id);
  if (!r.ok()) return r.status();
  if (v.is_null()) {
    if (r->props.erase(std::string(key)) == 0) return absl::OkStatus();
  } else {
    r->props[std::string(key)] = v;
  }
  return Put(kRelCf, keys::Id(id), EncodeRel(*r));
}

absl::Status TxnImpl::SetRelProperties(RelId id, ValueMap props) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<Relationship> r = MustGetRel(id);
  if (!r.ok()) return r.status();
  r->props = std::move(props);
  DropNulls(&r->props);
  return Put(kRelCf, keys::Id(id), EncodeRel(*r));
}

absl::Status TxnImpl::DeleteRelIndexed(const Relationship& r) {
  const std::string rel_key = keys::Id(r.id);
  const std::string type_key = keys::Ordered(r.type);
  absl::Status s = Del(kRelCf, rel_key);
  if (s.ok()) s = Del(kOutCf, keys::Id(r.start) + type_key + keys::Id(r.end) + rel_key);
  if (s.ok()) s = Del(kInCf, keys::Id(r.end) + type_key + keys::Id(r.start) + rel_key);
  if (s.ok()) s = Del(kRtypeCf, type_key + rel_key);
  if (s.ok()) s = Del(kManualCf, ManualRelKey(r.id));
  return s;
}

absl::Status TxnImpl::DeleteRel(RelId id) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<std::optional<Relationship>> r = GetRel(id);
  if (!r.ok()) return r.status();
  if (!r->has_value()) return absl::OkStatus();
  return DeleteRelIndexed(**r);
}

absl::Status TxnImpl::MarkManualNode(NodeId id) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<std::optional<std::string>> v = Get(kNodeCf, keys::Id(id));
  if (!v.ok()) return v.status();
  if (!v->has_value()) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  return Put(kManualCf, ManualNodeKey(id), "");
}

absl::Status TxnImpl::MarkManualRel(RelId id) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<std::optional<std::string>> v = Get(kRelCf, keys::Id(id));
  if (!v.ok()) return v.status();
  if (!v->has_value()) {
    return absl::NotFoundError(absl::StrCat("relationship ", id, " does not exist"));
  }
  return Put(kManualCf, ManualRelKey(id), "");
}

absl::StatusOr<bool> TxnImpl::IsManualNode(NodeId id) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  absl::StatusOr<std::optional<std::string>> v = Get(kManualCf, ManualNodeKey(id));
  if (!v.ok()) return v.status();
  return v->has_value();
}

absl::StatusOr<bool> TxnImpl::IsManualRel(RelId id) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  absl::StatusOr<std::optional<std::string>> v = Get(kManualCf, ManualRelKey(id));
  if (!v.ok()) return v.status();
  return v->has_value();
}

// ---------------------------------------------------------------------------------------
// TxnImpl: articles and entities

absl::StatusOr<std::optional<NodeId>> TxnImpl::NodeByKey(std::string_view entity_key) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  absl::StatusOr<std::optional<std::string>> v = Get(kEntityCf, entity_key);
  if (!v.ok()) return v.status();
  if (!v->has_value()) return std::optional<NodeId>();
  std::string_view in = **v;
  NodeId id;
  if (!keys::GetId(&in, &id) || !in.empty()) return CorruptKey("entity");
  return std::optional<NodeId>(id);
}

absl::StatusOr<std::optional<std::string>> TxnImpl::KeyOfNode(NodeId id) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  return Get(kNodeKeyCf, keys::Id(id));
}

absl::StatusOr<std::optional<ArticleIndex>> TxnImpl::LoadArticleIndex(
    std::string_view article_id) {
  absl::StatusOr<std::optional<std::string>> v = Get(kArticleCf, article_id);
  if (!v.ok()) return v.status();
  if (!v->has_value()) return std::optional<ArticleIndex>();
  absl::StatusOr<ArticleIndex> idx = DecodeArticleIndex(**v);
  if (!idx.ok()) return idx.status();
  return std::optional<ArticleIndex>(*std::move(idx));
}

absl::StatusOr<std::optional<NodeId>> TxnImpl::ArticleNode(std::string_view article_id) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  absl::StatusOr<std::optional<ArticleIndex>> idx = LoadArticleIndex(article_id);
  if (!idx.ok()) return idx.status();
  if (!idx->has_value()) return std::optional<NodeId>();
  return std::optional<NodeId>((*idx)->node);
}

absl::StatusOr<std::optional<ValueMap>> TxnImpl::GetArticleMeta(std::string_view article_id) {
  absl::StatusOr<std::optional<NodeId>> id = ArticleNode(article_id);
  if (!id.ok()) return id.status();
  if (!id->has_value()) return std::optional<ValueMap>();
  absl::StatusOr<std::optional<Node>> n = GetNode(**id);
  if (!n.ok()) return n.status();
  if (!n->has_value()) return std::optional<ValueMap>();
  return std::optional<ValueMap>(std::move((*n)->props));
}

absl::StatusOr<std::vector<std::string>> TxnImpl::CitingArticles(std::string_view cited_id) {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<std::string> out;
  absl::Status s = Scan(kCitesCf, keys::Ordered(cited_id), [&](std::string_view k, std::string_view) {
    std::string citing;
    if (keys::GetOrdered(&k, &citing)) out.push_back(std::move(citing));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<std::string>> TxnImpl::ArticleIds() {
  if (absl::Status s = CheckUsable(); !s.ok()) return s;
  std::vector<std::string> out;
  absl::Status s = Scan(kArticleCf, "", [&](std::string_view k, std::string_view) {
    out.emplace_back(k);
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<std::string>> TxnImpl::CountAliases(
    const std::string& entity_key, const std::vector<std::string>& aliases, int delta) {
  std::vector<std::string> zeroed;
  const std::string key_part = keys::Ordered(entity_key);
  for (const std::string& alias : aliases) {
    const std::string k = key_part + keys::Ordered(alias);
    absl::StatusOr<std::optional<std::string>> v = Get(kAliasRefCf, k);
    if (!v.ok()) return v.status();
    uint64_t count = 0;
    if (v->has_value()) {
      std::string_view in = **v;
      if (!keys::GetId(&in, &count) || !in.empty()) return CorruptKey("aliasref");
    }
    if (delta < 0 && count <= static_cast<uint64_t>(-delta)) {
      if (absl::Status s = Del(kAliasRefCf, k); !s.ok()) return s;
      zeroed.push_back(alias);
      continue;
    }
    count += delta;
    if (absl::Status s = Put(kAliasRefCf, k, keys::Id(count)); !s.ok()) return s;
  }
  return zeroed;
}

absl::Status TxnImpl::WithdrawAliases(NodeId id, const std::vector<std::string>& aliases) {
  if (aliases.empty()) return absl::OkStatus();
  absl::StatusOr<std::optional<Node>> n = GetNode(id);
  if (!n.ok()) return n.status();
  if (!n->has_value()) return absl::OkStatus();
  const Node& old = **n;
  auto it = old.props.find("aliases");
  if (it == old.props.end() || !it->second.is_list()) return absl::OkStatus();
  ValueList kept;
  for (const Value& a : it->second.as_list()) {
    if (a.is_string() && std::binary_search(aliases.begin(), aliases.end(), a.as_string())) {
      continue;
    }
    kept.push_back(a);
  }
  if (kept.size() == it->second.as_list().size()) return absl::OkStatus();
  Node neu = old;
  if (kept.empty()) {
    neu.props.erase("aliases");
  } else {
    neu.props["aliases"] = Value(std::move(kept));
  }
  return WriteNode(id, &old, &neu);
}

absl::Status TxnImpl::RemoveArticleData(std::string_view article_id, const ArticleIndex& idx,
                                        const std::set<std::string>& keep_keys,
                                        bool replacing, std::vector<RelId>* kept) {
  for (RelId r : idx.rels) {
    // A claim an analyst corrected is manual: it stays (graph/README.md, "Manual facts").
    absl::StatusOr<bool> manual = IsManualRel(r);
    if (!manual.ok()) return manual.status();
    if (*manual) {
      if (kept != nullptr) kept->push_back(r);
      continue;
    }
    if (absl::Status s = DeleteRel(r); !s.ok()) return s;
  }
  const std::string article_part = keys::Ordered(article_id);
  if (absl::StatusOr<std::optional<Node>> a = GetNode(idx.node); !a.ok()) {
    return a.status();
  } else if (a->has_value() && !ArticleCites((*a)->props).empty()) {
    if (absl::Status s = Del(kCitesCf, keys::Ordered(ArticleCites((*a)->props)) + article_part);
        !s.ok()) {
      return s;
    }
  }
  if (!replacing) {
    if (absl::Status s = DeleteNode(idx.node, /*detach=*/true); !s.ok()) return s;
  }
  for (const std::string& key : idx.entities) {
    const std::string key_part = keys::Ordered(key);
    // Withdraw what this article contributed to the entity's aliases.
    absl::StatusOr<std::optional<std::string>> ref = Get(kEntRefCf, key_part + article_part);
    if (!ref.ok()) return ref.status();
    std::vector<std::string> zeroed;
    if (ref->has_value()) {
      absl::StatusOr<std::vector<std::string>> contributed = DecodeStringList(**ref);
      if (!contributed.ok()) return contributed.status();
      absl::StatusOr<std::vector<std::string>> z = CountAliases(key, *contributed, -1);
      if (!z.ok()) return z.status();
      zeroed = *std::move(z);
    }
    if (absl::Status s = Del(kEntRefCf, key_part + article_part); !s.ok()) return s;
    absl::StatusOr<std::optional<NodeId>> node = NodeByKey(key);
    if (!node.ok()) return node.status();
    if (!node->has_value()) continue;
    if (absl::Status s = WithdrawAliases(**node, zeroed); !s.ok()) return s;
    if (keep_keys.count(key) > 0) continue;
    bool used = false;
    absl::Status s = Scan(kEntRefCf, key_part, [&](std::string_view, std::string_view) {
      used = true;
      return false;
    });
    if (!s.ok()) return s;
    if (used) continue;
    absl::StatusOr<std::optional<Node>> n = GetNode(**node);
    if (!n.ok()) return n.status();
    if (!n->has_value()) {  // Stale mapping (node deleted by hand): drop it.
      if (s = Del(kEntityCf, key); !s.ok()) return s;
      continue;
    }
    absl::StatusOr<size_t> degree = Degree(**node);
    if (!degree.ok()) return degree.status();
    if (*degree > 0) continue;  // Hand-made relationships keep the entity alive.
    absl::StatusOr<bool> manual = IsManualNode(**node);
    if (!manual.ok()) return manual.status();
    if (*manual) continue;  // So does an analyst's edit of the entity.
    if (s = DeleteNode(**node, /*detach=*/false); !s.ok()) return s;
  }
  return Del(kArticleCf, article_id);
}

absl::StatusOr<NodeId> TxnImpl::EnsureEntity(const EntityRecord& e) {
  absl::StatusOr<std::optional<NodeId>> found = NodeByKey(e.key);
  if (!found.ok()) return found.status();
  std::optional<Node> existing;
  if (found->has_value()) {
    absl::StatusOr<std::optional<Node>> n = GetNode(**found);
    if (!n.ok()) return n.status();
    existing = *std::move(n);
  }
  if (existing.has_value()) {
    Node neu = *existing;
    if (!e.label.empty()) {
      neu.labels.push_back(e.label);
      SortUnique(&neu.labels);
    }
    std::vector<std::string> aliases;
    if (auto it = neu.props.find("aliases"); it != neu.props.end() && it->second.is_list()) {
      for (const Value& a : it->second.as_list()) {
        if (a.is_string()) aliases.push_back(a.as_string());
      }
    }
    aliases.insert(aliases.end(), e.aliases.begin(), e.aliases.end());
    auto name = neu.props.find("name");
    if (name == neu.props.end() || !name->second.is_string()) {
      if (!e.name.empty()) neu.props["name"] = Value(e.name);
    } else if (!e.name.empty() && name->second.as_string() != e.name) {
      aliases.push_back(e.name);
    }
    SortUnique(&aliases);
    if (!aliases.empty()) {
      neu.props["aliases"] = Value(ValueList(aliases.begin(), aliases.end()));
    }
    if (neu.labels != existing->labels || neu.props != existing->props) {
      if (absl::Status s = WriteNode(neu.id, &*existing, &neu); !s.ok()) return s;
    }
    return neu.id;
  }
  ValueMap props;
  if (!e.name.empty()) props["name"] = Value(e.name);
  std::vector<std::string> aliases = e.aliases;
  SortUnique(&aliases);
  if (!aliases.empty()) props["aliases"] = Value(ValueList(aliases.begin(), aliases.end()));
  std::vector<std::string> labels;
  if (!e.label.empty()) labels.push_back(e.label);
  absl::StatusOr<NodeId> id = CreateNode(std::move(labels), std::move(props));
  if (!id.ok()) return id.status();
  absl::Status s = Put(kEntityCf, e.key, keys::Id(*id));
  if (s.ok()) s = Put(kNodeKeyCf, keys::Id(*id), e.key);
  if (!s.ok()) return s;
  return *id;
}

absl::StatusOr<ReplaceOutcome> TxnImpl::ReplaceArticleInner(
    const ArticleRecord& rec, const std::optional<ArticleIndex>& old,
    const std::map<std::string, EntityRecord>& entities) {
  std::set<std::string> keys_used;
  for (const auto& [key, e] : entities) keys_used.insert(key);
  // Corrected claims of the old version, by claim id: the new version's claim with the same id
  // and ends is the same extraction, and the correction stands in for it.
  std::map<std::string, Relationship> corrected;
  if (old.has_value()) {
    std::vector<RelId> kept;
    if (absl::Status s = RemoveArticleData(rec.id, *old, keys_used, /*replacing=*/true, &kept);
        !s.ok()) {
      return s;
    }
    for (RelId id : kept) {
      absl::StatusOr<std::optional<Relationship>> r = GetRel(id);
      if (!r.ok()) return r.status();
      if (!r->has_value()) continue;
      auto claim_id = (*r)->props.find("id");
      if (claim_id == (*r)->props.end() || !claim_id->second.is_string()) continue;
      corrected.emplace(claim_id->second.as_string(), **std::move(r));
    }
  }
  ArticleIndex idx;
  idx.hash = rec.content_hash;
  // A new version reuses the old Article node (relationships an analyst attached to it stay);
  // its labels and properties become the new version's.
  std::optional<Node> old_node;
  if (old.has_value()) {
    absl::StatusOr<std::optional<Node>> n = GetNode(old->node);
    if (!n.ok()) return n.status();
    old_node = *std::move(n);
  }
  if (old_node.has_value()) {
    Node neu;
    neu.id = old_node->id;
    neu.labels = {std::string(kArticleLabel)};
    neu.props = rec.props;
    DropNulls(&neu.props);
    if (absl::Status s = WriteNode(neu.id, &*old_node, &neu); !s.ok()) return s;
    idx.node = neu.id;
  } else {
    absl::StatusOr<NodeId> article = CreateNode({std::string(kArticleLabel)}, rec.props);
    if (!article.ok()) return article.status();
    idx.node = *article;
  }
  if (const std::string_view cites = ArticleCites(rec.props); !cites.empty()) {
    if (absl::Status s = Put(kCitesCf, keys::Ordered(cites) + keys::Ordered(rec.id), ""); !s.ok()) {
      return s;
    }
  }

  std::map<std::string, NodeId> node_of;
  const std::string article_part = keys::Ordered(rec.id);
  for (const auto& [key, e] : entities) {
    absl::StatusOr<NodeId> id = EnsureEntity(e);
    if (!id.ok()) return id.status();
    node_of[key] = *id;
    const std::vector<std::string> contributed = Contributions(e);
    if (absl::Status s = Put(kEntRefCf, keys::Ordered(key) + article_part,
                             EncodeStringList(contributed));
        !s.ok()) {
      return s;
    }
    if (absl::StatusOr<std::vector<std::string>> z = CountAliases(key, contributed, +1); !z.ok()) {
      return z.status();
    }
    idx.entities.push_back(key);
  }
  std::set<std::string> mentioned;
  for (const std::string& key : rec.mentions) {
    if (!mentioned.insert(key).second) continue;
    absl::StatusOr<RelId> r = PutRel(kMentionsType, idx.node, node_of.at(key), {});
    if (!r.ok()) return r.status();
    idx.rels.push_back(*r);
  }
  for (const ClaimRecord& c : rec.claims) {
    NodeId end = node_of.at(c.object_key.has_value() ? *c.object_key
                                                     : std::string(kUnknownEntityKey));
    const NodeId start = node_of.at(c.subject_key);
    if (auto claim_id = c.props.find("id");
        claim_id != c.props.end() && claim_id->second.is_string()) {
      auto hit = corrected.find(claim_id->second.as_string());
      if (hit != corrected.end() && hit->second.type == c.type && hit->second.start == start &&
          hit->second.end == end) {
        idx.rels.push_back(hit->second.id);
        corrected.erase(hit);
        continue;
      }
    }
    absl::StatusOr<RelId> r = PutRel(c.type, start, end, c.props);
    if (!r.ok()) return r.status();
    idx.rels.push_back(*r);
  }
  if (absl::Status s = Put(kArticleCf, rec.id, EncodeArticleIndex(idx)); !s.ok()) return s;
  return old.has_value() ? ReplaceOutcome::kReplaced : ReplaceOutcome::kInserted;
}

absl::StatusOr<ReplaceOutcome> TxnImpl::ReplaceArticle(const ArticleRecord& rec) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  if (rec.id.empty()) return absl::InvalidArgumentError("article id must not be empty");
  absl::StatusOr<std::optional<ArticleIndex>> old = LoadArticleIndex(rec.id);
  if (!old.ok()) return old.status();
  if (old->has_value() && (*old)->hash == rec.content_hash) {
    absl::StatusOr<std::optional<std::string>> node = Get(kNodeCf, keys::Id((*old)->node));
    if (!node.ok()) return node.status();
    if (node->has_value()) return ReplaceOutcome::kUnchanged;
  }

  // Validate and merge the entity records before writing anything.
  std::map<std::string, EntityRecord> entities;
  for (const EntityRecord& e : rec.entities) {
    if (e.key.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("article ", rec.id, ": entity with an empty key"));
    }
    auto [it, inserted] = entities.emplace(e.key, e);
    if (!inserted) {
      it->second.aliases.insert(it->second.aliases.end(), e.aliases.begin(), e.aliases.end());
    }
  }
  auto check = [&](const std::string& key, std::string_view what) -> absl::Status {
    if (entities.count(key) > 0) return absl::OkStatus();
    return absl::InvalidArgumentError(
        absl::StrCat("article ", rec.id, ": ", std::string(what), " '", key,
                     "' is not among its entities"));
  };
  for (const std::string& m : rec.mentions) {
    if (absl::Status s = check(m, "mention"); !s.ok()) return s;
  }
  bool needs_unknown = false;
  for (const ClaimRecord& c : rec.claims) {
    if (c.type.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("article ", rec.id, ": claim without type"));
    }
    if (absl::Status s = check(c.subject_key, "claim subject"); !s.ok()) return s;
    if (c.object_key.has_value()) {
      if (absl::Status s = check(*c.object_key, "claim object"); !s.ok()) return s;
    } else {
      needs_unknown = true;
    }
  }
  if (needs_unknown) {
    EntityRecord unknown;
    unknown.key = std::string(kUnknownEntityKey);
    unknown.label = std::string(kUnknownLabel);
    unknown.name = std::string(kUnknownName);
    entities.emplace(unknown.key, std::move(unknown));
  }

  writes_.SetSavePoint();
  absl::StatusOr<ReplaceOutcome> outcome = ReplaceArticleInner(rec, *old, entities);
  if (!outcome.ok()) {
    writes_.RollbackToSavePoint();
    return outcome.status();
  }
  writes_.PopSavePoint();
  return outcome;
}

absl::StatusOr<bool> TxnImpl::RemoveArticle(std::string_view article_id) {
  if (absl::Status s = CheckWritable(); !s.ok()) return s;
  absl::StatusOr<std::optional<ArticleIndex>> idx = LoadArticleIndex(article_id);
  if (!idx.ok()) return idx.status();
  if (!idx->has_value()) return false;
  writes_.SetSavePoint();
  absl::Status s = RemoveArticleData(article_id, **idx, {}, /*replacing=*/false, nullptr);
  if (!s.ok()) {
    writes_.RollbackToSavePoint();
    return s;
  }
  writes_.PopSavePoint();
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Store::Open

uint64_t DatabaseBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    std::error_code size_ec;
    if (e.is_regular_file(size_ec)) total += e.file_size(size_ec);
  }
  return total;
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& dir,
                                                   const StoreOptions& options) {
  if (dir.empty()) return absl::InvalidArgumentError("graph store: empty directory name");
  std::error_code ec;
  bool exists = std::filesystem::exists(std::filesystem::path(dir) / "CURRENT", ec);
  if (!exists) {
    if (options.read_only || !options.create_if_missing) {
      return absl::NotFoundError(
          absl::StrCat("graph store ", dir, ": no database there (missing CURRENT)"));
    }
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      return absl::FailedPreconditionError(
          absl::StrCat("graph store ", dir, ": cannot create directory: ", ec.message()));
    }
  }

  rocksdb::Options db_options;
  db_options.create_if_missing = options.create_if_missing && !options.read_only;
  db_options.keep_log_file_num = 2;
  db_options.info_log_level = rocksdb::WARN_LEVEL;
  // Open latency matters (the CLI opens per command): RocksDB would otherwise start 16
  // table-opening threads per column family and flush recovered WALs into new SST files.
  db_options.max_file_opening_threads = 1;
  db_options.avoid_flush_during_recovery = true;
  db_options.skip_stats_update_on_db_open = true;
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  rocksdb::Options all(rocksdb::DBOptions(db_options), cf_options);
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = options.read_only ? rocksdb::DB::OpenForReadOnly(all, dir, &db)
                                        : rocksdb::DB::Open(all, dir, &db);
  if (!s.ok()) {
    std::string msg = s.ToString();
    if (s.IsIOError() && (absl::StrContains(msg, "lock") || absl::StrContains(msg, "LOCK"))) {
      return absl::FailedPreconditionError(absl::StrCat(
          "graph store ", dir,
          ": database is in use (locked by another read-write opener, in this or another "
          "process); wait for it to finish or open it read-only (",
          msg, ")"));
    }
    return FromRocks(s, absl::StrCat("graph store ", dir, ": open"));
  }
  auto store = std::make_shared<StoreImpl>(dir, options, db);
  if (absl::Status init = store->Init(); !init.ok()) return init;
  return std::unique_ptr<Store>(std::make_unique<StoreHandle>(std::move(store)));
}

}  // namespace kg
