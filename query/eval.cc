#include "query/eval.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "query/errors.h"
#include "query/status_macros.h"

namespace kg::query {

// ---------------- ExecContext ----------------

ExecContext::ExecContext(Txn* txn, QMap params, const QueryOptions& options)
    : txn_(txn),
      params_(std::move(params)),
      options_(options),
      deadline_(absl::Now() + options.timeout) {}

void ExecContext::Warn(std::string w) {
  for (const auto& x : warnings_) {
    if (x == w) return;
  }
  warnings_.push_back(std::move(w));
}

absl::Status ExecContext::Tick(Pos pos) {
  if ((++ticks_ & 255) == 0 && absl::Now() > deadline_) {
    return QError("ResourceLimit", "Timeout", pos.line, pos.column,
                  absl::StrCat("query exceeded its time budget of ",
                               absl::FormatDuration(options_.timeout)));
  }
  return absl::OkStatus();
}

absl::Status ExecContext::CheckRows(size_t n, Pos pos) const {
  if (n > options_.max_rows) {
    return QError("ResourceLimit", "TooManyRows", pos.line, pos.column,
                  absl::StrCat("more than ", options_.max_rows, " rows"));
  }
  return absl::OkStatus();
}

absl::StatusOr<const Node*> ExecContext::GetNode(NodeId id) {
  auto it = node_cache_.find(id);
  if (it == node_cache_.end()) {
    auto n = txn_->GetNodes({id});
    if (!n.ok()) return n.status();
    it = node_cache_.emplace(id, std::move(n->front())).first;
  }
  return it->second.get();
}

absl::Status ExecContext::PrefetchNodes(std::vector<NodeId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::erase_if(ids, [&](NodeId id) { return node_cache_.contains(id); });
  if (ids.empty()) return absl::OkStatus();
  absl::StatusOr<std::vector<std::shared_ptr<const Node>>> nodes = txn_->GetNodes(ids);
  if (!nodes.ok()) return nodes.status();
  for (size_t i = 0; i < ids.size(); ++i) node_cache_.emplace(ids[i], std::move((*nodes)[i]));
  return absl::OkStatus();
}

absl::StatusOr<const Relationship*> ExecContext::GetRel(RelId id) {
  auto it = rel_cache_.find(id);
  if (it == rel_cache_.end()) {
    auto r = txn_->GetRel(id);
    if (!r.ok()) return r.status();
    it = rel_cache_.emplace(id, std::make_unique<std::optional<Relationship>>(std::move(*r)))
             .first;
  }
  return it->second->has_value() ? &**it->second : nullptr;
}

absl::StatusOr<std::optional<std::string>> ExecContext::RelType(RelId id) {
  if (auto it = rel_types_.find(id); it != rel_types_.end()) return it->second;
  const Relationship* r;
  KG_ASSIGN_OR_RETURN(r, GetRel(id));
  if (r == nullptr) return std::nullopt;
  return r->type;
}

absl::Status ExecContext::TouchLabel(const std::string& label) {
  if (label_before_.count(label)) return absl::OkStatus();
  auto ids = txn_->NodesByLabel(label);
  if (!ids.ok()) return ids.status();
  label_before_.emplace(label, !ids->empty());
  return absl::OkStatus();
}

absl::Status ExecContext::TouchNode(NodeId id) {
  if (node_before_.count(id)) return absl::OkStatus();
  auto n = txn_->GetNode(id);
  if (!n.ok()) return n.status();
  if (n->has_value()) {
    for (const auto& l : (*n)->labels) {
      if (absl::Status s = TouchLabel(l); !s.ok()) return s;
    }
  }
  node_before_.emplace(id, std::move(*n));
  return absl::OkStatus();
}

absl::Status ExecContext::TouchRel(RelId id) {
  if (rel_before_.count(id)) return absl::OkStatus();
  auto r = txn_->GetRel(id);
  if (!r.ok()) return r.status();
  rel_before_.emplace(id, std::move(*r));
  return absl::OkStatus();
}

namespace {
// Properties in `a` that `b` lacks or holds with another value.
int64_t PropsNotIn(const ValueMap& a, const ValueMap& b) {
  int64_t n = 0;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if (it == b.end() || !(it->second == v)) ++n;
  }
  return n;
}
}  // namespace

