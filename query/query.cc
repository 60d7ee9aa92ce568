// Run / Check / ParamFromJson: the API edge of query/ (see query/query.h).
#include "query/query.h"

#include <exception>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "query/binder.h"
#include "query/errors.h"
#include "query/eval.h"
#include "query/executor.h"
#include "query/parser.h"
#include "query/status_macros.h"

namespace kg::query {
namespace {

// Collects the ids of entities inside a value.
void CollectEntities(const QValue& v, std::vector<NodeId>* nodes, std::vector<RelId>* rels) {
  switch (v.kind()) {
    case QValue::Kind::kNode:
      nodes->push_back(v.node_id());
      return;
    case QValue::Kind::kRel:
      rels->push_back(v.rel_id());
      return;
    case QValue::Kind::kPath:
      nodes->insert(nodes->end(), v.as_path().nodes.begin(), v.as_path().nodes.end());
      rels->insert(rels->end(), v.as_path().rels.begin(), v.as_path().rels.end());
      return;
    case QValue::Kind::kList:
      for (const auto& x : v.as_list()) CollectEntities(x, nodes, rels);
      return;
    case QValue::Kind::kMap:
      for (const auto& [k, x] : v.as_map()) CollectEntities(x, nodes, rels);
      return;
    default:
      return;
  }
}

absl::Status Materialize(ExecContext* ctx, QueryResult* result) {
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  for (const auto& row : result->rows) {
    for (const auto& v : row) CollectEntities(v, &nodes, &rels);
  }
  for (NodeId id : nodes) {
    if (result->nodes.count(id)) continue;
    const Node* n;
    KG_ASSIGN_OR_RETURN(n, ctx->GetNode(id));
    Node copy;
    if (n != nullptr) copy = *n;
    copy.id = id;
    result->nodes.emplace(id, std::move(copy));
  }
  for (RelId id : rels) {
    if (result->relationships.count(id)) continue;
    const Relationship* r;
    KG_ASSIGN_OR_RETURN(r, ctx->GetRel(id));
    Relationship copy;
    if (r != nullptr) copy = *r;
    copy.id = id;
    result->relationships.emplace(id, std::move(copy));
  }
  return absl::OkStatus();
}

enum class Mode { kRun, kExplain, kProfile };

// Recognizes a leading EXPLAIN / PROFILE keyword (any case) and blanks it out, so that
// positions in the rest of the query stay as written.
Mode StripMode(std::string* q) {
  size_t i = q->find_first_not_of(" \t\r\n");
  if (i == std::string::npos) return Mode::kRun;
  for (auto [word, mode] : {std::pair<std::string_view, Mode>{"EXPLAIN", Mode::kExplain},
                            std::pair<std::string_view, Mode>{"PROFILE", Mode::kProfile}}) {
    if (q->size() < i + word.size() + 1) continue;
    if (!absl::EqualsIgnoreCase(absl::string_view(q->data() + i, word.size()),
                                absl::string_view(word.data(), word.size()))) {
      continue;
    }
    const char next = (*q)[i + word.size()];
    if (next != ' ' && next != '\t' && next != '\r' && next != '\n') continue;
    q->replace(i, word.size(), std::string(word.size(), ' '));
    return mode;
  }
  return Mode::kRun;
}

// The plan as a result table: operator, details (and for PROFILE rows, time_ms).
QueryResult PlanResult(const std::vector<OperatorProfile>& ops, bool profiled) {
  QueryResult r;
  r.columns = {"operator", "details"};
  if (profiled) {
    r.columns.push_back("rows");
    r.columns.push_back("time_ms");
  }
  for (const auto& op : ops) {
    std::vector<QValue> row = {QValue(op.name), QValue(op.details)};
    if (profiled) {
      row.push_back(QValue(op.rows));
      row.push_back(QValue(op.seconds * 1000.0));
    }
    r.rows.push_back(std::move(row));
  }
  return r;
}

absl::StatusOr<QueryResult> RunImpl(kg::Store& store, std::string_view query_in,
                                    const QueryOptions& options) {
  std::string query_text(query_in);
  const Mode mode = StripMode(&query_text);
  std::string_view query = query_text;
  Statement st;
  KG_ASSIGN_OR_RETURN(st, Parse(query));
  BindInfo info;
  KG_ASSIGN_OR_RETURN(info, Bind(st));
  if (options.read_only && info.is_write) {
    return QError("AccessMode", "WriteForbidden", 1, 1,
                  "this query writes (CREATE, MERGE, SET, REMOVE or DELETE), but the graph is "
                  "served read-only");
  }
  if (mode == Mode::kExplain) return PlanResult(Explain(st), false);
  QMap params;
  for (const auto& [k, v] : options.params) params.emplace(k, QValue::FromValue(v));
  for (const auto& [name, pos] : info.params) {
    if (!params.count(name)) {
      return QError("ParameterMissing", "MissingParameter", pos.line, pos.column,
                    absl::StrCat("expected a parameter named $", name));
    }
  }
  std::unique_ptr<Txn> txn = store.Begin();
  if (txn == nullptr) return QError("StorageError", "", 1, 1, "could not begin a transaction");
  ExecContext ctx(txn.get(), std::move(params), options);
  QueryResult result;
  result.is_write = info.is_write;
  std::vector<OperatorProfile> profile;
  KG_RETURN_IF_ERROR(
      Execute(st, info, &ctx, &result, mode == Mode::kProfile ? &profile : nullptr));
  KG_RETURN_IF_ERROR(Materialize(&ctx, &result));
  if (info.is_write) {
    KG_ASSIGN_OR_RETURN(result.stats, ctx.NetEffects());
    absl::Status s = txn->Commit();
    if (!s.ok()) return QError("StorageError", "", 1, 1, absl::StrCat("commit failed: ", s.ToString()));
  }
  result.warnings = std::move(ctx.warnings());
  if (mode == Mode::kProfile) {
    QueryResult plan = PlanResult(profile, true);
    plan.is_write = result.is_write;
    plan.stats = result.stats;
    plan.warnings = std::move(result.warnings);
    return plan;
  }
  return result;
}

absl::StatusOr<kg::Value> FromJson(const nlohmann::json& j, int depth) {
  if (depth > 64) return absl::InvalidArgumentError("JSON nested too deeply");
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return kg::Value();
    case nlohmann::json::value_t::boolean:
      return kg::Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return kg::Value(j.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      const uint64_t u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) {
        return absl::InvalidArgumentError("integer does not fit in 64 bits");
      }
      return kg::Value(static_cast<int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
      return kg::Value(j.get<double>());
    case nlohmann::json::value_t::string:
      return kg::Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      kg::ValueList l;
      for (const auto& x : j) {
        kg::Value v;
        KG_ASSIGN_OR_RETURN(v, FromJson(x, depth + 1));
        l.push_back(std::move(v));
      }
      return kg::Value(std::move(l));
    }
    case nlohmann::json::value_t::object: {
      kg::ValueMap m;
      for (auto it = j.begin(); it != j.end(); ++it) {
        kg::Value v;
        KG_ASSIGN_OR_RETURN(v, FromJson(it.value(), depth + 1));
        m[it.key()] = std::move(v);
      }
      return kg::Value(std::move(m));
    }
    default:
      return absl::InvalidArgumentError("unsupported JSON value");
  }
}

}  // namespace

