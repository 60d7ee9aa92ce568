// The data that flows through the ingest stages (read -> segment -> quantities -> entities
// -> claims). Plain value types; each stage is a function from the previous stage's
// result to its own (see ingest/README.md).
//
// Every span is a half-open byte range [begin, end) into Document::text, the article text
// exactly as read (after UTF-8 validation; no other change), so that provenance can always
// be shown from the stored original.
#ifndef KG_INGEST_DOCUMENT_H_
#define KG_INGEST_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kg::ingest {

struct Span {
  size_t begin = 0;
  size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// One article as read from a file (SPEC §1).
struct Document {
  std::string id;         // File stem, or the JSONL `id`.
  std::string title;      // First non-empty line (text files) or the JSONL `title`.
  std::string text;       // Body as read. For text files: the whole file, title line included.
  std::string url;        // Optional fields, empty when absent.
  std::string published;  // ISO date.
  std::string source;
  std::string cites;      // Id of the original report this article summarizes (SPEC §5).
  // An original report's numbered paragraphs (JSONL `paragraphs`, or `[12] …`/`12. …`
  // lines); empty for ordinary articles. paragraph_numbers[i] is the number of paragraphs[i].
  // A text paragraph's span starts after its `[12] `/`12. ` marker (see FindNumberedParagraphs
  // in read.h).
  std::vector<Span> paragraphs;
  std::vector<int> paragraph_numbers;
  std::string origin;  // "path" or "path:line" for error messages.
};

// One sentence after segmentation.
struct Sentence {
  Span span;                    // The sentence in Document::text, citation markers included,
                                // leading bullet ("- ") and surrounding spaces excluded.
  std::string text;             // The sentence with citation markers removed and spaces tidied.
  // Byte offset in Document::text of each byte of `text`, plus one final entry for the end,
  // so a span inside `text` maps back: original = offsets[i]. The final entry is one past the
  // original byte of the last byte of `text` (a space in `text` maps to the first whitespace
  // byte it replaces).
  std::vector<size_t> offsets;
  std::vector<int> citations;   // Citation markers of the sentence, in order, duplicates removed.
  std::string section;          // e.g. "Group 1: U.S. Investments and Developments"; "" if none.
  int section_index = 0;        // 0 before the first section, then 1, 2, ...
  bool is_title = false;        // The title line is segmented as its own sentence.
  int paragraph = 0;            // Number of the numbered paragraph it lies in (reports), else 0.
};

}  // namespace kg::ingest

#endif  // KG_INGEST_DOCUMENT_H_
