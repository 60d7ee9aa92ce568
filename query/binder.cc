#include "query/binder.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "query/errors.h"
#include "query/eval.h"
#include "query/status_macros.h"

namespace kg::query {
namespace {

// What the binder knows of a variable's (or an expression's) type. kAny: unknown (or null,
// which is compatible with everything). The value kinds (kBool..kMap) come from literals and
// let the binder report the TCK's compile-time type errors (InvalidArgumentType,
// VariableTypeConflict).
enum class VarKind { kAny, kNode, kRel, kRelList, kPath, kBool, kInt, kFloat, kString, kList, kMap };

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kAny:
      return "value";
    case VarKind::kNode:
      return "node";
    case VarKind::kRel:
      return "relationship";
    case VarKind::kRelList:
      return "list of relationships";
    case VarKind::kPath:
      return "path";
    case VarKind::kBool:
      return "boolean";
    case VarKind::kInt:
      return "integer";
    case VarKind::kFloat:
      return "float";
    case VarKind::kString:
      return "string";
    case VarKind::kList:
      return "list";
    case VarKind::kMap:
      return "map";
  }
  return "?";
}

bool IsOneOf(VarKind k, std::initializer_list<VarKind> ks) {
  for (VarKind x : ks) {
    if (k == x) return true;
  }
  return false;
}

using Scope = std::map<std::string, VarKind>;

// The statically known type of an expression (kAny when not known).
VarKind StaticKind(const Expr& e, const Scope& scope) {
  switch (e.kind) {
    case Expr::Kind::kLiteral:
      switch (e.value.kind()) {
        case QValue::Kind::kBool:
          return VarKind::kBool;
        case QValue::Kind::kInt:
          return VarKind::kInt;
        case QValue::Kind::kDouble:
          return VarKind::kFloat;
        case QValue::Kind::kString:
          return VarKind::kString;
        default:
          return VarKind::kAny;
      }
    case Expr::Kind::kList:
    case Expr::Kind::kListComprehension:
      return VarKind::kList;
    case Expr::Kind::kMap:
      return VarKind::kMap;
    case Expr::Kind::kVariable: {
      auto it = scope.find(e.name);
      return it == scope.end() ? VarKind::kAny : it->second;
    }
    case Expr::Kind::kUnary:
      return e.op == "NOT" ? VarKind::kBool : VarKind::kAny;
    case Expr::Kind::kBinary:
      for (const char* op : {"OR", "XOR", "AND", "=", "<>", "<", ">", "<=", ">=", "IN",
                             "STARTS WITH", "ENDS WITH", "CONTAINS", "=~"}) {
        if (e.op == op) return VarKind::kBool;
      }
      return VarKind::kAny;
    case Expr::Kind::kIsNull:
    case Expr::Kind::kIsNotNull:
    case Expr::Kind::kHasLabels:
    case Expr::Kind::kQuantifier:
      return VarKind::kBool;
    default:
      return VarKind::kAny;
  }
}

// The element type of a list literal whose elements all have one known type, else kAny.
VarKind ElementKind(const Expr& e, const Scope& scope) {
  if (e.kind != Expr::Kind::kList || e.args.empty()) return VarKind::kAny;
  VarKind k = StaticKind(*e.args[0], scope);
  for (const auto& a : e.args) {
    if (StaticKind(*a, scope) != k) return VarKind::kAny;
  }
  return k;
}