QueryOutcome Run(kg::Store& store, std::string_view query, const QueryOptions& options) {
  try {
    absl::StatusOr<QueryResult> r = RunImpl(store, query, options);
    if (!r.ok()) return ToQueryError(r.status());
    return std::move(*r);
  } catch (const std::exception& e) {
    QueryError err;
    err.kind = "InternalError";
    err.message = e.what();
    return err;
  } catch (...) {
    QueryError err;
    err.kind = "InternalError";
    err.message = "unknown exception";
    return err;
  }
}

std::optional<QueryError> Check(std::string_view query_in) {
  try {
    std::string query(query_in);
    StripMode(&query);
    auto st = Parse(query);
    if (!st.ok()) return ToQueryError(st.status());
    auto info = Bind(*st);
    if (!info.ok()) return ToQueryError(info.status());
    return std::nullopt;
  } catch (const std::exception& e) {
    QueryError err;
    err.kind = "InternalError";
    err.message = e.what();
    return err;
  }
}

absl::StatusOr<kg::Value> ParamFromJson(std::string_view json) {
  try {
    nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr,
                                             /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      return absl::InvalidArgumentError(absl::StrCat("invalid JSON: ", std::string(json)));
    }
    return FromJson(j, 0);
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("invalid JSON: ", e.what()));
  }
}

}  // namespace kg::query
