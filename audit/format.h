// format: an AuditReport as terminal text, JSON (SPEC §5) or a self-contained HTML page.
//
// - FormatText: summary (counts and shares), worst offenders, unsupported and unverifiable
//   claims, conflicts, corroborated facts, uncited claims per article. For a claim scope
//   (`--claim ID`): that claim's sentence, source, section, span, citations, verdict, cited
//   paragraphs, its fact's corroboration and conflicts.
// - FormatJson: one object {"scope","tolerance","summary","claims","conflicts",
//   "corroboration"}; "claims" lists the in-scope claims with their verdicts, the other two
//   the facts that hold an in-scope claim. Shape in audit/README.md.
// - FormatHtml: one page, no external resources; every text escaped; each claim's sentence
//   with its entities and figures highlighted (found again with the extraction gazetteer and
//   ingest/quantities), each claim an anchor `#claim-ID`, conflicts linking to their claims
//   and each conflicting claim to the others of its conflict.
// Thread-compatible.
#ifndef KG_AUDIT_FORMAT_H_
#define KG_AUDIT_FORMAT_H_

#include <string>

#include "audit/audit.h"
#include "ingest/gazetteer.h"
#include "ingest/quantities.h"

namespace kg::audit {

std::string FormatText(const AuditReport& report);
std::string FormatJson(const AuditReport& report);
std::string FormatHtml(const AuditReport& report, const ingest::Gazetteer& gazetteer,
                       const ingest::QuantityFinder& quantities);

}  // namespace kg::audit

#endif  // KG_AUDIT_FORMAT_H_
