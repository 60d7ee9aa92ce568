// columns: typed property columns for the tabular export formats (Neo4j CSV, GraphML).
//
// A Columns object is fed every property map of one group (a node file, the edges of a
// GraphML document, ...) in a first pass and then names, for each property key, the one type
// that holds every value seen, so that the second pass writes each value in that type:
//   int -> long, double -> double, bool -> boolean, string -> string, lists of those ->
//   long[] / double[] / boolean[] / string[] (ints widen to doubles), an empty list joins any
//   array type. Anything else (maps, mixed lists, a key with different kinds of values, a
//   string element that contains the array delimiter) falls back to string, and the value is
//   then written as its JSON text.
// Thread-compatible.
#ifndef KG_EXPORT_COLUMNS_H_
#define KG_EXPORT_COLUMNS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/value.h"

namespace kg::exports {

enum class ColumnType {
  kNone,  // Only nulls seen so far.
  kLong,
  kDouble,
  kBoolean,
  kString,
  kEmptyList,  // Only empty lists seen so far (written as string[]).
  kLongArray,
  kDoubleArray,
  kBooleanArray,
  kStringArray,
};

// The Neo4j importer's type name ("long", "string[]", ...).
std::string_view Neo4jTypeName(ColumnType t);
bool IsArray(ColumnType t);

class Columns {
 public:
  // array_delimiter: a string element containing it cannot sit in an array column.
  explicit Columns(char array_delimiter = ';') : delimiter_(array_delimiter) {}

  void Add(const ValueMap& props);
  // Keys in sorted order with their final type (kNone and kEmptyList resolved to string /
  // string[]).
  std::vector<std::pair<std::string, ColumnType>> Resolved() const;

 private:
  ColumnType TypeOf(const Value& v) const;
  char delimiter_;
  std::map<std::string, ColumnType> types_;
};

// Writes v as text in column type t (ints in a double column as doubles, array elements
// joined by `delimiter`, a value that does not fit as its JSON text). Null writes nothing.
void AppendAsColumn(const Value& v, ColumnType t, char delimiter, std::string* out);

}  // namespace kg::exports

#endif  // KG_EXPORT_COLUMNS_H_