absl::StatusOr<WriteStats> ExecContext::NetEffects() {
  WriteStats st;
  const ValueMap kNone;
  for (const auto& [id, before] : node_before_) {
    auto after = txn_->GetNode(id);
    if (!after.ok()) return after.status();
    if (before && !after->has_value()) ++st.nodes_deleted;
    if (!before && after->has_value()) ++st.nodes_created;
    const ValueMap& b = before ? before->props : kNone;
    const ValueMap& a = after->has_value() ? (*after)->props : kNone;
    st.properties_set += PropsNotIn(a, b);
    st.properties_removed += PropsNotIn(b, a);
  }
  for (const auto& [id, before] : rel_before_) {
    auto after = txn_->GetRel(id);
    if (!after.ok()) return after.status();
    if (before && !after->has_value()) ++st.relationships_deleted;
    if (!before && after->has_value()) ++st.relationships_created;
    const ValueMap& b = before ? before->props : kNone;
    const ValueMap& a = after->has_value() ? (*after)->props : kNone;
    st.properties_set += PropsNotIn(a, b);
    st.properties_removed += PropsNotIn(b, a);
  }
  for (const auto& [label, before] : label_before_) {
    auto ids = txn_->NodesByLabel(label);
    if (!ids.ok()) return ids.status();
    if (before && ids->empty()) ++st.labels_removed;
    if (!before && !ids->empty()) ++st.labels_added;
  }
  return st;
}

absl::StatusOr<QValue> ExecContext::AbsentProperty(const QValue& entity,
                                                   const std::string& key) {
  if (key != kSourceProperty || !(entity.is_node() || entity.is_rel())) return QValue();
  absl::StatusOr<bool> manual = entity.is_node() ? txn_->IsManualNode(entity.node_id())
                                                 : txn_->IsManualRel(entity.rel_id());
  if (!manual.ok()) return manual.status();
  return *manual ? QValue(std::string(kManualSource)) : QValue();
}

// ---------------- helpers ----------------

namespace {

absl::Status ArgErr(absl::string_view detail, Pos pos, absl::string_view msg) {
  return QError("ArgumentError", detail, pos.line, pos.column, msg);
}
absl::Status TypeMismatch(Pos pos, absl::string_view msg) {
  return TypeErr("InvalidArgumentType", pos.line, pos.column, msg);
}

absl::StatusOr<std::optional<bool>> ToBool(const QValue& v, const Expr& e, const char* op) {
  if (v.is_null()) return std::optional<bool>();
  if (!v.is_bool()) {
    return TypeMismatch(e.pos, absl::StrCat(op, " expects a Boolean but got ", v.TypeName()));
  }
  return std::optional<bool>(v.as_bool());
}

QValue Ternary(std::optional<bool> b) { return b ? QValue(*b) : QValue(); }

}  // namespace

absl::StatusOr<QValue> Add(const QValue& a, const QValue& b, Pos pos) {
  if (a.is_null() || b.is_null()) return QValue();
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) {
      return ArgErr("NumberOutOfRange", pos, "integer overflow in '+'");
    }
    return QValue(r);
  }
  if (a.is_number() && b.is_number()) return QValue(a.as_number() + b.as_number());
  if (a.is_list() && b.is_list()) {
    QList l = a.as_list();
    l.insert(l.end(), b.as_list().begin(), b.as_list().end());
    return QValue(std::move(l));
  }
  if (a.is_list()) {
    QList l = a.as_list();
    l.push_back(b);
    return QValue(std::move(l));
  }
  if (b.is_list()) {
    QList l;
    l.reserve(b.as_list().size() + 1);
    l.push_back(a);
    l.insert(l.end(), b.as_list().begin(), b.as_list().end());
    return QValue(std::move(l));
  }
  if (a.is_string() && b.is_string()) return QValue(a.as_string() + b.as_string());
  if (a.is_string() && (b.is_number() || b.is_bool())) {
    return QValue(a.as_string() + ToCypherString(b));
  }
  if (b.is_string() && (a.is_number() || a.is_bool())) {
    return QValue(ToCypherString(a) + b.as_string());
  }
  return TypeMismatch(pos, absl::StrCat("cannot add ", a.TypeName(), " and ", b.TypeName()));
}

