// read: files and folders -> Documents (SPEC §1).
//
// .txt/.md: one Document per file; .jsonl: one per line; .json: one object or an array of
// objects. `*.gold.json` files are skipped silently; other extensions are reported and
// skipped. Bad input (invalid UTF-8, binary content, empty file, file over the size limit,
// malformed JSON line, missing required field) produces a Problem naming the file (and
// line) and never stops the rest of the batch.
//
// Details:
// - Problem::origin is the path, "path:LINE" (1-based) for a .jsonl line, "path[I]" (0-based)
//   for an element of a .json array. A bad .jsonl line skips that line only.
// - JSON objects: `id`, `title` strings and `text` string (or `paragraphs`, a list of strings,
//   which wins over `text`: the text is then the paragraphs joined with "\n\n", numbered from
//   1) are required. Optional `url`, `published`, `source`, `cites` must be strings; another
//   type is reported as a Problem and the field ignored, the article is still read. A `text`
//   with numbered paragraphs is detected as a report as for text files.
// - Folders are walked recursively in sorted path order; hidden entries (".name") and a
//   folder's README files (README, README.md, readme.txt: documentation, not articles) are
//   not read and are listed in ReadResult::skipped, as are gold files. A README named as a
//   path itself is read. Symlinked folders are not followed.
// Never throws; thread-compatible (no shared state).
#ifndef KG_INGEST_READ_H_
#define KG_INGEST_READ_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
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

// Reads every path (files, folders recursively). Same as ReadInputFile on each entry of
// ListInputFiles(paths), in order.
ReadResult ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options = {});

// One entry of the walk over the paths, in reading order: a file to read, a hidden entry
// that is skipped, or a path that cannot be walked (problem set).
struct InputFile {
  std::string path;
  std::optional<Problem> problem;  // "no such file or folder", "cannot read folder: …".
  bool hidden = false;             // A hidden file or folder: listed in ReadResult::skipped.
};
// Walks the paths without reading any file (for streaming readers: memory then holds one
// file's documents at a time).
std::vector<InputFile> ListInputFiles(const std::vector<std::string>& paths);
// Reads .jsonl content (a whole file, or a run of lines of a stream) into `result`
// (appending); `first_line` is the line number of its first line, for origins "name:LINE".
void ReadJsonlLines(const std::string& name, std::string_view content, size_t first_line,
                    ReadResult& result);
// Reads one entry of ListInputFiles into `result` (appending).
void ReadInputFile(const InputFile& file, const ReadOptions& options, ReadResult& result);

// Reads a whole file as bytes. Errors (without the path; callers add it): missing or
// unreadable file, or a file over max_bytes.
absl::StatusOr<std::string> ReadFileBytes(const std::string& path,
                                          size_t max_bytes = ReadOptions{}.max_file_bytes);

// Parses one text article (exposed for tests). `id` is the article id. The title is the first
// non-empty line (a UTF-8 BOM and a Markdown "# " prefix are not part of it); a line
// `Source: ID` before the first section (a `Group N:` or Markdown heading line) sets `cites`;
// numbered paragraphs are detected as for FindNumberedParagraphs. Does not validate; `text` is
// kept byte for byte as Document::text. Document::origin is left empty.
Document ParseTextArticle(std::string id, std::string text);

// A paragraph-number marker at the start of a line (SPEC §5): `[12] …` or `12. …`.
struct ParagraphMarker {
  int number = 0;
  size_t content = 0;      // Offset in the line of the text after the marker and its spaces.
  bool bracketed = false;  // `[12]` (true) or `12.` (false).
};

// Returns the marker that `line` (one line, no newline) begins with, after optional spaces:
// `[N]` or `N.` (N of 1 to 4 digits, not 0) followed by at least one space and some text.
std::optional<ParagraphMarker> ParseParagraphMarker(std::string_view line);

// Original-report detection (SPEC §5). A paragraph starts at a line beginning with a marker, or
// at a non-blank line after a blank line; a line right after a non-blank line continues the
// paragraph. If at least two paragraphs are numbered, numbered paragraphs are more than half
// of all paragraphs, and their numbers strictly increase, fills `doc.paragraphs` (spans of the
// paragraph text after the marker, trailing spaces excluded) and `doc.paragraph_numbers`;
// otherwise leaves them empty. Lines before byte `from` (e.g. the title line) are ignored.
void FindNumberedParagraphs(Document& doc, size_t from);

}  // namespace kg::ingest

#endif  // KG_INGEST_READ_H_
