#include "graph/value.h"

#include <cmath>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace kg {
namespace {

Value Sample() {
  ValueMap inner;
  inner["value"] = Value(int64_t{400000000});
  inner["unit"] = Value("USD");
  ValueMap m;
  m["amount"] = Value(inner);
  m["citations"] = Value(ValueList{Value(3), Value(14), Value(18)});
  m["flag"] = Value(true);
  m["none"] = Value();
  m["ratio"] = Value(0.15);
  m["text"] = Value("美国 \"quoted\"\n");
  return Value(m);
}

TEST(ValueTest, RoundTripsEveryType) {
  const Value values[] = {
      Value(),
      Value(true),
      Value(false),
      Value(0),
      Value(-1),
      Value(std::numeric_limits<int64_t>::min()),
      Value(std::numeric_limits<int64_t>::max()),
      Value(1.5),
      Value(-0.0),
      Value(std::numeric_limits<double>::infinity()),
      Value(""),
      Value(std::string("a\0b", 3)),
      Value(ValueList{}),
      Value(ValueMap{}),
      Sample(),
  };
  for (const Value& v : values) {
    absl::StatusOr<Value> back = Value::Decode(v.Encode());
    ASSERT_TRUE(back.ok()) << back.status() << " for " << v.ToJson();
    EXPECT_EQ(*back, v) << v.ToJson();
  }
  absl::StatusOr<Value> nan = Value::Decode(Value(std::nan("")).Encode());
  ASSERT_TRUE(nan.ok());
  EXPECT_TRUE(std::isnan(nan->as_double()));
}

TEST(ValueTest, FrozenTags) {
  EXPECT_EQ(Value().Encode(), std::string("\x00", 1));
  EXPECT_EQ(Value(true).Encode(), std::string("\x01\x01", 2));
  EXPECT_EQ(Value(1).Encode(), std::string("\x02\x02", 2));   // zigzag(1) = 2
  EXPECT_EQ(Value(-1).Encode(), std::string("\x02\x01", 2));  // zigzag(-1) = 1
  EXPECT_EQ(Value(1.0).Encode(), std::string("\x03\x3f\xf0\0\0\0\0\0\0", 9));
  EXPECT_EQ(Value("ab").Encode(), std::string("\x04\x02" "ab", 4));
  EXPECT_EQ(Value(ValueList{Value()}).Encode(), std::string("\x05\x01\x00", 3));
  EXPECT_EQ(Value(ValueMap{{"k", Value()}}).Encode(), std::string("\x06\x01\x01k\x00", 5));
}

TEST(ValueTest, MapEncodingRoundTrips) {
  ValueMap m = Sample().as_map();
  absl::StatusOr<ValueMap> back = DecodeMap(EncodeMap(m));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, m);
  EXPECT_TRUE(DecodeMap(EncodeMap({})).ok());
}

TEST(ValueTest, DecodeFromAdvances) {
  std::string buf = Value(7).Encode() + Value("x").Encode();
  std::string_view in = buf;
  absl::StatusOr<Value> a = Value::DecodeFrom(&in);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, Value(7));
  absl::StatusOr<Value> b = Value::DecodeFrom(&in);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, Value("x"));
  EXPECT_TRUE(in.empty());
}

