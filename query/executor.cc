#include "query/executor.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "query/errors.h"
#include "query/matcher.h"
#include "query/planner.h"
#include "query/status_macros.h"

namespace kg::query {
namespace {

std::set<std::string> KeysOf(const std::vector<Row>& rows) {
  std::set<std::string> keys;
  if (!rows.empty()) {
    for (const auto& [k, v] : rows.front()) keys.insert(k);
  }
  return keys;
}

absl::StatusOr<kg::Value> ToProperty(const QValue& v, Pos pos) {
  auto pv = v.ToValue();
  if (!pv) {
    return TypeErr("InvalidPropertyType", pos.line, pos.column,
                   absl::StrCat("a ", v.TypeName(), " cannot be stored as a property value"));
  }
  return *pv;
}

// ---------------- aggregation ----------------

struct Accumulator {
  const Expr* expr = nullptr;
  int64_t count = 0;
  bool sum_double = false;
  int64_t isum = 0;
  double dsum = 0;
  std::optional<QValue> best;  // min / max
  QList collected;                         // collect, percentiles, stDev
  double percentile = 0;
  absl::flat_hash_set<std::string> seen;  // DISTINCT

  // `param`: the percentile argument of percentileDisc/percentileCont (else null).
  absl::Status Feed(const QValue& v, const QValue& param = QValue()) {
    const std::string& f = expr->name;
    if (expr->kind == Expr::Kind::kCountStar) {
      ++count;
      return absl::OkStatus();
    }
    if (v.is_null()) return absl::OkStatus();
    if (expr->distinct && !seen.insert(GroupKey(v)).second) return absl::OkStatus();
    ++count;
    if (f == "count") return absl::OkStatus();
    if (f == "collect") {
      collected.push_back(v);
      return absl::OkStatus();
    }
    if (f == "percentiledisc" || f == "percentilecont" || f == "stdev" || f == "stdevp") {
      if (!v.is_number()) {
        return TypeErr("InvalidArgumentType", expr->pos.line, expr->pos.column,
                       absl::StrCat(f, "() expects numbers but got ", v.TypeName()));
      }
      if (f[0] == 'p') {
        if (!param.is_number() || param.as_number() < 0 || param.as_number() > 1 ||
            std::isnan(param.as_number())) {
          return QError("ArgumentError", "NumberOutOfRange", expr->pos.line, expr->pos.column,
                        absl::StrCat(f, "() expects a percentile between 0.0 and 1.0"));
        }
        percentile = param.as_number();
      }
      collected.push_back(v);
      return absl::OkStatus();
    }
    if (f == "min" || f == "max") {
      if (!best || (f == "min" ? OrderCompare(v, *best) < 0 : OrderCompare(v, *best) > 0)) {
        best = v;
      }
      return absl::OkStatus();
    }
    // sum / avg
    if (!v.is_number()) {
      return TypeErr("InvalidArgumentType", expr->pos.line, expr->pos.column,
                     absl::StrCat(f, "() expects numbers but got ", v.TypeName()));
    }
    if (v.is_double()) sum_double = true;
    dsum += v.as_number();
    if (v.is_int() && !sum_double && f == "sum") {
      if (__builtin_add_overflow(isum, v.as_int(), &isum)) {
        return QError("ArgumentError", "NumberOutOfRange", expr->pos.line, expr->pos.column,
                      "integer overflow in sum()");
      }
    }
    return absl::OkStatus();
  }

