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
//
// Details (all decisions are local and bounded; the cost is linear in the text):
// - Title: the first non-empty line is the title sentence when it equals Document::title
//   (always for text files; for JSON articles only if the text repeats the title; otherwise
//   no title sentence is produced, since every span must point into Document::text).
// - Sections, each incrementing section_index (0 = before any section, section ""):
//   `Group N: Heading` (also `Section N:`/`Part N:`) at a line start or inline after a
//   sentence end, the heading running to the first " - " or the line end (trailing ':'
//   dropped); Markdown ATX (`## H`) and setext (underlined) headings; a lead label before the
//   first " - " of a line, such as the seed's "Core Viewpoint - …", when it is short, is
//   followed by a capitalized sentence, and is either a known summary label or followed by more
//   bullets — so the seed's summary sentence has section "Core Viewpoint" (index 1) and its
//   groups are indices 2..5; a short title-like line (< 80 characters, no final punctuation,
//   no markers) after a blank line and followed by a paragraph. Heading lines are not
//   sentences. A `Source: ID` line before the first section is metadata, not a sentence.
// - Hard boundaries: blank lines, headings, bullet lines ("- ", "* ", "• "), numbered
//   paragraphs and list items ("12. "; their markers are not part of the sentence), and an
//   inline " - " that follows a sentence end (final punctuation or a citation marker). A
//   " - " inside a sentence is a dash and stays. A line break after a sentence end is a
//   boundary; a line that ends mid-sentence and is long (>= 40 characters) or followed by a
//   lowercase line is a soft wrap and joins the next line.
// - Citation markers: `[3]`, `[14][18]`, `[1, 3]`, `[1,3]`, `[1-3]` (ranges up to 100
//   expand), also 【3】 and ［3］. Markers right after a sentence's final punctuation belong to
//   that sentence (`… done. [3] Next`); a break never falls inside a marker.
// - Sentences longer than 2,000 bytes are cut at the last space before the limit.
// Thread-safe: no shared state; each call builds its own ICU break iterator.
#ifndef KG_INGEST_SEGMENT_H_
#define KG_INGEST_SEGMENT_H_

#include <vector>

#include "ingest/document.h"

namespace kg::ingest {

std::vector<Sentence> Segment(const Document& doc);

}  // namespace kg::ingest

#endif  // KG_INGEST_SEGMENT_H_
