// claim: the SPEC §3 shape of a claim relationship's stored properties. Provenance (id,
// article, section, sentence, span, citations, rule) and the stored audit verdict are not
// qualifiers; amount and quantity are stored flat (amount, amount_unit, amount_max) and
// exported folded ({value, unit, max}). Shared by the JSONL export, `kg extract` and `kg serve`.
#ifndef KG_GRAPH_CLAIM_H_
#define KG_GRAPH_CLAIM_H_

#include <string_view>

#include "graph/value.h"

namespace kg {

// Nodes and relationships an analyst created or changed by a write query are marked manual in
// the store (Txn::IsManualNode/IsManualRel, graph/README.md "Manual facts"). Queries read the
// mark as the provenance attribute `source` = "manual" (when no `source` property is set); the
// JSONL export prints such claims with "manual": true in their source.
inline constexpr std::string_view kSourceProperty = "source";
inline constexpr std::string_view kManualSource = "manual";

// True for a stored claim property that is provenance or the audit verdict.
bool IsClaimProvenance(std::string_view key);

// The claim's qualifiers: every other property, with amount/quantity folded.
ValueMap ClaimQualifiers(const ValueMap& props);

}  // namespace kg

#endif  // KG_GRAPH_CLAIM_H_
