#include "query/export.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "graph/claim.h"

namespace kg::query {
namespace {

// The source.article of a manual claim that names no article: a placeholder in parentheses,
// like the name "(unknown)" of the Unknown node; the grader reads it as an article without gold.
constexpr std::string_view kManualArticle = "(manual)";

const Value* Find(const ValueMap& m, std::string_view key) {
  auto it = m.find(std::string(key));
  return it == m.end() ? nullptr : &it->second;
}

std::string Str(const ValueMap& m, std::string_view key) {
  const Value* v = Find(m, key);
  return v != nullptr && v->is_string() ? v->as_string() : std::string();
}


struct EntityView {
  std::string id, name, label;
  bool unknown = false;
};

absl::StatusOr<EntityView> View(Txn& txn, NodeId id) {
  absl::StatusOr<std::optional<Node>> node = txn.GetNode(id);
  if (!node.ok()) return node.status();
  EntityView v;
  if (!node->has_value()) return v;
  const Node& n = **node;
  v.unknown = std::find(n.labels.begin(), n.labels.end(), kUnknownLabel) != n.labels.end();
  v.name = Str(n.props, "name");
  v.label = n.labels.empty() ? "" : n.labels.front();
  absl::StatusOr<std::optional<std::string>> key = txn.KeyOfNode(id);
  if (key.ok() && key->has_value()) {
    v.id = **key;
  } else {
    v.id = absl::StrCat("n", id);
  }
  return v;
}

void AppendEntity(const EntityView& e, std::string* out) {
  absl::StrAppend(out, "{\"id\":");
  AppendJsonString(e.id, out);
  absl::StrAppend(out, ",\"name\":");
  AppendJsonString(e.name, out);
  absl::StrAppend(out, ",\"label\":");
  AppendJsonString(e.label, out);
  out->push_back('}');
}

}  // namespace

absl::Status ExportClaims(Store& store, std::ostream& out) {
  std::unique_ptr<Txn> txn = store.Begin();
  absl::StatusOr<std::vector<RelId>> rels = txn->AllRels();
  if (!rels.ok()) return rels.status();
  using SortKey = std::tuple<std::string, int64_t, std::string, std::string, std::string>;
  std::vector<std::pair<SortKey, std::string>> lines;
  std::map<NodeId, EntityView> cache;
  auto view = [&](NodeId id) -> absl::StatusOr<EntityView> {
    auto it = cache.find(id);
    if (it != cache.end()) return it->second;
    absl::StatusOr<EntityView> v = View(*txn, id);
    if (v.ok()) cache[id] = *v;
    return v;
  };
  for (RelId id : *rels) {
    absl::StatusOr<std::optional<Relationship>> rel = txn->GetRel(id);
    if (!rel.ok()) return rel.status();
    if (!rel->has_value() || (*rel)->type == "MENTIONS") continue;
    const Relationship& r = **rel;
    absl::StatusOr<EntityView> subject = view(r.start);
    if (!subject.ok()) return subject.status();
    absl::StatusOr<EntityView> object = view(r.end);
    if (!object.ok()) return object.status();
    std::string line = "{\"id\":";
    std::string claim_id = Str(r.props, "id");
    if (claim_id.empty()) claim_id = absl::StrCat("r", r.id);
    AppendJsonString(claim_id, &line);
    absl::StrAppend(&line, ",\"type\":");
    AppendJsonString(r.type, &line);
    absl::StrAppend(&line, ",\"subject\":");
    AppendEntity(*subject, &line);
    absl::StrAppend(&line, ",\"object\":");
    if (object->unknown) {
      line += "null";
    } else {
      AppendEntity(*object, &line);
    }
    absl::StrAppend(&line, ",\"qualifiers\":", Value(ClaimQualifiers(r.props)).ToJson());
    absl::StatusOr<bool> manual = txn->IsManualRel(r.id);
    if (!manual.ok()) return manual.status();
    ValueMap source;
    for (const char* k : {"article", "section", "sentence", "span", "citations"}) {
      const Value* v = Find(r.props, k);
      source[k] = v != nullptr ? *v : Value();
    }
    if (!source["citations"].is_list()) source["citations"] = ValueList{};
    std::string article = Str(r.props, "article");
    if (*manual && article.empty()) {
      article = std::string(kManualArticle);
      source["article"] = Value(article);
    }
    // Fixed key order as in SPEC §3; a manual claim adds "manual": true.
    absl::StrAppend(&line, ",\"source\":{\"article\":", source["article"].ToJson(),
                    ",\"section\":", source["section"].ToJson(), ",\"sentence\":",
                    source["sentence"].ToJson(), ",\"span\":", source["span"].ToJson(),
                    ",\"citations\":", source["citations"].ToJson(),
                    *manual ? ",\"manual\":true}" : "}");
    std::string rule = Str(r.props, "rule");
    if (*manual && rule.empty()) rule = std::string(kManualSource);
    absl::StrAppend(&line, ",\"rule\":", Value(rule).ToJson(), "}");
    int64_t begin = 0;
    if (const Value* span = Find(r.props, "span");
        span != nullptr && span->is_list() && !span->as_list().empty() &&
        span->as_list()[0].is_int()) {
      begin = span->as_list()[0].as_int();
    }
    lines.emplace_back(SortKey{article, begin, r.type, rule, claim_id}, std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& [key, line] : lines) out << line << '\n';
  return absl::OkStatus();
}

absl::Status ExportEntities(Store& store, std::ostream& out) {
  std::unique_ptr<Txn> txn = store.Begin();
  absl::StatusOr<std::vector<NodeId>> nodes = txn->AllNodes();
  if (!nodes.ok()) return nodes.status();
  std::vector<std::pair<std::string, std::string>> lines;
  for (NodeId id : *nodes) {
    absl::StatusOr<std::optional<Node>> node = txn->GetNode(id);
    if (!node.ok()) return node.status();
    if (!node->has_value()) continue;
    const Node& n = **node;
    auto has = [&](std::string_view l) {
      return std::find(n.labels.begin(), n.labels.end(), l) != n.labels.end();
    };
    if (has("Article") || has(kUnknownLabel)) continue;
    absl::StatusOr<EntityView> v = View(*txn, id);
    if (!v.ok()) return v.status();
    // Articles that mention it (MENTIONS edges in).
    std::set<std::string> articles;
    absl::StatusOr<std::vector<Edge>> in = txn->Expand(id, Direction::kIn, {"MENTIONS"});
    if (!in.ok()) return in.status();
    for (const Edge& e : *in) {
      absl::StatusOr<std::optional<Node>> a = txn->GetNode(e.other);
      if (a.ok() && a->has_value()) articles.insert(Str((*a)->props, "id"));
    }
    std::string line = "{\"id\":";
    AppendJsonString(v->id, &line);
    absl::StrAppend(&line, ",\"name\":");
    AppendJsonString(v->name, &line);
    absl::StrAppend(&line, ",\"label\":");
    AppendJsonString(v->label, &line);
    const Value* aliases = Find(n.props, "aliases");
    absl::StrAppend(&line, ",\"aliases\":",
                    aliases != nullptr && aliases->is_list() ? aliases->ToJson() : "[]");
    ValueList list;
    for (const std::string& a : articles) list.push_back(Value(a));
    absl::StrAppend(&line, ",\"articles\":", Value(list).ToJson(), "}");
    lines.emplace_back(v->id, std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& [key, line] : lines) out << line << '\n';
  return absl::OkStatus();
}

}  // namespace kg::query
