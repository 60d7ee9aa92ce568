// Query errors inside the engine travel as absl::Status carrying the TCK class, detail code
// and position as payloads; ToQueryError() turns one back into a QueryError at the API edge.
// A Status without those payloads (e.g. from the store) becomes kind "StorageError".
#ifndef KG_QUERY_ERRORS_H_
#define KG_QUERY_ERRORS_H_

#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "query/query.h"

namespace kg::query {

absl::Status QError(absl::string_view kind, absl::string_view detail, int line, int column,
                    absl::string_view message);

// Shorthands.
inline absl::Status SyntaxErr(absl::string_view detail, int line, int column,
                              absl::string_view message) {
  return QError("SyntaxError", detail, line, column, message);
}
inline absl::Status TypeErr(absl::string_view detail, int line, int column,
                            absl::string_view message) {
  return QError("TypeError", detail, line, column, message);
}

// True when `s` carries a query error (kind payload).
bool IsQueryError(const absl::Status& s);

// Adds a position to a query error that has none (line 0), or turns a plain status into a
// StorageError at that position.
absl::Status WithPosition(absl::Status s, int line, int column);

QueryError ToQueryError(const absl::Status& s);

}  // namespace kg::query

#endif  // KG_QUERY_ERRORS_H_
