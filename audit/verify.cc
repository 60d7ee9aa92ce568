#include "audit/verify.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "graph/names.h"

namespace kg::audit {
namespace {

std::string Str(const ValueMap& m, const char* key) {
  auto it = m.find(key);
  return it != m.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

// "paragraphs 1-12" or "paragraphs 1, 3, 7" for a message.
std::string NumbersText(const std::vector<Paragraph>& ps) {
  bool contiguous = true;
  for (size_t i = 1; i < ps.size(); ++i) contiguous &= ps[i].number == ps[i - 1].number + 1;
  if (contiguous && ps.size() > 2) {
    return absl::StrCat("paragraphs ", ps.front().number, "-", ps.back().number);
  }
  std::vector<int> n;
  for (const Paragraph& p : ps) n.push_back(p.number);
  return absl::StrCat(ps.size() == 1 ? "paragraph " : "paragraphs ", absl::StrJoin(n, ", "));
}

}  // namespace

absl::StatusOr<std::optional<StoredArticle>> LoadArticle(Txn& txn, const std::string& id) {
  absl::StatusOr<std::optional<ValueMap>> meta = txn.GetArticleMeta(id);
  if (!meta.ok()) return meta.status();
  if (!meta->has_value()) return std::optional<StoredArticle>();
  const ValueMap& m = **meta;
  StoredArticle a;
  a.id = id;
  a.title = Str(m, "title");
  a.text = Str(m, "text");
  a.cites = Str(m, "cites");
  auto it = m.find("paragraphs");
  if (it != m.end() && it->second.is_list()) {
    for (const Value& p : it->second.as_list()) {
      if (!p.is_list() || p.as_list().size() != 3) continue;
      const ValueList& l = p.as_list();
      if (!l[0].is_int() || !l[1].is_int() || !l[2].is_int()) continue;
      const int64_t b = l[1].as_int(), e = l[2].as_int();
      if (b < 0 || e < b || static_cast<size_t>(e) > a.text.size()) continue;
      a.paragraphs.push_back(
          {static_cast<int>(l[0].as_int()), static_cast<size_t>(b), static_cast<size_t>(e)});
    }
  }
  return std::optional<StoredArticle>(std::move(a));
}

Verifier::Verifier(Txn& txn, const ingest::Gazetteer& gazetteer,
                   const ingest::QuantityFinder& quantities, double tolerance)
    : txn_(txn), gazetteer_(gazetteer), quantities_(quantities), tolerance_(tolerance) {}

Verifier::~Verifier() = default;

absl::StatusOr<const StoredArticle*> Verifier::Article(const std::string& id) {
  auto it = articles_.find(id);
  if (it == articles_.end()) {
    absl::StatusOr<std::optional<StoredArticle>> a = LoadArticle(txn_, id);
    if (!a.ok()) return a.status();
    it = articles_.emplace(id, *std::move(a)).first;
  }
  return it->second.has_value() ? &*it->second : nullptr;
}

const Verifier::Analyzed& Verifier::Analyze(const StoredArticle& report, const Paragraph& p) {
  const auto key = std::make_pair(report.id, p.number);
  auto it = paragraphs_.find(key);
  if (it != paragraphs_.end()) return it->second;
  Analyzed a;
  const std::string text = report.text.substr(p.begin, p.end - p.begin);
  std::vector<ingest::EntityDef> extra;
  for (const ingest::Mention& m : gazetteer_.Find(text, &extra)) {
    const size_t known = gazetteer_.entities().size();
    const ingest::EntityDef& def = static_cast<size_t>(m.entity) < known
                                       ? gazetteer_.entities()[m.entity]
                                       : extra[m.entity - known];
    a.entity_keys.insert(def.key);
    a.entity_names.insert(NormalizeName(def.name));
  }
  for (const ingest::Quantity& q : quantities_.Find(text)) {
    if (std::optional<Figure> f = QuantityFigure(q)) {
      a.figures.push_back(*std::move(f));
    } else if (!q.text_value.empty()) {
      a.periods.push_back(q.text_value);
    }
  }
  return paragraphs_.emplace(key, std::move(a)).first->second;
}

absl::StatusOr<std::string> Verifier::ParagraphText(const std::string& report, int number) {
  absl::StatusOr<const StoredArticle*> a = Article(report);
  if (!a.ok()) return a.status();
  if (*a == nullptr) return std::string();
  for (const Paragraph& p : (*a)->paragraphs) {
    if (p.number == number) return (*a)->text.substr(p.begin, p.end - p.begin);
  }
  return std::string();
}

Verification VerdictWithoutSource(const std::string& article, const std::vector<int>& citations) {
  Verification v;
  if (citations.empty()) {
    v.verdict = kUncited;
    return v;
  }
  v.verdict = kUnverifiable;
  v.missing.push_back(absl::StrCat("source: article ", article,
                                   " names no original report (no cites / Source: line)"));
  return v;
}

absl::StatusOr<Verification> Verifier::Verify(const ClaimFacts& claim) {
  if (claim.citations.empty()) return VerdictWithoutSource(claim.article, claim.citations);
  absl::StatusOr<const StoredArticle*> summary = Article(claim.article);
  if (!summary.ok()) return summary.status();
  if (*summary == nullptr || (*summary)->cites.empty()) {
    return VerdictWithoutSource(claim.article, claim.citations);
  }
  Verification v;
  v.verdict = kUnverifiable;
  v.source = (*summary)->cites;
  absl::StatusOr<const StoredArticle*> report = Article(v.source);
  if (!report.ok()) return report.status();
  if (*report == nullptr) {
    v.missing.push_back(absl::StrCat("source: ", v.source, " is not ingested"));
    return v;
  }
  const StoredArticle& r = **report;
  if (r.paragraphs.empty()) {
    v.missing.push_back(absl::StrCat("source: ", v.source, " has no numbered paragraphs"));
    return v;
  }
  std::vector<const Paragraph*> cited;
  for (int n : claim.citations) {
    auto p = std::find_if(r.paragraphs.begin(), r.paragraphs.end(),
                          [n](const Paragraph& x) { return x.number == n; });
    if (p == r.paragraphs.end()) {
      v.missing.push_back(absl::StrCat("paragraph ", n, ": not in ", v.source, " (",
                                       NumbersText(r.paragraphs), ")"));
    } else {
      cited.push_back(&*p);
      v.paragraphs.push_back(n);
    }
  }
  if (!v.missing.empty()) return v;

  std::set<std::string> keys, names;
  std::vector<const Figure*> figures;
  std::vector<const std::string*> periods;
  for (const Paragraph* p : cited) {
    const Analyzed& a = Analyze(r, *p);
    keys.insert(a.entity_keys.begin(), a.entity_keys.end());
    names.insert(a.entity_names.begin(), a.entity_names.end());
    for (const Figure& f : a.figures) figures.push_back(&f);
    for (const std::string& s : a.periods) periods.push_back(&s);
  }
  auto mentioned = [&](const std::string& key, const std::string& name) {
    return (!key.empty() && keys.contains(key)) || names.contains(NormalizeName(name));
  };
  if (!mentioned(claim.subject_key, claim.subject_name)) {
    v.missing.push_back(absl::StrCat("entity ", claim.subject_name));
  }
  if (!claim.object_name.empty() && !mentioned(claim.object_key, claim.object_name)) {
    v.missing.push_back(absl::StrCat("entity ", claim.object_name));
  }
  if (!claim.commodity.empty() && !mentioned("", claim.commodity)) {
    v.missing.push_back(absl::StrCat("commodity ", claim.commodity));
  }
  for (const Figure& f : claim.figures) {
    bool stated = false;
    for (const Figure* g : figures) stated |= Comparable(f, *g) && Agree(f, *g, tolerance_);
    if (!stated) v.missing.push_back(absl::StrCat(f.kind, " ", f.text));
  }
  if (!claim.period.empty()) {
    bool stated = false;
    for (const std::string* p : periods) stated |= PeriodsMatch(claim.period, *p);
    if (!stated) v.missing.push_back(absl::StrCat("period ", claim.period));
  }
  v.verdict = v.missing.empty() ? kVerified : kUnsupported;
  return v;
}

}  // namespace kg::audit