namespace {

absl::StatusOr<QValue> Arith(const std::string& op, const QValue& a, const QValue& b, Pos pos) {
  if (op == "+") return Add(a, b, pos);
  if (a.is_null() || b.is_null()) return QValue();
  if (!a.is_number() || !b.is_number()) {
    return TypeMismatch(pos, absl::StrCat("'", op, "' expects numbers but got ", a.TypeName(),
                                          " and ", b.TypeName()));
  }
  if (op == "^") return QValue(std::pow(a.as_number(), b.as_number()));
  if (a.is_int() && b.is_int()) {
    const int64_t x = a.as_int(), y = b.as_int();
    int64_t r = 0;
    if (op == "-") {
      if (__builtin_sub_overflow(x, y, &r)) {
        return ArgErr("NumberOutOfRange", pos, "integer overflow in '-'");
      }
    } else if (op == "*") {
      if (__builtin_mul_overflow(x, y, &r)) {
        return ArgErr("NumberOutOfRange", pos, "integer overflow in '*'");
      }
    } else if (op == "/" || op == "%") {
      if (y == 0) return ArgErr("DivisionByZero", pos, "integer division by zero");
      if (x == INT64_MIN && y == -1) {
        if (op == "%") return QValue(int64_t{0});
        return ArgErr("NumberOutOfRange", pos, "integer overflow in '/'");
      }
      r = op == "/" ? x / y : x % y;
    }
    return QValue(r);
  }
  const double x = a.as_number(), y = b.as_number();
  if (op == "-") return QValue(x - y);
  if (op == "*") return QValue(x * y);
  if (op == "/") return QValue(x / y);
  if (op == "%") return QValue(std::fmod(x, y));
  return TypeMismatch(pos, absl::StrCat("unknown operator ", op));
}

}  // namespace

// ---------------- Evaluator ----------------

absl::StatusOr<QValue> Evaluator::Property(const QValue& v, const std::string& key, Pos pos) {
  switch (v.kind()) {
    case QValue::Kind::kNull:
      return QValue();
    case QValue::Kind::kNode: {
      const Node* n;
      KG_ASSIGN_OR_RETURN(n, ctx_->GetNode(v.node_id()));
      if (n == nullptr) return QValue();
      auto it = n->props.find(key);
      if (it == n->props.end()) return ctx_->AbsentProperty(v, key);
      return QValue::FromValue(it->second);
    }
    case QValue::Kind::kRel: {
      const Relationship* r;
      KG_ASSIGN_OR_RETURN(r, ctx_->GetRel(v.rel_id()));
      if (r == nullptr) return QValue();
      auto it = r->props.find(key);
      if (it == r->props.end()) return ctx_->AbsentProperty(v, key);
      return QValue::FromValue(it->second);
    }
    case QValue::Kind::kMap: {
      auto it = v.as_map().find(key);
      return it == v.as_map().end() ? QValue() : it->second;
    }
    default:
      return TypeMismatch(pos, absl::StrCat("cannot read property '", key, "' of a ",
                                            v.TypeName()));
  }
}

absl::StatusOr<QMap> Evaluator::PropertiesOf(const QValue& v, Pos pos) {
  QMap m;
  const ValueMap* props = nullptr;
  if (v.is_node()) {
    const Node* n;
    KG_ASSIGN_OR_RETURN(n, ctx_->GetNode(v.node_id()));
    if (n) props = &n->props;
  } else if (v.is_rel()) {
    const Relationship* r;
    KG_ASSIGN_OR_RETURN(r, ctx_->GetRel(v.rel_id()));
    if (r) props = &r->props;
  } else if (v.is_map()) {
    return v.as_map();
  } else {
    return TypeMismatch(pos, absl::StrCat("expected a node, relationship or map but got ",
                                          v.TypeName()));
  }
  if (props) {
    for (const auto& [k, x] : *props) m.emplace(k, QValue::FromValue(x));
  }
  return m;
}

absl::StatusOr<bool> Evaluator::EvalPredicate(const Expr& e, const Row& row) {
  QValue v;
  KG_ASSIGN_OR_RETURN(v, Eval(e, row));
  if (v.is_null()) return false;
  if (!v.is_bool()) {
    return TypeMismatch(e.pos, absl::StrCat("expected a Boolean predicate but got ",
                                            v.TypeName()));
  }
  return v.as_bool();
}