  QValue Result() const {
    const std::string& f = expr->name;
    if (expr->kind == Expr::Kind::kCountStar || f == "count") return QValue(count);
    if (f == "collect") return QValue(collected);
    if (f == "min" || f == "max") return best ? *best : QValue();
    if (f == "sum") return sum_double ? QValue(dsum) : QValue(isum);
    if (f == "avg") return count == 0 ? QValue() : QValue(dsum / static_cast<double>(count));
    if (f == "stdev" || f == "stdevp") {
      const size_t n = collected.size();
      if (n == 0 || (n == 1 && f == "stdev")) return QValue(0.0);
      double mean = 0;
      for (const auto& x : collected) mean += x.as_number();
      mean /= static_cast<double>(n);
      double sq = 0;
      for (const auto& x : collected) sq += (x.as_number() - mean) * (x.as_number() - mean);
      return QValue(std::sqrt(sq / static_cast<double>(f == "stdev" ? n - 1 : n)));
    }
    if (f == "percentiledisc" || f == "percentilecont") {
      if (collected.empty()) return QValue();
      QList sorted = collected;
      std::stable_sort(sorted.begin(), sorted.end(), [](const QValue& a, const QValue& b) {
        return a.as_number() < b.as_number();
      });
      const double n = static_cast<double>(sorted.size());
      if (f == "percentiledisc") {
        const double pos = std::ceil(percentile * n) - 1;
        return sorted[static_cast<size_t>(std::max(0.0, pos))];
      }
      const double idx = percentile * (n - 1);
      const size_t lo = static_cast<size_t>(std::floor(idx));
      const size_t hi = static_cast<size_t>(std::ceil(idx));
      const double a = sorted[lo].as_number(), b = sorted[hi].as_number();
      return QValue(lo == hi ? a : a + (idx - static_cast<double>(lo)) * (b - a));
    }
    return QValue();
  }
};

void CollectAggregates(const Expr& e, std::vector<const Expr*>* out) {
  if (e.aggregate) {
    out->push_back(&e);
    return;
  }
  for (const auto& a : e.args) {
    if (a) CollectAggregates(*a, out);
  }
}

std::string ClauseTitle(const Clause& c) {
  if (c.kind == Clause::Kind::kMatch && c.optional) return "OPTIONAL MATCH";
  if (c.kind == Clause::Kind::kDelete && c.detach) return "DETACH DELETE";
  return ClauseName(c.kind);
}

// What a clause does, given the variables bound before it (the MATCH plan depends on them).
std::string ClauseDetails(const Clause& c, const std::set<std::string>& bound) {
  std::string out;
  if (c.kind == Clause::Kind::kMatch || c.kind == Clause::Kind::kMerge) {
    std::set<std::string> b = bound;
    for (const auto& part : c.pattern) {
      if (!out.empty()) out += " | ";
      out += DescribePlan(part, PlanPart(part, b));
      for (const auto& n : part.nodes) {
        if (!n.var.empty()) b.insert(n.var);
      }
    }
    if (c.where) out += "; filter WHERE";
    return out;
  }
  if (c.kind == Clause::Kind::kWith || c.kind == Clause::Kind::kReturn) {
    const Projection& p = c.projection;
    std::vector<std::string> cols = p.star_vars;
    for (const auto& item : p.items) cols.push_back(item.column);
    out = absl::StrCat(p.distinct ? "distinct " : "", p.aggregating ? "aggregate " : "",
                       "project ", absl::StrJoin(cols, ", "));
    if (!p.order_by.empty()) out += "; sort";
    if (p.skip) out += "; skip";
    if (p.limit) out += "; limit";
    if (p.where) out += "; filter WHERE";
    return out;
  }
  if (c.kind == Clause::Kind::kUnwind) return absl::StrCat("unwind as ", c.alias);
  return "";
}

// Variables bound after clause `c` (for EXPLAIN's planning without running).
void BindAfter(const Clause& c, std::set<std::string>* bound) {
  auto add_pattern = [&] {
    for (const auto& part : c.pattern) {
      if (!part.path_var.empty()) bound->insert(part.path_var);
      for (const auto& n : part.nodes) {
        if (!n.var.empty()) bound->insert(n.var);
      }
      for (const auto& r : part.rels) {
        if (!r.var.empty()) bound->insert(r.var);
      }
    }
  };
  switch (c.kind) {
    case Clause::Kind::kMatch:
    case Clause::Kind::kCreate:
    case Clause::Kind::kMerge:
      add_pattern();
      break;
    case Clause::Kind::kUnwind:
      bound->insert(c.alias);
      break;
    case Clause::Kind::kWith: {
      std::set<std::string> next(c.projection.star_vars.begin(), c.projection.star_vars.end());
      for (const auto& item : c.projection.items) next.insert(item.column);
      *bound = std::move(next);
      break;
    }
    default:
      break;
  }
}

class Executor {
 public:
  Executor(ExecContext* ctx, std::vector<OperatorProfile>* profile = nullptr)
      : ctx_(ctx), ev_(ctx), profile_(profile) {}

  absl::Status RunSingle(const SingleQuery& q, QueryResult* result) {
    std::vector<Row> rows(1);
    for (size_t ci = 0; ci < q.clauses.size(); ++ci) {
      const Clause& c = q.clauses[ci];
      const absl::Time start = absl::Now();
      if (profile_ != nullptr) {
        profile_->push_back({ClauseTitle(c), ClauseDetails(c, KeysOf(rows)), 0, 0});
      }
      const size_t result_rows_before = result->rows.size();
      switch (c.kind) {
        case Clause::Kind::kMatch: {
          std::optional<size_t> cap;
          if (ci + 1 < q.clauses.size()) {
            KG_ASSIGN_OR_RETURN(cap, RowCapFor(q.clauses[ci + 1]));
          }
          KG_RETURN_IF_ERROR(DoMatch(c, rows, cap));
          break;
        }
        case Clause::Kind::kUnwind:
          KG_RETURN_IF_ERROR(DoUnwind(c, rows));
          break;
        case Clause::Kind::kWith:
          KG_RETURN_IF_ERROR(DoProjection(c, rows, nullptr));
          break;
        case Clause::Kind::kReturn:
          KG_RETURN_IF_ERROR(DoProjection(c, rows, result));
          break;
        case Clause::Kind::kCreate:
          KG_RETURN_IF_ERROR(DoCreate(c, rows));
          break;
        case Clause::Kind::kMerge:
          KG_RETURN_IF_ERROR(DoMerge(c, rows));
          break;
        case Clause::Kind::kSet:
        case Clause::Kind::kRemove:
          for (const Row& row : rows) {
            KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
            for (const SetItem& it : c.items) KG_RETURN_IF_ERROR(ApplySetItem(it, row));
          }
          break;
        case Clause::Kind::kDelete:
          KG_RETURN_IF_ERROR(DoDelete(c, rows));
          break;
      }
      if (profile_ != nullptr) {
        OperatorProfile& op = profile_->back();
        op.rows = static_cast<int64_t>(c.kind == Clause::Kind::kReturn
                                           ? result->rows.size() - result_rows_before
                                           : rows.size());
        op.seconds = absl::ToDoubleSeconds(absl::Now() - start);
      }
    }
    return absl::OkStatus();
  }