TEST(ValueTest, CorruptInputIsAnErrorNotACrash) {
  const std::string bad[] = {
      "",                                      // no tag
      std::string("\x07", 1),                  // unknown tag
      std::string("\xff", 1),                  // unknown tag
      std::string("\x01", 1),                  // truncated bool
      std::string("\x01\x02", 2),              // bool not 0/1
      std::string("\x02\x80", 2),              // truncated varint
      std::string("\x02\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 11),  // varint overflow
      std::string("\x03\x00\x00", 3),          // truncated double
      std::string("\x04\x05" "ab", 4),         // string longer than input
      std::string("\x04\xff\xff\xff\xff\x0f", 6),  // huge string length
      std::string("\x05\x03\x00", 3),          // list shorter than count
      std::string("\x05\xff\xff\xff\xff\x0f", 6),  // huge list count
      std::string("\x06\x02\x01" "b\x00\x01" "a\x00", 9),  // unsorted map keys
      std::string("\x06\x02\x01" "a\x00\x01" "a\x00", 9),  // duplicate map keys
      std::string("\x00\x00", 2),              // trailing bytes
  };
  for (const std::string& b : bad) {
    absl::StatusOr<Value> v = Value::Decode(b);
    EXPECT_FALSE(v.ok()) << "accepted " << testing::PrintToString(b);
    if (!v.ok()) {
      EXPECT_EQ(v.status().code(), absl::StatusCode::kDataLoss);
    }
  }
  EXPECT_FALSE(DecodeMap(std::string("\x01", 1)).ok());
  EXPECT_FALSE(DecodeMap(std::string("\x01\x01k", 3)).ok());
}

TEST(ValueTest, TruncationsOfAValidEncodingAllFail) {
  std::string enc = Sample().Encode();
  for (size_t n = 0; n < enc.size(); ++n) {
    EXPECT_FALSE(Value::Decode(enc.substr(0, n)).ok()) << n;
  }
  // Every single-byte corruption decodes or errors; it never crashes.
  for (size_t i = 0; i < enc.size(); ++i) {
    for (int delta : {1, 0x40, 0x80}) {
      std::string c = enc;
      c[i] = static_cast<char>(c[i] + delta);
      (void)Value::Decode(c);
    }
  }
}

TEST(ValueTest, DepthLimit) {
  auto nested = [](int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += std::string("\x05\x01", 2);
    s += std::string("\x00", 1);
    return s;
  };
  EXPECT_TRUE(Value::Decode(nested(64)).ok());
  EXPECT_FALSE(Value::Decode(nested(65)).ok());
  EXPECT_FALSE(Value::Decode(nested(100000)).ok());  // No stack overflow.
}

TEST(ValueTest, ToJsonScalars) {
  EXPECT_EQ(Value().ToJson(), "null");
  EXPECT_EQ(Value(true).ToJson(), "true");
  EXPECT_EQ(Value(-42).ToJson(), "-42");
  EXPECT_EQ(Value(std::numeric_limits<int64_t>::min()).ToJson(), "-9223372036854775808");
  EXPECT_EQ(Value(1.0).ToJson(), "1.0");
  EXPECT_EQ(Value(-0.0).ToJson(), "-0.0");
  EXPECT_EQ(Value(0.1).ToJson(), "0.1");
  EXPECT_EQ(Value(1e300).ToJson(), "1e+300");
  EXPECT_EQ(Value(123456789.0).ToJson(), "123456789.0");
  EXPECT_EQ(Value(std::nan("")).ToJson(), "NaN");
  EXPECT_EQ(Value(std::numeric_limits<double>::infinity()).ToJson(), "Infinity");
  EXPECT_EQ(Value(-std::numeric_limits<double>::infinity()).ToJson(), "-Infinity");
}

TEST(ValueTest, ToJsonDoublesRoundTrip) {
  for (double d : {0.1 + 0.2, 1.0 / 3, 2.5e-308, 1.7976931348623157e308, 5e-324, 1e21, 1e22,
                   123.456}) {
    std::string s = Value(d).ToJson();
    EXPECT_NE(s.find_first_of(".e"), std::string::npos) << s;
    EXPECT_EQ(std::strtod(s.c_str(), nullptr), d) << s;
  }
}

TEST(ValueTest, ToJsonStrings) {
  EXPECT_EQ(Value("a\"b\\c").ToJson(), R"("a\"b\\c")");
  EXPECT_EQ(Value("l1\nl2\t").ToJson(), R"("l1\nl2\t")");
  EXPECT_EQ(Value(std::string("\x01\x1f", 2)).ToJson(), R"("\u0001\u001f")");
  EXPECT_EQ(Value(std::string("\0", 1)).ToJson(), R"("\u0000")");
  EXPECT_EQ(Value("美国 €").ToJson(), "\"美国 €\"");
  EXPECT_EQ(Value("\xF0\x9F\x98\x80").ToJson(), "\"\xF0\x9F\x98\x80\"");  // 4-byte UTF-8.
  EXPECT_EQ(Value("a\xff" "b").ToJson(), R"("a\ufffdb")");            // Invalid byte.
  EXPECT_EQ(Value("\xed\xa0\x80").ToJson(), R"("\ufffd\ufffd\ufffd")");  // Surrogate.
  std::string out;
  AppendJsonString("k", &out);
  EXPECT_EQ(out, "\"k\"");
}

TEST(ValueTest, ToJsonContainers) {
  EXPECT_EQ(Value(ValueList{}).ToJson(), "[]");
  EXPECT_EQ(Value(ValueMap{}).ToJson(), "{}");
  EXPECT_EQ(Sample().ToJson(),
            R"({"amount":{"unit":"USD","value":400000000},"citations":[3,14,18],)"
            R"("flag":true,"none":null,"ratio":0.15,"text":"美国 \"quoted\"\n"})");
}

}  // namespace
}  // namespace kg