absl::StatusOr<QValue> Evaluator::Eval(const Expr& e, const Row& row, const AggValues* aggs) {
  switch (e.kind) {
    case Expr::Kind::kLiteral:
      return e.value;
    case Expr::Kind::kParam: {
      auto it = ctx_->params().find(e.name);
      if (it == ctx_->params().end()) {
        return QError("ParameterMissing", "MissingParameter", e.pos.line, e.pos.column,
                      absl::StrCat("expected a parameter named $", e.name));
      }
      return it->second;
    }
    case Expr::Kind::kVariable: {
      auto it = row.find(e.name);
      if (it == row.end()) {
        return SyntaxErr("UndefinedVariable", e.pos.line, e.pos.column,
                         absl::StrCat("variable `", e.name, "` not defined"));
      }
      return it->second;
    }
    case Expr::Kind::kProperty: {
      if (e.args[0]->kind == Expr::Kind::kVariable) {
        // `n.name`: the variable's value is read in place (no copy of a node, map or list).
        auto it = row.find(e.args[0]->name);
        if (it != row.end()) return Property(it->second, e.name, e.pos);
      }
      QValue base;
      KG_ASSIGN_OR_RETURN(base, Eval(*e.args[0], row, aggs));
      return Property(base, e.name, e.pos);
    }
    case Expr::Kind::kIndex: {
      QValue base, idx;
      KG_ASSIGN_OR_RETURN(base, Eval(*e.args[0], row, aggs));
      KG_ASSIGN_OR_RETURN(idx, Eval(*e.args[1], row, aggs));
      if (base.is_null() || idx.is_null()) return QValue();
      if (base.is_list()) {
        if (!idx.is_int()) {
          return TypeMismatch(e.pos, absl::StrCat("list index must be an Integer, got ",
                                                  idx.TypeName()));
        }
        const int64_t n = static_cast<int64_t>(base.as_list().size());
        int64_t i = idx.as_int();
        if (i < 0) i += n;
        if (i < 0 || i >= n) return QValue();
        return base.as_list()[static_cast<size_t>(i)];
      }
      if (base.is_map() || base.is_node() || base.is_rel()) {
        if (!idx.is_string()) {
          return TypeErr("MapElementAccessByNonString", e.pos.line, e.pos.column,
                         absl::StrCat("map key must be a String, got ", idx.TypeName()));
        }
        return Property(base, idx.as_string(), e.pos);
      }
      return TypeMismatch(e.pos, absl::StrCat("cannot index a ", base.TypeName()));
    }
    case Expr::Kind::kSlice: {
      QValue base, from, to;
      KG_ASSIGN_OR_RETURN(base, Eval(*e.args[0], row, aggs));
      if (e.args[1]) KG_ASSIGN_OR_RETURN(from, Eval(*e.args[1], row, aggs));
      if (e.args[2]) KG_ASSIGN_OR_RETURN(to, Eval(*e.args[2], row, aggs));
      if (base.is_null() || (e.args[1] && from.is_null()) || (e.args[2] && to.is_null())) {
        return QValue();
      }
      if (!base.is_list()) {
        return TypeMismatch(e.pos, absl::StrCat("cannot slice a ", base.TypeName()));
      }
      if ((e.args[1] && !from.is_int()) || (e.args[2] && !to.is_int())) {
        return TypeMismatch(e.pos, "list slice bounds must be Integers");
      }
      const int64_t n = static_cast<int64_t>(base.as_list().size());
      int64_t a = e.args[1] ? from.as_int() : 0;
      int64_t b = e.args[2] ? to.as_int() : n;
      if (a < 0) a += n;
      if (b < 0) b += n;
      a = std::clamp<int64_t>(a, 0, n);
      b = std::clamp<int64_t>(b, 0, n);
      QList out;
      for (int64_t i = a; i < b; ++i) out.push_back(base.as_list()[static_cast<size_t>(i)]);
      return QValue(std::move(out));
    }
    case Expr::Kind::kList: {
      QList l;
      l.reserve(e.args.size());
      for (const auto& a : e.args) {
        QValue v;
        KG_ASSIGN_OR_RETURN(v, Eval(*a, row, aggs));
        l.push_back(std::move(v));
      }
      return QValue(std::move(l));
    }
    case Expr::Kind::kMap: {
      QMap m;
      for (size_t i = 0; i < e.args.size(); ++i) {
        QValue v;
        KG_ASSIGN_OR_RETURN(v, Eval(*e.args[i], row, aggs));
        m[e.keys[i]] = std::move(v);
      }
      return QValue(std::move(m));
    }
    case Expr::Kind::kUnary: {
      QValue a;
      KG_ASSIGN_OR_RETURN(a, Eval(*e.args[0], row, aggs));
      if (e.op == "NOT") {
        std::optional<bool> b;
        KG_ASSIGN_OR_RETURN(b, ToBool(a, e, "NOT"));
        return b ? QValue(!*b) : QValue();
      }
      if (a.is_null()) return QValue();
      if (!a.is_number()) {
        return TypeMismatch(e.pos, absl::StrCat("unary '", e.op, "' expects a number but got ",
                                                a.TypeName()));
      }
      if (e.op == "+") return a;
      if (a.is_int()) {
        if (a.as_int() == INT64_MIN) {
          return ArgErr("NumberOutOfRange", e.pos, "integer overflow in unary '-'");
        }
        return QValue(-a.as_int());
      }
      return QValue(-a.as_double());
    }
    case Expr::Kind::kBinary:
      return EvalBinary(e, row, aggs);
    case Expr::Kind::kIsNull:
    case Expr::Kind::kIsNotNull: {
      QValue a;
      KG_ASSIGN_OR_RETURN(a, Eval(*e.args[0], row, aggs));
      return QValue(a.is_null() == (e.kind == Expr::Kind::kIsNull));
    }
    case Expr::Kind::kHasLabels: {
      QValue a;
      KG_ASSIGN_OR_RETURN(a, Eval(*e.args[0], row, aggs));
      if (a.is_null()) return QValue();
      if (!a.is_node()) {
        return TypeMismatch(e.pos, absl::StrCat("label check on a ", a.TypeName()));
      }
      const Node* n;
      KG_ASSIGN_OR_RETURN(n, ctx_->GetNode(a.node_id()));
      if (n == nullptr) return QValue(false);
      for (const auto& l : e.keys) {
        if (std::find(n->labels.begin(), n->labels.end(), l) == n->labels.end()) {
          return QValue(false);
        }
      }
      return QValue(true);
    }
    case Expr::Kind::kFunction:
    case Expr::Kind::kCountStar:
      return EvalFunction(e, row, aggs);
    case Expr::Kind::kCase: {
      size_t i = 0;
      QValue subject;
      if (e.has_case_subject) {
        KG_ASSIGN_OR_RETURN(subject, Eval(*e.args[0], row, aggs));
        i = 1;
      }
      const size_t end = e.args.size() - (e.has_else ? 1 : 0);
      for (; i + 1 < end + 1 && i < end; i += 2) {
        QValue w;
        KG_ASSIGN_OR_RETURN(w, Eval(*e.args[i], row, aggs));
        bool hit;
        if (e.has_case_subject) {
          hit = CypherEquals(subject, w).value_or(false);
        } else {
          if (!w.is_null() && !w.is_bool()) {
            return TypeMismatch(e.args[i]->pos, "CASE WHEN expects a Boolean");
          }
          hit = w.is_bool() && w.as_bool();
        }
        if (hit) return Eval(*e.args[i + 1], row, aggs);
      }
      if (e.has_else) return Eval(*e.args.back(), row, aggs);
      return QValue();
    }
    case Expr::Kind::kListComprehension:
    case Expr::Kind::kQuantifier: {
      QValue list;
      KG_ASSIGN_OR_RETURN(list, Eval(*e.args[0], row, aggs));
      if (list.is_null()) return QValue();
      if (!list.is_list()) {
        return TypeMismatch(e.args[0]->pos, absl::StrCat("expected a List but got ",
                                                         list.TypeName()));
      }
      Row inner = row;
      QList out;
      int64_t true_count = 0, false_count = 0;
      bool saw_null = false;
      for (const auto& x : list.as_list()) {
        KG_RETURN_IF_ERROR(ctx_->Tick(e.pos));
        inner[e.name] = x;
        QValue keep = QValue(true);
        if (e.args[1]) KG_ASSIGN_OR_RETURN(keep, Eval(*e.args[1], inner, aggs));
        if (!keep.is_null() && !keep.is_bool()) {
          return TypeMismatch(e.args[1]->pos, "WHERE expects a Boolean");
        }
        if (e.kind == Expr::Kind::kQuantifier) {
          if (keep.is_null()) {
            saw_null = true;
          } else if (keep.as_bool()) {
            ++true_count;
          } else {
            ++false_count;
          }
          continue;
        }
        if (!keep.is_bool() || !keep.as_bool()) continue;
        if (e.args.size() > 2 && e.args[2]) {
          QValue v;
          KG_ASSIGN_OR_RETURN(v, Eval(*e.args[2], inner, aggs));
          out.push_back(std::move(v));
        } else {
          out.push_back(x);
        }
      }
      if (e.kind == Expr::Kind::kListComprehension) return QValue(std::move(out));
      if (e.op == "all") {
        if (false_count > 0) return QValue(false);
        return saw_null ? QValue() : QValue(true);
      }
      if (e.op == "any") {
        if (true_count > 0) return QValue(true);
        return saw_null ? QValue() : QValue(false);
      }
      if (e.op == "none") {
        if (true_count > 0) return QValue(false);
        return saw_null ? QValue() : QValue(true);
      }
      // single
      if (true_count > 1) return QValue(false);
      if (saw_null) return QValue();
      return QValue(true_count == 1);
    }
  }
  return TypeMismatch(e.pos, "unsupported expression");
}

