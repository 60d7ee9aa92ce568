// Column typing for the tabular exports and the text helpers the writers share.
#include "export/columns.h"

#include "export/text.h"
#include "gtest/gtest.h"

namespace kg::exports {
namespace {

ColumnType TypeOf(std::vector<Value> values, char delimiter = ';') {
  Columns c(delimiter);
  for (Value& v : values) c.Add({{"k", std::move(v)}});
  return c.Resolved().at(0).second;
}

TEST(ColumnsTest, OneTypeHoldsEveryValue) {
  EXPECT_EQ(TypeOf({Value(1), Value(2)}), ColumnType::kLong);
  EXPECT_EQ(TypeOf({Value(1), Value(2.5)}), ColumnType::kDouble);
  EXPECT_EQ(TypeOf({Value(true)}), ColumnType::kBoolean);
  EXPECT_EQ(TypeOf({Value(1), Value("x")}), ColumnType::kString);
  EXPECT_EQ(TypeOf({Value()}), ColumnType::kString);
  EXPECT_EQ(TypeOf({Value(ValueList{1, 2}), Value(ValueList{})}), ColumnType::kLongArray);
  EXPECT_EQ(TypeOf({Value(ValueList{1, 2.5})}), ColumnType::kDoubleArray);
  EXPECT_EQ(TypeOf({Value(ValueList{})}), ColumnType::kStringArray);
  EXPECT_EQ(TypeOf({Value(ValueList{"a", "b"})}), ColumnType::kStringArray);
  // Former bugs: a mixed list was typed as string[].
  EXPECT_EQ(TypeOf({Value(ValueList{1, "a"})}), ColumnType::kString);
  EXPECT_EQ(TypeOf({Value(ValueList{"a;b"})}), ColumnType::kString);  // the array delimiter
  EXPECT_EQ(TypeOf({Value(ValueMap{{"a", Value(1)}})}), ColumnType::kString);
  EXPECT_EQ(TypeOf({Value(ValueList{1}), Value(1)}), ColumnType::kString);
}

TEST(ColumnsTest, ValuesAreWrittenInTheirColumnType) {
  auto text = [](const Value& v, ColumnType t) {
    std::string out;
    AppendAsColumn(v, t, ';', &out);
    return out;
  };
  EXPECT_EQ(text(Value(3), ColumnType::kDouble), "3.0");
  EXPECT_EQ(text(Value(ValueList{1, 2}), ColumnType::kLongArray), "1;2");
  EXPECT_EQ(text(Value(ValueList{"a", "b"}), ColumnType::kStringArray), "a;b");
  EXPECT_EQ(text(Value(ValueList{1, "a"}), ColumnType::kString), "[1,\"a\"]");
  EXPECT_EQ(text(Value("x\"y"), ColumnType::kString), "x\"y");  // quoting is the writer's job
  EXPECT_EQ(text(Value(), ColumnType::kLong), "");
}

TEST(TextTest, InvalidUtf8BecomesReplacementCharacters) {
  std::u32string seen;
  ForEachCodePoint("a\xff\xe7\xa8\x80\xc0\x80\xed\xa0\x80", [&](char32_t c) { seen.push_back(c); });
  // a, bad byte, 稀 (U+7A00), overlong NUL (2 bytes), a surrogate (3 bytes).
  EXPECT_EQ(seen, (std::u32string{U'a', 0xFFFD, 0x7A00, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}));
  std::string round;
  ForEachCodePoint("美国 & <x>", [&](char32_t c) { AppendUtf8(c, &round); });
  EXPECT_EQ(round, "美国 & <x>");
}

TEST(TextTest, PercentEncodingAndFigures) {
  EXPECT_EQ(PercentEncode("MP Materials"), "MP%20Materials");
  EXPECT_EQ(PercentEncode("美"), "%E7%BE%8E");
  EXPECT_EQ(PercentEncode("a/b?c=d&e#f"), "a%2Fb%3Fc%3Dd%26e%23f");
  EXPECT_EQ(ShortNumber(400000000), "400M");
  EXPECT_EQ(ShortNumber(1650000000), "1.65B");
  EXPECT_EQ(ShortNumber(60000), "60,000");
  EXPECT_EQ(ShortNumber(-2500000), "-2.5M");
  EXPECT_EQ(GroupedNumber(1234567), "1,234,567");
  EXPECT_EQ(GroupedNumber(-5), "-5");
  EXPECT_EQ(ShortNumber(INT64_MIN), "-9223372.04T");
}

}  // namespace
}  // namespace kg::exports
