// figures: when two figures agree (audit/figures.h), table-driven.
#include "audit/figures.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/quantities.h"

namespace kg::audit {
namespace {

// The first figure QuantityFinder reads in `text`.
Figure Read(const std::string& text) {
  static const ingest::QuantityFinder* finder = new ingest::QuantityFinder();
  for (const ingest::Quantity& q : finder->Find(text)) {
    if (std::optional<Figure> f = QuantityFigure(q)) return *f;
  }
  ADD_FAILURE() << "no figure in: " << text;
  return Figure{};
}

struct Case {
  const char* a;
  const char* b;
  bool agree;
};

TEST(FiguresTest, AgreeWithinTwoPercent) {
  const std::vector<Case> cases = {
      {"over 45,000 t", "45,000 t", true},        // The example: a hedge, no conflict.
      {"45,000 t", "over 45,000 t", true},
      {"90%", "85%", false},                      // The example: a conflict.
      {"45,455 tonnes", "45,000 tonnes", true},   // 1.0% apart.
      {"45,455 tonnes", "40,000 tonnes", false},  // 12% apart.
      {"over 45,000 tonnes", "40,000 tonnes", false},
      {"up to 45,000 tonnes", "40,000 tonnes", true},
      {"about 45,000 tonnes", "42,000 tonnes", true},   // "about" widens by 10%.
      {"about 45,000 tonnes", "about 42,000 tonnes", false},  // Same hedge: stated values.
      {"up to 65%", "up to 75%", false},
      {"850-1,000 tonnes", "900 tonnes", true},   // Inside the range.
      {"850-1,000 tonnes", "1,200 tonnes", false},
      {"$400 million", "$400m", true},
      {"$400 million", "$500 million", false},
      {"A$1.65 billion", "A$1.25 billion", false},
      {"15%", "15.2%", true},
  };
  for (const Case& c : cases) {
    const Figure a = Read(c.a), b = Read(c.b);
    ASSERT_TRUE(Comparable(a, b)) << c.a << " / " << c.b;
    EXPECT_EQ(Agree(a, b, 0.02), c.agree) << c.a << " / " << c.b;
    EXPECT_EQ(Agree(b, a, 0.02), c.agree) << "symmetric: " << c.a << " / " << c.b;
  }
}

TEST(FiguresTest, ToleranceIsAnOption) {
  EXPECT_FALSE(Agree(Read("90%"), Read("85%"), 0.02));
  EXPECT_TRUE(Agree(Read("90%"), Read("85%"), 0.06));
  EXPECT_FALSE(Agree(Read("45,000 t"), Read("45,500 t"), 0.0));
}

TEST(FiguresTest, DifferentUnitsAreNotComparable) {
  EXPECT_FALSE(Comparable(Read("US$250 million"), Read("A$250 million")));
  EXPECT_FALSE(Comparable(Read("15%"), Read("15 tonnes")));
}

TEST(FiguresTest, ClaimFiguresFromStoredProperties) {
  ValueMap props = {{"amount", Value(int64_t{400000000})},
                    {"amount_unit", Value("USD")},
                    {"percent", Value(int64_t{15})},
                    {"approx", Value("about")}};
  const std::vector<Figure> f = ClaimFigures(props);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, "amount");
  EXPECT_EQ(f[0].unit, "USD");
  EXPECT_EQ(f[0].text, "about 400000000 USD");
  EXPECT_EQ(f[1].kind, "percent");
  EXPECT_EQ(f[1].text, "about 15%");
  EXPECT_TRUE(Agree(f[0], Read("$400 million"), 0.02));
}

TEST(FiguresTest, Periods) {
  EXPECT_TRUE(PeriodsMatch("2024", "2024"));
  EXPECT_TRUE(PeriodsMatch("2024", "2024-12-20"));
  EXPECT_TRUE(PeriodsMatch("2025-07-10", "2025"));
  EXPECT_FALSE(PeriodsMatch("2024", "2023"));
  EXPECT_FALSE(PeriodsMatch("2024", "20245"));
  EXPECT_FALSE(PeriodsMatch("", "2024"));
}

}  // namespace
}  // namespace kg::audit