 private:
  // ---------------- reading clauses ----------------
  // How many rows of a MATCH the next clause can use at most: SKIP + LIMIT of a plain
  // projection (no ORDER BY, DISTINCT, aggregation, WHERE); nullopt = all.
  absl::StatusOr<std::optional<size_t>> RowCapFor(const Clause& next) {
    if (next.kind != Clause::Kind::kWith && next.kind != Clause::Kind::kReturn) {
      return std::optional<size_t>();
    }
    const Projection& p = next.projection;
    if (!p.limit || p.distinct || p.aggregating || !p.order_by.empty() || p.where) {
      return std::optional<size_t>();
    }
    std::optional<int64_t> skip, limit;
    KG_ASSIGN_OR_RETURN(skip, EvalCount(p.skip, "SKIP"));
    KG_ASSIGN_OR_RETURN(limit, EvalCount(p.limit, "LIMIT"));
    const int64_t cap = skip.value_or(0) + *limit;
    return std::optional<size_t>(static_cast<size_t>(cap < 0 ? INT64_MAX : cap));
  }

  absl::Status DoMatch(const Clause& c, std::vector<Row>& rows,
                       std::optional<size_t> cap = std::nullopt) {
    std::vector<Row> out;
    Matcher m(&ev_, c.pattern, KeysOf(rows));
    std::vector<std::string> new_vars;
    if (c.optional) {
      const std::set<std::string> keys = KeysOf(rows);
      auto add = [&](const std::string& v) {
        if (!v.empty() && !keys.count(v) &&
            std::find(new_vars.begin(), new_vars.end(), v) == new_vars.end()) {
          new_vars.push_back(v);
        }
      };
      for (const auto& part : c.pattern) {
        add(part.path_var);
        for (const auto& n : part.nodes) add(n.var);
        for (const auto& r : part.rels) add(r.var);
      }
    }
    // Returned by emit to stop the search once `cap` rows are found (not an error).
    const absl::Status kEnough = absl::CancelledError("enough rows");
    for (const Row& row : rows) {
      KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
      if (cap && out.size() >= *cap) break;
      bool found = false;
      absl::Status s = m.Run(row, [&](Row& r) -> absl::Status {
        if (c.where) {
          bool keep;
          KG_ASSIGN_OR_RETURN(keep, ev_.EvalPredicate(*c.where, r));
          if (!keep) return absl::OkStatus();
        }
        found = true;
        out.push_back(std::move(r));
        if (cap && out.size() >= *cap) return kEnough;
        return ctx_->CheckRows(out.size(), c.pos);
      });
      if (!s.ok() && !(s == kEnough)) return s;
      if (c.optional && !found) {
        Row r = row;
        for (const auto& v : new_vars) r[v] = QValue();
        out.push_back(std::move(r));
        KG_RETURN_IF_ERROR(ctx_->CheckRows(out.size(), c.pos));
      }
    }
    rows = std::move(out);
    return absl::OkStatus();
  }

  absl::Status DoUnwind(const Clause& c, std::vector<Row>& rows) {
    std::vector<Row> out;
    for (const Row& row : rows) {
      KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
      QValue v;
      KG_ASSIGN_OR_RETURN(v, ev_.Eval(*c.expr, row));
      if (v.is_null()) continue;
      if (v.is_list()) {
        for (const auto& x : v.as_list()) {
          Row r = row;
          r[c.alias] = x;
          out.push_back(std::move(r));
          KG_RETURN_IF_ERROR(ctx_->CheckRows(out.size(), c.pos));
        }
      } else {
        Row r = row;
        r[c.alias] = std::move(v);
        out.push_back(std::move(r));
        KG_RETURN_IF_ERROR(ctx_->CheckRows(out.size(), c.pos));
      }
    }
    rows = std::move(out);
    return absl::OkStatus();
  }

  absl::StatusOr<std::optional<int64_t>> EvalCount(const ExprPtr& e, const char* what) {
    if (!e) return std::optional<int64_t>();
    QValue v;
    KG_ASSIGN_OR_RETURN(v, ev_.Eval(*e, Row()));
    if (!v.is_int()) {
      return SyntaxErr("InvalidArgumentType", e->pos.line, e->pos.column,
                       absl::StrCat(what, " expects a non-negative Integer, got ", v.TypeName()));
    }
    if (v.as_int() < 0) {
      return SyntaxErr("NegativeIntegerArgument", e->pos.line, e->pos.column,
                       absl::StrCat(what, " expects a non-negative Integer, got ", v.as_int()));
    }
    return std::optional<int64_t>(v.as_int());
  }

