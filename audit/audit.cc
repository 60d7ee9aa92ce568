#include "audit/audit.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kg::audit {
namespace {

// Whitespace collapsed, ends trimmed: "same text" ignores layout.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The body of an article for copy detection: its text without a leading title line.
std::string BodyKey(const StoredArticle& a) {
  std::string_view text = a.text;
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && !a.title.empty()) {
    const size_t nl = text.find('\n', start);
    std::string_view first = text.substr(start, nl == std::string_view::npos ? text.npos
                                                                             : nl - start);
    if (Collapse(first).find(Collapse(a.title)) != std::string::npos) {
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    }
  }
  return Collapse(text);
}

struct UnionFind {
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (b < a) std::swap(a, b);
    parent[b] = a;
  }
  std::vector<size_t> parent;
};

}  // namespace

absl::StatusOr<AuditReport> Audit(Store& store, const ingest::Gazetteer& gazetteer,
                                  const ingest::QuantityFinder& quantities,
                                  const AuditOptions& options) {
  if (!(options.tolerance >= 0)) return absl::InvalidArgumentError("tolerance must be >= 0");
  const int scopes = !options.entity.empty() + !options.article.empty() + !options.claim.empty();
  if (scopes > 1) {
    return absl::InvalidArgumentError("give at most one of --entity, --article, --claim");
  }
  AuditReport report;
  report.tolerance = options.tolerance;
  std::unique_ptr<Txn> txn = store.Begin();
  EntityCache entities(*txn);

  // 1. Every claim.
  absl::StatusOr<std::vector<RelId>> rels = txn->AllRels();
  if (!rels.ok()) return rels.status();
  for (RelId id : *rels) {
    absl::StatusOr<std::optional<Relationship>> rel = txn->GetRel(id);
    if (!rel.ok()) return rel.status();
    if (!rel->has_value()) continue;
    absl::StatusOr<std::optional<AuditedClaim>> c = ReadClaim(**rel, entities);
    if (!c.ok()) return c.status();
    if (c->has_value()) report.claims.push_back(**std::move(c));
  }
  std::sort(report.claims.begin(), report.claims.end(),
            [](const AuditedClaim& a, const AuditedClaim& b) {
              return std::tie(a.article, a.span_begin, a.type, a.id) <
                     std::tie(b.article, b.span_begin, b.type, b.id);
            });
  std::vector<AuditedClaim>& claims = report.claims;

  // 2. Scope.
  if (!options.entity.empty()) {
    report.scope = absl::StrCat("entity ", options.entity);
    absl::StatusOr<std::vector<NodeId>> nodes = txn->NodesByName(options.entity);
    if (!nodes.ok()) return nodes.status();
    if (nodes->empty()) {
      return absl::NotFoundError(absl::StrCat("no entity named '", options.entity, "'"));
    }
    const std::set<NodeId> set(nodes->begin(), nodes->end());
    for (AuditedClaim& c : claims) {
      c.in_scope = set.contains(c.subject.node) || set.contains(c.object.node);
    }
  } else if (!options.article.empty()) {
    report.scope = absl::StrCat("article ", options.article);
    absl::StatusOr<std::optional<NodeId>> node = txn->ArticleNode(options.article);
    if (!node.ok()) return node.status();
    if (!node->has_value()) {
      return absl::NotFoundError(absl::StrCat("no article '", options.article, "'"));
    }
    for (AuditedClaim& c : claims) c.in_scope = c.article == options.article;
  } else if (!options.claim.empty()) {
    report.scope = absl::StrCat("claim ", options.claim);
    bool found = false;
    for (AuditedClaim& c : claims) found |= c.in_scope = c.id == options.claim;
    if (!found) return absl::NotFoundError(absl::StrCat("no claim '", options.claim, "'"));
  } else {
    report.scope = "whole graph";
    for (AuditedClaim& c : claims) c.in_scope = true;
  }

  // 3. Verification.
  Verifier verifier(*txn, gazetteer, quantities, options.tolerance);
  for (size_t i = 0; i < claims.size(); ++i) {
    absl::StatusOr<Verification> v = verifier.Verify(FactsOf(claims[i]));
    if (!v.ok()) return v.status();
    claims[i].verification = *std::move(v);
    if (!claims[i].in_scope) continue;
    for (int n : claims[i].verification.paragraphs) {
      absl::StatusOr<std::string> text = verifier.ParagraphText(claims[i].verification.source, n);
      if (!text.ok()) return text.status();
      report.cited_text[i].emplace_back(n, *std::move(text));
    }
  }

  // 4. Articles: text identity and citation links for independence.
  std::map<std::string, StoredArticle> articles;
  for (const AuditedClaim& c : claims) {
    if (articles.contains(c.article)) continue;
    absl::StatusOr<std::optional<StoredArticle>> a = LoadArticle(*txn, c.article);
    if (!a.ok()) return a.status();
    StoredArticle stored;
    if (a->has_value()) stored = **std::move(a);
    stored.id = c.article;
    articles.emplace(c.article, std::move(stored));
  }
  std::map<std::string, std::string> body;
  for (const auto& [id, a] : articles) body[id] = BodyKey(a);

  // 5. Facts over all claims.
  std::vector<Fact> facts;
  absl::flat_hash_map<std::string, size_t> fact_index;
  for (size_t i = 0; i < claims.size(); ++i) {
    const AuditedClaim& c = claims[i];
    auto end_key = [](const EntityRef& e) {
      return e.key.empty() ? absl::StrCat("#", e.node) : e.key;
    };
    const std::string key =
        absl::StrJoin({c.type, end_key(c.subject), end_key(c.object), c.period, c.commodity,
                       c.stage, c.basis},
                      "\x1f");
    auto [it, inserted] = fact_index.emplace(key, facts.size());
    if (inserted) {
      Fact f;
      f.type = c.type;
      f.subject = c.subject.name;
      f.object = c.object.unknown ? "" : c.object.name;
      f.period = c.period;
      f.commodity = c.commodity;
      f.stage = c.stage;
      f.basis = c.basis;
      facts.push_back(std::move(f));
    }
    facts[it->second].claims.push_back(i);
  }

  std::vector<Conflict> conflicts;
  for (size_t fi = 0; fi < facts.size(); ++fi) {
    Fact& f = facts[fi];
    // Independence: union of articles that are copies, share the sentence, or cite each other.
    std::vector<std::string> ids;
    for (size_t ci : f.claims) ids.push_back(claims[ci].article);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    UnionFind uf(ids.size());
    std::map<std::string, size_t> index_of;  // Article id -> index in ids.
    for (size_t a = 0; a < ids.size(); ++a) index_of[ids[a]] = a;
    std::vector<std::set<std::string>> sentences(ids.size());  // Each article's sentences.
    for (size_t ci : f.claims) {
      sentences[index_of[claims[ci].article]].insert(Collapse(claims[ci].sentence));
    }
    // Why two articles are not independent for this fact ("" when they are).
    auto link = [&](size_t a, size_t b) -> std::string {
      if (!body[ids[a]].empty() && body[ids[a]] == body[ids[b]]) return "same text";
      if (articles[ids[a]].cites == ids[b] || articles[ids[b]].cites == ids[a]) return "cites";
      for (const std::string& s : sentences[a]) {
        if (sentences[b].contains(s)) return "same sentence";
      }
      return "";
    };
    // Join articles sharing a body, a sentence, or a citation link (no pairwise scan).
    std::map<std::string_view, size_t> by_body, by_sentence;
    for (size_t a = 0; a < ids.size(); ++a) {
      if (const std::string& b = body[ids[a]]; !b.empty()) {
        auto [it, fresh] = by_body.emplace(b, a);
        if (!fresh) uf.Join(it->second, a);
      }
      if (auto it = index_of.find(articles[ids[a]].cites); it != index_of.end()) {
        uf.Join(a, it->second);
      }
      for (const std::string& sentence : sentences[a]) {
        auto [it, fresh] = by_sentence.emplace(sentence, a);
        if (!fresh) uf.Join(it->second, a);
      }
    }
    // One article per group stands for it: an original report if the group has one (a
    // summary repeats its original, not the other way round), else the first id.
    std::map<size_t, size_t> representative;  // Root -> member.
    for (size_t a = 0; a < ids.size(); ++a) {
      const size_t root = uf.Find(a);
      auto it = representative.find(root);
      if (it == representative.end()) {
        representative[root] = a;
      } else if (!articles[ids[a]].paragraphs.empty() &&
                 articles[ids[it->second]].paragraphs.empty()) {
        it->second = a;
      }
    }
    for (size_t a = 0; a < ids.size(); ++a) {
      const size_t rep = representative[uf.Find(a)];
      if (rep == a) {
        f.articles.push_back(ids[a]);
        continue;
      }
      std::string why = link(a, rep);
      for (size_t x = 0; x < ids.size() && why.empty(); ++x) {  // Linked through another one.
        if (x != a && uf.Find(x) == uf.Find(a) && !link(a, x).empty()) {
          why = absl::StrCat(link(a, x), " as ", ids[x]);
        }
      }
      f.repeats.push_back({ids[a], ids[rep], why});
    }
    // Conflicts: per kind and unit, any two claims of different articles that disagree.
    std::map<std::pair<std::string, std::string>, std::vector<Conflict::Side>> by_unit;
    for (size_t ci : f.claims) {
      for (const Figure& fig : claims[ci].figures) {
        by_unit[{fig.kind, fig.unit}].push_back({ci, fig});
      }
    }
    for (auto& [ku, sides] : by_unit) {
      bool disagree = false;
      for (size_t a = 0; a < sides.size() && !disagree; ++a) {
        for (size_t b = a + 1; b < sides.size() && !disagree; ++b) {
          disagree = claims[sides[a].claim].article != claims[sides[b].claim].article &&
                     !Agree(sides[a].figure, sides[b].figure, options.tolerance);
        }
      }
      if (!disagree) continue;
      f.conflict = true;
      Conflict c;
      c.fact = fi;
      c.kind = ku.first;
      c.unit = ku.second;
      c.values = std::move(sides);
      conflicts.push_back(std::move(c));
    }
  }

  // 6. Keep the facts (and their conflicts) that hold an in-scope claim.
  std::vector<size_t> new_index(facts.size(), SIZE_MAX);
  for (size_t fi = 0; fi < facts.size(); ++fi) {
    bool keep = false;
    for (size_t ci : facts[fi].claims) keep |= claims[ci].in_scope;
    if (!keep) continue;
    new_index[fi] = report.facts.size();
    report.facts.push_back(std::move(facts[fi]));
  }
  std::set<size_t> conflicting_claims;
  for (Conflict& c : conflicts) {
    if (new_index[c.fact] == SIZE_MAX) continue;
    c.fact = new_index[c.fact];
    for (const Conflict::Side& s : c.values) conflicting_claims.insert(s.claim);
    report.conflicts.push_back(std::move(c));
  }
  for (const Fact& f : report.facts) {
    (f.articles.size() >= 2 ? report.corroborated : report.single_source) += 1;
  }

  // 7. Summary over in-scope claims.
  for (const char* v : {kVerified, kUnsupported, kUnverifiable, kUncited}) report.verdicts[v] = 0;
  std::map<std::string, ArticleSummary> per_article;
  for (size_t i = 0; i < claims.size(); ++i) {
    const AuditedClaim& c = claims[i];
    if (!c.in_scope) continue;
    ++report.in_scope;
    ++report.verdicts[c.verification.verdict];
    ArticleSummary& s = per_article[c.article];
    s.id = c.article;
    s.cites = articles[c.article].cites;
    s.is_report = !articles[c.article].paragraphs.empty();
    ++s.claims;
    const std::string& v = c.verification.verdict;
    (v == kVerified ? s.verified : v == kUnsupported ? s.unsupported
                                : v == kUnverifiable ? s.unverifiable
                                                     : s.uncited) += 1;
    if (conflicting_claims.contains(i)) ++s.conflicting;
  }
  for (auto& [id, s] : per_article) report.articles.push_back(std::move(s));
  std::sort(report.articles.begin(), report.articles.end(),
            [](const ArticleSummary& a, const ArticleSummary& b) {
              return std::make_tuple(-a.unsupported, -a.conflicting, -a.unverifiable, -a.uncited, a.id) <
                     std::make_tuple(-b.unsupported, -b.conflicting, -b.unverifiable, -b.uncited, b.id);
            });
  return report;
}

}  // namespace kg::audit
