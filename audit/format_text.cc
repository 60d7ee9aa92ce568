// FormatText (format.h) and the helpers of format_internal.h.
#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "audit/format.h"
#include "audit/format_internal.h"

namespace kg::audit {
namespace internal {

std::string FactTitle(const Fact& f, const char* arrow) {
  std::string s = absl::StrCat(f.type, " ", f.subject, arrow, f.object.empty() ? "?" : f.object);
  std::vector<std::string> extra;
  if (!f.period.empty()) extra.push_back(f.period);
  if (!f.commodity.empty()) extra.push_back(absl::StrCat("commodity ", f.commodity));
  if (!f.stage.empty()) extra.push_back(absl::StrCat("stage ", f.stage));
  if (!f.basis.empty()) extra.push_back(absl::StrCat("basis ", f.basis));
  if (!extra.empty()) absl::StrAppend(&s, " (", absl::StrJoin(extra, ", "), ")");
  return s;
}

std::string Share(int n, int total) {
  return absl::StrFormat("%.1f%%", total == 0 ? 0.0 : 100.0 * n / total);
}

std::string QualifierText(const ValueMap& q) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : q) {
    if (k.ends_with("_unit")) continue;
    std::string text = v.is_string() ? v.as_string() : v.ToJson();
    if (auto unit = q.find(k + "_unit"); unit != q.end() && unit->second.is_string()) {
      absl::StrAppend(&text, " ", unit->second.as_string());
    }
    if (k == "percent" || k == "percent_max") text += "%";
    parts.push_back(absl::StrCat(k, "=", text));
  }
  return absl::StrJoin(parts, ", ");
}