  // WITH (result == nullptr) or RETURN.
  absl::Status DoProjection(const Clause& c, std::vector<Row>& rows, QueryResult* result) {
    const Projection& p = c.projection;
    std::vector<ExprPtr> star_exprs;
    std::vector<const Expr*> exprs;
    std::vector<std::string> columns;
    for (const auto& v : p.star_vars) {
      auto e = std::make_unique<Expr>();
      e->kind = Expr::Kind::kVariable;
      e->name = v;
      e->pos = c.pos;
      exprs.push_back(e.get());
      columns.push_back(v);
      star_exprs.push_back(std::move(e));
    }
    for (const auto& item : p.items) {
      exprs.push_back(item.expr.get());
      columns.push_back(item.column);
    }
    struct Out {
      std::vector<QValue> values;
      Row ext;  // for ORDER BY: incoming variables overlaid with projected columns
      std::vector<QValue> sort_keys;
    };
    std::vector<Out> outs;
    std::vector<std::unique_ptr<AggValues>> group_aggs;  // per output, aggregating only
    // The nodes whose properties the projection reads, fetched in one batch.
    {
      std::set<std::string> vars;
      std::function<void(const Expr&)> collect = [&](const Expr& e) {
        if (e.kind == Expr::Kind::kProperty && !e.args.empty() && e.args[0] &&
            e.args[0]->kind == Expr::Kind::kVariable) {
          vars.insert(e.args[0]->name);
        }
        for (const auto& a : e.args) {
          if (a) collect(*a);
        }
      };
      for (const Expr* e : exprs) collect(*e);
      std::vector<NodeId> ids;
      for (const Row& row : rows) {
        for (const std::string& v : vars) {
          auto it = row.find(v);
          if (it != row.end() && it->second.is_node()) ids.push_back(it->second.node_id());
        }
      }
      if (ids.size() > 1) KG_RETURN_IF_ERROR(ctx_->PrefetchNodes(std::move(ids)));
    }
    if (!p.aggregating) {
      outs.reserve(rows.size());
      for (const Row& row : rows) {
        KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
        Out o;
        o.values.reserve(exprs.size());
        for (const Expr* e : exprs) {
          QValue v;
          KG_ASSIGN_OR_RETURN(v, ev_.Eval(*e, row));
          o.values.push_back(std::move(v));
        }
        if (!p.order_by.empty() || p.where) {
          o.ext = row;
          for (size_t i = 0; i < columns.size(); ++i) o.ext[columns[i]] = o.values[i];
        }
        outs.push_back(std::move(o));
      }
    } else {
      std::vector<std::vector<const Expr*>> item_aggs(exprs.size());
      std::vector<bool> is_key(exprs.size());
      for (size_t i = 0; i < exprs.size(); ++i) {
        CollectAggregates(*exprs[i], &item_aggs[i]);
        is_key[i] = item_aggs[i].empty();
      }
      struct Group {
        Row rep;
        std::vector<QValue> keys;
        std::vector<std::vector<Accumulator>> accs;  // per item, per aggregate
      };
      std::vector<Group> groups;
      absl::flat_hash_map<std::string, size_t> index;
      auto new_group = [&](const Row& rep, std::vector<QValue> keys) {
        Group g;
        g.rep = rep;
        g.keys = std::move(keys);
        g.accs.resize(exprs.size());
        for (size_t i = 0; i < exprs.size(); ++i) {
          for (const Expr* a : item_aggs[i]) {
            Accumulator acc;
            acc.expr = a;
            g.accs[i].push_back(std::move(acc));
          }
        }
        groups.push_back(std::move(g));
      };
      for (const Row& row : rows) {
        KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
        std::vector<QValue> keys;
        std::string key;
        for (size_t i = 0; i < exprs.size(); ++i) {
          if (!is_key[i]) continue;
          QValue v;
          KG_ASSIGN_OR_RETURN(v, ev_.Eval(*exprs[i], row));
          AppendGroupKey(v, &key);
          keys.push_back(std::move(v));
        }
        auto [it, inserted] = index.emplace(key, groups.size());
        if (inserted) new_group(row, std::move(keys));
        Group& g = groups[it->second];
        for (size_t i = 0; i < exprs.size(); ++i) {
          for (Accumulator& acc : g.accs[i]) {
            QValue v, param;
            if (acc.expr->kind != Expr::Kind::kCountStar) {
              KG_ASSIGN_OR_RETURN(v, ev_.Eval(*acc.expr->args[0], row));
              if (acc.expr->args.size() > 1) {
                KG_ASSIGN_OR_RETURN(param, ev_.Eval(*acc.expr->args[1], row));
              }
            }
            KG_RETURN_IF_ERROR(acc.Feed(v, param));
          }
        }
      }
      const bool any_key = std::find(is_key.begin(), is_key.end(), true) != is_key.end();
      if (groups.empty() && !any_key) new_group(Row(), {});
      for (Group& g : groups) {
        KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
        auto aggs = std::make_unique<AggValues>();
        for (size_t i = 0; i < exprs.size(); ++i) {
          for (const Accumulator& acc : g.accs[i]) (*aggs)[acc.expr] = acc.Result();
        }
        Out o;
        size_t k = 0;
        for (size_t i = 0; i < exprs.size(); ++i) {
          if (is_key[i]) {
            o.values.push_back(g.keys[k++]);
          } else {
            QValue v;
            KG_ASSIGN_OR_RETURN(v, ev_.Eval(*exprs[i], g.rep, aggs.get()));
            o.values.push_back(std::move(v));
          }
        }
        if (!p.order_by.empty()) {
          o.ext = g.rep;
          for (size_t i = 0; i < columns.size(); ++i) o.ext[columns[i]] = o.values[i];
        }
        outs.push_back(std::move(o));
        group_aggs.push_back(std::move(aggs));
      }
    }
    // DISTINCT.
    if (p.distinct) {
      absl::flat_hash_set<std::string> seen;
      std::vector<Out> kept;
      std::vector<std::unique_ptr<AggValues>> kept_aggs;
      for (size_t i = 0; i < outs.size(); ++i) {
        std::string key;
        for (const auto& v : outs[i].values) AppendGroupKey(v, &key);
        if (!seen.insert(key).second) continue;
        kept.push_back(std::move(outs[i]));
        if (!group_aggs.empty()) kept_aggs.push_back(std::move(group_aggs[i]));
      }
      outs = std::move(kept);
      group_aggs = std::move(kept_aggs);
    }
    // ORDER BY.
    if (!p.order_by.empty()) {
      for (size_t i = 0; i < outs.size(); ++i) {
        KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
        Out& o = outs[i];
        for (const SortItem& s : p.order_by) {
          int same = -1;
          for (size_t j = 0; j < exprs.size(); ++j) {
            if (SameExpr(*exprs[j], *s.expr)) {
              same = static_cast<int>(j);
              break;
            }
          }
          if (same >= 0) {
            o.sort_keys.push_back(o.values[static_cast<size_t>(same)]);
          } else {
            QValue v;
            KG_ASSIGN_OR_RETURN(
                v, ev_.Eval(*s.expr, o.ext, group_aggs.empty() ? nullptr : group_aggs[i].get()));
            o.sort_keys.push_back(std::move(v));
          }
        }
      }
      std::stable_sort(outs.begin(), outs.end(), [&](const Out& a, const Out& b) {
        for (size_t k = 0; k < p.order_by.size(); ++k) {
          int cmp = OrderCompare(a.sort_keys[k], b.sort_keys[k]);
          if (p.order_by[k].descending) cmp = -cmp;
          if (cmp != 0) return cmp < 0;
        }
        return false;
      });
    }
    // SKIP / LIMIT.
    std::optional<int64_t> skip, limit;
    KG_ASSIGN_OR_RETURN(skip, EvalCount(p.skip, "SKIP"));
    KG_ASSIGN_OR_RETURN(limit, EvalCount(p.limit, "LIMIT"));
    size_t begin = skip ? static_cast<size_t>(std::min<int64_t>(*skip, outs.size())) : 0;
    size_t end = outs.size();
    if (limit) end = std::min(end, begin + static_cast<size_t>(*limit));
    std::vector<Row> next;
    if (result != nullptr) result->rows.reserve(result->rows.size() + (end - begin));
    for (size_t i = begin; i < end; ++i) {
      if (result != nullptr) {
        result->rows.push_back(std::move(outs[i].values));
        continue;
      }
      if (p.where) {
        // The projected names, over the incoming row (empty when aggregating).
        Row w = p.aggregating ? Row() : outs[i].ext;
        for (size_t j = 0; j < columns.size(); ++j) w[columns[j]] = outs[i].values[j];
        bool keep;
        KG_ASSIGN_OR_RETURN(keep, ev_.EvalPredicate(*p.where, w));
        if (!keep) continue;
      }
      Row r;
      for (size_t j = 0; j < columns.size(); ++j) r[columns[j]] = std::move(outs[i].values[j]);
      next.push_back(std::move(r));
    }
    if (result != nullptr) {
      KG_RETURN_IF_ERROR(ctx_->CheckRows(result->rows.size(), c.pos));
      rows.clear();
    } else {
      rows = std::move(next);
    }
    return absl::OkStatus();
  }

