// FormatHtml (format.h): one self-contained page, every text escaped.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "audit/format.h"
#include "audit/format_internal.h"
#include "export/text.h"

namespace kg::audit {
namespace {

using internal::FactTitle;
using internal::Share;

std::string Escape(std::string_view s) { return exports::HtmlEscape(s); }

// An id attribute value: claim ids are "c" + hex, but escape anyway.
std::string Anchor(const std::string& claim_id) { return Escape(absl::StrCat("claim-", claim_id)); }

constexpr char kStyle[] = R"(
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;margin-top:2em}
table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #eee;text-align:left}
td.n{text-align:right}
.claim{border-left:4px solid #bbb;margin:1em 0;padding:.3em .8em;background:#fafafa}
.claim.verified{border-color:#2a7}.claim.unsupported{border-color:#c33}
.claim.unverifiable{border-color:#d90}.claim.uncited{border-color:#999}
.badge{font-size:.8em;padding:.1em .5em;border-radius:.6em;color:#fff;background:#999}
.badge.verified{background:#2a7}.badge.unsupported{background:#c33}.badge.unverifiable{background:#d90}
mark.entity{background:#dde8ff}mark.figure{background:#ffe7a8}
.meta{color:#555;font-size:.9em}.missing{color:#a00}.cited{color:#444;font-size:.9em}
:target{outline:2px solid #36c}
)";

}  // namespace

std::string FormatHtml(const AuditReport& r, const ingest::Gazetteer& gazetteer,
                       const ingest::QuantityFinder& quantities) {
  std::string out;
  absl::StrAppend(&out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n",
                  "<title>kg audit: ", Escape(r.scope), "</title>\n<style>", kStyle,
                  "</style></head>\n<body>\n<h1>kg audit: ", Escape(r.scope), "</h1>\n");
  absl::StrAppend(&out, "<p class=\"meta\">", r.in_scope, " claims in ", r.articles.size(),
                  " articles; figures compared within ", internal::TolerancePercent(r.tolerance),
                  "%.</p>\n");

  // Summary.
  absl::StrAppend(&out, "<section id=\"summary\"><h2>Summary</h2>\n<table>\n"
                        "<tr><th>verdict</th><th>claims</th><th>share</th></tr>\n");
  for (const char* v : {kVerified, kUnsupported, kUnverifiable, kUncited}) {
    const int n = r.verdicts.contains(v) ? r.verdicts.at(v) : 0;
    absl::StrAppend(&out, "<tr><td><span class=\"badge ", v, "\">", v, "</span></td><td class=\"n\">",
                    n, "</td><td class=\"n\">", Share(n, r.in_scope), "</td></tr>\n");
  }
  absl::StrAppend(&out, "</table>\n<p>", r.facts.size(), " facts: ", r.corroborated,
                  " corroborated by 2+ independent articles, ", r.single_source,
                  " from a single source; ", r.conflicts.size(),
                  " conflicts.</p></section>\n");

  // Worst offenders.
  absl::StrAppend(&out,
                  "<section id=\"offenders\"><h2>Worst offenders</h2>\n<table>\n<tr><th>article"
                  "</th><th>claims</th><th>unsupported</th><th>conflicting</th>"
                  "<th>unverifiable</th><th>uncited</th></tr>\n");
  for (const ArticleSummary& a : r.articles) {
    absl::StrAppend(&out, "<tr><td><a href=\"#article-", Escape(a.id), "\">", Escape(a.id),
                    "</a>", a.is_report ? " (report)" : "", "</td><td class=\"n\">", a.claims,
                    "</td><td class=\"n\">", a.unsupported, "</td><td class=\"n\">",
                    a.conflicting, "</td><td class=\"n\">", a.unverifiable,
                    "</td><td class=\"n\">", a.uncited, "</td></tr>\n");
  }
  absl::StrAppend(&out, "</table></section>\n");

  // Conflicts, and for each claim the other claims it conflicts with.
  std::map<size_t, std::set<size_t>> conflicts_with;
  absl::StrAppend(&out, "<section id=\"conflicts\"><h2>Conflicts</h2>\n");
  if (r.conflicts.empty()) absl::StrAppend(&out, "<p>None.</p>\n");
  for (size_t k = 0; k < r.conflicts.size(); ++k) {
    const Conflict& c = r.conflicts[k];
    absl::StrAppend(&out, "<div class=\"conflict\" id=\"conflict-", k, "\"><h3>",
                    Escape(FactTitle(r.facts[c.fact], " \xE2\x86\x92 ")), ": ", Escape(c.kind),
                    "</h3>\n<ul>\n");
    for (const Conflict::Side& s : c.values) {
      const AuditedClaim& claim = r.claims[s.claim];
      absl::StrAppend(&out, "<li><a href=\"#", Anchor(claim.id), "\">", Escape(s.figure.text),
                      "</a> in ", Escape(claim.article), ": ", Escape(claim.sentence), "</li>\n");
      for (const Conflict::Side& o : c.values) {
        if (o.claim != s.claim) conflicts_with[s.claim].insert(o.claim);
      }
    }
    absl::StrAppend(&out, "</ul></div>\n");
  }
  absl::StrAppend(&out, "</section>\n");

  // Claims, by article, each sentence highlighted.
  absl::StrAppend(&out, "<section id=\"claims\"><h2>Claims</h2>\n");
  std::string article;
  for (size_t i = 0; i < r.claims.size(); ++i) {
    const AuditedClaim& c = r.claims[i];
    if (!c.in_scope) continue;
    if (c.article != article) {
      article = c.article;
      absl::StrAppend(&out, "<h3 id=\"article-", Escape(article), "\">", Escape(article),
                      "</h3>\n");
    }
    const std::string& v = c.verification.verdict;
    absl::StrAppend(&out, "<div class=\"claim ", Escape(v), "\" id=\"", Anchor(c.id), "\">\n",
                    "<div class=\"meta\"><span class=\"badge ", Escape(v), "\">", Escape(v),
                    "</span> <b>", Escape(c.type), "</b> ", Escape(c.subject.name),
                    " \xE2\x86\x92 ", c.object.unknown ? "?" : Escape(c.object.name));
    if (!c.qualifiers.empty()) {
      absl::StrAppend(&out, " · ", Escape(internal::QualifierText(c.qualifiers)));
    }
    absl::StrAppend(&out, " · ", Escape(c.section.empty() ? "(no section)" : c.section),
                    " · span ", c.span_begin, "-", c.span_end, " · citations [",
                    absl::StrJoin(c.citations, ", "), "] · ", Escape(c.id), "</div>\n");

    // Highlight: entities and figures, longest first, no overlaps (as extraction tags them).
    struct Mark {
      size_t begin, end;
      std::string cls, title;
    };
    std::vector<Mark> marks;
    std::vector<ingest::EntityDef> extra;
    for (const ingest::Mention& m : gazetteer.Find(c.sentence, &extra)) {
      const size_t known = gazetteer.entities().size();
      const ingest::EntityDef& def = static_cast<size_t>(m.entity) < known
                                         ? gazetteer.entities()[m.entity]
                                         : extra[m.entity - known];
      if (def.label == "Region") continue;
      marks.push_back({m.span.begin, m.span.end, "entity", absl::StrCat(def.label, ": ", def.name)});
    }
    for (const ingest::Quantity& q : quantities.Find(c.sentence)) {
      marks.push_back({q.span.begin, q.span.end, "figure", q.unit});
    }
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
      if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
      return a.begin < b.begin;
    });
    std::vector<Mark> kept;
    for (const Mark& m : marks) {
      bool overlaps = m.end > c.sentence.size() || m.begin >= m.end;
      for (const Mark& k : kept) overlaps |= m.begin < k.end && k.begin < m.end;
      if (!overlaps) kept.push_back(m);
    }
    std::sort(kept.begin(), kept.end(), [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
    absl::StrAppend(&out, "<p class=\"sentence\">");
    size_t pos = 0;
    for (const Mark& m : kept) {
      absl::StrAppend(&out, Escape(std::string_view(c.sentence).substr(pos, m.begin - pos)),
                      "<mark class=\"", m.cls, "\" title=\"", Escape(m.title), "\">",
                      Escape(std::string_view(c.sentence).substr(m.begin, m.end - m.begin)),
                      "</mark>");
      pos = m.end;
    }
    absl::StrAppend(&out, Escape(std::string_view(c.sentence).substr(pos)), "</p>\n");

    for (const std::string& m : c.verification.missing) {
      absl::StrAppend(&out, "<p class=\"missing\">missing: ", Escape(m), "</p>\n");
    }
    if (auto it = r.cited_text.find(i); it != r.cited_text.end()) {
      for (const auto& [n, text] : it->second) {
        absl::StrAppend(&out, "<p class=\"cited\">", Escape(c.verification.source), " [", n,
                        "]: ", Escape(text), "</p>\n");
      }
    }
    if (auto it = conflicts_with.find(i); it != conflicts_with.end()) {
      absl::StrAppend(&out, "<p class=\"conflicts\">Conflicts with:");
      for (size_t o : it->second) {
        absl::StrAppend(&out, " <a href=\"#", Anchor(r.claims[o].id), "\">",
                        Escape(r.claims[o].article), " (", Escape(r.claims[o].id), ")</a>");
      }
      absl::StrAppend(&out, "</p>\n");
    }
    absl::StrAppend(&out, "</div>\n");
  }
  absl::StrAppend(&out, "</section>\n");

  // Corroboration.
  absl::StrAppend(&out, "<section id=\"corroboration\"><h2>Corroboration</h2>\n<table>\n"
                        "<tr><th>fact</th><th>independent articles</th><th>not counted</th></tr>\n");
  for (const Fact& f : r.facts) {
    if (f.articles.size() < 2) continue;
    std::vector<std::string> repeats;
    for (const Fact::Repeat& rep : f.repeats) {
      repeats.push_back(absl::StrCat(Escape(rep.article), " repeats ", Escape(rep.of), " (",
                                     Escape(rep.reason), ")"));
    }
    std::vector<std::string> arts;
    for (const std::string& a : f.articles) arts.push_back(Escape(a));
    absl::StrAppend(&out, "<tr><td>", Escape(FactTitle(f, " \xE2\x86\x92 ")), "</td><td>",
                    f.articles.size(), ": ", absl::StrJoin(arts, ", "), "</td><td>",
                    absl::StrJoin(repeats, "; "), "</td></tr>\n");
  }
  absl::StrAppend(&out, "</table></section>\n</body></html>\n");
  return out;
}

}  // namespace kg::audit
