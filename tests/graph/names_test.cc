#include "graph/names.h"

#include "gtest/gtest.h"

namespace kg {
namespace {

struct Case {
  const char* in;
  const char* want;
};

TEST(NormalizeNameTest, Table) {
  const Case cases[] = {
      {"U.S.", "us"},
      {"US", "us"},
      {"us", "us"},
      {"The Pentagon", "pentagon"},
      {"the pentagon", "pentagon"},
      {"rare-earth", "rare earth"},
      {"rare earth", "rare earth"},
      {"  MP   Materials  ", "mp materials"},
      {"美国", "美国"},
      {"ＭＰ Ｍａｔｅｒｉａｌｓ", "mp materials"},  // Full-width letters fold.
      {"Lynas Rare Earths Ltd.", "lynas rare earths ltd"},
      {"NdPr/oxide", "ndpr oxide"},
      {"", ""},
      {"...", ""},
      // Former bugs / edge cases.
      {"Theodore", "theodore"},      // Only a whole leading word "the" goes.
      {"the", "the"},                // No trailing space: not stripped.
      {"bad\xff" "byte", "badbyte"},  // Invalid UTF-8 dropped.
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeName(c.in), c.want) << "input: " << c.in;
  }
}

TEST(NormalizeNameTest, AliasesAgree) {
  EXPECT_EQ(NormalizeName("U.S."), NormalizeName("US"));
  EXPECT_EQ(NormalizeName("US"), NormalizeName("us"));
  EXPECT_EQ(NormalizeName("Department of Defense"), NormalizeName("department of defense"));
}

}  // namespace
}  // namespace kg