absl::StatusOr<QValue> Evaluator::EvalBinary(const Expr& e, const Row& row,
                                             const AggValues* aggs) {
  const std::string& op = e.op;
  QValue a;
  KG_ASSIGN_OR_RETURN(a, Eval(*e.args[0], row, aggs));
  if (op == "AND" || op == "OR" || op == "XOR") {
    std::optional<bool> x;
    KG_ASSIGN_OR_RETURN(x, ToBool(a, e, op.c_str()));
    // Short-circuit where the result is already decided.
    if (op == "AND" && x == false) {
      // still type-check right side lazily: openCypher allows short-circuit.
      return QValue(false);
    }
    if (op == "OR" && x == true) return QValue(true);
    QValue b;
    KG_ASSIGN_OR_RETURN(b, Eval(*e.args[1], row, aggs));
    std::optional<bool> y;
    KG_ASSIGN_OR_RETURN(y, ToBool(b, e, op.c_str()));
    if (op == "AND") {
      if (y == false) return QValue(false);
      if (!x || !y) return QValue();
      return QValue(true);
    }
    if (op == "OR") {
      if (y == true) return QValue(true);
      if (!x || !y) return QValue();
      return QValue(false);
    }
    if (!x || !y) return QValue();
    return QValue(*x != *y);
  }
  QValue b;
  KG_ASSIGN_OR_RETURN(b, Eval(*e.args[1], row, aggs));
  if (op == "=") return Ternary(CypherEquals(a, b));
  if (op == "<>") {
    auto eq = CypherEquals(a, b);
    return eq ? QValue(!*eq) : QValue();
  }
  if (op == "<" || op == ">" || op == "<=" || op == ">=") {
    bool nan = false;
    auto c = CypherCompare(a, b, &nan);
    if (!c) return nan ? QValue(false) : QValue();
    if (op == "<") return QValue(*c < 0);
    if (op == ">") return QValue(*c > 0);
    if (op == "<=") return QValue(*c <= 0);
    return QValue(*c >= 0);
  }
  if (op == "IN") {
    if (b.is_null()) return QValue();
    if (!b.is_list()) {
      return TypeMismatch(e.pos, absl::StrCat("IN expects a List but got ", b.TypeName()));
    }
    bool unknown = false;
    for (const auto& x : b.as_list()) {
      auto eq = CypherEquals(a, x);
      if (!eq) {
        unknown = true;
      } else if (*eq) {
        return QValue(true);
      }
    }
    return unknown ? QValue() : QValue(false);
  }
  if (op == "=~") {  // openCypher: the whole string matches the regular expression (RE2).
    if (!a.is_string() || !b.is_string()) return QValue();
    const std::string& pattern = b.as_string();
    auto it = regexes_.find(pattern);
    if (it == regexes_.end()) {
      constexpr size_t kMaxRegexes = 64;
      if (regexes_.size() >= kMaxRegexes) regexes_.clear();
      RE2::Options options;
      options.set_log_errors(false);
      auto re = std::make_unique<RE2>(pattern, options);
      if (!re->ok()) {
        return ArgErr("InvalidArgumentValue", e.pos,
                      absl::StrCat("invalid regular expression: ", re->error()));
      }
      it = regexes_.emplace(pattern, std::move(re)).first;
    }
    return QValue(RE2::FullMatch(a.as_string(), *it->second));
  }
  if (op == "STARTS WITH" || op == "ENDS WITH" || op == "CONTAINS") {
    if (!a.is_string() || !b.is_string()) return QValue();
    const std::string& s = a.as_string();
    const std::string& t = b.as_string();
    if (op == "STARTS WITH") return QValue(absl::StartsWith(s, t));
    if (op == "ENDS WITH") return QValue(absl::EndsWith(s, t));
    return QValue(s.find(t) != std::string::npos);
  }
  return Arith(op, a, b, e.pos);
}

