#include "export/columns.h"

#include "absl/strings/str_cat.h"

namespace kg::exports {
namespace {

ColumnType ArrayOf(ColumnType scalar) {
  switch (scalar) {
    case ColumnType::kLong:
      return ColumnType::kLongArray;
    case ColumnType::kDouble:
      return ColumnType::kDoubleArray;
    case ColumnType::kBoolean:
      return ColumnType::kBooleanArray;
    case ColumnType::kString:
      return ColumnType::kStringArray;
    default:
      return ColumnType::kString;
  }
}

ColumnType Merge(ColumnType a, ColumnType b) {
  if (a == b || b == ColumnType::kNone) return a;
  if (a == ColumnType::kNone) return b;
  auto pair = [&](ColumnType x, ColumnType y) {
    return (a == x && b == y) || (a == y && b == x);
  };
  if (pair(ColumnType::kLong, ColumnType::kDouble)) return ColumnType::kDouble;
  if (pair(ColumnType::kLongArray, ColumnType::kDoubleArray)) return ColumnType::kDoubleArray;
  if (a == ColumnType::kEmptyList && IsArray(b)) return b;
  if (b == ColumnType::kEmptyList && IsArray(a)) return a;
  return ColumnType::kString;
}

}  // namespace

bool IsArray(ColumnType t) {
  return t == ColumnType::kEmptyList || t == ColumnType::kLongArray ||
         t == ColumnType::kDoubleArray || t == ColumnType::kBooleanArray ||
         t == ColumnType::kStringArray;
}

std::string_view Neo4jTypeName(ColumnType t) {
  switch (t) {
    case ColumnType::kLong:
      return "long";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kBoolean:
      return "boolean";
    case ColumnType::kLongArray:
      return "long[]";
    case ColumnType::kDoubleArray:
      return "double[]";
    case ColumnType::kBooleanArray:
      return "boolean[]";
    case ColumnType::kEmptyList:
    case ColumnType::kStringArray:
      return "string[]";
    default:
      return "string";
  }
}

ColumnType Columns::TypeOf(const Value& v) const {
  switch (v.type()) {
    case Value::Type::kNull:
      return ColumnType::kNone;
    case Value::Type::kBool:
      return ColumnType::kBoolean;
    case Value::Type::kInt:
      return ColumnType::kLong;
    case Value::Type::kDouble:
      return ColumnType::kDouble;
    case Value::Type::kString:
      return ColumnType::kString;
    case Value::Type::kMap:
      return ColumnType::kString;
    case Value::Type::kList: {
      ColumnType element = ColumnType::kNone;
      for (const Value& x : v.as_list()) {
        ColumnType t = TypeOf(x);
        if (t == ColumnType::kNone || IsArray(t) || x.is_map()) return ColumnType::kString;
        if (x.is_string() && x.as_string().find(delimiter_) != std::string::npos) {
          return ColumnType::kString;
        }
        if (element == ColumnType::kNone || element == t) {
          element = t;
        } else if (Merge(element, t) == ColumnType::kDouble) {
          element = ColumnType::kDouble;
        } else {
          return ColumnType::kString;  // Mixed kinds: JSON text.
        }
      }
      if (element == ColumnType::kNone) return ColumnType::kEmptyList;
      return ArrayOf(element);
    }
  }
  return ColumnType::kString;
}

void Columns::Add(const ValueMap& props) {
  for (const auto& [k, v] : props) {
    auto [it, inserted] = types_.emplace(k, TypeOf(v));
    if (!inserted) it->second = Merge(it->second, TypeOf(v));
  }
}

std::vector<std::pair<std::string, ColumnType>> Columns::Resolved() const {
  std::vector<std::pair<std::string, ColumnType>> out;
  for (const auto& [k, t] : types_) {
    ColumnType r = t;
    if (r == ColumnType::kNone) r = ColumnType::kString;
    if (r == ColumnType::kEmptyList) r = ColumnType::kStringArray;
    out.emplace_back(k, r);
  }
  return out;
}

void AppendAsColumn(const Value& v, ColumnType t, char delimiter, std::string* out) {
  if (v.is_null()) return;
  auto scalar = [&](const Value& x, ColumnType st) {
    if (st == ColumnType::kDouble && x.is_number()) {
      AppendJsonDouble(x.as_number(), out);
    } else if (st == ColumnType::kLong && x.is_int()) {
      absl::StrAppend(out, x.as_int());
    } else if (st == ColumnType::kBoolean && x.is_bool()) {
      out->append(x.as_bool() ? "true" : "false");
    } else if (x.is_string()) {
      out->append(x.as_string());
    } else {
      out->append(x.ToJson());
    }
  };
  if (IsArray(t) && v.is_list()) {
    ColumnType element = t == ColumnType::kLongArray     ? ColumnType::kLong
                         : t == ColumnType::kDoubleArray ? ColumnType::kDouble
                         : t == ColumnType::kBooleanArray ? ColumnType::kBoolean
                                                          : ColumnType::kString;
    bool first = true;
    for (const Value& x : v.as_list()) {
      if (!first) out->push_back(delimiter);
      first = false;
      scalar(x, element);
    }
    return;
  }
  if (t == ColumnType::kString && !v.is_string()) {
    out->append(v.ToJson());
    return;
  }
  scalar(v, t);
}

}  // namespace kg::exports
