#include "tests/tck/tck_value.h"

#include <cmath>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kg::tck {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  absl::StatusOr<TValue> ParseAll() {
    auto v = Value(0);
    if (!v.ok()) return v;
    Skip();
    if (p_ != s_.size()) return Error("end of value");
    return v;
  }

 private:
  absl::Status Error(std::string_view expected) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected ", std::string(expected), " at offset ", p_, " in `", std::string(s_), "`"));
  }
  void Skip() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n')) ++p_;
  }
  bool Eat(char c) {
    Skip();
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool EatWord(std::string_view w) {
    Skip();
    if (s_.substr(p_, w.size()) == w) {
      size_t e = p_ + w.size();
      if (e < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[e])) || s_[e] == '_')) {
        return false;
      }
      p_ = e;
      return true;
    }
    return false;
  }
  absl::StatusOr<std::string> Name() {
    Skip();
    if (p_ < s_.size() && s_[p_] == '`') {
      size_t e = s_.find('`', p_ + 1);
      if (e == std::string_view::npos) return Error("closing backtick");
      std::string n(s_.substr(p_ + 1, e - p_ - 1));
      p_ = e + 1;
      return n;
    }
    size_t b = p_;
    while (p_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[p_])) || s_[p_] == '_' ||
            static_cast<unsigned char>(s_[p_]) >= 0x80)) {
      ++p_;
    }
    if (b == p_) return Error("a name");
    return std::string(s_.substr(b, p_ - b));
  }
  absl::Status Props(std::map<std::string, TValue>* out, int depth) {
    if (!Eat('{')) return Error("'{'");
    if (Eat('}')) return absl::OkStatus();
    do {
      auto k = Name();
      if (!k.ok()) return k.status();
      if (!Eat(':')) return Error("':'");
      auto v = Value(depth + 1);
      if (!v.ok()) return v.status();
      (*out)[*k] = std::move(*v);
    } while (Eat(','));
    if (!Eat('}')) return Error("'}'");
    return absl::OkStatus();
  }
  absl::StatusOr<TValue> Node(int depth) {
    TValue v;
    v.kind = TValue::Kind::kNode;
    if (!Eat('(')) return Error("'('");
    while (Eat(':')) {
      auto l = Name();
      if (!l.ok()) return l.status();
      v.labels.insert(*l);
    }
    Skip();
    if (p_ < s_.size() && s_[p_] == '{') {
      auto st = Props(&v.map, depth);
      if (!st.ok()) return st;
    }
    if (!Eat(')')) return Error("')'");
    return v;
  }
  absl::StatusOr<TValue> Rel(int depth) {
    TValue v;
    v.kind = TValue::Kind::kRel;
    if (!Eat('[')) return Error("'['");
    if (!Eat(':')) return Error("':'");
    auto t = Name();
    if (!t.ok()) return t.status();
    v.s = *t;
    Skip();
    if (p_ < s_.size() && s_[p_] == '{') {
      auto st = Props(&v.map, depth);
      if (!st.ok()) return st;
    }
    if (!Eat(']')) return Error("']'");
    return v;
  }
  absl::StatusOr<TValue> Value(int depth) {
    if (depth > 200) return Error("less nesting");
    Skip();
    if (p_ >= s_.size()) return Error("a value");
    const char c = s_[p_];
    TValue v;
    if (c == '\'' || c == '"') {
      ++p_;
      v.kind = TValue::Kind::kString;
      while (p_ < s_.size() && s_[p_] != c) {
        if (s_[p_] == '\\' && p_ + 1 < s_.size()) {
          char n = s_[p_ + 1];
          switch (n) {
            case 'n': v.s.push_back('\n'); break;
            case 't': v.s.push_back('\t'); break;
            case 'r': v.s.push_back('\r'); break;
            case 'b': v.s.push_back('\b'); break;
            case 'f': v.s.push_back('\f'); break;
            default: v.s.push_back(n);
          }
          p_ += 2;
          continue;
        }
        v.s.push_back(s_[p_++]);
      }
      if (p_ >= s_.size()) return Error("closing quote");
      ++p_;
      return v;
    }
    if (c == '(') return Node(depth);
    if (c == '[') {
      size_t save = p_;
      ++p_;
      if (Eat(':')) {
        p_ = save;
        return Rel(depth);
      }
      v.kind = TValue::Kind::kList;
      if (Eat(']')) return v;
      do {
        auto e = Value(depth + 1);
        if (!e.ok()) return e;
        v.list.push_back(std::move(*e));
      } while (Eat(','));
      if (!Eat(']')) return Error("']' or ','");
      return v;
    }
    if (c == '{') {
      v.kind = TValue::Kind::kMap;
      auto st = Props(&v.map, depth);
      if (!st.ok()) return st;
      return v;
    }
    if (c == '<') {
      ++p_;
      v.kind = TValue::Kind::kPath;
      auto n = Node(depth);
      if (!n.ok()) return n;
      v.list.push_back(std::move(*n));
      while (true) {
        Skip();
        if (Eat('>')) return v;
        bool back = false;
        if (Eat('<')) back = true;
        if (!Eat('-')) return Error("'-' or '>'");
        auto r = Rel(depth);
        if (!r.ok()) return r;
        if (!Eat('-')) return Error("'-'");
        bool fwd = Eat('>');
        if (back == fwd) return Error("one direction");
        auto m = Node(depth);
        if (!m.ok()) return m;
        v.list.push_back(std::move(*r));
        v.forward.push_back(fwd);
        v.list.push_back(std::move(*m));
      }
    }
    if (EatWord("null")) return v;
    if (EatWord("true")) {
      v.kind = TValue::Kind::kBool;
      v.b = true;
      return v;
    }
    if (EatWord("false")) {
      v.kind = TValue::Kind::kBool;
      return v;
    }
    if (EatWord("NaN")) {
      v.kind = TValue::Kind::kFloat;
      v.d = std::nan("");
      return v;
    }
    bool neg = false;
    size_t start = p_;
    if (s_[p_] == '-' || s_[p_] == '+') {
      neg = s_[p_] == '-';
      ++p_;
    }
    if (EatWord("Infinity")) {
      v.kind = TValue::Kind::kFloat;
      v.d = neg ? -INFINITY : INFINITY;
      return v;
    }
    size_t b = p_;
    bool is_float = false;
    while (p_ < s_.size()) {
      char d = s_[p_];
      if (std::isdigit(static_cast<unsigned char>(d))) {
        ++p_;
      } else if (d == '.' || d == 'e' || d == 'E') {
        is_float = true;
        ++p_;
        if ((d == 'e' || d == 'E') && p_ < s_.size() && (s_[p_] == '-' || s_[p_] == '+')) ++p_;
      } else {
        break;
      }
    }
    if (b == p_) return Error("a value");
    std::string num(s_.substr(start, p_ - start));
    if (is_float) {
      v.kind = TValue::Kind::kFloat;
      v.d = std::strtod(num.c_str(), nullptr);
    } else {
      v.kind = TValue::Kind::kInt;
      if (!absl::SimpleAtoi(num, &v.i)) return Error("a 64-bit integer");
    }
    return v;
  }

  std::string_view s_;
  size_t p_ = 0;
};