absl::StatusOr<QValue> Evaluator::EvalFunction(const Expr& e, const Row& row,
                                               const AggValues* aggs) {
  if (e.aggregate) {
    if (aggs != nullptr) {
      auto it = aggs->find(&e);
      if (it != aggs->end()) return it->second;
    }
    return SyntaxErr("InvalidAggregation", e.pos.line, e.pos.column,
                     absl::StrCat("aggregation function '", e.name,
                                  "' is not allowed here"));
  }
  if (e.name == "coalesce") {
    for (const auto& a : e.args) {
      QValue v;
      KG_ASSIGN_OR_RETURN(v, Eval(*a, row, aggs));
      if (!v.is_null()) return v;
    }
    return QValue();
  }
  std::vector<QValue> args;
  args.reserve(e.args.size());
  for (const auto& a : e.args) {
    QValue v;
    KG_ASSIGN_OR_RETURN(v, Eval(*a, row, aggs));
    args.push_back(std::move(v));
  }
  return CallScalar(e, args);
}

// ---------------- text ----------------

std::string ToCypherString(const QValue& v) {
  switch (v.kind()) {
    case QValue::Kind::kNull:
      return "null";
    case QValue::Kind::kBool:
      return v.as_bool() ? "true" : "false";
    case QValue::Kind::kInt:
      return absl::StrCat(v.as_int());
    case QValue::Kind::kDouble:
      return FormatDouble(v.as_double());
    case QValue::Kind::kString:
      return v.as_string();
    case QValue::Kind::kList: {
      std::vector<std::string> parts;
      for (const auto& x : v.as_list()) {
        parts.push_back(x.is_string() ? absl::StrCat("'", x.as_string(), "'")
                                      : ToCypherString(x));
      }
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    case QValue::Kind::kMap: {
      std::vector<std::string> parts;
      for (const auto& [k, x] : v.as_map()) {
        parts.push_back(absl::StrCat(k, ": ",
                                     x.is_string() ? absl::StrCat("'", x.as_string(), "'")
                                                   : ToCypherString(x)));
      }
      return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
    }
    case QValue::Kind::kNode:
      return absl::StrCat("(#", v.node_id(), ")");
    case QValue::Kind::kRel:
      return absl::StrCat("[#", v.rel_id(), "]");
    case QValue::Kind::kPath:
      return absl::StrCat("<path of ", v.as_path().rels.size(), ">");
  }
  return "";
}

bool SameExpr(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.name != b.name || a.op != b.op || a.keys != b.keys ||
      a.distinct != b.distinct || a.has_case_subject != b.has_case_subject ||
      a.has_else != b.has_else || a.args.size() != b.args.size()) {
    return false;
  }
  if (a.kind == Expr::Kind::kLiteral && !(a.value == b.value)) return false;
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (!a.args[i] != !b.args[i]) return false;
    if (a.args[i] && !SameExpr(*a.args[i], *b.args[i])) return false;
  }
  return true;
}

}  // namespace kg::query
