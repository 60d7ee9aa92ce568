// figures: a claim's figures as intervals, and when two figures agree.
//
// A figure is one amount, quantity or percent (with its unit) read from a claim's properties
// or from a quantity found in text (ingest/quantities.h), turned into the interval of values
// the text allows:
//   exact "45,000 t"        -> [45000, 45000]      range "850-1,000 t" -> [850, 1000]
//   over  "over 45,000 t"   -> [45000, +inf)       under "up to 45,000 t" -> [0, 45000]
//   about "about 45,000 t"  -> [45000 - 10%, 45000 + 10%]  (kAboutWidening)
// Two figures of the same kind and unit agree when their intervals overlap, or the gap
// between them is at most `tolerance` (a fraction, 0.02 = 2%) of the larger value at the gap.
// So "over 45,000 t" and "45,000 t" agree; "90%" and "85%" do not (gap 5 > 2% of 90). When
// both carry the same hedge they quote the same kind of figure, and the stated values are
// compared without widening: "up to 65%" and "up to 75%" disagree, as do "about 40,000 t"
// and "about 45,000 t".
// Figures of different kinds or units (USD vs AUD) are not comparable: neither agree nor
// conflict. Doubles are used only to compare; the values shown are the stored integers.
// Plain functions, thread-safe.
#ifndef KG_AUDIT_FIGURES_H_
#define KG_AUDIT_FIGURES_H_

#include <optional>
#include <string>
#include <vector>

#include "graph/value.h"
#include "ingest/quantities.h"

namespace kg::audit {

// Default: the widening of an "about" figure, as a fraction of its value.
inline constexpr double kAboutWidening = 0.10;

struct Figure {
  std::string kind;    // "amount", "quantity" or "percent".
  std::string unit;    // ISO code, "t", "%".
  double value = 0;                // As stated: the low end of a range.
  std::optional<double> max;       // The high end of a range.
  double low = 0, high = 0;        // The interval the statement allows.
  std::string approx;  // "", "over", "under", "about".
  std::string text;    // As shown to a reader: "over 45000 t", "400000000 USD", "up to 15%".
};

// The figures of a claim (props as stored: amount/amount_unit/amount_max, quantity/…, percent,
// percent_max, approx). At most one per kind.
std::vector<Figure> ClaimFigures(const ValueMap& props);

// A quantity found in text as a figure; nullopt for years and dates.
std::optional<Figure> QuantityFigure(const ingest::Quantity& q);

// Same kind and unit.
bool Comparable(const Figure& a, const Figure& b);
// REQUIRES: Comparable(a, b). tolerance >= 0.
bool Agree(const Figure& a, const Figure& b, double tolerance);

// "2024" matches "2024" and "2024-07-01" (one is the other extended by "-…"), as the grader
// compares periods.
bool PeriodsMatch(const std::string& a, const std::string& b);

}  // namespace kg::audit

#endif  // KG_AUDIT_FIGURES_H_