TValue FromProps(const kg::ValueMap& m) {
  TValue out;
  out.kind = TValue::Kind::kMap;
  for (const auto& [k, x] : m) {
    out.map[k] = FromResult(query::QValue::FromValue(x), query::QueryResult());
  }
  return out;
}

TValue NodeOf(NodeId id, const query::QueryResult& r) {
  TValue v;
  v.kind = TValue::Kind::kNode;
  auto it = r.nodes.find(id);
  if (it != r.nodes.end()) {
    v.labels.insert(it->second.labels.begin(), it->second.labels.end());
    v.map = FromProps(it->second.props).map;
  }
  return v;
}

TValue RelOf(RelId id, const query::QueryResult& r) {
  TValue v;
  v.kind = TValue::Kind::kRel;
  auto it = r.relationships.find(id);
  if (it != r.relationships.end()) {
    v.s = it->second.type;
    v.map = FromProps(it->second.props).map;
  }
  return v;
}

bool EqualMaps(const std::map<std::string, TValue>& a, const std::map<std::string, TValue>& b,
               bool unordered) {
  if (a.size() != b.size()) return false;
  for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
    if (ia->first != ib->first || !Equal(ia->second, ib->second, unordered)) return false;
  }
  return true;
}

void AppendString(const std::string& s, std::string* out) {
  out->push_back('\'');
  for (char c : s) {
    if (c == '\'' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('\'');
}

void AppendText(const TValue& v, std::string* out) {
  auto props = [&](const std::map<std::string, TValue>& m, bool lead_space) {
    if (m.empty()) return;
    if (lead_space) out->push_back(' ');
    out->push_back('{');
    bool first = true;
    for (const auto& [k, x] : m) {
      if (!first) out->append(", ");
      first = false;
      absl::StrAppend(out, k, ": ");
      AppendText(x, out);
    }
    out->push_back('}');
  };
  switch (v.kind) {
    case TValue::Kind::kNull: out->append("null"); return;
    case TValue::Kind::kBool: out->append(v.b ? "true" : "false"); return;
    case TValue::Kind::kInt: absl::StrAppend(out, v.i); return;
    case TValue::Kind::kFloat: out->append(query::FormatDouble(v.d)); return;
    case TValue::Kind::kString: AppendString(v.s, out); return;
    case TValue::Kind::kList: {
      out->push_back('[');
      for (size_t i = 0; i < v.list.size(); ++i) {
        if (i) out->append(", ");
        AppendText(v.list[i], out);
      }
      out->push_back(']');
      return;
    }
    case TValue::Kind::kMap:
      if (v.map.empty()) out->append("{}");
      props(v.map, false);
      return;
    case TValue::Kind::kNode:
      out->push_back('(');
      for (const auto& l : v.labels) absl::StrAppend(out, ":", l);
      props(v.map, !v.labels.empty());
      out->push_back(')');
      return;
    case TValue::Kind::kRel:
      absl::StrAppend(out, "[:", v.s);
      props(v.map, true);
      out->push_back(']');
      return;
    case TValue::Kind::kPath:
      out->push_back('<');
      for (size_t i = 0; i < v.list.size(); ++i) {
        if (i % 2 == 1) {
          const bool fwd = i / 2 < v.forward.size() && v.forward[i / 2];
          out->append(fwd ? "-" : "<-");
          AppendText(v.list[i], out);
          out->append(fwd ? "->" : "-");
        } else {
          AppendText(v.list[i], out);
        }
      }
      out->push_back('>');
      return;
  }
}

}  // namespace

absl::StatusOr<TValue> ParseTValue(std::string_view text) { return Parser(text).ParseAll(); }

TValue FromResult(const query::QValue& v, const query::QueryResult& r) {
  TValue out;
  using K = query::QValue::Kind;
  switch (v.kind()) {
    case K::kNull: break;
    case K::kBool: out.kind = TValue::Kind::kBool; out.b = v.as_bool(); break;
    case K::kInt: out.kind = TValue::Kind::kInt; out.i = v.as_int(); break;
    case K::kDouble: out.kind = TValue::Kind::kFloat; out.d = v.as_double(); break;
    case K::kString: out.kind = TValue::Kind::kString; out.s = v.as_string(); break;
    case K::kList:
      out.kind = TValue::Kind::kList;
      for (const auto& x : v.as_list()) out.list.push_back(FromResult(x, r));
      break;
    case K::kMap:
      out.kind = TValue::Kind::kMap;
      for (const auto& [k, x] : v.as_map()) out.map[k] = FromResult(x, r);
      break;
    case K::kNode: return NodeOf(v.node_id(), r);
    case K::kRel: return RelOf(v.rel_id(), r);
    case K::kPath: {
      out.kind = TValue::Kind::kPath;
      const query::PathValue& p = v.as_path();
      out.list.push_back(NodeOf(p.nodes[0], r));
      for (size_t i = 0; i < p.rels.size() && i + 1 < p.nodes.size(); ++i) {
        auto it = r.relationships.find(p.rels[i]);
        const bool fwd = it == r.relationships.end() || it->second.start == p.nodes[i];
        out.list.push_back(RelOf(p.rels[i], r));
        out.forward.push_back(fwd);
        out.list.push_back(NodeOf(p.nodes[i + 1], r));
      }
      break;
    }
  }
  return out;
}

absl::StatusOr<kg::Value> ToParam(const TValue& v) {
  switch (v.kind) {
    case TValue::Kind::kNull: return kg::Value();
    case TValue::Kind::kBool: return kg::Value(v.b);
    case TValue::Kind::kInt: return kg::Value(v.i);
    case TValue::Kind::kFloat: return kg::Value(v.d);
    case TValue::Kind::kString: return kg::Value(v.s);
    case TValue::Kind::kList: {
      kg::ValueList l;
      for (const auto& x : v.list) {
        auto e = ToParam(x);
        if (!e.ok()) return e;
        l.push_back(std::move(*e));
      }
      return kg::Value(std::move(l));
    }
    case TValue::Kind::kMap: {
      kg::ValueMap m;
      for (const auto& [k, x] : v.map) {
        auto e = ToParam(x);
        if (!e.ok()) return e;
        m[k] = std::move(*e);
      }
      return kg::Value(std::move(m));
    }
    default:
      return absl::InvalidArgumentError("a node, relationship or path cannot be a parameter");
  }
}

bool Equal(const TValue& a, const TValue& b, bool unordered) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case TValue::Kind::kNull: return true;
    case TValue::Kind::kBool: return a.b == b.b;
    case TValue::Kind::kInt: return a.i == b.i;
    case TValue::Kind::kFloat:
      if (std::isnan(a.d) || std::isnan(b.d)) return std::isnan(a.d) && std::isnan(b.d);
      return a.d == b.d;
    case TValue::Kind::kString: return a.s == b.s;
    case TValue::Kind::kList: {
      if (a.list.size() != b.list.size()) return false;
      if (!unordered) {
        for (size_t i = 0; i < a.list.size(); ++i) {
          if (!Equal(a.list[i], b.list[i], unordered)) return false;
        }
        return true;
      }
      std::vector<bool> used(b.list.size(), false);
      for (const auto& x : a.list) {
        bool found = false;
        for (size_t j = 0; j < b.list.size() && !found; ++j) {
          if (!used[j] && Equal(x, b.list[j], unordered)) used[j] = found = true;
        }
        if (!found) return false;
      }
      return true;
    }
    case TValue::Kind::kMap: return EqualMaps(a.map, b.map, unordered);
    case TValue::Kind::kNode: return a.labels == b.labels && EqualMaps(a.map, b.map, unordered);
    case TValue::Kind::kRel: return a.s == b.s && EqualMaps(a.map, b.map, unordered);
    case TValue::Kind::kPath:
      if (a.list.size() != b.list.size() || a.forward != b.forward) return false;
      for (size_t i = 0; i < a.list.size(); ++i) {
        if (!Equal(a.list[i], b.list[i], false)) return false;
      }
      return true;
  }
  return false;
}

std::string ToText(const TValue& v) {
  std::string out;
  AppendText(v, &out);
  return out;
}

}  // namespace kg::tck
