#include "serve/entity.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "export/text.h"
#include "graph/claim.h"

namespace kg::serve {
namespace {


std::string Str(const ValueMap& m, const char* key) {
  auto it = m.find(key);
  return it != m.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

std::vector<int64_t> Ints(const ValueMap& m, const char* key) {
  std::vector<int64_t> out;
  auto it = m.find(key);
  if (it == m.end() || !it->second.is_list()) return out;
  for (const Value& v : it->second.as_list()) {
    if (v.is_int()) out.push_back(v.as_int());
  }
  return out;
}


std::string Approx(const ValueMap& p) {
  const std::string a = Str(p, "approx");
  return a == "over" ? "over " : a == "under" ? "up to " : a == "about" ? "about " : "";
}

std::string Figure(const ValueMap& p) {
  auto num = [](const Value& v, bool short_form) {
    if (v.is_int()) return short_form ? exports::ShortNumber(v.as_int()) : exports::GroupedNumber(v.as_int());
    return v.is_string() ? v.as_string() : v.ToJson();
  };
  if (auto a = p.find("amount"); a != p.end()) {
    return absl::StrCat(Approx(p), Str(p, "amount_unit"), " ", num(a->second, true));
  }
  if (auto q = p.find("quantity"); q != p.end()) {
    return absl::StrCat(Approx(p), num(q->second, false), " ", Str(p, "quantity_unit"));
  }
  if (auto pc = p.find("percent"); pc != p.end()) {
    return absl::StrCat(Approx(p), num(pc->second, false), "%");
  }
  return Str(p, "commodity");
}

absl::StatusOr<EndView> End(Txn& txn, NodeId id) {
  absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
  if (!n.ok()) return n.status();
  EndView v;
  if (!n->has_value()) return v;
  const Node& node = **n;
  v.unknown = std::find(node.labels.begin(), node.labels.end(), kUnknownLabel) != node.labels.end();
  v.name = Str(node.props, "name");
  if (v.name.empty()) v.name = Str(node.props, "title");
  v.label = node.labels.empty() ? "" : node.labels.front();
  return v;
}

void AppendEnd(const EndView& e, std::string* out) {
  if (e.unknown) {
    *out += "null";
    return;
  }
  *out += "{\"name\":";
  AppendJsonString(e.name, out);
  *out += ",\"label\":";
  AppendJsonString(e.label, out);
  *out += "}";
}

void AppendStrings(const std::vector<std::string>& v, std::string* out) {
  *out += "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) *out += ",";
    AppendJsonString(v[i], out);
  }
  *out += "]";
}

void AppendInts(const std::vector<int64_t>& v, std::string* out) {
  *out += "[";
  for (size_t i = 0; i < v.size(); ++i) absl::StrAppend(out, i > 0 ? "," : "", v[i]);
  *out += "]";
}

}  // namespace

absl::StatusOr<std::vector<NodeId>> ResolveEntity(Txn& txn, std::string_view name) {
  absl::StatusOr<std::vector<NodeId>> ids = txn.NodesByName(name);
  if (!ids.ok()) return ids.status();
  std::vector<std::pair<size_t, NodeId>> ranked;
  for (NodeId id : *ids) {
    absl::StatusOr<size_t> degree = txn.Degree(id);
    if (!degree.ok()) return degree.status();
    ranked.emplace_back(*degree, id);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<NodeId> out;
  for (const auto& [d, id] : ranked) out.push_back(id);
  return out;
}

absl::StatusOr<EntityView> LoadEntity(Txn& txn, NodeId node, size_t max_claims) {
  absl::StatusOr<std::optional<Node>> n = txn.GetNode(node);
  if (!n.ok()) return n.status();
  if (!n->has_value()) return absl::NotFoundError(absl::StrCat("no node ", node));
  EntityView e;
  e.node = node;
  e.name = Str((*n)->props, "name");
  e.labels = (*n)->labels;
  e.label = e.labels.empty() ? "" : e.labels.front();
  if (auto a = (*n)->props.find("aliases"); a != (*n)->props.end() && a->second.is_list()) {
    for (const Value& v : a->second.as_list()) {
      if (v.is_string()) e.aliases.push_back(v.as_string());
    }
  }
  absl::StatusOr<std::optional<std::string>> key = txn.KeyOfNode(node);
  if (key.ok() && key->has_value()) e.key = **key;
  for (Direction dir : {Direction::kOut, Direction::kIn}) {
    absl::StatusOr<std::vector<Edge>> edges = txn.Expand(node, dir, {});
    if (!edges.ok()) return edges.status();
    std::vector<ClaimView>& list = dir == Direction::kOut ? e.out : e.in;
    for (const Edge& edge : *edges) {
      absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(edge.rel);
      if (!r.ok()) return r.status();
      if (!r->has_value() || (*r)->type == "MENTIONS") continue;
      if (list.size() >= max_claims) {
        ++e.omitted;
        continue;
      }
      const Relationship& rel = **r;
      ClaimView c;
      c.id = Str(rel.props, "id");
      if (c.id.empty()) c.id = absl::StrCat("r", rel.id);
      c.type = rel.type;
      c.rule = Str(rel.props, "rule");
      absl::StatusOr<EndView> s = End(txn, rel.start);
      if (!s.ok()) return s.status();
      absl::StatusOr<EndView> o = End(txn, rel.end);
      if (!o.ok()) return o.status();
      c.subject = *s;
      c.object = *o;
      c.qualifiers = ClaimQualifiers(rel.props);
      c.article = Str(rel.props, "article");
      c.section = Str(rel.props, "section");
      c.sentence = Str(rel.props, "sentence");
      c.span = Ints(rel.props, "span");
      c.citations = Ints(rel.props, "citations");
      c.figure = Figure(rel.props);
      list.push_back(std::move(c));
    }
  }
  // Reading order: by article, then position in it.
  for (auto* list : {&e.out, &e.in}) {
    std::stable_sort(list->begin(), list->end(), [](const ClaimView& a, const ClaimView& b) {
      return std::tie(a.article, a.span) < std::tie(b.article, b.span);
    });
  }
  return e;
}

std::string ClaimJson(const ClaimView& c) {
  std::string out = "{\"id\":";
  AppendJsonString(c.id, &out);
  out += ",\"type\":";
  AppendJsonString(c.type, &out);
  out += ",\"subject\":";
  AppendEnd(c.subject, &out);
  out += ",\"object\":";
  AppendEnd(c.object, &out);
  absl::StrAppend(&out, ",\"qualifiers\":", Value(c.qualifiers).ToJson());
  out += ",\"source\":{\"article\":";
  AppendJsonString(c.article, &out);
  out += ",\"section\":";
  AppendJsonString(c.section, &out);
  out += ",\"sentence\":";
  AppendJsonString(c.sentence, &out);
  out += ",\"span\":";
  AppendInts(c.span, &out);
  out += ",\"citations\":";
  AppendInts(c.citations, &out);
  out += "},\"rule\":";
  AppendJsonString(c.rule, &out);
  out += "}";
  return out;
}

std::string EntityJson(const EntityView& e, const std::vector<EndView>& others) {
  std::string out = "{\"entity\":{\"name\":";
  AppendJsonString(e.name, &out);
  out += ",\"label\":";
  AppendJsonString(e.label, &out);
  out += ",\"labels\":";
  AppendStrings(e.labels, &out);
  out += ",\"aliases\":";
  AppendStrings(e.aliases, &out);
  out += ",\"key\":";
  AppendJsonString(e.key, &out);
  out += "},\"out\":[";
  for (size_t i = 0; i < e.out.size(); ++i) absl::StrAppend(&out, i > 0 ? "," : "", ClaimJson(e.out[i]));
  out += "],\"in\":[";
  for (size_t i = 0; i < e.in.size(); ++i) absl::StrAppend(&out, i > 0 ? "," : "", ClaimJson(e.in[i]));
  absl::StrAppend(&out, "],\"omitted\":", e.omitted, ",\"others\":[");
  for (size_t i = 0; i < others.size(); ++i) {
    if (i > 0) out += ",";
    AppendEnd(others[i], &out);
  }
  out += "]}\n";
  return out;
}

}  // namespace kg::serve
