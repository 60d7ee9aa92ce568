// Helpers shared by the audit formatters (format.h). Internal to audit/.
#ifndef KG_AUDIT_FORMAT_INTERNAL_H_
#define KG_AUDIT_FORMAT_INTERNAL_H_

#include <string>

#include "audit/audit.h"

namespace kg::audit::internal {

// "PRODUCES Lynas Rare Earths -> NdPr oxide (2024, commodity …, stage …)".
std::string FactTitle(const Fact& f, const char* arrow = " -> ");

// "28.6%" of n in total (total 0 gives "0.0%").
std::string Share(int n, int total);

// Qualifiers as "amount=400000000 USD, status=completed" (unit folded into its figure).
std::string QualifierText(const ValueMap& q);

// Percent with no trailing zeros: 0.02 -> "2", 0.025 -> "2.5".
std::string TolerancePercent(double tolerance);

}  // namespace kg::audit::internal

#endif  // KG_AUDIT_FORMAT_INTERNAL_H_