// Compile-time type errors the TCK expects for operands whose type is known statically.
absl::Status TypeCheck(const Expr& e, const Scope& scope) {
  auto bad = [&](const Expr& arg, std::initializer_list<VarKind> wrong,
                 absl::string_view what) -> absl::Status {
    const VarKind k = StaticKind(arg, scope);
    if (!IsOneOf(k, wrong)) return absl::OkStatus();
    return SyntaxErr("InvalidArgumentType", arg.pos.line, arg.pos.column,
                     absl::StrCat(std::string(what), " cannot take a ", KindName(k)));
  };
  const std::initializer_list<VarKind> not_bool = {
      VarKind::kInt,  VarKind::kFloat,   VarKind::kString, VarKind::kList, VarKind::kMap,
      VarKind::kNode, VarKind::kRel,     VarKind::kPath,   VarKind::kRelList};
  const std::initializer_list<VarKind> not_number = {
      VarKind::kBool, VarKind::kString, VarKind::kList,   VarKind::kMap,
      VarKind::kNode, VarKind::kRel,    VarKind::kPath,   VarKind::kRelList};
  if (e.kind == Expr::Kind::kUnary) {
    if (e.op == "NOT") return bad(*e.args[0], not_bool, "NOT");
    return bad(*e.args[0], not_number, absl::StrCat("unary ", e.op));
  }
  if (e.kind == Expr::Kind::kBinary) {
    if (e.op == "AND" || e.op == "OR" || e.op == "XOR") {
      KG_RETURN_IF_ERROR(bad(*e.args[0], not_bool, e.op));
      return bad(*e.args[1], not_bool, e.op);
    }
    if (e.op == "IN") {
      return bad(*e.args[1],
                 {VarKind::kBool, VarKind::kInt, VarKind::kFloat, VarKind::kString, VarKind::kMap,
                  VarKind::kNode, VarKind::kRel, VarKind::kPath},
                 "the right side of IN");
    }
    if (e.op == "-" || e.op == "*" || e.op == "/" || e.op == "%" || e.op == "^") {
      KG_RETURN_IF_ERROR(bad(*e.args[0], not_number, e.op));
      return bad(*e.args[1], not_number, e.op);
    }
    return absl::OkStatus();
  }
  if (e.kind == Expr::Kind::kFunction && e.args.size() == 1) {
    const Expr& a = *e.args[0];
    if (e.name == "properties") {
      return bad(a, {VarKind::kBool, VarKind::kInt, VarKind::kFloat, VarKind::kString,
                     VarKind::kList, VarKind::kRelList, VarKind::kPath},
                 "properties()");
    }
    if (e.name == "labels") {
      return bad(a, {VarKind::kBool, VarKind::kInt, VarKind::kFloat, VarKind::kString,
                     VarKind::kList, VarKind::kMap, VarKind::kRel, VarKind::kRelList,
                     VarKind::kPath},
                 "labels()");
    }
    if (e.name == "type") {
      return bad(a, {VarKind::kBool, VarKind::kInt, VarKind::kFloat, VarKind::kString,
                     VarKind::kList, VarKind::kMap, VarKind::kNode, VarKind::kRelList,
                     VarKind::kPath},
                 "type()");
    }
    if (e.name == "size") {
      return bad(a, {VarKind::kBool, VarKind::kInt, VarKind::kFloat, VarKind::kMap,
                     VarKind::kNode, VarKind::kRel, VarKind::kPath},
                 "size()");
    }
    if (e.name == "length") {
      return bad(a, {VarKind::kBool, VarKind::kInt, VarKind::kFloat, VarKind::kMap,
                     VarKind::kNode, VarKind::kRel},
                 "length()");
    }
  }
  return absl::OkStatus();
}

absl::Status Err(absl::string_view detail, Pos pos, absl::string_view msg) {
  return SyntaxErr(detail, pos.line, pos.column, msg);
}

bool ContainsAggregate(const Expr& e) {
  if (e.aggregate) return true;
  for (const auto& a : e.args) {
    if (a && ContainsAggregate(*a)) return true;
  }
  return false;
}

const Expr* FindVariable(const Expr& e) {
  if (e.kind == Expr::Kind::kVariable) return &e;
  for (const auto& a : e.args) {
    if (!a) continue;
    if (const Expr* v = FindVariable(*a)) return v;
  }
  return nullptr;
}

class Binder {
 public:
  explicit Binder(BindInfo* info) : info_(info) {}

