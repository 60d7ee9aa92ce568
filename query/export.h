// export: the graph's claims and entities as JSONL (SPEC §3), the form acceptance checks and
// shared/eval/grade.py read.
//
// Claims: every relationship except MENTIONS, one JSON object per line, ordered by article,
// sentence span, type, rule and id, so that the same graph always exports the same bytes.
// Qualifiers are the relationship's properties other than provenance (id, article, section,
// sentence, span, citations, rule), with `amount`/`amount_unit`/`amount_max` folded into
// `amount: {value, unit, max}` and the same for `quantity`. A claim pointing at the Unknown
// placeholder prints `"object": null`. A manual claim (Txn::IsManualRel: an analyst created or
// corrected it) adds `"manual": true` to its source; without an `article` property its
// source.article is "(manual)" and without a `rule` its rule is "manual".
// Entities: every node except Article and Unknown nodes: {"id","name","label","aliases",
// "articles"}; id is the stable entity key when the node came from ingest, else "n<id>".
#ifndef KG_QUERY_EXPORT_H_
#define KG_QUERY_EXPORT_H_

#include <ostream>

#include "absl/status/status.h"
#include "graph/store.h"

namespace kg::query {

absl::Status ExportClaims(Store& store, std::ostream& out);
absl::Status ExportEntities(Store& store, std::ostream& out);

}  // namespace kg::query

#endif  // KG_QUERY_EXPORT_H_
