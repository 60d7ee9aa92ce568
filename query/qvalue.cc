#include "query/qvalue.h"

#include <cmath>
#include <charconv>
#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace kg::query {

QValue QValue::FromValue(const kg::Value& v) {
  switch (v.type()) {
    case kg::Value::Type::kNull:
      return QValue();
    case kg::Value::Type::kBool:
      return QValue(v.as_bool());
    case kg::Value::Type::kInt:
      return QValue(v.as_int());
    case kg::Value::Type::kDouble:
      return QValue(v.as_double());
    case kg::Value::Type::kString:
      return QValue(v.as_string());
    case kg::Value::Type::kList: {
      QList l;
      l.reserve(v.as_list().size());
      for (const auto& e : v.as_list()) l.push_back(FromValue(e));
      return QValue(std::move(l));
    }
    case kg::Value::Type::kMap: {
      QMap m;
      for (const auto& [k, e] : v.as_map()) m.emplace(k, FromValue(e));
      return QValue(std::move(m));
    }
  }
  return QValue();
}

std::optional<kg::Value> QValue::ToValue() const {
  switch (kind()) {
    case Kind::kNull:
      return kg::Value();
    case Kind::kBool:
      return kg::Value(as_bool());
    case Kind::kInt:
      return kg::Value(as_int());
    case Kind::kDouble:
      return kg::Value(as_double());
    case Kind::kString:
      return kg::Value(as_string());
    case Kind::kList: {
      kg::ValueList l;
      for (const auto& e : as_list()) {
        auto v = e.ToValue();
        if (!v) return std::nullopt;
        l.push_back(std::move(*v));
      }
      return kg::Value(std::move(l));
    }
    case Kind::kMap: {
      kg::ValueMap m;
      for (const auto& [k, e] : as_map()) {
        auto v = e.ToValue();
        if (!v) return std::nullopt;
        m.emplace(k, std::move(*v));
      }
      return kg::Value(std::move(m));
    }
    default:
      return std::nullopt;
  }
}

const char* QValue::TypeName() const {
  switch (kind()) {
    case Kind::kNull:
      return "Null";
    case Kind::kBool:
      return "Boolean";
    case Kind::kInt:
      return "Integer";
    case Kind::kDouble:
      return "Float";
    case Kind::kString:
      return "String";
    case Kind::kList:
      return "List";
    case Kind::kMap:
      return "Map";
    case Kind::kNode:
      return "Node";
    case Kind::kRel:
      return "Relationship";
    case Kind::kPath:
      return "Path";
  }
  return "Unknown";
}

std::optional<bool> CypherEquals(const QValue& a, const QValue& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    return a.as_number() == b.as_number();
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case QValue::Kind::kBool:
      return a.as_bool() == b.as_bool();
    case QValue::Kind::kString:
      return a.as_string() == b.as_string();
    case QValue::Kind::kNode:
      return a.node_id() == b.node_id();
    case QValue::Kind::kRel:
      return a.rel_id() == b.rel_id();
    case QValue::Kind::kPath:
      return a.as_path() == b.as_path();
    case QValue::Kind::kList: {
      const QList& x = a.as_list();
      const QList& y = b.as_list();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (size_t i = 0; i < x.size(); ++i) {
        auto e = CypherEquals(x[i], y[i]);
        if (!e) {
          unknown = true;
        } else if (!*e) {
          return false;
        }
      }
      if (unknown) return std::nullopt;
      return true;
    }
    case QValue::Kind::kMap: {
      const QMap& x = a.as_map();
      const QMap& y = b.as_map();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first) return false;
      }
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        auto e = CypherEquals(i->second, j->second);
        if (!e) {
          unknown = true;
        } else if (!*e) {
          return false;
        }
      }
      if (unknown) return std::nullopt;
      return true;
    }
    default:
      return false;
  }
}

namespace {

int Sign(double d) { return d < 0 ? -1 : (d > 0 ? 1 : 0); }

int CompareNumbers(const QValue& a, const QValue& b) {
  if (a.is_int() && b.is_int()) {
    return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
  }
  if (a.is_int() || b.is_int()) {
    // Mixed: compare exactly where the double is within int64 range.
    const double d = a.is_double() ? a.as_double() : b.as_double();
    const int64_t i = a.is_int() ? a.as_int() : b.as_int();
    int s;  // sign of (int - double)
    if (d >= 9.2233720368547758e18) {
      s = -1;
    } else if (d < -9.2233720368547758e18) {
      s = 1;
    } else {
      const double fl = std::floor(d);
      const int64_t di = static_cast<int64_t>(fl);
      if (i != di) {
        s = i < di ? -1 : 1;
      } else {
        s = (d > fl) ? -1 : 0;
      }
    }
    return a.is_int() ? s : -s;
  }
  return Sign(a.as_double() - b.as_double());
}

}  // namespace

std::optional<int> CypherCompare(const QValue& a, const QValue& b, bool* nan_involved) {
  *nan_involved = false;
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if ((a.is_double() && std::isnan(a.as_double())) ||
        (b.is_double() && std::isnan(b.as_double()))) {
      *nan_involved = true;
      return std::nullopt;
    }
    return CompareNumbers(a, b);
  }
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case QValue::Kind::kBool:
      return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case QValue::Kind::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case QValue::Kind::kList: {
      const QList& x = a.as_list();
      const QList& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        bool nan = false;
        auto c = CypherCompare(x[i], y[i], &nan);
        if (!c) {
          *nan_involved = nan;
          return std::nullopt;
        }
        if (*c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    default:
      return std::nullopt;
  }
}

