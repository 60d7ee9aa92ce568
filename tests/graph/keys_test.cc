#include "graph/keys.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kg::keys {
namespace {

TEST(KeysTest, IdsAreBigEndianAndOrdered) {
  EXPECT_EQ(Id(1), std::string("\0\0\0\0\0\0\0\x01", 8));
  EXPECT_EQ(Id(0x0102030405060708), std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
  EXPECT_LT(Id(255), Id(256));
  std::string buf = Id(42) + "x";
  std::string_view in = buf;
  uint64_t v = 0;
  ASSERT_TRUE(GetId(&in, &v));
  EXPECT_EQ(v, 42u);
  EXPECT_EQ(in, "x");
  EXPECT_FALSE(GetId(&in, &v));
}

TEST(KeysTest, OrderedStringsRoundTripAndKeepOrder) {
  std::vector<std::string> strs = {"",   "a",     std::string("a\0", 2), std::string("a\0b", 3),
                                   "ab", "a\xff", "b",                   std::string("\0", 1),
                                   "SUPPLIES", "SUPPLIES_X"};
  for (const std::string& s : strs) {
    std::string enc = Ordered(s) + Id(7);
    std::string_view in = enc;
    std::string back;
    ASSERT_TRUE(GetOrdered(&in, &back)) << s;
    EXPECT_EQ(back, s);
    EXPECT_EQ(in.size(), 8u);
  }
  // Composite order = (string order, then suffix order); no encoding is a prefix of another.
  for (const std::string& a : strs) {
    for (const std::string& b : strs) {
      EXPECT_EQ(a < b, Ordered(a) + Id(9) < Ordered(b) + Id(1)) << a << " vs " << b;
      if (a != b) {
        EXPECT_NE(Ordered(b).rfind(Ordered(a), 0), 0u) << a << " prefix of " << b;
      }
    }
  }
  std::string_view bad = std::string_view("ab\0", 3);
  std::string out;
  EXPECT_FALSE(GetOrdered(&bad, &out));
  std::string bad2("a\0\x05", 3);
  std::string_view in2 = bad2;
  EXPECT_FALSE(GetOrdered(&in2, &out));
}

TEST(KeysTest, PrefixSuccessor) {
  EXPECT_EQ(PrefixSuccessor("ab"), std::optional<std::string>("ac"));
  EXPECT_EQ(PrefixSuccessor("a\xff"), std::optional<std::string>("b"));
  EXPECT_EQ(PrefixSuccessor("\xff\xff"), std::nullopt);
  EXPECT_EQ(PrefixSuccessor(""), std::nullopt);
}

}  // namespace
}  // namespace kg::keys
