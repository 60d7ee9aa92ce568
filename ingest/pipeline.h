// pipeline: the streaming, parallel front half of `kg ingest` and `kg extract`.
//
//   paths -> files (walked once, sizes summed for progress) -> Documents (one file read at a
//   time, by a reader thread) -> ArticleRecords (Extractor::Extract on worker threads) ->
//   the caller's sink, on the calling thread, in input order.
//
// A path "-" reads JSONL articles from standard input (in runs of 256 lines).
// Input order is the order ReadPaths() reads (a file's problems, then its documents), so the
// result does not depend on the number of threads. Memory is bounded: at most
// `max_in_flight` documents are read but not yet delivered, plus the one file being read
// (itself bounded by ReadOptions::max_file_bytes), whatever the number of files.
#ifndef KG_INGEST_PIPELINE_H_
#define KG_INGEST_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/store.h"
#include "ingest/document.h"
#include "ingest/extract.h"
#include "ingest/read.h"

namespace kg::ingest {

struct PipelineOptions {
  int threads = 0;           // Extraction threads. Default: 0 = one per core.
  size_t max_in_flight = 0;  // Documents read but not yet delivered. Default: 0 = 64 per thread.
  ReadOptions read;
};

struct PipelineProgress {
  size_t files_done = 0, files_total = 0;  // Files whose every document was delivered.
  uint64_t bytes_done = 0, bytes_total = 0;
  size_t articles = 0;  // Documents delivered.
};

// Receives the pipeline's output, on the thread that called RunPipeline, in input order.
class PipelineSink {
 public:
  virtual ~PipelineSink() = default;
  virtual void OnProblem(const Problem& problem) = 0;
  virtual void OnArticle(const Document& doc, ArticleRecord record) = 0;
  // After every delivery; cheap to ignore.
  virtual void OnProgress(const PipelineProgress& progress) {}
};

// Runs the pipeline to the end. The extractor is shared by the worker threads (Extract is
// const and thread-safe).
void RunPipeline(const std::vector<std::string>& paths, const Extractor& extractor,
                 const PipelineOptions& options, PipelineSink& sink);

}  // namespace kg::ingest

#endif  // KG_INGEST_PIPELINE_H_