  // ---------------- writes ----------------
  absl::StatusOr<ValueMap> EvalPropsForWrite(const ExprPtr& e, const Row& row) {
    ValueMap out;
    if (!e) return out;
    QValue v;
    KG_ASSIGN_OR_RETURN(v, ev_.Eval(*e, row));
    if (v.is_null()) return out;
    if (!v.is_map()) {
      return TypeErr("InvalidArgumentType", e->pos.line, e->pos.column,
                     absl::StrCat("properties must be a Map, got ", v.TypeName()));
    }
    for (const auto& [k, x] : v.as_map()) {
      if (x.is_null()) continue;
      kg::Value pv;
      KG_ASSIGN_OR_RETURN(pv, ToProperty(x, e->pos));
      out.emplace(k, std::move(pv));
    }
    return out;
  }

  absl::StatusOr<NodeId> CreateNode(const NodePattern& n, Row& row) {
    ValueMap props;
    KG_ASSIGN_OR_RETURN(props, EvalPropsForWrite(n.props, row));
    std::vector<std::string> labels = n.labels;
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    for (const auto& l : labels) KG_RETURN_IF_ERROR(ctx_->TouchLabel(l));
    auto id = ctx_->txn()->CreateNode(labels, std::move(props));
    if (!id.ok()) return WithPosition(id.status(), n.pos.line, n.pos.column);
    ctx_->CreatedNode(*id);
    KG_RETURN_IF_ERROR(ctx_->txn()->MarkManualNode(*id));
    if (!n.var.empty()) row[n.var] = QValue(NodeRef{*id});
    return *id;
  }

