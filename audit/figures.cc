#include "audit/figures.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kg::audit {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

const Value* Find(const ValueMap& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

std::string NumberText(const Value& v) {
  if (v.is_int()) return absl::StrCat(v.as_int());
  std::string s;
  AppendJsonDouble(v.as_number(), &s);
  return s;
}

std::string NumberText(double d) {
  if (d == std::floor(d) && std::fabs(d) < 9e15) return absl::StrCat(static_cast<int64_t>(d));
  std::string s;
  AppendJsonDouble(d, &s);
  return s;
}

// Fills low/high from value, optional max and approx; and the display text.
Figure Make(std::string kind, std::string unit, double value, std::optional<double> max,
            std::string approx, const std::string& value_text, const std::string& max_text) {
  Figure f;
  f.kind = std::move(kind);
  f.unit = std::move(unit);
  f.approx = std::move(approx);
  f.value = value;
  f.max = max;
  f.low = value;
  f.high = max.value_or(value);
  if (f.approx == "over") {
    f.high = kInf;
  } else if (f.approx == "under") {
    f.low = std::min(0.0, f.low);
  } else if (f.approx == "about") {
    f.low -= std::fabs(f.low) * kAboutWidening;
    f.high += std::fabs(f.high) * kAboutWidening;
  }
  std::string figure = max_text.empty() ? value_text : absl::StrCat(value_text, "-", max_text);
  f.text = f.kind == "percent" ? absl::StrCat(figure, "%") : absl::StrCat(figure, " ", f.unit);
  if (!f.approx.empty()) f.text = absl::StrCat(f.approx == "under" ? "up to" : f.approx, " ", f.text);
  return f;
}

}  // namespace

std::vector<Figure> ClaimFigures(const ValueMap& props) {
  std::vector<Figure> out;
  const Value* approx = Find(props, "approx");
  const std::string hedge = approx != nullptr && approx->is_string() ? approx->as_string() : "";
  for (const char* kind : {"amount", "quantity", "percent"}) {
    const std::string k = kind;
    const Value* v = Find(props, k);
    if (v == nullptr || !v->is_number()) continue;
    const bool percent = k == "percent";
    const Value* unit = percent ? nullptr : Find(props, k + "_unit");
    const Value* max = Find(props, percent ? "percent_max" : k + "_max");
    std::optional<double> high;
    std::string max_text;
    if (max != nullptr && max->is_number()) {
      high = max->as_number();
      max_text = NumberText(*max);
    }
    out.push_back(Make(k, percent ? "%" : (unit != nullptr && unit->is_string() ? unit->as_string()
                                                                                : ""),
                       v->as_number(), high, hedge, NumberText(*v), max_text));
  }
  return out;
}

std::optional<Figure> QuantityFigure(const ingest::Quantity& q) {
  std::string kind;
  switch (q.kind) {
    case ingest::QuantityKind::kMoney:
      kind = "amount";
      break;
    case ingest::QuantityKind::kMass:
      kind = "quantity";
      break;
    case ingest::QuantityKind::kPercent:
      kind = "percent";
      break;
    default:
      return std::nullopt;
  }
  std::optional<double> high;
  std::string max_text;
  if (q.max) {
    high = q.max->ToDouble();
    max_text = NumberText(*high);
  }
  const double value = q.value.ToDouble();
  return Make(kind, kind == "percent" ? "%" : q.unit, value, high, q.approx, NumberText(value),
              max_text);
}

bool Comparable(const Figure& a, const Figure& b) { return a.kind == b.kind && a.unit == b.unit; }

bool Agree(const Figure& a, const Figure& b, double tolerance) {
  // The same hedge on both sides quotes the same kind of figure: compare what is stated.
  const bool same_hedge = a.approx == b.approx;
  double a_low = same_hedge ? a.value : a.low, a_high = same_hedge ? a.max.value_or(a.value) : a.high;
  double b_low = same_hedge ? b.value : b.low, b_high = same_hedge ? b.max.value_or(b.value) : b.high;
  if (b_low < a_low) {
    std::swap(a_low, b_low);
    std::swap(a_high, b_high);
  }
  if (b_low <= a_high) return true;  // Overlap.
  const double gap = b_low - a_high;
  return gap <= tolerance * std::max(std::fabs(b_low), std::fabs(a_high));
}

bool PeriodsMatch(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return !shorter.empty() && longer.compare(0, shorter.size(), shorter) == 0 &&
         longer[shorter.size()] == '-';
}

}  // namespace kg::audit