namespace {

int OrderRank(const QValue& v) {
  switch (v.kind()) {
    case QValue::Kind::kMap:
      return 0;
    case QValue::Kind::kNode:
      return 1;
    case QValue::Kind::kRel:
      return 2;
    case QValue::Kind::kList:
      return 3;
    case QValue::Kind::kPath:
      return 4;
    case QValue::Kind::kString:
      return 5;
    case QValue::Kind::kBool:
      return 6;
    case QValue::Kind::kInt:
    case QValue::Kind::kDouble:
      return 7;
    case QValue::Kind::kNull:
      return 8;
  }
  return 9;
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

int OrderCompare(const QValue& a, const QValue& b) {
  const int ra = OrderRank(a), rb = OrderRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case QValue::Kind::kNull:
      return 0;
    case QValue::Kind::kBool:
      return Cmp(a.as_bool(), b.as_bool());
    case QValue::Kind::kString:
      return Cmp(a.as_string(), b.as_string());
    case QValue::Kind::kInt:
    case QValue::Kind::kDouble: {
      const bool na = a.is_double() && std::isnan(a.as_double());
      const bool nb = b.is_double() && std::isnan(b.as_double());
      if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
      return CompareNumbers(a, b);
    }
    case QValue::Kind::kNode:
      return Cmp(a.node_id(), b.node_id());
    case QValue::Kind::kRel:
      return Cmp(a.rel_id(), b.rel_id());
    case QValue::Kind::kPath: {
      const PathValue& x = a.as_path();
      const PathValue& y = b.as_path();
      for (size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
        if (int c = Cmp(x.nodes[i], y.nodes[i])) return c;
        if (i < x.rels.size() && i < y.rels.size()) {
          if (int c = Cmp(x.rels[i], y.rels[i])) return c;
        }
      }
      return Cmp(x.nodes.size(), y.nodes.size());
    }
    case QValue::Kind::kList: {
      const QList& x = a.as_list();
      const QList& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = OrderCompare(x[i], y[i])) return c;
      }
      return Cmp(x.size(), y.size());
    }
    case QValue::Kind::kMap: {
      const QMap& x = a.as_map();
      const QMap& y = b.as_map();
      auto i = x.begin();
      auto j = y.begin();
      for (; i != x.end() && j != y.end(); ++i, ++j) {
        if (int c = Cmp(i->first, j->first)) return c;
        if (int c = OrderCompare(i->second, j->second)) return c;
      }
      return Cmp(x.size(), y.size());
    }
  }
  return 0;
}

void AppendGroupKey(const QValue& v, std::string* out) {
  switch (v.kind()) {
    case QValue::Kind::kNull:
      out->push_back('N');
      return;
    case QValue::Kind::kBool:
      out->push_back(v.as_bool() ? 'T' : 'F');
      return;
    case QValue::Kind::kInt:
      absl::StrAppend(out, "I", v.as_int(), ";");
      return;
    case QValue::Kind::kDouble: {
      const double d = v.as_double();
      if (std::isnan(d)) {
        out->append("D:nan;");
      } else if (d == std::floor(d) && std::fabs(d) < 9.2e18) {
        absl::StrAppend(out, "I", static_cast<int64_t>(d), ";");
      } else {
        char buf[sizeof(double)];
        std::memcpy(buf, &d, sizeof d);
        out->append("D");
        out->append(buf, sizeof buf);
      }
      return;
    }
    case QValue::Kind::kString:
      absl::StrAppend(out, "S", v.as_string().size(), ":", v.as_string());
      return;
    case QValue::Kind::kList:
      absl::StrAppend(out, "L", v.as_list().size(), "[");
      for (const auto& e : v.as_list()) AppendGroupKey(e, out);
      out->push_back(']');
      return;
    case QValue::Kind::kMap:
      absl::StrAppend(out, "M", v.as_map().size(), "{");
      for (const auto& [k, e] : v.as_map()) {
        absl::StrAppend(out, k.size(), ":", k);
        AppendGroupKey(e, out);
      }
      out->push_back('}');
      return;
    case QValue::Kind::kNode:
      absl::StrAppend(out, "n", v.node_id(), ";");
      return;
    case QValue::Kind::kRel:
      absl::StrAppend(out, "r", v.rel_id(), ";");
      return;
    case QValue::Kind::kPath:
      absl::StrAppend(out, "p", v.as_path().nodes.size(), "(");
      for (auto n : v.as_path().nodes) absl::StrAppend(out, n, ",");
      for (auto r : v.as_path().rels) absl::StrAppend(out, r, ",");
      out->push_back(')');
      return;
  }
}

std::string FormatDouble(double d) {
  std::string s;
  kg::AppendJsonDouble(d, &s);
  return s;
}

std::string GroupKey(const QValue& v) {
  std::string s;
  AppendGroupKey(v, &s);
  return s;
}

}  // namespace kg::query