  // Creates the unbound parts of a pattern part, binding its variables in `row`.
  absl::Status CreatePart(const PatternPart& part, Row& row) {
    std::vector<NodeId> ids;
    for (const NodePattern& n : part.nodes) {
      auto it = n.var.empty() ? row.end() : row.find(n.var);
      if (it != row.end()) {
        if (!it->second.is_node()) {
          return TypeErr("InvalidArgumentType", n.pos.line, n.pos.column,
                         absl::StrCat("`", n.var, "` is not a node (", it->second.TypeName(),
                                      ")"));
        }
        ids.push_back(it->second.node_id());
        continue;
      }
      NodeId id;
      KG_ASSIGN_OR_RETURN(id, CreateNode(n, row));
      ids.push_back(id);
    }
    PathValue path;
    path.nodes.push_back(ids[0]);
    for (size_t j = 0; j < part.rels.size(); ++j) {
      const RelPattern& r = part.rels[j];
      ValueMap props;
      KG_ASSIGN_OR_RETURN(props, EvalPropsForWrite(r.props, row));
      NodeId a = ids[j], b = ids[j + 1];
      if (r.dir == Direction::kIn) std::swap(a, b);
      auto id = ctx_->txn()->CreateRel(r.types[0], a, b, std::move(props));
      if (!id.ok()) return WithPosition(id.status(), r.pos.line, r.pos.column);
      ctx_->CreatedRel(*id);
      KG_RETURN_IF_ERROR(ctx_->txn()->MarkManualRel(*id));
      if (!r.var.empty()) row[r.var] = QValue(RelRef{*id});
      path.rels.push_back(*id);
      path.nodes.push_back(ids[j + 1]);
    }
    if (!part.path_var.empty()) row[part.path_var] = QValue(std::move(path));
    return absl::OkStatus();
  }

  absl::Status DoCreate(const Clause& c, std::vector<Row>& rows) {
    for (Row& row : rows) {
      KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
      for (const PatternPart& part : c.pattern) KG_RETURN_IF_ERROR(CreatePart(part, row));
    }
    return absl::OkStatus();
  }

  absl::Status DoMerge(const Clause& c, std::vector<Row>& rows) {
    std::vector<Row> out;
    const PatternPart& part = c.pattern[0];
    Matcher m(&ev_, c.pattern, KeysOf(rows));
    for (Row& row : rows) {
      KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
      // A null property value can never match and must not be created.
      for (const auto& n : part.nodes) {
        if (!n.props || n.props->kind != Expr::Kind::kMap) continue;
        for (size_t i = 0; i < n.props->args.size(); ++i) {
          QValue v;
          KG_ASSIGN_OR_RETURN(v, ev_.Eval(*n.props->args[i], row));
          if (v.is_null()) {
            return QError("SemanticError", "MergeReadOwnWrites", n.props->args[i]->pos.line,
                          n.props->args[i]->pos.column,
                          absl::StrCat("cannot MERGE with a null value for property '",
                                       n.props->keys[i], "'"));
          }
        }
      }
      std::vector<Row> matches;
      KG_RETURN_IF_ERROR(m.Run(row, [&](Row& r) -> absl::Status {
        matches.push_back(std::move(r));
        return ctx_->CheckRows(matches.size(), c.pos);
      }));
      if (!matches.empty()) {
        for (Row& r : matches) {
          for (const SetItem& it : c.on_match) KG_RETURN_IF_ERROR(ApplySetItem(it, r));
          out.push_back(std::move(r));
        }
      } else {
        Row r = row;
        KG_RETURN_IF_ERROR(CreatePart(part, r));
        for (const SetItem& it : c.on_create) KG_RETURN_IF_ERROR(ApplySetItem(it, r));
        out.push_back(std::move(r));
      }
      KG_RETURN_IF_ERROR(ctx_->CheckRows(out.size(), c.pos));
    }
    rows = std::move(out);
    return absl::OkStatus();
  }

  // Marks a node or relationship the query creates or changes as manual: an analyst's fact or
  // correction, which re-ingestion keeps (graph/README.md, "Manual facts").
  absl::Status MarkManual(const QValue& target) {
    return target.is_node() ? ctx_->txn()->MarkManualNode(target.node_id())
                            : ctx_->txn()->MarkManualRel(target.rel_id());
  }

  // Current properties of a node or relationship (nullptr when deleted).
  absl::StatusOr<const ValueMap*> CurrentProps(const QValue& target) {
    if (target.is_node()) {
      const Node* n;
      KG_ASSIGN_OR_RETURN(n, ctx_->GetNode(target.node_id()));
      return n ? &n->props : nullptr;
    }
    const Relationship* r;
    KG_ASSIGN_OR_RETURN(r, ctx_->GetRel(target.rel_id()));
    return r ? &r->props : nullptr;
  }

