// segment: a Document -> its Sentences.
//
// The title line is its own sentence (is_title). Sections are recognized where they begin
// a line or follow a sentence end inline (the seed has its whole body on one line):
// `Group N: Heading` (heading up to the first " - " bullet or line end), Markdown headings
// (`## Heading`), and short title-like lines. ` - ` bullets and line breaks end sentences;
// inside a block, ICU's sentence BreakIterator splits, with abbreviations such as U.S.,
// Inc., Corp., Mt., No. protected. Citation markers `[3]`, `[14][18]`, `[1, 3]` at any
// position are removed from Sentence::text and kept as integers. Numbered-paragraph reports
// (`[12] …` or `12. …` at line start) set Sentence::paragraph.
#ifndef KG_INGEST_SEGMENT_H_
#define KG_INGEST_SEGMENT_H_

#include <vector>

#include "ingest/document.h"

namespace kg::ingest {

std::vector<Sentence> Segment(const Document& doc);

}  // namespace kg::ingest

#endif  // KG_INGEST_SEGMENT_H_
