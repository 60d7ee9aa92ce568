// QValue: a runtime value of the query engine — what expressions evaluate to and what
// result rows hold. Beyond kg::Value's property types (null, bool, int, double, string,
// list, map) it has node, relationship and path values, which are references by id (their
// data lives in the store, or in QueryResult::nodes / relationships once a query is done).
//
// Also here: openCypher equality (three-valued), comparison, orderability (the total order
// ORDER BY uses) and grouping equivalence (DISTINCT, aggregation keys). Plain data; not
// thread-safe to mutate concurrently.
#ifndef KG_QUERY_QVALUE_H_
#define KG_QUERY_QVALUE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/store.h"
#include "graph/value.h"

namespace kg::query {

class QValue;
using QList = std::vector<QValue>;
using QMap = std::map<std::string, QValue>;

struct NodeRef {
  NodeId id = 0;
  friend bool operator==(const NodeRef&, const NodeRef&) = default;
};
struct RelRef {
  RelId id = 0;
  friend bool operator==(const RelRef&, const RelRef&) = default;
};
// A path: nodes.size() == rels.size() + 1, in traversal order.
struct PathValue {
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  friend bool operator==(const PathValue&, const PathValue&) = default;
};

class QValue {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kDouble, kString, kList, kMap, kNode, kRel, kPath };

  QValue() = default;
  QValue(std::nullptr_t) {}
  QValue(bool b) : v_(b) {}
  QValue(int i) : v_(static_cast<int64_t>(i)) {}
  QValue(int64_t i) : v_(i) {}
  QValue(double d) : v_(d) {}
  QValue(const char* s) : v_(std::string(s)) {}
  QValue(std::string s) : v_(std::move(s)) {}
  QValue(QList l) : v_(std::move(l)) {}
  QValue(QMap m) : v_(std::move(m)) {}
  QValue(NodeRef n) : v_(n) {}
  QValue(RelRef r) : v_(r) {}
  QValue(PathValue p) : v_(std::move(p)) {}

  // Property value -> runtime value (total).
  static QValue FromValue(const kg::Value& v);
  // Runtime value -> property value. nullopt when it holds a node, relationship or path
  // (anywhere inside), which cannot be stored as a property.
  std::optional<kg::Value> ToValue() const;

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_double() const { return kind() == Kind::kDouble; }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_list() const { return kind() == Kind::kList; }
  bool is_map() const { return kind() == Kind::kMap; }
  bool is_node() const { return kind() == Kind::kNode; }
  bool is_rel() const { return kind() == Kind::kRel; }
  bool is_path() const { return kind() == Kind::kPath; }

  // REQUIRES: the matching is_*().
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_double(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const QList& as_list() const { return std::get<QList>(v_); }
  QList& as_list() { return std::get<QList>(v_); }
  const QMap& as_map() const { return std::get<QMap>(v_); }
  QMap& as_map() { return std::get<QMap>(v_); }
  NodeId node_id() const { return std::get<NodeRef>(v_).id; }
  RelId rel_id() const { return std::get<RelRef>(v_).id; }
  const PathValue& as_path() const { return std::get<PathValue>(v_); }

  // Structural identity (1 and 1.0 differ; NaN equals NaN only bitwise-by-variant rules).
  friend bool operator==(const QValue& a, const QValue& b) { return a.v_ == b.v_; }

  // Name of the type for error messages: "Integer", "String", "Node", ...
  const char* TypeName() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, QList, QMap, NodeRef, RelRef,
               PathValue>
      v_;
};

// openCypher `=`: nullopt means null (unknown). 1 = 1.0 is true; lists and maps compare
// element-wise; a null inside makes the result null unless something else already differs.
std::optional<bool> CypherEquals(const QValue& a, const QValue& b);

// openCypher `<` family: the sign of a comparison of two comparable values (numbers,
// strings, booleans, lists of comparable values); nullopt when incomparable or null
// (the comparison then yields null). With a NaN involved: nullopt and *nan_involved set
// (the comparison then yields false, as openCypher requires).
std::optional<int> CypherCompare(const QValue& a, const QValue& b, bool* nan_involved);

// Orderability (ORDER BY): a total order. Ascending: map < node < relationship < list <
// path < string < boolean < number (NaN last among numbers) < null.
int OrderCompare(const QValue& a, const QValue& b);

// Grouping equivalence key: equal keys <=> values are equivalent for DISTINCT and grouping
// (null equivalent to null, NaN to NaN, 1 to 1.0).
std::string GroupKey(const QValue& v);

// Shortest text that round-trips the double, always with a '.' or an exponent ("1.0",
// "1.5e+20"); "NaN", "Infinity", "-Infinity" for the special values.
std::string FormatDouble(double d);
void AppendGroupKey(const QValue& v, std::string* out);

}  // namespace kg::query

#endif  // KG_QUERY_QVALUE_H_
