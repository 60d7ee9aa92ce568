// read: files and folders -> Documents (SPEC §1).
//
// .txt/.md: one Document per file; .jsonl: one per line; .json: one object or an array of
// objects. `*.gold.json` files are skipped silently; other extensions are reported and
// skipped. Bad input (invalid UTF-8, binary content, empty file, file over the size limit,
// malformed JSON line, missing required field) produces a Problem naming the file (and
// line) and never stops the rest of the batch.
#ifndef KG_INGEST_READ_H_
#define KG_INGEST_READ_H_

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/document.h"

namespace kg::ingest {

struct Problem {
  std::string origin;   // "path" or "path:line".
  std::string message;  // What is wrong, e.g. "invalid UTF-8 at byte 17".
};

struct ReadOptions {
  size_t max_file_bytes = 64 << 20;  // Default: 64 MiB.
};

struct ReadResult {
  std::vector<Document> documents;  // In path order (folders walked in sorted order).
  std::vector<Problem> problems;
  std::vector<std::string> skipped;  // Files skipped silently (gold files).
};

// Reads every path (files, folders recursively).
ReadResult ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options = {});

// Parses one text article (exposed for tests). `id` is the article id.
Document ParseTextArticle(std::string id, std::string text);

}  // namespace kg::ingest

#endif  // KG_INGEST_READ_H_
