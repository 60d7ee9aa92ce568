#include "audit/claims.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace kg::audit {
namespace {

constexpr std::string_view kProvenance[] = {"id",   "article",   "section", "sentence",
                                            "span", "citations", "rule"};

std::string Str(const ValueMap& m, const char* key) {
  auto it = m.find(key);
  return it != m.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

}  // namespace

std::vector<int> CitationsOf(const ValueMap& props) {
  std::vector<int> out;
  if (auto it = props.find("citations"); it != props.end() && it->second.is_list()) {
    for (const Value& v : it->second.as_list()) {
      if (v.is_int()) out.push_back(static_cast<int>(v.as_int()));
    }
  }
  return out;
}

absl::StatusOr<EntityRef> EntityCache::Get(NodeId id) {
  auto it = cache_.find(id);
  if (it != cache_.end()) return it->second;
  EntityRef e;
  e.node = id;
  absl::StatusOr<std::optional<Node>> node = txn_.GetNode(id);
  if (!node.ok()) return node.status();
  if (node->has_value()) {
    const Node& n = **node;
    e.name = Str(n.props, "name");
    e.label = n.labels.empty() ? "" : n.labels.front();
    e.unknown = std::find(n.labels.begin(), n.labels.end(), kUnknownLabel) != n.labels.end();
  }
  absl::StatusOr<std::optional<std::string>> key = txn_.KeyOfNode(id);
  if (key.ok() && key->has_value()) e.key = **key;
  cache_[id] = e;
  return e;
}

absl::StatusOr<std::optional<AuditedClaim>> ReadClaim(const Relationship& rel,
                                                      EntityCache& entities) {
  const ValueMap& p = rel.props;
  auto article = p.find("article");
  auto sentence = p.find("sentence");
  if (article == p.end() || !article->second.is_string() || sentence == p.end() ||
      !sentence->second.is_string() || rel.type == "MENTIONS") {
    return std::optional<AuditedClaim>();
  }
  AuditedClaim c;
  c.rel = rel.id;
  c.id = Str(p, "id");
  if (c.id.empty()) c.id = absl::StrCat("r", rel.id);
  c.type = rel.type;
  absl::StatusOr<EntityRef> s = entities.Get(rel.start);
  if (!s.ok()) return s.status();
  c.subject = *s;
  absl::StatusOr<EntityRef> o = entities.Get(rel.end);
  if (!o.ok()) return o.status();
  c.object = *o;
  c.article = article->second.as_string();
  c.sentence = sentence->second.as_string();
  c.section = Str(p, "section");
  c.rule = Str(p, "rule");
  if (auto span = p.find("span"); span != p.end() && span->second.is_list() &&
                                  span->second.as_list().size() == 2 &&
                                  span->second.as_list()[0].is_int() &&
                                  span->second.as_list()[1].is_int()) {
    c.span_begin = span->second.as_list()[0].as_int();
    c.span_end = span->second.as_list()[1].as_int();
  }
  c.citations = CitationsOf(p);
  for (const auto& [k, v] : p) {
    if (std::find(std::begin(kProvenance), std::end(kProvenance), k) != std::end(kProvenance) ||
        k == kVerificationProp || k == kMissingProp) {
      continue;
    }
    c.qualifiers[k] = v;
  }
  c.figures = ClaimFigures(c.qualifiers);
  auto text = [&](const char* key) {
    auto it = c.qualifiers.find(key);
    if (it == c.qualifiers.end() || it->second.is_null()) return std::string();
    return it->second.is_string() ? it->second.as_string() : it->second.ToJson();
  };
  c.period = text("period");
  c.commodity = text("commodity");
  c.stage = text("stage");
  c.basis = text("basis");
  c.stored_verification = Str(p, kVerificationProp);
  return std::optional<AuditedClaim>(std::move(c));
}

ClaimFacts FactsOf(const AuditedClaim& claim) {
  ClaimFacts f;
  f.article = claim.article;
  f.citations = claim.citations;
  f.subject_key = claim.subject.key;
  f.subject_name = claim.subject.name;
  if (!claim.object.unknown) {
    f.object_key = claim.object.key;
    f.object_name = claim.object.name;
  }
  f.commodity = claim.commodity;
  f.figures = claim.figures;
  f.period = claim.period;
  return f;
}

absl::StatusOr<std::vector<AuditedClaim>> ArticleClaims(Txn& txn, const std::string& article,
                                                        EntityCache& entities) {
  std::vector<AuditedClaim> out;
  absl::StatusOr<std::optional<NodeId>> node = txn.ArticleNode(article);
  if (!node.ok()) return node.status();
  if (!node->has_value()) return out;
  absl::StatusOr<std::vector<Edge>> mentions = txn.Expand(**node, Direction::kOut, {"MENTIONS"});
  if (!mentions.ok()) return mentions.status();
  std::set<RelId> seen;
  for (const Edge& m : *mentions) {
    absl::StatusOr<std::vector<Edge>> edges = txn.Expand(m.other, Direction::kOut, {});
    if (!edges.ok()) return edges.status();
    for (const Edge& e : *edges) {
      if (!seen.insert(e.rel).second) continue;
      absl::StatusOr<std::optional<Relationship>> rel = txn.GetRel(e.rel);
      if (!rel.ok()) return rel.status();
      if (!rel->has_value()) continue;
      auto a = (*rel)->props.find("article");
      if (a == (*rel)->props.end() || !a->second.is_string() || a->second.as_string() != article) {
        continue;
      }
      absl::StatusOr<std::optional<AuditedClaim>> c = ReadClaim(**rel, entities);
      if (!c.ok()) return c.status();
      if (c->has_value()) out.push_back(**std::move(c));
    }
  }
  std::sort(out.begin(), out.end(), [](const AuditedClaim& a, const AuditedClaim& b) {
    return std::tie(a.span_begin, a.id) < std::tie(b.span_begin, b.id);
  });
  return out;
}

}  // namespace kg::audit
