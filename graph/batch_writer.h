// BatchWriter: stores many ArticleRecords through one Txn per batch (group commit).
//
// Each Add() applies one article with Txn::ReplaceArticle (all or nothing per article: a
// failing article is rolled back to its save point and reported, the batch goes on). The
// batch is committed in one atomic, synced write when it holds `max_articles` articles or
// `max_bytes` of writes, when `max_delay` has passed since it was started, or on Flush().
// So an article is durable once its batch is committed: a crash loses at most the open batch,
// and never part of an article. Outcomes are reported through the callback after the commit
// that made them durable (or failed), in Add() order.
//
// Not thread-safe: one writer thread owns a BatchWriter. Readers may run concurrently on the
// same Store; they see whole committed batches.
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

  // Applies the article to the open batch; may commit the batch. Returns the commit's error
  // if a commit failed (the affected articles are also reported through the callback).
  absl::Status Add(std::string tag, ArticleRecord record);
  // Commits the open batch (if any).
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
  std::unique_ptr<Txn> txn_;
  std::vector<Pending> pending_;
  std::chrono::steady_clock::time_point started_;
  size_t bytes_ = 0;  // Approximate size of the open batch.
  size_t commits_ = 0;
};

}  // namespace kg

#endif  // KG_GRAPH_BATCH_WRITER_H_