  absl::Status CheckExpr(const Expr& e, const Scope& scope, bool allow_agg, bool in_agg) {
    switch (e.kind) {
      case Expr::Kind::kVariable:
        if (!scope.count(e.name)) {
          return Err("UndefinedVariable", e.pos,
                     absl::StrCat("variable `", e.name, "` not defined"));
        }
        return absl::OkStatus();
      case Expr::Kind::kParam:
        info_->params.emplace(e.name, e.pos);
        return absl::OkStatus();
      case Expr::Kind::kCountStar:
        if (!allow_agg) {
          return Err("InvalidAggregation", e.pos, "aggregation is not allowed here");
        }
        if (in_agg) return Err("NestedAggregation", e.pos, "aggregations cannot be nested");
        return absl::OkStatus();
      case Expr::Kind::kFunction: {
        const FunctionInfo* f = LookupFunction(e.name);
        if (f == nullptr) {
          return Err("UnknownFunction", e.pos, absl::StrCat("unknown function '", e.name, "'"));
        }
        const int n = static_cast<int>(e.args.size());
        if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
          return Err("InvalidNumberOfArguments", e.pos,
                     absl::StrCat("function '", e.name, "' takes ",
                                  f->min_args == f->max_args
                                      ? absl::StrCat(f->min_args)
                                      : absl::StrCat(f->min_args, " to ", f->max_args),
                                  " argument(s), got ", n));
        }
        if (f->aggregate) {
          if (!allow_agg) {
            return Err("InvalidAggregation", e.pos,
                       absl::StrCat("aggregation function '", e.name, "' is not allowed here"));
          }
          if (in_agg) return Err("NestedAggregation", e.pos, "aggregations cannot be nested");
          for (const auto& a : e.args) KG_RETURN_IF_ERROR(CheckExpr(*a, scope, true, true));
          return absl::OkStatus();
        }
        if (e.distinct) {
          return Err("InvalidArgumentPassingMode", e.pos,
                     absl::StrCat("DISTINCT is only allowed in aggregation functions, not '",
                                  e.name, "'"));
        }
        break;
      }
      case Expr::Kind::kListComprehension:
      case Expr::Kind::kQuantifier: {
        KG_RETURN_IF_ERROR(CheckExpr(*e.args[0], scope, allow_agg, in_agg));
        Scope inner = scope;
        inner[e.name] = ElementKind(*e.args[0], scope);
        for (size_t i = 1; i < e.args.size(); ++i) {
          if (e.args[i]) KG_RETURN_IF_ERROR(CheckExpr(*e.args[i], inner, false, in_agg));
        }
        return absl::OkStatus();
      }
      default:
        break;
    }
    for (const auto& a : e.args) {
      if (a) KG_RETURN_IF_ERROR(CheckExpr(*a, scope, allow_agg, in_agg));
    }
    return TypeCheck(e, scope);
  }

  // In an aggregating projection, every variable used outside an aggregate must be a
  // grouping key (or inside a grouping-key expression).
  absl::Status CheckAmbiguous(const Expr& e, const std::vector<const Expr*>& keys) {
    if (e.aggregate) return absl::OkStatus();
    for (const Expr* k : keys) {
      if (SameExpr(e, *k)) return absl::OkStatus();
    }
    if (e.kind == Expr::Kind::kVariable) {
      return Err("AmbiguousAggregationExpression", e.pos,
                 absl::StrCat("variable `", e.name,
                              "` is used with an aggregation but is not a grouping key"));
    }
    if (e.kind == Expr::Kind::kListComprehension || e.kind == Expr::Kind::kQuantifier) {
      return absl::OkStatus();  // inner variables are local
    }
    for (const auto& a : e.args) {
      if (a) KG_RETURN_IF_ERROR(CheckAmbiguous(*a, keys));
    }
    return absl::OkStatus();
  }

  absl::Status DeclareNode(const NodePattern& n, Scope& scope, Scope& fresh) {
    if (n.var.empty()) return absl::OkStatus();
    auto it = scope.find(n.var);
    if (it != scope.end()) {
      if (it->second != VarKind::kNode && it->second != VarKind::kAny) {
        return Err("VariableTypeConflict", n.pos,
                   absl::StrCat("variable `", n.var, "` is a ", KindName(it->second),
                                ", not a node"));
      }
      return absl::OkStatus();
    }
    scope[n.var] = VarKind::kNode;
    fresh[n.var] = VarKind::kNode;
    return absl::OkStatus();
  }

  absl::Status CheckMatchPattern(std::vector<PatternPart>& parts, Scope& scope) {
    const Scope before = scope;
    Scope fresh;
    std::map<std::string, bool> rels_here;
    for (auto& part : parts) {
      if (!part.path_var.empty()) {
        if (scope.count(part.path_var)) {
          return Err("VariableAlreadyBound", part.pos,
                     absl::StrCat("variable `", part.path_var, "` already declared"));
        }
      }
      // Property maps see the variables bound before this clause.
      for (auto& n : part.nodes) {
        if (n.props) KG_RETURN_IF_ERROR(CheckExpr(*n.props, before, false, false));
        KG_RETURN_IF_ERROR(DeclareNode(n, scope, fresh));
      }
      for (auto& r : part.rels) {
        if (r.props) KG_RETURN_IF_ERROR(CheckExpr(*r.props, before, false, false));
        if (r.var.empty()) continue;
        if (rels_here.count(r.var)) {
          return Err("RelationshipUniquenessViolation", r.pos,
                     absl::StrCat("relationship variable `", r.var,
                                  "` used twice in one pattern"));
        }
        rels_here[r.var] = true;
        const VarKind want = r.var_length ? VarKind::kRelList : VarKind::kRel;
        auto it = scope.find(r.var);
        if (it != scope.end()) {
          if (it->second != want && it->second != VarKind::kAny &&
              !(want == VarKind::kRelList && it->second == VarKind::kList)) {
            return Err("VariableTypeConflict", r.pos,
                       absl::StrCat("variable `", r.var, "` is a ", KindName(it->second),
                                    ", not a ", KindName(want)));
          }
        } else {
          scope[r.var] = want;
          fresh[r.var] = want;
        }
      }
      if (!part.path_var.empty()) {
        if (scope.count(part.path_var)) {
          return Err("VariableAlreadyBound", part.pos,
                     absl::StrCat("variable `", part.path_var, "` already declared"));
        }
        scope[part.path_var] = VarKind::kPath;
        fresh[part.path_var] = VarKind::kPath;
      }
    }
    return absl::OkStatus();
  }

  // CREATE and MERGE patterns.
  absl::Status CheckWritePattern(std::vector<PatternPart>& parts, Scope& scope, bool merge) {
    for (auto& part : parts) {
      if (!part.path_var.empty() && scope.count(part.path_var)) {
        return Err("VariableAlreadyBound", part.pos,
                   absl::StrCat("variable `", part.path_var, "` already declared"));
      }
      for (auto& n : part.nodes) {
        if (n.props) KG_RETURN_IF_ERROR(CheckExpr(*n.props, scope, false, false));
        if (n.var.empty()) continue;
        auto it = scope.find(n.var);
        if (it != scope.end()) {
          if (it->second != VarKind::kNode && it->second != VarKind::kAny) {
            return Err("VariableTypeConflict", n.pos,
                       absl::StrCat("variable `", n.var, "` is a ", KindName(it->second),
                                    ", not a node"));
          }
          if (!n.labels.empty() || n.props || part.nodes.size() == 1) {
            return Err("VariableAlreadyBound", n.pos,
                       absl::StrCat("variable `", n.var, "` already declared"));
          }
        } else {
          scope[n.var] = VarKind::kNode;
        }
      }
      for (auto& r : part.rels) {
        if (r.props) KG_RETURN_IF_ERROR(CheckExpr(*r.props, scope, false, false));
        if (r.var_length) {
          return Err("CreatingVarLength", r.pos,
                     absl::StrCat(merge ? "MERGE" : "CREATE",
                                  " cannot use a variable-length relationship"));
        }
        if (r.types.size() != 1) {
          return Err("NoSingleRelationshipType", r.pos,
                     "a relationship to create needs exactly one type");
        }
        if (!merge && r.dir == Direction::kBoth) {
          return Err("RequiresDirectedRelationship", r.pos,
                     "only directed relationships can be created");
        }
        if (!r.var.empty()) {
          if (scope.count(r.var)) {
            return Err("VariableAlreadyBound", r.pos,
                       absl::StrCat("variable `", r.var, "` already declared"));
          }
          scope[r.var] = VarKind::kRel;
        }
      }
      if (!part.path_var.empty()) scope[part.path_var] = VarKind::kPath;
    }
    return absl::OkStatus();
  }

  absl::Status CheckSetItems(std::vector<SetItem>& items, const Scope& scope) {
    for (auto& it : items) {
      const Expr* v = FindVariable(*it.target);
      if (v && !scope.count(v->name)) {
        return Err("UndefinedVariable", v->pos,
                   absl::StrCat("variable `", v->name, "` not defined"));
      }
      if (it.value) KG_RETURN_IF_ERROR(CheckExpr(*it.value, scope, false, false));
    }
    return absl::OkStatus();
  }

  absl::Status CheckProjection(Clause& c, Scope& scope) {
    Projection& p = c.projection;
    const bool is_with = c.kind == Clause::Kind::kWith;
    Scope next;
    std::vector<std::string> columns;
    if (p.star) {
      if (scope.empty()) {
        return Err("NoVariablesInScope", c.pos,
                   absl::StrCat(is_with ? "WITH" : "RETURN", " * has no variables in scope"));
      }
      for (const auto& [name, kind] : scope) {
        p.star_vars.push_back(name);
        next[name] = kind;
        columns.push_back(name);
      }
    }
    std::vector<const Expr*> keys;
    for (auto& item : p.items) {
      KG_RETURN_IF_ERROR(CheckExpr(*item.expr, scope, true, false));
      if (ContainsAggregate(*item.expr)) {
        p.aggregating = true;
      } else {
        keys.push_back(item.expr.get());
      }
      if (is_with && !item.has_alias && item.expr->kind != Expr::Kind::kVariable) {
        return Err("NoExpressionAlias", item.pos,
                   absl::StrCat("expression '", item.column, "' in WITH must be aliased (AS)"));
      }
    }
    if (p.aggregating) {
      for (auto& item : p.items) {
        if (ContainsAggregate(*item.expr)) {
          KG_RETURN_IF_ERROR(CheckAmbiguous(*item.expr, keys));
        }
      }
    }
    for (auto& item : p.items) {
      for (const auto& col : columns) {
        if (col == item.column) {
          return Err("ColumnNameConflict", item.pos,
                     absl::StrCat("multiple result columns with the name '", col, "'"));
        }
      }
      columns.push_back(item.column);
      next[item.column] = StaticKind(*item.expr, scope);
    }
    // ORDER BY sees the projected names, and the incoming ones unless the projection
    // aggregates or is DISTINCT.
    Scope sort_scope = next;
    if (!p.aggregating && !p.distinct) {
      for (const auto& [n, k] : scope) sort_scope.emplace(n, k);
    }
    for (auto& s : p.order_by) {
      // After an aggregating or DISTINCT projection, ORDER BY may repeat projected
      // expressions (grouping keys, aggregates): they stand for their columns.
      if (p.aggregating || p.distinct) RewriteToColumns(s.expr, p.items);
      if (ContainsAggregate(*s.expr)) {
        return Err("InvalidAggregation", s.expr->pos,
                   "an aggregation in ORDER BY must also be projected");
      }
      KG_RETURN_IF_ERROR(CheckExpr(*s.expr, sort_scope, false, false));
    }
    for (ExprPtr* e : {&p.skip, &p.limit}) {
      if (!*e) continue;
      if (const Expr* v = FindVariable(**e)) {
        return Err("NonConstantExpression", v->pos,
                   "SKIP and LIMIT take a constant expression (no variables)");
      }
      KG_RETURN_IF_ERROR(CheckExpr(**e, Scope(), false, false));
    }
    // WITH … WHERE sees the projected names, and the incoming ones unless the projection
    // aggregates.
    if (p.where) {
      Scope where_scope = next;
      if (!p.aggregating) {
        for (const auto& [n, k] : scope) where_scope.emplace(n, k);
      }
      KG_RETURN_IF_ERROR(CheckExpr(*p.where, where_scope, false, false));
    }
    if (!is_with) info_->columns = columns;
    scope = std::move(next);
    return absl::OkStatus();
  }

  absl::Status CheckSingle(SingleQuery& q) {
    Scope scope;
    info_->columns.clear();
    for (auto& c : q.clauses) {
      switch (c.kind) {
        case Clause::Kind::kMatch:
          KG_RETURN_IF_ERROR(CheckMatchPattern(c.pattern, scope));
          if (c.where) KG_RETURN_IF_ERROR(CheckExpr(*c.where, scope, false, false));
          break;
        case Clause::Kind::kUnwind:
          KG_RETURN_IF_ERROR(CheckExpr(*c.expr, scope, false, false));
          if (scope.count(c.alias)) {
            return Err("VariableAlreadyBound", c.pos,
                       absl::StrCat("variable `", c.alias, "` already declared"));
          }
          scope[c.alias] = ElementKind(*c.expr, scope);
          break;
        case Clause::Kind::kWith:
        case Clause::Kind::kReturn:
          KG_RETURN_IF_ERROR(CheckProjection(c, scope));
          break;
        case Clause::Kind::kCreate:
          info_->is_write = true;
          KG_RETURN_IF_ERROR(CheckWritePattern(c.pattern, scope, false));
          break;
        case Clause::Kind::kMerge:
          info_->is_write = true;
          KG_RETURN_IF_ERROR(CheckWritePattern(c.pattern, scope, true));
          KG_RETURN_IF_ERROR(CheckSetItems(c.on_create, scope));
          KG_RETURN_IF_ERROR(CheckSetItems(c.on_match, scope));
          break;
        case Clause::Kind::kSet:
        case Clause::Kind::kRemove:
          info_->is_write = true;
          KG_RETURN_IF_ERROR(CheckSetItems(c.items, scope));
          break;
        case Clause::Kind::kDelete:
          info_->is_write = true;
          for (auto& e : c.exprs) {
            if (e->kind == Expr::Kind::kHasLabels) {
              return Err("InvalidDelete", e->pos,
                         "DELETE takes nodes, relationships or paths; use REMOVE for labels");
            }
            KG_RETURN_IF_ERROR(CheckExpr(*e, scope, false, false));
            const VarKind k = StaticKind(*e, scope);
            if (IsOneOf(k, {VarKind::kBool, VarKind::kInt, VarKind::kFloat, VarKind::kString,
                            VarKind::kList, VarKind::kMap})) {
              return Err("InvalidArgumentType", e->pos,
                         absl::StrCat("DELETE takes nodes, relationships or paths, not a ",
                                      KindName(k)));
            }
          }
          break;
      }
    }
    const Clause& last = q.clauses.back();
    if (last.kind == Clause::Kind::kMatch || last.kind == Clause::Kind::kWith ||
        last.kind == Clause::Kind::kUnwind) {
      return Err("InvalidClauseComposition", last.pos,
                 absl::StrCat("a query cannot end with ", ClauseName(last.kind),
                              " (add a RETURN or an updating clause)"));
    }
    return absl::OkStatus();
  }

 private:
  // Replaces every sub-expression of `e` equal to a projected item's expression by a
  // reference to that item's column.
  static void RewriteToColumns(ExprPtr& e, const std::vector<ProjectionItem>& items) {
    if (!e) return;
    for (const auto& item : items) {
      if (SameExpr(*item.expr, *e)) {
        auto v = std::make_unique<Expr>();
        v->kind = Expr::Kind::kVariable;
        v->name = item.column;
        v->pos = e->pos;
        v->text = e->text;
        e = std::move(v);
        return;
      }
    }
    if (e->kind == Expr::Kind::kListComprehension || e->kind == Expr::Kind::kQuantifier) return;
    for (auto& a : e->args) RewriteToColumns(a, items);
  }

  BindInfo* info_;
};

}  // namespace

absl::StatusOr<BindInfo> Bind(Statement& st) {
  BindInfo info;
  Binder b(&info);
  std::vector<std::string> first_columns;
  for (size_t i = 0; i < st.queries.size(); ++i) {
    KG_RETURN_IF_ERROR(b.CheckSingle(st.queries[i]));
    if (i == 0) {
      first_columns = info.columns;
    } else if (info.columns != first_columns) {
      const Clause& c = st.queries[i].clauses.back();
      return SyntaxErr("DifferentColumnsInUnion", c.pos.line, c.pos.column,
                       "all sub-queries in a UNION must return the same column names");
    }
    if (i > 0 && st.union_all[i - 1] != st.union_all[0]) {
      const Clause& c = st.queries[i].clauses.front();
      return SyntaxErr("InvalidClauseComposition", c.pos.line, c.pos.column,
                       "cannot mix UNION and UNION ALL");
    }
  }
  info.columns = first_columns;
  return info;
}

}  // namespace kg::query
