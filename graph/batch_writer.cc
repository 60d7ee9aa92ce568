#include "graph/batch_writer.h"

#include <utility>

namespace kg {
namespace {

// A rough size of what storing the record writes: its strings, counted once per copy the
// store keeps (claims' properties live in one relationship value each).
size_t ApproximateBytes(const Value& v) {
  if (v.is_string()) return v.as_string().size() + 2;
  size_t n = 9;
  if (v.is_list()) {
    for (const Value& e : v.as_list()) n += ApproximateBytes(e);
  } else if (v.is_map()) {
    for (const auto& [k, e] : v.as_map()) n += k.size() + ApproximateBytes(e);
  }
  return n;
}

size_t ApproximateBytes(const ArticleRecord& r) {
  size_t n = r.id.size() + r.content_hash.size() + 64;
  for (const auto& [k, v] : r.props) n += k.size() + ApproximateBytes(v);
  for (const ClaimRecord& c : r.claims) {
    n += c.type.size() + c.subject_key.size() + 128;  // Key rows in out/in/rtype.
    for (const auto& [k, v] : c.props) n += k.size() + ApproximateBytes(v);
  }
  for (const EntityRecord& e : r.entities) {
    n += 2 * e.key.size() + e.name.size() + 64;
    for (const std::string& a : e.aliases) n += a.size() + e.key.size() + 16;
  }
  return n + 96 * r.mentions.size();
}

}  // namespace

BatchWriter::BatchWriter(Store& store, Callback callback, BatchWriterOptions options)
    : store_(store), callback_(std::move(callback)), options_(options) {}

BatchWriter::~BatchWriter() { Flush().IgnoreError(); }

absl::Status BatchWriter::Add(std::string tag, ArticleRecord record) {
  if (pending_.empty()) {
    started_ = std::chrono::steady_clock::now();
    bytes_ = 0;
  }
  std::unique_ptr<Txn> txn = store_.Begin();
  absl::StatusOr<ReplaceOutcome> outcome = txn->ReplaceArticle(record);
  if (outcome.ok()) {
    if (absl::Status s = txn->CommitBuffered(); !s.ok()) outcome = s;
  }
  bytes_ += ApproximateBytes(record);
  pending_.push_back(Pending{std::move(tag), std::move(record), std::move(outcome)});
  if (pending_.size() >= options_.max_articles || bytes_ >= options_.max_bytes ||
      std::chrono::steady_clock::now() - started_ >= options_.max_delay) {
    return Flush();
  }
  return absl::OkStatus();
}

absl::Status BatchWriter::Flush() {
  if (pending_.empty()) return absl::OkStatus();
  const absl::Status sync = store_.SyncWal();
  ++commits_;
  std::vector<Pending> done = std::move(pending_);
  pending_.clear();
  for (Pending& p : done) {
    if (!sync.ok() && p.outcome.ok()) p.outcome = sync;
    callback_(p.tag, p.record, p.outcome);
  }
  return sync;
}

}  // namespace kg
