// BatchWriter: stores many articles with one fsync per batch (group commit).
//
// Each Add() applies one article with Txn::ReplaceArticle in a transaction of its own and
// commits it at once without waiting for the disk (Txn::CommitBuffered): all or nothing per
// article, a failing article is discarded and reported, the batch goes on. The batch is made
// durable with one Store::SyncWal() when it holds `max_articles` articles or `max_bytes` of
// writes, when `max_delay` has passed since it was started, or on Flush(). A crash of the
// process loses nothing committed; a crash of the machine at most the unsynced batch, and
// never part of an article. Outcomes are reported through the callback after the sync that
// made them durable (or failed), in Add() order.
//
// Not thread-safe: one writer thread owns a BatchWriter. Readers may run concurrently on the
// same Store; they see whole articles.
#ifndef KG_GRAPH_BATCH_WRITER_H_
#define KG_GRAPH_BATCH_WRITER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/store.h"

namespace kg {

struct BatchWriterOptions {
  size_t max_articles = 256;                      // Default: 256.
  size_t max_bytes = 16 << 20;                    // Default: 16 MiB of batch data.
  std::chrono::milliseconds max_delay{1000};      // Default: 1 s.
};

class BatchWriter {
 public:
  // outcome: the ReplaceArticle outcome once committed, or the error (of the article, or of
  // the commit of its batch). `tag` is what Add() was given (e.g. the file name).
  using Callback = std::function<void(const std::string& tag, const ArticleRecord& record,
                                      const absl::StatusOr<ReplaceOutcome>& outcome)>;

  BatchWriter(Store& store, Callback callback, BatchWriterOptions options = {});
  ~BatchWriter();  // Flushes; a failing final commit is reported through the callback.
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Stores the article and adds it to the open batch; may sync the batch. Returns the sync's
  // error if it failed (the affected articles are also reported through the callback).
  absl::Status Add(std::string tag, ArticleRecord record);
  // Syncs the open batch (if any) and reports its articles.
  absl::Status Flush();

  size_t commits() const { return commits_; }

 private:
  struct Pending {
    std::string tag;
    ArticleRecord record;
    absl::StatusOr<ReplaceOutcome> outcome;
  };
  Store& store_;
  const Callback callback_;
  const BatchWriterOptions options_;
  std::vector<Pending> pending_;
  std::chrono::steady_clock::time_point started_;
  size_t bytes_ = 0;  // Approximate size of the open batch.
  size_t commits_ = 0;
};

}  // namespace kg

#endif  // KG_GRAPH_BATCH_WRITER_H_
