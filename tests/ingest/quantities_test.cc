// Table-driven tests for QuantityFinder: each must-match case is one sentence holding
// exactly one quantity with exact expected values; then must-not-match sentences, a few
// multi-quantity sentences, Decimal itself, and a "former bugs" block at the end.
#include "ingest/quantities.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::ingest {
namespace {

constexpr QuantityKind kMoney = QuantityKind::kMoney;
constexpr QuantityKind kMass = QuantityKind::kMass;
constexpr QuantityKind kPercent = QuantityKind::kPercent;
constexpr QuantityKind kYear = QuantityKind::kYear;
constexpr QuantityKind kDate = QuantityKind::kDate;

// "1500000000" or "0.5" -> Decimal; a deliberately naive reference parser.
Decimal Dec(std::string_view s) {
  Decimal d;
  bool fraction = false;
  for (char c : s) {
    if (c == '.') {
      fraction = true;
      continue;
    }
    d.mantissa = d.mantissa * 10 + (c - '0');
    if (fraction) --d.exponent;
  }
  return d;
}

const char* KindName(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kMoney:
      return "money";
    case QuantityKind::kMass:
      return "mass";
    case QuantityKind::kPercent:
      return "percent";
    case QuantityKind::kYear:
      return "year";
    case QuantityKind::kDate:
      return "date";
  }
  return "?";
}

struct Case {
  const char* text;
  const char* span;  // Expected span text (the hedge included).
  QuantityKind kind;
  const char* value;  // Exact decimal.
  const char* max;    // "" when not a range.
  const char* unit;
  const char* approx = "";
  bool annual = false;
  const char* text_value = "";  // Years and dates.
};

void ExpectOne(const QuantityFinder& finder, const Case& c) {
  SCOPED_TRACE(c.text);
  std::string text = c.text;
  std::vector<Quantity> found = finder.Find(text);
  ASSERT_EQ(found.size(), 1u);
  const Quantity& q = found[0];
  ASSERT_LE(q.span.begin, q.span.end);
  ASSERT_LE(q.span.end, text.size());
  EXPECT_EQ(text.substr(q.span.begin, q.span.end - q.span.begin), c.span);
  EXPECT_STREQ(KindName(q.kind), KindName(c.kind));
  EXPECT_TRUE(q.value == Dec(c.value))
      << "value " << q.value.mantissa << "e" << q.value.exponent << " want " << c.value;
  if (std::string_view(c.max).empty()) {
    EXPECT_FALSE(q.max.has_value());
  } else {
    ASSERT_TRUE(q.max.has_value());
    EXPECT_TRUE(*q.max == Dec(c.max))
        << "max " << q.max->mantissa << "e" << q.max->exponent << " want " << c.max;
  }
  EXPECT_EQ(q.unit, c.unit);
  EXPECT_EQ(q.approx, c.approx);
  EXPECT_EQ(q.annual, c.annual);
  EXPECT_EQ(q.text_value, c.text_value);
}

class QuantitiesTest : public ::testing::Test {
 protected:
  QuantityFinder finder_;
};

// ---- Money -----------------------------------------------------------------------------