  absl::Status SetOneProperty(const QValue& target, const std::string& key, const QValue& v,
                              Pos pos) {
    const ValueMap* cur;
    KG_ASSIGN_OR_RETURN(cur, CurrentProps(target));
    if (cur == nullptr) return absl::OkStatus();  // deleted
    kg::Value pv;
    KG_ASSIGN_OR_RETURN(pv, ToProperty(v, pos));
    auto old = cur->find(key);
    const bool same = pv.is_null() ? old == cur->end() : old != cur->end() && old->second == pv;
    if (!same) KG_RETURN_IF_ERROR(MarkManual(target));
    absl::Status s;
    if (target.is_node()) {
      KG_RETURN_IF_ERROR(ctx_->TouchNode(target.node_id()));
      s = ctx_->txn()->SetNodeProperty(target.node_id(), key, pv);
      ctx_->InvalidateNode(target.node_id());
    } else {
      KG_RETURN_IF_ERROR(ctx_->TouchRel(target.rel_id()));
      s = ctx_->txn()->SetRelProperty(target.rel_id(), key, pv);
      ctx_->InvalidateRel(target.rel_id());
    }
    if (!s.ok()) return WithPosition(s, pos.line, pos.column);
    return absl::OkStatus();
  }

  absl::Status ApplySetItem(const SetItem& it, const Row& row) {
    const Pos pos = it.pos;
    // The entity the item writes to.
    QValue target;
    if (it.kind == SetItem::Kind::kProperty || it.kind == SetItem::Kind::kRemoveProperty) {
      KG_ASSIGN_OR_RETURN(target, ev_.Eval(*it.target->args[0], row));
    } else {
      KG_ASSIGN_OR_RETURN(target, ev_.Eval(*it.target, row));
    }
    if (target.is_null()) return absl::OkStatus();
    const bool labels = it.kind == SetItem::Kind::kLabels ||
                        it.kind == SetItem::Kind::kRemoveLabels;
    if (labels ? !target.is_node() : !(target.is_node() || target.is_rel())) {
      return TypeErr("InvalidArgumentType", pos.line, pos.column,
                     absl::StrCat("cannot ", labels ? "change labels of" : "set properties on",
                                  " a ", target.TypeName()));
    }
    switch (it.kind) {
      case SetItem::Kind::kProperty: {
        QValue v;
        KG_ASSIGN_OR_RETURN(v, ev_.Eval(*it.value, row));
        return SetOneProperty(target, it.target->name, v, pos);
      }
      case SetItem::Kind::kRemoveProperty: {
        const ValueMap* cur;
        KG_ASSIGN_OR_RETURN(cur, CurrentProps(target));
        if (cur == nullptr || !cur->count(it.target->name)) return absl::OkStatus();
        return SetOneProperty(target, it.target->name, QValue(), pos);
      }
      case SetItem::Kind::kReplace:
      case SetItem::Kind::kMerge: {
        QValue v;
        KG_ASSIGN_OR_RETURN(v, ev_.Eval(*it.value, row));
        QMap m;
        if (v.is_node() || v.is_rel() || v.is_map()) {
          KG_ASSIGN_OR_RETURN(m, ev_.PropertiesOf(v, pos));
        } else if (!v.is_null()) {
          return TypeErr("InvalidArgumentType", pos.line, pos.column,
                         absl::StrCat("SET expects a Map, got ", v.TypeName()));
        }
        if (it.kind == SetItem::Kind::kReplace) {
          const ValueMap* cur;
          KG_ASSIGN_OR_RETURN(cur, CurrentProps(target));
          if (cur == nullptr) return absl::OkStatus();
          std::vector<std::string> drop;
          for (const auto& [k, x] : *cur) {
            auto f = m.find(k);
            if (f == m.end() || f->second.is_null()) drop.push_back(k);
          }
          for (const auto& k : drop) KG_RETURN_IF_ERROR(SetOneProperty(target, k, QValue(), pos));
        }
        for (const auto& [k, x] : m) {
          if (x.is_null()) {
            const ValueMap* cur;
            KG_ASSIGN_OR_RETURN(cur, CurrentProps(target));
            if (cur == nullptr || !cur->count(k)) continue;
          }
          KG_RETURN_IF_ERROR(SetOneProperty(target, k, x, pos));
        }
        return absl::OkStatus();
      }
      case SetItem::Kind::kLabels:
      case SetItem::Kind::kRemoveLabels: {
        for (const auto& l : it.labels) {
          KG_RETURN_IF_ERROR(ctx_->TouchNode(target.node_id()));
          KG_RETURN_IF_ERROR(ctx_->TouchLabel(l));
          absl::StatusOr<bool> changed =
              it.kind == SetItem::Kind::kLabels
                  ? ctx_->txn()->AddLabel(target.node_id(), l)
                  : ctx_->txn()->RemoveLabel(target.node_id(), l);
          ctx_->InvalidateNode(target.node_id());
          if (!changed.ok()) {
            if (absl::IsNotFound(changed.status())) continue;  // deleted node
            return WithPosition(changed.status(), pos.line, pos.column);
          }
          if (*changed) KG_RETURN_IF_ERROR(MarkManual(target));
        }
        return absl::OkStatus();
      }
    }
    return absl::OkStatus();
  }

