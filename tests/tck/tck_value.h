// tck_value: values as the openCypher TCK writes them in result tables and parameter tables
// (null, true, 1, -1.5, NaN, 'str', [..], {k: v}, (:L {k: v}), [:T {k: v}],
// <(:A)-[:T]->(:B)>), the conversion of a query result value into the same form, and the
// TCK's comparison (lists in order unless asked otherwise, maps and labels unordered, nodes
// and relationships by labels/type and properties, paths element by element).
#ifndef KG_TESTS_TCK_TCK_VALUE_H_
#define KG_TESTS_TCK_TCK_VALUE_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/value.h"
#include "query/query.h"

namespace kg::tck {

struct TValue {
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kRel, kPath };
  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string s;                     // string; relationship type
  std::vector<TValue> list;          // list; path: node, rel, node, rel, node ...
  std::vector<bool> forward;         // path: per relationship, true for -[]->
  std::map<std::string, TValue> map;  // map; node/relationship properties
  std::set<std::string> labels;      // node
};

// Parses one TCK value text. Error names what was expected and where.
absl::StatusOr<TValue> ParseTValue(std::string_view text);

// A query result value (with the result's node/relationship data) in TCK form.
TValue FromResult(const query::QValue& v, const query::QueryResult& r);

// A TCK value as a parameter value. Error for nodes, relationships and paths.
absl::StatusOr<kg::Value> ToParam(const TValue& v);

// TCK equality. `unordered_lists`: lists compare as multisets (at every depth).
bool Equal(const TValue& a, const TValue& b, bool unordered_lists);

// Canonical text for messages.
std::string ToText(const TValue& v);

}  // namespace kg::tck

#endif  // KG_TESTS_TCK_TCK_VALUE_H_
