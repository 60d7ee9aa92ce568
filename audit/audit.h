// audit: "says who?" for every claim in the graph (SPEC §5).
//
// Audit() reads the claims of a Store (relationships carrying an `article` and a `sentence`
// property, as ingest writes them; hand-made relationships without them are not claims) and
// computes, for the whole graph or one scope (an entity, an article, a claim):
//   - verification of each claim against the original report its article cites (verify.h):
//     verified | unsupported (with what was missing) | unverifiable | uncited;
//   - facts: claims grouped by (type, subject, object, period, commodity, stage, basis), with
//     the independent articles that state each fact (corroboration). Articles count once
//     when they are copies (same text, whitespace aside), when their sentences stating the
//     fact are identical, or when one cites the other (a summary repeats its original);
//   - conflicts: facts whose figures (amount, quantity, percent of one unit) disagree beyond
//     the tolerance across independent articles (figures.h: "over 45,000 t" vs "45,000 t"
//     agree, "90%" vs "85%" conflict);
//   - a summary: counts per verdict, and per article, worst offenders first.
// Facts and conflicts are computed over the whole graph; a scope keeps the facts that hold at
// least one in-scope claim. Read-only: one snapshot, no writes. Thread-compatible.
#ifndef KG_AUDIT_AUDIT_H_
#define KG_AUDIT_AUDIT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "audit/claims.h"
#include "audit/figures.h"
#include "audit/verify.h"
#include "graph/store.h"
#include "graph/value.h"
#include "ingest/gazetteer.h"
#include "ingest/quantities.h"

namespace kg::audit {

struct AuditOptions {
  // Relative tolerance for figures, as a fraction. Default: 0.02 (2%).
  double tolerance = kDefaultTolerance;
  // At most one scope; all empty: the whole graph. An unknown entity, article or claim is a
  // NotFound error.
  std::string entity;   // A name or alias (resolved as query names are: graph/names.h).
  std::string article;  // An article id.
  std::string claim;    // A claim id ("c…", as exported).
};

struct Fact {
  std::string type;
  std::string subject, object;  // Names; object "" when none.
  std::string period, commodity, stage, basis;
  std::vector<size_t> claims;            // Indices into AuditReport::claims, all articles.
  std::vector<std::string> articles;     // Independent articles (one per group), sorted.
  // Articles that only repeat another one for this fact: {article, the one it repeats, why}.
  struct Repeat {
    std::string article, of, reason;  // reason: "same text", "same sentence", "cites".
  };
  std::vector<Repeat> repeats;
  bool conflict = false;
};

struct Conflict {
  size_t fact = 0;  // Index into AuditReport::facts.
  std::string kind, unit;
  struct Side {
    size_t claim = 0;  // Index into AuditReport::claims.
    Figure figure;
  };
  std::vector<Side> values;  // Every claim of the fact with a figure of this kind and unit.
};

struct ArticleSummary {
  std::string id;
  std::string cites;       // The original it names, "" if none.
  bool is_report = false;  // Has numbered paragraphs.
  int claims = 0, verified = 0, unsupported = 0, unverifiable = 0, uncited = 0;
  int conflicting = 0;     // Claims of this article that take part in a conflict.
};

struct AuditReport {
  std::string scope;  // "whole graph", "entity NAME", "article ID", "claim ID".
  double tolerance = kDefaultTolerance;
  std::vector<AuditedClaim> claims;  // All claims (in_scope marks the scope's), by article/span.
  std::vector<Fact> facts;           // Facts with at least one in-scope claim.
  std::vector<Conflict> conflicts;   // Conflicts of those facts.
  std::vector<ArticleSummary> articles;  // Articles with in-scope claims, worst offenders first.
  // Counts over in-scope claims.
  int in_scope = 0;
  std::map<std::string, int> verdicts;  // verdict -> count (every verdict present, maybe 0).
  int corroborated = 0;   // Facts stated by 2+ independent articles.
  int single_source = 0;  // Facts stated by one.
  // Cited paragraphs' text per claim index, for --claim and the HTML report.
  std::map<size_t, std::vector<std::pair<int, std::string>>> cited_text;
};

// Runs the audit. `gazetteer` must be the one extraction used (schema/), so that entities in
// cited paragraphs are found as extraction finds them.
absl::StatusOr<AuditReport> Audit(Store& store, const ingest::Gazetteer& gazetteer,
                                  const ingest::QuantityFinder& quantities,
                                  const AuditOptions& options);

}  // namespace kg::audit

#endif  // KG_AUDIT_AUDIT_H_