  absl::Status DoDelete(const Clause& c, std::vector<Row>& rows) {
    std::vector<NodeId> nodes;
    std::vector<RelId> rels;
    std::vector<Pos> node_pos;
    for (const Row& row : rows) {
      KG_RETURN_IF_ERROR(ctx_->Tick(c.pos));
      for (const auto& e : c.exprs) {
        QValue v;
        KG_ASSIGN_OR_RETURN(v, ev_.Eval(*e, row));
        if (v.is_null()) continue;
        if (v.is_node()) {
          nodes.push_back(v.node_id());
          node_pos.push_back(e->pos);
        } else if (v.is_rel()) {
          rels.push_back(v.rel_id());
        } else if (v.is_path()) {
          for (RelId r : v.as_path().rels) rels.push_back(r);
          for (NodeId n : v.as_path().nodes) {
            nodes.push_back(n);
            node_pos.push_back(e->pos);
          }
        } else {
          return TypeErr("InvalidArgumentType", e->pos.line, e->pos.column,
                         absl::StrCat("DELETE expects a node, relationship or path, got ",
                                      v.TypeName()));
        }
      }
    }
    absl::flat_hash_set<RelId> rels_done;
    for (RelId r : rels) {
      if (!rels_done.insert(r).second) continue;
      KG_RETURN_IF_ERROR(DeleteRel(r, c.pos));
    }
    absl::flat_hash_set<NodeId> nodes_done;
    for (size_t i = 0; i < nodes.size(); ++i) {
      const NodeId n = nodes[i];
      if (!nodes_done.insert(n).second) continue;
      const Node* node;
      KG_ASSIGN_OR_RETURN(node, ctx_->GetNode(n));
      if (node == nullptr) continue;
      if (c.detach) {
        std::vector<Edge> edges;
        KG_ASSIGN_OR_RETURN(edges, ctx_->txn()->Expand(n, Direction::kBoth, {}));
        for (const Edge& e : edges) KG_RETURN_IF_ERROR(DeleteRel(e.rel, c.pos));
      }
      KG_RETURN_IF_ERROR(ctx_->TouchNode(n));
      absl::Status s = ctx_->txn()->DeleteNode(n, c.detach);
      ctx_->InvalidateNode(n);
      if (absl::IsFailedPrecondition(s)) {
        return QError("ConstraintVerificationFailed", "DeleteConnectedNode", node_pos[i].line,
                      node_pos[i].column,
                      "cannot delete a node that still has relationships; "
                      "use DETACH DELETE or delete the relationships first");
      }
      if (!s.ok()) return WithPosition(s, node_pos[i].line, node_pos[i].column);
    }
    return absl::OkStatus();
  }

  absl::Status DeleteRel(RelId r, Pos pos) {
    const Relationship* rel;
    KG_ASSIGN_OR_RETURN(rel, ctx_->GetRel(r));
    if (rel == nullptr) return absl::OkStatus();
    KG_RETURN_IF_ERROR(ctx_->TouchRel(r));
    absl::Status s = ctx_->txn()->DeleteRel(r);
    ctx_->InvalidateRel(r);
    if (!s.ok()) return WithPosition(s, pos.line, pos.column);
    return absl::OkStatus();
  }

  ExecContext* ctx_;
  Evaluator ev_;
  std::vector<OperatorProfile>* profile_;
};

}  // namespace

std::vector<OperatorProfile> Explain(const Statement& st) {
  std::vector<OperatorProfile> out;
  for (size_t i = 0; i < st.queries.size(); ++i) {
    if (i > 0) out.push_back({st.union_all[i - 1] ? "UNION ALL" : "UNION", "", 0, 0});
    std::set<std::string> bound;
    for (const Clause& c : st.queries[i].clauses) {
      out.push_back({ClauseTitle(c), ClauseDetails(c, bound), 0, 0});
      BindAfter(c, &bound);
    }
  }
  return out;
}

absl::Status Execute(const Statement& st, const BindInfo& info, ExecContext* ctx,
                     QueryResult* result, std::vector<OperatorProfile>* profile) {
  result->columns = info.columns;
  Executor ex(ctx, profile);
  const bool distinct_union = !st.union_all.empty() && !st.union_all[0];
  for (const SingleQuery& q : st.queries) KG_RETURN_IF_ERROR(ex.RunSingle(q, result));
  if (distinct_union) {
    absl::flat_hash_set<std::string> seen;
    std::vector<std::vector<QValue>> kept;
    for (auto& r : result->rows) {
      std::string key;
      for (const auto& v : r) AppendGroupKey(v, &key);
      if (seen.insert(key).second) kept.push_back(std::move(r));
    }
    result->rows = std::move(kept);
  }
  return absl::OkStatus();
}

}  // namespace kg::query
