#include "query/matcher.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "graph/names.h"
#include "query/errors.h"
#include "query/status_macros.h"

namespace kg::query {
namespace {

Direction Reverse(Direction d) {
  switch (d) {
    case Direction::kOut:
      return Direction::kIn;
    case Direction::kIn:
      return Direction::kOut;
    case Direction::kBoth:
      return Direction::kBoth;
  }
  return d;
}

}  // namespace

bool NameMatches(const ValueMap& props, const QValue& x) {
  auto name = props.find("name");
  if (name != props.end() && CypherEquals(QValue::FromValue(name->second), x) == true) {
    return true;
  }
  auto aliases = props.find("aliases");
  if (aliases == props.end() || !x.is_string()) return false;
  const std::string nx = NormalizeName(x.as_string());
  if (nx.empty()) return false;
  if (name != props.end() && name->second.is_string() &&
      NormalizeName(name->second.as_string()) == nx) {
    return true;
  }
  if (aliases->second.is_list()) {
    for (const auto& a : aliases->second.as_list()) {
      if (a.is_string() && NormalizeName(a.as_string()) == nx) return true;
    }
  } else if (aliases->second.is_string()) {
    return NormalizeName(aliases->second.as_string()) == nx;
  }
  return false;
}

Matcher::Matcher(Evaluator* ev, const std::vector<PatternPart>& parts,
                 const std::set<std::string>& bound)
    : ev_(ev), ctx_(ev->ctx()), parts_(parts) {
  std::set<std::string> b = bound;  // Bound in the rows a part extends.
  var_in_row_.resize(parts_.size());
  same_var_.resize(parts_.size());
  for (size_t p = 0; p < parts_.size(); ++p) {
    const PatternPart& part = parts_[p];
    plans_.push_back(PlanPart(part, b));
    const auto& nodes = part.nodes;
    var_in_row_[p].resize(nodes.size());
    same_var_[p].resize(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].var.empty()) continue;
      var_in_row_[p][i] = b.contains(nodes[i].var);
      for (size_t j = 0; j < nodes.size(); ++j) {
        if (j != i && nodes[j].var == nodes[i].var) same_var_[p][i].push_back(static_cast<int>(j));
      }
    }
    for (const auto& n : part.nodes) {
      if (!n.var.empty()) b.insert(n.var);
    }
    for (const auto& r : part.rels) {
      if (!r.var.empty()) b.insert(r.var);
    }
    if (!part.path_var.empty()) b.insert(part.path_var);
  }
  states_.resize(parts_.size());
  for (size_t p = 0; p < parts_.size(); ++p) {
    PartState& st = states_[p];
    st.nodes.resize(parts_[p].nodes.size());
    st.rels.resize(parts_[p].rels.size());
    st.var_rels.resize(parts_[p].rels.size());
    st.var_nodes.resize(parts_[p].rels.size());
    st.node_props.resize(parts_[p].nodes.size());
    st.rel_props.resize(parts_[p].rels.size());
  }
}

namespace {

absl::StatusOr<std::optional<QMap>> EvalProps(Evaluator* ev, const ExprPtr& e, const Row& row) {
  if (!e) return std::optional<QMap>();
  QValue v;
  KG_ASSIGN_OR_RETURN(v, ev->Eval(*e, row));
  if (v.is_null()) return std::optional<QMap>(QMap());
  if (!v.is_map()) {
    return TypeErr("InvalidArgumentType", e->pos.line, e->pos.column,
                   absl::StrCat("pattern properties must be a Map, got ", v.TypeName()));
  }
  return std::optional<QMap>(v.as_map());
}

}  // namespace

absl::Status Matcher::Run(const Row& in, const Emit& emit) {
  emit_ = &emit;
  used_.clear();
  for (size_t p = 0; p < parts_.size(); ++p) {
    PartState& st = states_[p];
    for (size_t i = 0; i < parts_[p].nodes.size(); ++i) {
      KG_ASSIGN_OR_RETURN(st.node_props[i], EvalProps(ev_, parts_[p].nodes[i].props, in));
    }
    for (size_t i = 0; i < parts_[p].rels.size(); ++i) {
      KG_ASSIGN_OR_RETURN(st.rel_props[i], EvalProps(ev_, parts_[p].rels[i].props, in));
    }
  }
  return MatchPart(0, in);
}