TEST_F(QuantitiesTest, Money) {
  const Case kCases[] = {
      {"MP Materials received $400 million from the Pentagon.", "$400 million", kMoney,
       "400000000", "", "USD"},
      {"Lynas won a $1.5bn contract.", "$1.5bn", kMoney, "1500000000", "", "USD"},
      {"The plan costs $2 billion.", "$2 billion", kMoney, "2000000000", "", "USD"},
      {"It raised US$2 billion.", "US$2 billion", kMoney, "2000000000", "", "USD"},
      {"It raised USD 2 billion.", "USD 2 billion", kMoney, "2000000000", "", "USD"},
      {"It raised U.S. $2 billion.", "U.S. $2 billion", kMoney, "2000000000", "", "USD"},
      {"Canberra pledged A$1.65 billion.", "A$1.65 billion", kMoney, "1650000000", "", "AUD"},
      {"Ottawa pledged C$300 million.", "C$300 million", kMoney, "300000000", "", "CAD"},
      {"KABIL signed a ₹200 crore agreement.", "₹200 crore", kMoney, "2000000000", "", "INR"},
      {"The cabinet approved a ₹7,280 crore scheme.", "₹7,280 crore", kMoney, "72800000000", "",
       "INR"},
      {"The state set aside ₹50 lakh.", "₹50 lakh", kMoney, "5000000", "", "INR"},
      {"Hydro invested NOK 1 billion.", "NOK 1 billion", kMoney, "1000000000", "", "NOK"},
      {"It got SEK 5 billion.", "SEK 5 billion", kMoney, "5000000000", "", "SEK"},
      {"It invested Rs 500 crore.", "Rs 500 crore", kMoney, "5000000000", "", "INR"},
      // Rupees written in Chinese, and a lone rupee figure: 950亿卢比, "40 billion rupees".
      {"该公司计划投资950亿卢比。", "950亿卢比", kMoney, "95000000000", "", "INR"},
      {"It will spend 40 billion rupees.", "40 billion rupees", kMoney, "40000000000", "", "INR"},
      {"Merafe will invest R1.5 billion.", "R1.5 billion", kMoney, "1500000000", "", "ZAR"},
      {"Assore paid R250m for it.", "R250m", kMoney, "250000000", "", "ZAR"},
      {"It paid 4.5 trillion rupiah.", "4.5 trillion rupiah", kMoney, "4500000000000", "", "IDR"},
      {"The loan was 120 billion tenge.", "120 billion tenge", kMoney, "120000000000", "", "KZT"},
      {"It cost 3 billion roubles.", "3 billion roubles", kMoney, "3000000000", "", "RUB"},
      {"It invested 1 trillion won.", "1 trillion won", kMoney, "1000000000000", "", "KRW"},
      {"Brussels set aside €250m for recycling.", "€250m", kMoney, "250000000", "", "EUR"},
      {"Brussels set aside EUR 250 million.", "EUR 250 million", kMoney, "250000000", "",
       "EUR"},
      {"London offered £40 million.", "£40 million", kMoney, "40000000", "", "GBP"},
      {"Tokyo offered 300 billion yen.", "300 billion yen", kMoney, "300000000000", "", "JPY"},
      {"Tokyo offered ¥5 billion.", "¥5 billion", kMoney, "5000000000", "", "JPY"},
      {"Beijing spent 1.2 billion yuan.", "1.2 billion yuan", kMoney, "1200000000", "", "CNY"},
      {"Beijing spent RMB 3 billion.", "RMB 3 billion", kMoney, "3000000000", "", "CNY"},
      {"Beijing spent 3 billion RMB.", "3 billion RMB", kMoney, "3000000000", "", "CNY"},
      {"Beijing spent CNY 500 million.", "CNY 500 million", kMoney, "500000000", "", "CNY"},
      {"Deal worth $500,000 signed.", "$500,000", kMoney, "500000", "", "USD"},
      {"A $12.5 million grant.", "$12.5 million", kMoney, "12500000", "", "USD"},
      {"A $1 trillion market.", "$1 trillion", kMoney, "1000000000000", "", "USD"},
      {"A $250k study.", "$250k", kMoney, "250000", "", "USD"},
      {"A $5m loan.", "$5m", kMoney, "5000000", "", "USD"},
      {"A $3bn bond.", "$3bn", kMoney, "3000000000", "", "USD"},
      {"A $1.2b facility.", "$1.2b", kMoney, "1200000000", "", "USD"},
      {"A $5M round.", "$5M", kMoney, "5000000", "", "USD"},
      {"It paid 5 million Australian dollars.", "5 million Australian dollars", kMoney,
       "5000000", "", "AUD"},
      {"It paid 2.5 million dollars.", "2.5 million dollars", kMoney, "2500000", "", "USD"},
      {"It paid $1.65 billion AUD.", "$1.65 billion AUD", kMoney, "1650000000", "", "AUD"},
      {"It paid a $1.5-billion premium.", "$1.5-billion", kMoney, "1500000000", "", "USD"},
      {"The deal, at $2024, was small.", "$2024", kMoney, "2024", "", "USD"},
      {"Lynas (ASX: LYC) signed a A$1.65bn deal.", "A$1.65bn", kMoney, "1650000000", "",
       "AUD"},
      {"Swakop Uranium will spend N$290 million.", "N$290 million", kMoney, "290000000", "",
       "NAD"},
      {"It will cost 290 million Namibian dollars.", "290 million Namibian dollars", kMoney,
       "290000000", "", "NAD"},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

TEST_F(QuantitiesTest, ChineseMoney) {
  const Case kCases[] = {
      {"美国国防部投资4亿美元。", "4亿美元", kMoney, "400000000", "", "USD"},
      {"公司获得5000万元融资。", "5000万元", kMoney, "50000000", "", "CNY"},
      {"项目总投资3.5亿元。", "3.5亿元", kMoney, "350000000", "", "CNY"},
      {"投资12亿人民币。", "12亿人民币", kMoney, "1200000000", "", "CNY"},
      {"投资三亿美元。", "三亿美元", kMoney, "300000000", "", "USD"},
      {"规模达1万亿元。", "1万亿元", kMoney, "1000000000000", "", "CNY"},
      {"投资人民币12亿元。", "人民币12亿元", kMoney, "1200000000", "", "CNY"},
      {"中方出资2000万欧元。", "2000万欧元", kMoney, "20000000", "", "EUR"},
      {"售价￥300万。", "￥300万", kMoney, "3000000", "", "CNY"},
      {"售价¥300万。", "¥300万", kMoney, "3000000", "", "CNY"},  // ¥ in Chinese text.
      {"计划投入2.9亿纳米比亚元建设。", "2.9亿纳米比亚元", kMoney, "290000000", "", "NAD"},
      {"项目耗资150亿兰特。", "150亿兰特", kMoney, "15000000000", "", "ZAR"},
      {"贷款为1200亿坚戈。", "1200亿坚戈", kMoney, "120000000000", "", "KZT"},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

// ---- Mass ------------------------------------------------------------------------------

TEST_F(QuantitiesTest, Mass) {
  const Case kCases[] = {
      {"It mined 45,000 metric tons last year.", "45,000 metric tons", kMass, "45000", "", "t"},
      {"It mined 45,000 tonnes of ore.", "45,000 tonnes", kMass, "45000", "", "t"},
      {"It mined 42 million wet tonnes of ore.", "42 million wet tonnes", kMass, "42000000", "",
       "t"},
      {"It shipped 9,000 dry metric tonnes.", "9,000 dry metric tonnes", kMass, "9000", "", "t"},
      {"It mined 12,000 t of concentrate.", "12,000 t", kMass, "12000", "", "t"},
      {"Output reached 60 kt.", "60 kt", kMass, "60000", "", "t"},
      {"Output reached 60kt.", "60kt", kMass, "60000", "", "t"},
      {"Output reached 1.5 million tonnes.", "1.5 million tonnes", kMass, "1500000", "", "t"},
      {"Output reached 1.5m tonnes.", "1.5m tonnes", kMass, "1500000", "", "t"},
      {"Output reached 2 Mt.", "2 Mt", kMass, "2000000", "", "t"},
      {"Output reached 5,000 mt.", "5,000 mt", kMass, "5000", "", "t"},
      {"It shipped 500 kg of dysprosium.", "500 kg", kMass, "0.5", "", "t"},
      {"A 60,000-tonne plant.", "60,000-tonne", kMass, "60000", "", "t"},
      {"中国产量12万吨。", "12万吨", kMass, "120000", "", "t"},
      {"中国产量十二万吨。", "十二万吨", kMass, "120000", "", "t"},
      {"工厂生产3000吨。", "3000吨", kMass, "3000", "", "t"},
      {"产量达１２万吨。", "１２万吨", kMass, "120000", "", "t"},
      {"配额5000万吨。", "5000万吨", kMass, "50000000", "", "t"},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

TEST_F(QuantitiesTest, AnnualMass) {
  const Case kCases[] = {
      {"A plant of 10,000 tpa.", "10,000 tpa", kMass, "10000", "", "t", "", true},
      {"A plant of 5,000 tonnes per annum.", "5,000 tonnes per annum", kMass, "5000", "", "t",
       "", true},
      {"A plant of 6,000 tons per year.", "6,000 tons per year", kMass, "6000", "", "t", "",
       true},
      {"A plant of 7,000 t/y.", "7,000 t/y", kMass, "7000", "", "t", "", true},
      {"A plant of 8,000 tonnes a year.", "8,000 tonnes a year", kMass, "8000", "", "t", "",
       true},
      {"A plant of 9,000 tonnes annually.", "9,000 tonnes annually", kMass, "9000", "", "t",
       "", true},
      {"A plant of 5 Mtpa.", "5 Mtpa", kMass, "5000000", "", "t", "", true},
      {"A plant of 2 ktpa.", "2 ktpa", kMass, "2000", "", "t", "", true},
      {"该厂年产5000吨。", "5000吨", kMass, "5000", "", "t", "", true},
      {"该厂每年5000吨。", "5000吨", kMass, "5000", "", "t", "", true},
      {"产能5000吨/年。", "5000吨/年", kMass, "5000", "", "t", "", true},
      {"A 60,000-tonne-per-year plant.", "60,000-tonne-per-year", kMass, "60000", "", "t",
       "", true},
      {"It pays $10 million a year.", "$10 million a year", kMoney, "10000000", "", "USD", "",
       true},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

// ---- Percent ---------------------------------------------------------------------------

TEST_F(QuantitiesTest, Percent) {
  const Case kCases[] = {
      {"China holds 15% of supply.", "15%", kPercent, "15", "", "%"},
      {"China holds 15 % of supply.", "15 %", kPercent, "15", "", "%"},
      {"China holds 15 per cent of supply.", "15 per cent", kPercent, "15", "", "%"},
      {"China holds 15 percent of supply.", "15 percent", kPercent, "15", "", "%"},
      // A control threshold stated as one share over half is the half.
      {"Codelco will own 50% plus one share of the venture.", "50% plus one share", kPercent, "50", "", "%"},
      {"It keeps 51 per cent plus one vote.", "51 per cent plus one vote", kPercent, "51", "", "%"},
      {"China holds 0.5% of supply.", "0.5%", kPercent, "0.5", "", "%"},
      {"China holds 15.5 % of supply.", "15.5 %", kPercent, "15.5", "", "%"},
      {"China holds 15％ of supply.", "15％", kPercent, "15", "", "%"},
      {"China holds １２．５％ of supply.", "１２．５％", kPercent, "12.5", "", "%"},
      {"中国占百分之十五。", "百分之十五", kPercent, "15", "", "%"},
      {"中国占百分之15。", "百分之15", kPercent, "15", "", "%"},
      // 百分之百: a hundred per cent (百 opens a numeral only after 百分之).
      {"几乎百分之百依赖中国。", "百分之百", kPercent, "100", "", "%"},
      {"日本约六成稀土依赖中国。", "约六成", kPercent, "60", "", "%", "about"},
      {"韩国八成氢氧化锂来自中国。", "八成", kPercent, "80", "", "%"},
      {"国资委持有百分之三十一点二一的股份。", "百分之三十一点二一", kPercent, "31.21", "", "%"},
      {"持有约百分之二十四点六八的股份。", "约百分之二十四点六八", kPercent, "24.68", "", "%", "about"},
      {"产量三点五万吨。", "三点五万吨", kMass, "35000", "", "t"},
      {"Demand grows 8% a year.", "8% a year", kPercent, "8", "", "%", "", true},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

// A fraction of the world's total is a share ("more than half of the world's nickel"), and so is
// one of what a buyer imports or uses; a fraction of anything else stays words.
TEST_F(QuantitiesTest, WorldFractions) {
  const Case kCases[] = {
      {"Indonesia mines more than half of the world's nickel.", "more than half", kPercent, "50",
       "", "%", "over"},
      {"China makes two-thirds of global graphite.", "two-thirds", kPercent, "67", "", "%",
       "about"},
      {"It holds roughly a quarter of world supply.", "roughly a quarter", kPercent, "25", "",
       "%", "about"},
      {"Guinea supplies more than half of China's bauxite imports.", "more than half", kPercent,
       "50", "", "%", "over"},
      {"刚果(金)的钴产量约占全球的四分之三。", "四分之三", kPercent, "75", "", "%", "about"},
      {"中国约一半的重稀土原料依赖缅甸。", "约一半", kPercent, "50", "", "%", "about"},
      {"缅甸占其进口的一半以上。", "一半", kPercent, "50", "", "%", "over"},
      {"China relies on South Africa for nearly half of the manganese ore it imports.",
       "nearly half", kPercent, "50", "", "%", "under"},
      {"The United States imports about two-thirds of its ore from Gabon.", "about two-thirds",
       kPercent, "67", "", "%", "about"},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
  EXPECT_TRUE(finder_.Find("Lynas sells half of its output to Japan.").empty());
  EXPECT_TRUE(finder_.Find("A third of the board resigned.").empty());
  // A customer's supplier is read from the words, not a share of anyone's imports.
  EXPECT_TRUE(finder_.Find("Umicore buys about half of its cobalt hydroxide from Glencore.").empty());
}

// ---- Ranges ----------------------------------------------------------------------------

TEST_F(QuantitiesTest, Ranges) {
  const Case kCases[] = {
      {"A share of 10-15% is expected.", "10-15%", kPercent, "10", "15", "%"},
      {"A share of 10–15% is expected.", "10–15%", kPercent, "10", "15", "%"},
      {"A share of 10%-15% is expected.", "10%-15%", kPercent, "10", "15", "%"},
      {"A share of 10 to 15 percent is expected.", "10 to 15 percent", kPercent, "10", "15",
       "%"},
      {"A share of 10% to 15% is expected.", "10% to 15%", kPercent, "10", "15", "%"},
      {"A share between 10 and 15 per cent.", "10 and 15 per cent", kPercent, "10", "15", "%"},
      {"It will cost $1-2 billion.", "$1-2 billion", kMoney, "1000000000", "2000000000",
       "USD"},
      {"It will cost $1 billion to $2 billion.", "$1 billion to $2 billion", kMoney,
       "1000000000", "2000000000", "USD"},
      {"It will cost $1.5 billion-$2 billion.", "$1.5 billion-$2 billion", kMoney,
       "1500000000", "2000000000", "USD"},
      {"It will cost 1-2 billion dollars.", "1-2 billion dollars", kMoney, "1000000000",
       "2000000000", "USD"},
      {"It will mine 20,000 to 30,000 tonnes.", "20,000 to 30,000 tonnes", kMass, "20000",
       "30000", "t"},
      {"It will mine 3,000-3,500 tonnes.", "3,000-3,500 tonnes", kMass, "3000", "3500", "t"},
      {"It will mine 2 to 3 million tonnes.", "2 to 3 million tonnes", kMass, "2000000",
       "3000000", "t"},
      {"It will mine 500,000 to 1 million tonnes.", "500,000 to 1 million tonnes", kMass,
       "500000", "1000000", "t"},
      {"年产1万至2万吨。", "1万至2万吨", kMass, "10000", "20000", "t", "", true},
      {"产量1-2万吨左右", "1-2万吨左右", kMass, "10000", "20000", "t", "about"},
      {"占百分之十到百分之十五。", "百分之十到百分之十五", kPercent, "10", "15", "%"},
      {"About 10-15% is recycled.", "About 10-15%", kPercent, "10", "15", "%", "about"},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

// ---- Hedges ----------------------------------------------------------------------------

TEST_F(QuantitiesTest, Hedges) {
  const Case kCases[] = {
      {"It spent more than $1 billion.", "more than $1 billion", kMoney, "1000000000", "",
       "USD", "over"},
      {"It spent over $1 billion.", "over $1 billion", kMoney, "1000000000", "", "USD", "over"},
      {"It mined at least 5,000 tonnes.", "at least 5,000 tonnes", kMass, "5000", "", "t",
       "over"},
      {"It holds under 10% now.", "under 10%", kPercent, "10", "", "%", "under"},
      {"It may lend up to $3 billion.", "up to $3 billion", kMoney, "3000000000", "", "USD",
       "under"},
      {"It will put as much as US$500 million in.", "as much as US$500 million", kMoney,
       "500000000", "", "USD", "under"},
      {"It holds nearly 40% now.", "nearly 40%", kPercent, "40", "", "%", "under"},
      {"It mined almost 2,000 tonnes.", "almost 2,000 tonnes", kMass, "2000", "", "t",
       "under"},
      {"It spent close to $1bn.", "close to $1bn", kMoney, "1000000000", "", "USD", "under"},
      {"It holds less than 5% now.", "less than 5%", kPercent, "5", "", "%", "under"},
      {"It spent about $5 million.", "about $5 million", kMoney, "5000000", "", "USD",
       "about"},
      {"It holds approximately 15% now.", "approximately 15%", kPercent, "15", "", "%",
       "about"},
      {"It mined roughly 3,000 tonnes.", "roughly 3,000 tonnes", kMass, "3000", "", "t",
       "about"},
      {"China refines some 90% of it.", "some 90%", kPercent, "90", "", "%", "about"},
      {"It spent around $2bn.", "around $2bn", kMoney, "2000000000", "", "USD", "about"},
      {"It spent an estimated $400 million.", "an estimated $400 million", kMoney, "400000000",
       "", "USD", "about"},
      {"It holds ~15% now.", "~15%", kPercent, "15", "", "%", "about"},
      {"More than 5,000 tonnes were sold.", "More than 5,000 tonnes", kMass, "5000", "", "t",
       "over"},
      {"It sold 5,000+ tonnes.", "5,000+ tonnes", kMass, "5000", "", "t", "over"},
      {"It sold 5,000 tonnes or more.", "5,000 tonnes or more", kMass, "5000", "", "t",
       "over"},
      {"A $1bn-plus deal.", "$1bn-plus", kMoney, "1000000000", "", "USD", "over"},
      {"产量超过5000吨。", "超过5000吨", kMass, "5000", "", "t", "over"},
      {"投资逾3亿美元。", "逾3亿美元", kMoney, "300000000", "", "USD", "over"},
      {"占约15%。", "约15%", kPercent, "15", "", "%", "about"},
      {"产量大约2000吨。", "大约2000吨", kMass, "2000", "", "t", "about"},
      {"产量约为5.6万吨。", "约为5.6万吨", kMass, "56000", "", "t", "about"},
      {"投资超过了3亿美元。", "超过了3亿美元", kMoney, "300000000", "", "USD", "over"},
      {"占近90%。", "近90%", kPercent, "90", "", "%", "under"},
      {"华友持股不超过70%。", "不超过70%", kPercent, "70", "", "%", "under"},
      {"产量4万多吨。", "4万多吨", kMass, "40000", "", "t", "over"},
      {"产量十多万吨。", "十多万吨", kMass, "100000", "", "t", "over"},
      {"产量5000吨左右。", "5000吨左右", kMass, "5000", "", "t", "about"},
      {"占15%以上。", "15%以上", kPercent, "15", "", "%", "over"},
      {"该厂年产约5000吨。", "约5000吨", kMass, "5000", "", "t", "about", true},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

// ---- Years and dates -------------------------------------------------------------------

TEST_F(QuantitiesTest, YearsAndDates) {
  const Case kCases[] = {
      {"Production started in 2024.", "2024", kYear, "2024", "", "year", "", false, "2024"},
      {"2024 was a record year.", "2024", kYear, "2024", "", "year", "", false, "2024"},
      {"Output doubles by 2030.", "2030", kYear, "2030", "", "year", "", false, "2030"},
      // A fiscal year is the year it ends in.
      {"- NdPr oxide produced, FY2025:", "FY2025", kYear, "2025", "", "year", "", false, "2025"},
      {"Revenue fell in FY24.", "FY24", kYear, "2024", "", "year", "", false, "2024"},
      {"Quotas for 2023-2025 rose.", "2023-2025", kYear, "2023", "2025", "year", "", false,
       "2023/2025"},
      {"Quotas for 2023–2025 rose.", "2023–2025", kYear, "2023", "2025", "year", "", false,
       "2023/2025"},
      {"Quotas from 2023 to 2025 rose.", "2023 to 2025", kYear, "2023", "2025", "year", "",
       false, "2023/2025"},
      {"Quotas between 2023 and 2025 rose.", "2023 and 2025", kYear, "2023", "2025", "year",
       "", false, "2023/2025"},
      {"The 2021-25 plan.", "2021-25", kYear, "2021", "2025", "year", "", false, "2021/2025"},
      {"Fiscal 2024/25 results.", "2024/25", kYear, "2024", "2025", "year", "", false,
       "2024/2025"},
      {"配额于2024年公布。", "2024年", kYear, "2024", "", "year", "", false, "2024"},
      {"配额于２０２４年公布。", "２０２４年", kYear, "2024", "", "year", "", false, "2024"},
      {"2021-2025年规划。", "2021-2025年", kYear, "2021", "2025", "year", "", false,
       "2021/2025"},
      {"Controls began 2025-03-01.", "2025-03-01", kDate, "2025", "", "date", "", false,
       "2025-03-01"},
      {"Controls began 2025-03.", "2025-03", kDate, "2025", "", "date", "", false, "2025-03"},
      {"Controls began in March 2025.", "March 2025", kDate, "2025", "", "date", "", false,
       "2025-03"},
      {"Controls began on March 1, 2025.", "March 1, 2025", kDate, "2025", "", "date", "",
       false, "2025-03-01"},
      {"Controls began on 1 March 2025.", "1 March 2025", kDate, "2025", "", "date", "", false,
       "2025-03-01"},
      {"Controls began on Dec. 4, 2024.", "Dec. 4, 2024", kDate, "2024", "", "date", "", false,
       "2024-12-04"},
      {"管制于2024年3月实施。", "2024年3月", kDate, "2024", "", "date", "", false, "2024-03"},
      {"管制于2024年3月1日实施。", "2024年3月1日", kDate, "2024", "", "date", "", false,
       "2024-03-01"},
      {"Results for Q3 2024.", "2024", kYear, "2024", "", "year", "", false, "2024"},
      {"Reserves last until 1950.", "1950", kYear, "1950", "", "year", "", false, "1950"},
  };
  for (const Case& c : kCases) ExpectOne(finder_, c);
}

// ---- Must not match --------------------------------------------------------------------

TEST_F(QuantitiesTest, NoQuantity) {
  const char* kTexts[] = {
      "MP Materials operates Mountain Pass.",
      "MP1 is a project code.",
      "Trucks use the R2 route.",               // A bare "R" before a plain number is no rand.
      "COVID-19 disrupted shipping.",
      "As reported earlier [3], output fell.",
      "Prices in $ were not disclosed.",
      "A 3D magnet model.",
      "The top 3 firms dominate.",
      "About 400 million people live there.",   // No unit: not a quantity.
      "Some 5,000 short tons were shipped.",    // Not metric.
      "It shipped 300 long tons.",
      "It rose 15 percentage points.",          // Not a share.
      "The 1990s were quiet.",
      "The XY2024 model.",                      // Digits inside a word.
      "Its 2101 plan and the 1899 law.",        // Out of the year range.
      "A malformed 1,2345 tonnes.",
      "三元材料需求上升。",                      // Ternary (materials), not 3 yuan.
      "数万吨稀土。",                            // "Tens of thousands": no figure.
      "该公司成为第三大股东。",                  // 成为 (became), not a share in tenths.
      "政策一成不变。",                          // An idiom.
      "三成本项目。",
      "Over the past decade, output rose.",
      "$99999999999999999999 is too much.",     // Overflows int64.
      "9,999,999,999,999 billion yuan.",        // Overflows after scaling.
      "0.1234567890123456789012 tonnes.",       // Too many fraction digits.
      "Version 2.3 of the plan.",
      "[2019]",
      "Room 007 tonnes.",
      "It moved $5x.",
  };
  for (const char* text : kTexts) {
    SCOPED_TRACE(text);
    std::vector<Quantity> found = finder_.Find(text);
    EXPECT_TRUE(found.empty()) << found.size() << " found, first at "
                               << (found.empty() ? 0 : found[0].span.begin);
  }
}

// ---- Several in one sentence -----------------------------------------------------------

std::vector<std::string> SpanTexts(const QuantityFinder& finder, std::string_view text) {
  std::vector<std::string> out;
  for (const Quantity& q : finder.Find(text)) {
    out.emplace_back(text.substr(q.span.begin, q.span.end - q.span.begin));
  }
  return out;
}

TEST_F(QuantitiesTest, SeveralInOrder) {
  EXPECT_THAT(SpanTexts(finder_, "In 2024, China produced 270,000 tonnes, about 70% of the "
                                 "world total, worth $5 billion."),
              ::testing::ElementsAre("2024", "270,000 tonnes", "about 70%", "$5 billion"));
  EXPECT_THAT(SpanTexts(finder_, "Not years: 2,024 tonnes and $2024."),
              ::testing::ElementsAre("2,024 tonnes", "$2024"));
  EXPECT_THAT(SpanTexts(finder_, "2023年中国稀土产量24万吨，占全球的70%，出口额约4亿美元。"),
              ::testing::ElementsAre("2023年", "24万吨", "70%", "约4亿美元"));
}

TEST_F(QuantitiesTest, SpansAreByteOffsets) {
  std::string text = "稀土：约15%";
  std::vector<Quantity> found = finder_.Find(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span, (Span{9, text.size()}));  // 稀土： is 3 x 3 bytes.
}

TEST_F(QuantitiesTest, ExactIntegers) {
  std::vector<Quantity> found = finder_.Find("A $1.5bn deal and a $0.25 trillion fund.");
  ASSERT_EQ(found.size(), 2u);
  ASSERT_TRUE(found[0].value.IsInteger());
  EXPECT_EQ(found[0].value.ToInt(), int64_t{1500000000});
  ASSERT_TRUE(found[1].value.IsInteger());
  EXPECT_EQ(found[1].value.ToInt(), int64_t{250000000000});
  EXPECT_DOUBLE_EQ(found[0].value.ToDouble(), 1.5e9);
}

TEST_F(QuantitiesTest, FinderIsReusable) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(finder_.Find("It paid $400 million.").size(), 1u);
    EXPECT_TRUE(finder_.Find("").empty());
  }
}

// ---- Decimal ---------------------------------------------------------------------------

TEST(DecimalTest, NumericEquality) {
  EXPECT_TRUE((Decimal{15, -1}) == (Decimal{150, -2}));
  EXPECT_TRUE((Decimal{4, 8}) == (Decimal{400000000, 0}));
  EXPECT_TRUE((Decimal{0, 3}) == (Decimal{0, -2}));
  EXPECT_FALSE((Decimal{15, -1}) == (Decimal{15, 0}));
}

TEST(DecimalTest, IntegerConversions) {
  EXPECT_TRUE((Decimal{150, -1}).IsInteger());
  EXPECT_EQ((Decimal{150, -1}).ToInt(), 15);
  EXPECT_EQ((Decimal{4, 8}).ToInt(), 400000000);
  EXPECT_FALSE((Decimal{5, -1}).IsInteger());
  EXPECT_DOUBLE_EQ((Decimal{5, -1}).ToDouble(), 0.5);
}

// ---- Former bugs -----------------------------------------------------------------------

// "45 000 tonnes" (space-grouped thousands) was read as "000 tonnes" = 0 t. Leading-zero
// integers are now rejected; no-break and thin spaces are accepted as group separators.
TEST_F(QuantitiesTest, Bug_SpaceGroupedThousandsWasZeroTonnes) {
  EXPECT_TRUE(finder_.Find("It mined 45 000 tonnes.").empty());
  ExpectOne(finder_, {"It mined 45\u00a0000 tonnes.", "45\u00a0000 tonnes", kMass, "45000",
                      "", "t"});
  ExpectOne(finder_, {"It mined 45\u202f000 tonnes.", "45\u202f000 tonnes", kMass, "45000",
                      "", "t"});
}

// Uranium and copper in pounds, platinum in ounces: kept in the unit the text states. Pounds
// with no good after them are money, not mass.
TEST_F(QuantitiesTest, PoundsOfAGoodAndOunces) {
  ExpectOne(finder_, {"Cameco produced 20.1 million pounds of U3O8.", "20.1 million pounds",
                      kMass, "20100000", "", "lb"});
  ExpectOne(finder_, {"It mined 1.7 million ounces of PGMs.", "1.7 million ounces", kMass,
                      "1700000", "", "oz"});
  ExpectOne(finder_, {"诺镍产钯约270万盎司。", "约270万盎司", kMass, "2700000", "", "oz", "about"});
  EXPECT_TRUE(finder_.Find("It was paid 5 million pounds.").empty());
}

// Hungary's currency after the figure.
TEST_F(QuantitiesTest, Forints) {
  ExpectOne(finder_, {"It granted 36 billion forints in subsidies.", "36 billion forints", kMoney,
                      "36000000000", "", "HUF"});
}

TEST_F(QuantitiesTest, HryvniasRiyalsAndDirhams) {
  ExpectOne(finder_, {"It will build the terminal for almost UAH 3 billion.", "almost UAH 3 billion",
                      kMoney, "3000000000", "", "UAH", "under"});
  ExpectOne(finder_, {"投入近2.3亿格里夫纳疏浚泊位。", "近2.3亿格里夫纳", kMoney, "230000000", "", "UAH", "under"});
  ExpectOne(finder_, {"It is investing QR4.4 billion.", "QR4.4 billion", kMoney, "4400000000", "",
                      "QAR"});
  ExpectOne(finder_, {"It raised 1.2 billion dirhams.", "1.2 billion dirhams", kMoney, "1200000000", "",
                      "AED"});
}

// A battery plant's size in energy: kept in GWh. A gigawatt of power is no quantity of a good
// unless a good follows ("of"), or in Chinese.
TEST_F(QuantitiesTest, GigawattHoursOfCells) {
  ExpectOne(finder_, {"It is designed for 14 GWh of cells a year.", "14 GWh", kMass, "14", "", "GWh"});
  ExpectOne(finder_, {"a plant of 16 gigawatt-hours", "16 gigawatt-hours", kMass, "16", "", "GWh"});
  ExpectOne(finder_, {"规划产能100吉瓦时", "100吉瓦时", kMass, "100", "", "GWh"});
  EXPECT_TRUE(finder_.Find("a 2 GW solar farm").empty());
  // A factory's yearly output of a good, in power ("3.3 gigawatts of solar modules a year").
  ExpectOne(finder_, {"It can make 3.3 gigawatts of solar modules a year.", "3.3 gigawatts", kMass, "3.3", "", "GW"});
  ExpectOne(finder_, {"alkaline electrolysers of 700 MW of capacity", "700 MW", kMass, "700", "", "MW"});
  ExpectOne(finder_, {"年产能已达到2.5吉瓦", "2.5吉瓦", kMass, "2.5", "", "GW"});
}

// Oil in barrels: a day's flow or a refinery's size (`bbl/d`), a cargo (`bbl`), kept in the unit
// the text states.
TEST_F(QuantitiesTest, Barrels) {
  ExpectOne(finder_, {"Aramco supplies 480,000 barrels per day of crude.", "480,000 barrels per day",
                      kMass, "480000", "", "bbl/d"});
  ExpectOne(finder_, {"a 400,000 barrel-per-day refinery", "400,000 barrel-per-day", kMass, "400000", "",
                      "bbl/d"});
  ExpectOne(finder_, {"It runs at 650,000 bpd.", "650,000 bpd", kMass, "650000", "", "bbl/d"});
  ExpectOne(finder_, {"It bought 2 million barrels of WTI.", "2 million barrels", kMass, "2000000", "",
                      "bbl"});
  ExpectOne(finder_, {"日加工能力为65万桶/日。", "65万桶/日", kMass, "650000", "", "bbl/d"});
  ExpectOne(finder_, {"约600万桶原油", "约600万桶", kMass, "6000000", "", "bbl", "about"});
}

// A port's containers in TEU and gas by volume, kept in the unit the text states; "teu" in
// lower case is no unit, and a billion cubic metres is "bcm".
TEST_F(QuantitiesTest, ContainersAndGasVolumes) {
  ExpectOne(finder_, {"designed for roughly 1 million TEU of containers", "roughly 1 million TEU", kMass,
                      "1000000", "", "TEU", "about"});
  ExpectOne(finder_, {"一期设计年吞吐能力为100万标准箱", "100万标准箱", kMass, "1000000", "", "TEU"});
  ExpectOne(finder_, {"up to 60 million cubic metres of helium", "up to 60 million cubic metres", kMass,
                      "60000000", "", "m3", "under"});
  ExpectOne(finder_, {"exported 22 bcm of gas", "22 bcm", kMass, "22000000000", "", "m3"});
  ExpectOne(finder_, {"出口约为6700万立方英尺", "约为6700万立方英尺", kMass, "67000000", "", "ft3", "about"});
  EXPECT_TRUE(finder_.Find("a 5 teu box").empty());
}

// A fraction closing a share of a market: "约占日本氦气市场的一半" is about 50%.
TEST_F(QuantitiesTest, AChineseFractionOfAMarket) {
  ExpectOne(finder_, {"岩谷产业约占日本氦气市场的一半。", "一半", kPercent, "50", "", "%", "about"});
  EXPECT_TRUE(finder_.Find("双方各出一半资金").empty());
}

// "60,000-tonne-per-year" was not annual: the per-year suffix only allowed spaces.
TEST_F(QuantitiesTest, Bug_HyphenatedPerYearNotAnnual) {
  ExpectOne(finder_, {"A 6,000-tonne-a-year mill.", "6,000-tonne-a-year", kMass, "6000", "",
                      "t", "", true});
}

// No-break space between figure and scale word ("$400\u00a0million"), common in feeds.
TEST_F(QuantitiesTest, Bug_NoBreakSpaceBeforeScale) {
  ExpectOne(finder_, {"It got $400\u00a0million.", "$400\u00a0million", kMoney, "400000000",
                      "", "USD"});
}

}  // namespace
}  // namespace kg::ingest
