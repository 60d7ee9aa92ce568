// claims_jsonl: ArticleRecords as JSON lines, the interchange format of `kg extract` (writes
// it) and `kg load` (reads it), so extraction can run anywhere and the load elsewhere.
//
// Per article, in order:
//   {"article":{"id":…,"hash":…,"props":{…},"entities":[{"id","label","name","aliases"}…],
//               "mentions":[entity id…]}}
//   one line per claim, exactly in the SPEC §3 form that `kg export` prints:
//   {"id","type","subject":{"id","name","label"},"object":{…}|null,"qualifiers":{…},
//    "source":{"article","section","sentence","span","citations"},"rule"}
// A consumer that wants claims only reads the lines that have "type". Entity ids are the
// stable entity keys. Qualifiers fold x/x_unit/x_max into {value,unit,max} for amount and
// quantity, as the export does; the reader unfolds them, so write → read gives back the same
// record (integers stay integers, floats stay floats).
#ifndef KG_INGEST_CLAIMS_JSONL_H_
#define KG_INGEST_CLAIMS_JSONL_H_

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "graph/store.h"

namespace kg::ingest {

// The lines of one article, each ending in '\n'.
std::string ArticleToJsonl(const ArticleRecord& record);

// Reads articles back, one at a time, from a stream of such lines. Blank lines are ignored.
// Thread-compatible.
class ArticleJsonlReader {
 public:
  // `origin` names the stream in errors ("-" for stdin). Lines over max_line_bytes are errors.
  ArticleJsonlReader(std::istream& in, std::string origin, size_t max_line_bytes = 64 << 20);

  // The next article; nullopt at the end. An error ("ORIGIN:LINE: what") skips the article
  // it belongs to (up to the next article line); calling Next() again continues after it.
  absl::StatusOr<std::optional<ArticleRecord>> Next();

 private:
  bool ReadLine();  // Next non-blank line into line_; false at the end.
  std::istream& in_;
  const std::string origin_;
  const size_t max_line_bytes_;
  std::string line_;
  size_t line_no_ = 0;
  bool have_line_ = false;  // line_ holds an unconsumed line.
};

}  // namespace kg::ingest

#endif  // KG_INGEST_CLAIMS_JSONL_H_
