// quantities: find money, mass, percentages and years in a sentence, with exact values.
//
// Values are exact decimals (mantissa x 10^exponent) computed with integer arithmetic:
// "$1.5bn" is exactly 1500000000 USD. Money units are ISO 4217 codes (USD, AUD, CAD, EUR,
// GBP, JPY, CNY, ...); mass is in metric tons ("t"); percentages have unit "%"; years and
// dates have unit "year"/"date" and the value in `text_value` as well ("2024",
// "2025-03-01", "2024/2026" for a span). Hedges immediately before the figure set `approx`
// (over/more than/at least -> over; under/up to/nearly/almost/close to -> under;
// about/approximately/roughly/some/around -> about) and are included in the span.
// Thread-safe: Find() is const; construct once and share.
#ifndef KG_INGEST_QUANTITIES_H_
#define KG_INGEST_QUANTITIES_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"

namespace kg::ingest {

struct Decimal {
  int64_t mantissa = 0;
  int exponent = 0;  // value = mantissa * 10^exponent
  bool IsInteger() const;
  int64_t ToInt() const;   // REQUIRES: IsInteger() and fits in int64.
  double ToDouble() const;
  friend bool operator==(const Decimal& a, const Decimal& b);  // Numeric equality.
};

enum class QuantityKind { kMoney, kMass, kPercent, kYear, kDate };

struct Quantity {
  QuantityKind kind = QuantityKind::kMoney;
  Span span;                     // Byte span in the text given to Find(), hedge included.
  Decimal value;                 // Low end for ranges.
  std::optional<Decimal> max;    // High end of a range ("10-15%", "20 to 30 million").
  std::string unit;              // ISO code, "t", "%", "year", "date".
  std::string text_value;        // For years/dates: "2024", "2024-03-01", "2024/2026".
  std::string approx;            // "", "over", "under", "about".
  bool annual = false;           // "tpa", "per year", "a year", "annually", "每年".
};

class QuantityFinder {
 public:
  QuantityFinder();
  ~QuantityFinder();
  QuantityFinder(const QuantityFinder&) = delete;
  QuantityFinder& operator=(const QuantityFinder&) = delete;

  // All quantities in `text`, in order, non-overlapping (longest match wins).
  std::vector<Quantity> Find(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_QUANTITIES_H_
