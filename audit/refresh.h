// refresh: the two ingest-time steps that make verdicts queryable (`r.verification`).
//
// Choice: the verdict is stored as claim properties — `verification` (verified |
// unsupported | unverifiable | uncited) and, when something was missing,
// `verification_missing` (a list of strings) — so MATCH … WHERE r.verification =
// 'unsupported' needs nothing new in query/. A verdict depends on the claim's article and on
// the original it cites, so after `kg ingest` stores a batch, the verdicts of the claims of
// every inserted or replaced article, and of every stored article that cites one of them, are
// recomputed (with the default tolerance, kDefaultTolerance) and written in one transaction.
// Most articles cite no original: their verdicts need no other article, so PresetVerdicts
// stores them on the record before it is written, and the refresh reads only articles that
// have `cites` (found for a changed original through the store's cites index).
// An unchanged batch writes nothing. `kg audit` always recomputes live (it honours
// --tolerance); the stored verdict is what a query sees.
#ifndef KG_AUDIT_REFRESH_H_
#define KG_AUDIT_REFRESH_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "ingest/document.h"
#include "ingest/gazetteer.h"
#include "ingest/quantities.h"

namespace kg::audit {

// Sets `verification` (and `verification_missing`) on every claim of an article that names no
// original (no `cites` property): VerdictWithoutSource. No-op for an article with `cites`.
// `kg ingest` and `kg load` call it on every record before it is written.
void PresetVerdicts(ArticleRecord* record);

// Recomputes and stores the verdicts of the claims of the `changed` articles that have
// `cites`, and of the stored articles that cite one of the changed ones (articles without
// `cites` were written with PresetVerdicts). Returns the number of claims whose stored
// verdict changed.
absl::StatusOr<int> RefreshVerification(Store& store, const ingest::Gazetteer& gazetteer,
                                        const ingest::QuantityFinder& quantities,
                                        const std::vector<std::string>& changed);

}  // namespace kg::audit

#endif  // KG_AUDIT_REFRESH_H_
