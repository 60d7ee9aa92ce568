#include "ingest/gazetteer.h"

#include <string>

#include "gtest/gtest.h"

namespace kg::ingest {
namespace {

constexpr char kTsv[] =
    "# test\n"
    "Country\tUnited States\tU.S. | US | America | 美国\n"
    "Country\tChina\t中国\n"
    "Government\tU.S. Department of Defense\tPentagon | DoD | Department of Defense\n"
    "Company\tMP Materials\tMP\n"
    "Commodity\trare earths\trare earth | 稀土\n"
    "Commodity\trare earth oxide concentrate\trare earth concentrates\n";

std::unique_ptr<Gazetteer> Make() {
  auto g = Gazetteer::FromText(kTsv, "Inc\nCorp\nResources\n", "test.tsv");
  EXPECT_TRUE(g.ok()) << g.status();
  return std::move(*g);
}

std::vector<std::string> Names(const Gazetteer& g, absl::string_view text) {
  std::vector<EntityDef> extra;
  std::vector<std::string> out;
  for (const Mention& m : g.Find(text, &extra)) {
    const size_t known = g.entities().size();
    const EntityDef& e = static_cast<size_t>(m.entity) < known ? g.entities()[m.entity]
                                                                : extra[m.entity - known];
    out.push_back(std::string(text.substr(m.span.begin, m.span.end - m.span.begin)) + "=" +
                  e.name);
  }
  return out;
}

TEST(GazetteerTest, LongestMatchAndAliases) {
  auto g = Make();
  EXPECT_EQ(Names(*g, "The Pentagon invested in MP Materials' rare earth concentrates."),
            (std::vector<std::string>{"Pentagon=U.S. Department of Defense",
                                      "MP Materials=MP Materials",
                                      "rare earth concentrates=rare earth oxide concentrate"}));
  EXPECT_EQ(Names(*g, "The U.S. Department of Defense"),
            (std::vector<std::string>{"U.S. Department of Defense=U.S. Department of Defense"}));
}

TEST(GazetteerTest, ShortCapitalAliasesAreCaseSensitive) {
  auto g = Make();
  EXPECT_EQ(Names(*g, "Tell us about it."), std::vector<std::string>{});
  EXPECT_EQ(Names(*g, "US exports"), (std::vector<std::string>{"US=United States"}));
  EXPECT_EQ(Names(*g, "the U.S.-China rivalry"),
            (std::vector<std::string>{"U.S.=United States", "China=China"}));
}

TEST(GazetteerTest, PossessiveAndTokenBoundaries) {
  auto g = Make();
  EXPECT_EQ(Names(*g, "China's rare earths"),
            (std::vector<std::string>{"China=China", "rare earths=rare earths"}));
  EXPECT_EQ(Names(*g, "Chinatown"), std::vector<std::string>{});
}

TEST(GazetteerTest, ChineseWithoutSpaces) {
  auto g = Make();
  EXPECT_EQ(Names(*g, "美国从中国进口稀土"),
            (std::vector<std::string>{"美国=United States", "中国=China", "稀土=rare earths"}));
}

TEST(GazetteerTest, UnknownCompanyBySuffix) {
  auto g = Make();
  EXPECT_EQ(Names(*g, "The deal with Hyundai Mobis Corp. closed."),
            (std::vector<std::string>{"Hyundai Mobis Corp=Hyundai Mobis Corp"}));
}

TEST(GazetteerTest, BadLineNamesFileAndLine) {
  auto g = Gazetteer::FromText("Country\tChina\nPlanet\tMars\n", "", "x.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("x.tsv:2"), std::string::npos) << g.status();
}

}  // namespace
}  // namespace kg::ingest
