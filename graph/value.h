// Value: the typed property value stored on nodes and relationships.
//
// A Value is null, a boolean, a 64-bit integer, a double, a UTF-8 string, a list of
// Values or a string-keyed map of Values (keys sorted). Values are plain data: copyable,
// comparable for equality, not thread-safe to mutate concurrently.
//
// Encode()/Decode() give the frozen on-disk form (see graph/README.md, "Values"); the tag
// bytes reach disk and must never be renumbered.
#ifndef KG_GRAPH_VALUE_H_
#define KG_GRAPH_VALUE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"

namespace kg {

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value>;

class Value {
 public:
  enum class Type : uint8_t {  // Frozen: these numbers are the on-disk tags.
    kNull = 0,
    kBool = 1,
    kInt = 2,
    kDouble = 3,
    kString = 4,
    kList = 5,
    kMap = 6,
  };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(static_cast<int64_t>(i)) {}
  Value(int64_t i) : v_(i) {}
  Value(uint64_t i) : v_(static_cast<int64_t>(i)) {}
  Value(double d) : v_(d) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(ValueList l) : v_(std::move(l)) {}
  Value(ValueMap m) : v_(std::move(m)) {}

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_double() const { return type() == Type::kDouble; }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return type() == Type::kString; }
  bool is_list() const { return type() == Type::kList; }
  bool is_map() const { return type() == Type::kMap; }

  // REQUIRES: the matching is_*() is true.
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  // An int or a double as double. REQUIRES: is_number().
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_double(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const ValueList& as_list() const { return std::get<ValueList>(v_); }
  ValueList& as_list() { return std::get<ValueList>(v_); }
  const ValueMap& as_map() const { return std::get<ValueMap>(v_); }
  ValueMap& as_map() { return std::get<ValueMap>(v_); }

  // Structural equality (1 and 1.0 are different Values; query semantics live in query/).
  friend bool operator==(const Value& a, const Value& b) { return a.v_ == b.v_; }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

  // Appends the frozen binary form to *out.
  void EncodeTo(std::string* out) const;
  std::string Encode() const {
    std::string s;
    EncodeTo(&s);
    return s;
  }
  // Decodes one Value from the front of *in and advances it. Errors on truncated or
  // corrupt input (never crashes); nesting deeper than 64 levels is an error.
  static absl::StatusOr<Value> DecodeFrom(std::string_view* in);
  static absl::StatusOr<Value> Decode(std::string_view in);

  // Compact JSON text: strings escaped, doubles round-trip with a '.' or exponent,
  // NaN/Infinity as bare tokens, maps with keys in sorted order.
  std::string ToJson() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, ValueList, ValueMap> v_;
};

// Encodes a property map (the payload of a node or relationship).
std::string EncodeMap(const ValueMap& m);
absl::StatusOr<ValueMap> DecodeMap(std::string_view in);

// Appends d as JSON: the shortest digits that round-trip, fixed notation for exponents in
// [-4, 16) and scientific otherwise, always with a '.' or an exponent (1.0, not 1); NaN,
// Infinity and -Infinity as bare tokens.
void AppendJsonDouble(double d, std::string* out);

// Appends s to *out as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace kg

#endif  // KG_GRAPH_VALUE_H_