absl::StatusOr<std::vector<NodeId>> Matcher::AnchorCandidates(size_t p, const Row& row) {
  const PartPlan& plan = plans_[p];
  const NodePattern& np = parts_[p].nodes[static_cast<size_t>(plan.anchor)];
  const PartState& st = states_[p];
  std::vector<NodeId> out;
  Txn* txn = ctx_->txn();
  if (plan.kind == AnchorKind::kBound) {
    auto it = row.find(np.var);
    if (it != row.end() && it->second.is_node()) out.push_back(it->second.node_id());
    return out;
  }
  if (plan.kind == AnchorKind::kName && st.node_props[static_cast<size_t>(plan.anchor)]) {
    const QMap& props = *st.node_props[static_cast<size_t>(plan.anchor)];
    auto it = props.find("name");
    if (it != props.end() && it->second.is_string() &&
        !NormalizeName(it->second.as_string()).empty()) {
      return txn->NodesByName(it->second.as_string());
    }
    if (it != props.end() && it->second.is_null()) return out;  // name = null never matches
  }
  if (!np.labels.empty()) return txn->NodesByLabel(np.labels[0]);
  return txn->AllNodes();
}

absl::StatusOr<bool> Matcher::NodeOk(size_t p, int idx, NodeId id, const Row& row) {
  const PatternPart& part = parts_[p];
  const NodePattern& np = part.nodes[static_cast<size_t>(idx)];
  const PartState& st = states_[p];
  if (var_in_row_[p][static_cast<size_t>(idx)]) {
    auto it = row.find(np.var);
    if (it != row.end()) {
      if (!it->second.is_node() || it->second.node_id() != id) return false;
    }
  }
  for (int j : same_var_[p][static_cast<size_t>(idx)]) {
    if (st.nodes[static_cast<size_t>(j)] && *st.nodes[static_cast<size_t>(j)] != id) return false;
  }
  const auto& props = st.node_props[static_cast<size_t>(idx)];
  if (np.labels.empty() && (!props || props->empty())) return true;
  const Node* n;
  KG_ASSIGN_OR_RETURN(n, ctx_->GetNode(id));
  if (n == nullptr) return false;
  for (const auto& l : np.labels) {
    if (std::find(n->labels.begin(), n->labels.end(), l) == n->labels.end()) return false;
  }
  if (props) {
    for (const auto& [k, v] : *props) {
      if (k == "name") {
        if (!NameMatches(n->props, v)) return false;
        continue;
      }
      auto it = n->props.find(k);
      QValue got;
      if (it == n->props.end()) {
        KG_ASSIGN_OR_RETURN(got, ctx_->AbsentProperty(QValue(NodeRef{id}), k));
      } else {
        got = QValue::FromValue(it->second);
      }
      if (CypherEquals(got, v) != true) return false;
    }
  }
  return true;
}

absl::StatusOr<bool> Matcher::RelOk(size_t p, int rel_idx, RelId id) {
  const auto& props = states_[p].rel_props[static_cast<size_t>(rel_idx)];
  if (!props || props->empty()) return true;
  const Relationship* r;
  KG_ASSIGN_OR_RETURN(r, ctx_->GetRel(id));
  if (r == nullptr) return false;
  for (const auto& [k, v] : *props) {
    auto it = r->props.find(k);
    QValue got;
    if (it == r->props.end()) {
      KG_ASSIGN_OR_RETURN(got, ctx_->AbsentProperty(QValue(RelRef{id}), k));
    } else {
      got = QValue::FromValue(it->second);
    }
    if (CypherEquals(got, v) != true) return false;
  }
  return true;
}

absl::Status Matcher::MatchPart(size_t p, const Row& row) {
  if (p == parts_.size()) {
    Row copy = row;
    return (*emit_)(copy);
  }
  PartState& st = states_[p];
  std::fill(st.nodes.begin(), st.nodes.end(), std::nullopt);
  std::vector<NodeId> candidates;
  KG_ASSIGN_OR_RETURN(candidates, AnchorCandidates(p, row));
  const int anchor = plans_[p].anchor;
  for (NodeId id : candidates) {
    KG_RETURN_IF_ERROR(ctx_->Tick(parts_[p].pos));
    bool ok;
    KG_ASSIGN_OR_RETURN(ok, NodeOk(p, anchor, id, row));
    if (!ok) continue;
    st.nodes[static_cast<size_t>(anchor)] = id;
    KG_RETURN_IF_ERROR(MatchStep(p, 0, row));
    st.nodes[static_cast<size_t>(anchor)] = std::nullopt;
  }
  return absl::OkStatus();
}