std::string TolerancePercent(double tolerance) {
  std::string s = absl::StrFormat("%.4f", tolerance * 100);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace internal

namespace {

using internal::FactTitle;
using internal::Share;

std::string Quote(const std::string& s, size_t max = 160) {
  if (s.size() <= max) return absl::StrCat("\"", s, "\"");
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8.
  return absl::StrCat("\"", s.substr(0, cut), "…\"");
}

std::string ClaimLine(const AuditedClaim& c) {
  return absl::StrCat(c.id, "  ", c.type, " ", c.subject.name, " -> ",
                      c.object.unknown ? "?" : c.object.name, "  [", c.article,
                      c.citations.empty() ? "" : absl::StrCat(" [", absl::StrJoin(c.citations, "]["), "]"),
                      "]");
}

void OneClaim(const AuditReport& r, std::string* out) {
  size_t index = 0;
  while (index < r.claims.size() && !r.claims[index].in_scope) ++index;
  if (index == r.claims.size()) return;
  const AuditedClaim& c = r.claims[index];
  absl::StrAppend(out, "claim ", c.id, "  ", c.type, "\n");
  absl::StrAppend(out, "  subject       ", c.subject.name, " (", c.subject.label, ")\n");
  absl::StrAppend(out, "  object        ",
                  c.object.unknown ? "(none named)" : absl::StrCat(c.object.name, " (",
                                                                   c.object.label, ")"),
                  "\n");
  if (!c.qualifiers.empty()) {
    absl::StrAppend(out, "  qualifiers    ", internal::QualifierText(c.qualifiers), "\n");
  }
  absl::StrAppend(out, "  article       ", c.article, "\n");
  absl::StrAppend(out, "  section       ", c.section.empty() ? "(none)" : c.section, "\n");
  absl::StrAppend(out, "  span          [", c.span_begin, ", ", c.span_end, "]\n");
  absl::StrAppend(out, "  citations     [", absl::StrJoin(c.citations, ", "), "]\n");
  absl::StrAppend(out, "  rule          ", c.rule, "\n");
  absl::StrAppend(out, "  sentence      ", Quote(c.sentence, 2000), "\n");
  absl::StrAppend(out, "  verification  ", c.verification.verdict);
  if (!c.verification.source.empty()) absl::StrAppend(out, " (source ", c.verification.source, ")");
  absl::StrAppend(out, "\n");
  for (const std::string& m : c.verification.missing) {
    absl::StrAppend(out, "    missing: ", m, "\n");
  }
  if (auto it = r.cited_text.find(index); it != r.cited_text.end()) {
    for (const auto& [n, text] : it->second) {
      absl::StrAppend(out, "  cited [", n, "]    ", Quote(text, 2000), "\n");
    }
  }
  for (const Fact& f : r.facts) {
    absl::StrAppend(out, "  fact          ", FactTitle(f), "\n");
    absl::StrAppend(out, "    stated by ", f.articles.size(), " independent article(s): ",
                    absl::StrJoin(f.articles, ", "), "\n");
    for (const Fact::Repeat& rep : f.repeats) {
      absl::StrAppend(out, "    ", rep.article, " repeats ", rep.of, " (", rep.reason, ")\n");
    }
  }
  for (const Conflict& k : r.conflicts) {
    absl::StrAppend(out, "  conflict      ", k.kind, " (", k.unit, ")\n");
    for (const Conflict::Side& s : k.values) {
      absl::StrAppend(out, "    ", s.figure.text, "  ", r.claims[s.claim].id, "  ",
                      r.claims[s.claim].article, "\n");
    }
  }
}

}  // namespace

std::string FormatText(const AuditReport& r) {
  std::string out;
  if (r.scope.starts_with("claim ")) {
    OneClaim(r, &out);
    return out;
  }
  absl::StrAppend(&out, "audit of ", r.scope, ": ", r.in_scope, " claim(s) in ", r.articles.size(),
                  " article(s); figures compared within ",
                  internal::TolerancePercent(r.tolerance), "%\n\n");
  absl::StrAppend(&out, "verdicts\n");
  for (const char* v : {kVerified, kUnsupported, kUnverifiable, kUncited}) {
    const int n = r.verdicts.contains(v) ? r.verdicts.at(v) : 0;
    absl::StrAppend(&out, absl::StrFormat("  %-13s %5d  %6s\n", v, n, Share(n, r.in_scope)));
  }
  absl::StrAppend(&out, "facts\n");
  absl::StrAppend(&out, absl::StrFormat("  %-13s %5d\n", "total", r.facts.size()));
  absl::StrAppend(&out, absl::StrFormat("  %-13s %5d  (stated by 2+ independent articles)\n",
                                        "corroborated", r.corroborated));
  absl::StrAppend(&out, absl::StrFormat("  %-13s %5d\n", "single source", r.single_source));
  absl::StrAppend(&out, absl::StrFormat("  %-13s %5d  (figures that disagree across articles)\n",
                                        "conflicts", r.conflicts.size()));

  absl::StrAppend(&out, "\nworst offenders\n");
  absl::StrAppend(&out, absl::StrFormat("  %-34s %6s %11s %11s %12s %7s\n", "article", "claims",
                                        "unsupported", "conflicting", "unverifiable", "uncited"));
  for (const ArticleSummary& a : r.articles) {
    std::string name = a.id;
    if (a.is_report) name += " (report)";
    absl::StrAppend(&out, absl::StrFormat("  %-34s %6d %11d %11d %12d %7d\n", name, a.claims,
                                          a.unsupported, a.conflicting, a.unverifiable,
                                          a.uncited));
  }

  auto list = [&](const char* verdict, const char* title) {
    bool any = false;
    for (const AuditedClaim& c : r.claims) {
      if (!c.in_scope || c.verification.verdict != verdict) continue;
      if (!any) absl::StrAppend(&out, "\n", title, "\n");
      any = true;
      absl::StrAppend(&out, "  ", ClaimLine(c), "\n    ", Quote(c.sentence), "\n");
      for (const std::string& m : c.verification.missing) {
        absl::StrAppend(&out, "    missing: ", m, "\n");
      }
    }
  };
  list(kUnsupported, "unsupported (the cited paragraph does not say it)");

  // Unverifiable: grouped by reason, per article, so a summary without its original is one line.
  std::map<std::pair<std::string, std::string>, int> unverifiable;
  for (const AuditedClaim& c : r.claims) {
    if (!c.in_scope || c.verification.verdict != kUnverifiable) continue;
    const std::string reason = c.verification.missing.empty() ? "" : c.verification.missing[0];
    const bool generic = reason.starts_with("source:");
    if (generic) {
      ++unverifiable[{c.article, reason}];
    } else {
      ++unverifiable[{c.article, absl::StrCat(c.id, ": ", absl::StrJoin(c.verification.missing,
                                                                           "; "))}];
    }
  }
  if (!unverifiable.empty()) absl::StrAppend(&out, "\nunverifiable\n");
  for (const auto& [key, n] : unverifiable) {
    absl::StrAppend(&out, "  ", key.first, ": ", key.second,
                    n > 1 ? absl::StrCat(" (", n, " claims)") : "", "\n");
  }

  if (!r.conflicts.empty()) absl::StrAppend(&out, "\nconflicts\n");
  for (const Conflict& k : r.conflicts) {
    absl::StrAppend(&out, "  ", FactTitle(r.facts[k.fact]), ": ", k.kind, "\n");
    for (const Conflict::Side& s : k.values) {
      const AuditedClaim& c = r.claims[s.claim];
      absl::StrAppend(&out, absl::StrFormat("    %-22s %s  %s\n", s.figure.text, c.article, c.id));
      absl::StrAppend(&out, "      ", Quote(c.sentence), "\n");
    }
  }

  bool any = false;
  for (const Fact& f : r.facts) {
    if (f.articles.size() < 2) continue;
    if (!any) absl::StrAppend(&out, "\ncorroboration (facts stated by more than one article)\n");
    any = true;
    absl::StrAppend(&out, "  ", f.articles.size(), " independent: ", FactTitle(f),
                    f.conflict ? "  [figures conflict]" : "", "\n    ",
                    absl::StrJoin(f.articles, ", "), "\n");
    for (const Fact::Repeat& rep : f.repeats) {
      absl::StrAppend(&out, "    not counted: ", rep.article, " repeats ", rep.of, " (",
                      rep.reason, ")\n");
    }
  }

  any = false;
  for (const ArticleSummary& a : r.articles) {
    if (a.uncited == 0) continue;
    if (!any) absl::StrAppend(&out, "\nuncited claims by article\n");
    any = true;
    absl::StrAppend(&out, "  ", a.id, ": ", a.uncited, " of ", a.claims,
                    a.is_report ? " (an original report: its paragraphs are the source)" : "",
                    "\n");
  }
  return out;
}

}  // namespace kg::audit
