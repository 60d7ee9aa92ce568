// claim: the SPEC §3 shape of a claim relationship's stored properties. Provenance (id,
// article, section, sentence, span, citations, rule) and the stored audit verdict are not
// qualifiers; amount and quantity are stored flat (amount, amount_unit, amount_max) and
// exported folded ({value, unit, max}). Shared by the JSONL export, `kg extract` and `kg serve`.
#ifndef KG_GRAPH_CLAIM_H_
#define KG_GRAPH_CLAIM_H_

#include <string_view>

#include "graph/value.h"

namespace kg {

// True for a stored claim property that is provenance or the audit verdict.
bool IsClaimProvenance(std::string_view key);

// The claim's qualifiers: every other property, with amount/quantity folded.
ValueMap ClaimQualifiers(const ValueMap& props);

}  // namespace kg

#endif  // KG_GRAPH_CLAIM_H_