absl::Status Matcher::AssignAndContinue(size_t p, size_t s, int to, NodeId id, const Row& row) {
  PartState& st = states_[p];
  bool ok;
  KG_ASSIGN_OR_RETURN(ok, NodeOk(p, to, id, row));
  if (!ok) return absl::OkStatus();
  auto saved = st.nodes[static_cast<size_t>(to)];
  st.nodes[static_cast<size_t>(to)] = id;
  absl::Status s2 = MatchStep(p, s + 1, row);
  st.nodes[static_cast<size_t>(to)] = saved;
  return s2;
}

absl::Status Matcher::MatchStep(size_t p, size_t s, const Row& row) {
  const PartPlan& plan = plans_[p];
  if (s == plan.steps.size()) return FinishPart(p, row);
  const Step& step = plan.steps[s];
  const RelPattern& r = parts_[p].rels[static_cast<size_t>(step.rel)];
  PartState& st = states_[p];
  const NodeId from = *st.nodes[static_cast<size_t>(step.from)];
  const Direction dir = step.forward ? r.dir : Reverse(r.dir);
  if (!r.var_length) {
    const QValue* bound_rel = nullptr;
    if (!r.var.empty()) {
      auto it = row.find(r.var);
      if (it != row.end()) bound_rel = &it->second;
    }
    // Edges are read as the search goes, so a search stopped early (LIMIT) reads no more.
    absl::Status status;
    auto visit = [&](const Edge& e) -> absl::Status {
      KG_RETURN_IF_ERROR(ctx_->Tick(r.pos));
      if (used_.contains(e.rel)) return absl::OkStatus();
      if (bound_rel && (!bound_rel->is_rel() || bound_rel->rel_id() != e.rel)) {
        return absl::OkStatus();
      }
      bool ok;
      KG_ASSIGN_OR_RETURN(ok, RelOk(p, step.rel, e.rel));
      if (!ok) return absl::OkStatus();
      used_.push(e.rel);
      ctx_->NoteRelType(e.rel, e.type);
      st.rels[static_cast<size_t>(step.rel)] = e.rel;
      absl::Status next = AssignAndContinue(p, s, step.to, e.other, row);
      used_.pop();
      return next;
    };
    KG_RETURN_IF_ERROR(ctx_->txn()->ForEachEdge(from, dir, r.types, [&](const Edge& e) {
      status = visit(e);
      return status.ok();
    }));
    return status;
  }
  int max_depth;
  bool capped = false;
  if (r.max_hops) {
    max_depth = *r.max_hops;
  } else {
    max_depth = ctx_->options().max_hops;
    capped = true;
  }
  if (max_depth > kHardMaxHops) {
    max_depth = kHardMaxHops;
    capped = true;
  }
  if (max_depth < 0) max_depth = 0;
  st.var_rels[static_cast<size_t>(step.rel)].clear();
  st.var_nodes[static_cast<size_t>(step.rel)].clear();
  return VarExpand(p, s, row, from, 0, max_depth, capped);
}

absl::Status Matcher::VarExpand(size_t p, size_t s, const Row& row, NodeId cur, int depth,
                                int max_depth, bool capped) {
  const Step& step = plans_[p].steps[s];
  const RelPattern& r = parts_[p].rels[static_cast<size_t>(step.rel)];
  PartState& st = states_[p];
  KG_RETURN_IF_ERROR(ctx_->Tick(r.pos));
  if (depth >= r.min_hops) {
    KG_RETURN_IF_ERROR(AssignAndContinue(p, s, step.to, cur, row));
  }
  if (depth >= max_depth && !capped) return absl::OkStatus();
  const Direction dir = step.forward ? r.dir : Reverse(r.dir);
  if (depth >= max_depth) {
    // Capped: warn when some path would have gone on.
    bool more = false;
    KG_RETURN_IF_ERROR(ctx_->txn()->ForEachEdge(cur, dir, r.types, [&](const Edge& e) {
      more = !used_.contains(e.rel);
      return !more;
    }));
    if (more) {
      ctx_->Warn(absl::StrCat("variable-length pattern at line ", r.pos.line, ", column ",
                              r.pos.column, " was capped at ", max_depth,
                              " hops (max_hops); longer paths were not followed"));
    }
    return absl::OkStatus();
  }
  auto& rels = st.var_rels[static_cast<size_t>(step.rel)];
  auto& nodes = st.var_nodes[static_cast<size_t>(step.rel)];
  auto visit = [&](const Edge& e) -> absl::Status {
    if (used_.contains(e.rel)) return absl::OkStatus();
    bool ok;
    KG_ASSIGN_OR_RETURN(ok, RelOk(p, step.rel, e.rel));
    if (!ok) return absl::OkStatus();
    used_.push(e.rel);
    ctx_->NoteRelType(e.rel, e.type);
    rels.push_back(e.rel);
    nodes.push_back(e.other);
    absl::Status status = VarExpand(p, s, row, e.other, depth + 1, max_depth, capped);
    rels.pop_back();
    nodes.pop_back();
    used_.pop();
    return status;
  };
  absl::Status status;
  KG_RETURN_IF_ERROR(ctx_->txn()->ForEachEdge(cur, dir, r.types, [&](const Edge& e) {
    status = visit(e);
    return status.ok();
  }));
  return status;
}

absl::Status Matcher::FinishPart(size_t p, const Row& row) {
  const PatternPart& part = parts_[p];
  const PartState& st = states_[p];
  Row next;
  // One allocation for the row and the variables this part binds (growing one at a time
  // rehashes several times per match).
  next.reserve(row.size() + part.nodes.size() + part.rels.size() + 1);
  next.insert(row.begin(), row.end());
  // Relationships of variable-length segments in pattern order, and their inner nodes.
  const size_t nrels = part.rels.size();
  const bool any_var_length = std::any_of(part.rels.begin(), part.rels.end(),
                                          [](const RelPattern& r) { return r.var_length; });
  std::vector<std::vector<RelId>> seg_rels(any_var_length ? nrels : 0);
  std::vector<std::vector<NodeId>> seg_nodes(any_var_length ? nrels : 0);
  std::vector<bool> forward(any_var_length ? nrels : 0, true);
  if (any_var_length) {
    for (const Step& s : plans_[p].steps) forward[static_cast<size_t>(s.rel)] = s.forward;
  }
  for (size_t j = 0; any_var_length && j < nrels; ++j) {
    if (!part.rels[j].var_length) continue;
    seg_rels[j] = st.var_rels[j];
    const auto& vn = st.var_nodes[j];
    if (!vn.empty()) seg_nodes[j].assign(vn.begin(), vn.end() - 1);
    if (!forward[j]) {
      std::reverse(seg_rels[j].begin(), seg_rels[j].end());
      std::reverse(seg_nodes[j].begin(), seg_nodes[j].end());
    }
  }
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    if (!part.nodes[i].var.empty()) next.insert_or_assign(part.nodes[i].var, QValue(NodeRef{*st.nodes[i]}));
  }
  for (size_t j = 0; j < nrels; ++j) {
    const RelPattern& r = part.rels[j];
    if (r.var.empty()) continue;
    QValue v;
    if (r.var_length) {
      QList l;
      for (RelId id : seg_rels[j]) l.push_back(QValue(RelRef{id}));
      v = QValue(std::move(l));
      auto it = row.find(r.var);
      if (it != row.end() && CypherEquals(it->second, v) != true) return absl::OkStatus();
    } else {
      v = QValue(RelRef{st.rels[j]});
    }
    next.insert_or_assign(r.var, std::move(v));
  }
  if (!part.path_var.empty()) {
    PathValue path;
    path.nodes.push_back(*st.nodes[0]);
    for (size_t j = 0; j < nrels; ++j) {
      if (!part.rels[j].var_length) {
        path.rels.push_back(st.rels[j]);
      } else {
        for (size_t t = 0; t < seg_rels[j].size(); ++t) {
          path.rels.push_back(seg_rels[j][t]);
          if (t + 1 < seg_rels[j].size()) path.nodes.push_back(seg_nodes[j][t]);
          else break;
        }
        if (seg_rels[j].empty()) continue;  // zero hops: node j == node j+1
      }
      path.nodes.push_back(*st.nodes[j + 1]);
    }
    next.insert_or_assign(part.path_var, QValue(std::move(path)));
  }
  if (p + 1 == parts_.size()) return (*emit_)(next);
  return MatchPart(p + 1, next);
}

}  // namespace kg::query
