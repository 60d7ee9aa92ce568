// Reference and ellipsis across a claim's ends (ingest/extract.cc), on short articles run
// through the whole extractor with the shipped schema: what a reader resolves from context.
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/extract.h"
#include "ingest/read.h"

namespace kg::ingest {
namespace {

using ::testing::Contains;
using ::testing::Not;

class ExtractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = Extractor::Load(DefaultSchemaDir());
    ASSERT_TRUE(x.ok()) << x.status();
    extractor_ = x->release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  // Every claim as "TYPE subject -> object" (object "null" when none), plus " percent=N" for
  // stakes with a percent.
  static std::set<std::string> Claims(const std::string& body) {
    const ArticleRecord r = extractor_->Extract(ParseTextArticle("t", "Title\n\n" + body + "\n"));
    auto name = [&](const std::string& key) {
      for (const EntityRecord& e : r.entities) {
        if (e.key == key) return e.name;
      }
      return "?" + key;
    };
    std::set<std::string> out;
    for (const ClaimRecord& c : r.claims) {
      std::string s = absl::StrCat(c.type, " ", name(c.subject_key), " -> ",
                                   c.object_key ? name(*c.object_key) : "null");
      if (auto it = c.props.find("percent"); it != c.props.end()) {
        absl::StrAppend(&s, " percent=", it->second.ToJson());
      }
      out.insert(s);
    }
    return out;
  }
  static Extractor* extractor_;
};
Extractor* ExtractTest::extractor_ = nullptr;

TEST_F(ExtractTest, AHyphenatedParticipleIsNoCompanyName) {
  // "the London-listed developer" describes Rainbow; it names no company of its own.
  const std::set<std::string> claims =
      Claims("Rainbow Rare Earths, the London-listed developer, holds 70% of the Phalaborwa "
             "project in South Africa.");
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Rainbow Rare Earths -> Phalaborwa project percent=70"));
  for (const std::string& c : claims) EXPECT_EQ(c.find("London"), std::string::npos) << c;
}

TEST_F(ExtractTest, ANamedObjectOutranksAFallbackOneForTheSameFigure) {
  // The elliptic rule alone would give Mkango's 79.4% to the nearest other company (CoTec);
  // the relative clause names the company it is in.
  const std::set<std::string> claims =
      Claims("HyProMag is owned by Maginito, in which Mkango holds 79.4%, and by CoTec Holdings.");
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Mkango Resources -> Maginito percent=79.4"));
  EXPECT_THAT(claims, Not(Contains("HOLDS_STAKE Mkango Resources -> CoTec Holdings percent=79.4")));
  // Without a named object the elliptic reading stays.
  EXPECT_THAT(Claims("Ma'aden owns 51% of Manara Minerals and the Public Investment Fund owns 49%."),
              Contains("HOLDS_STAKE Public Investment Fund -> Manara Minerals percent=49"));
}

TEST_F(ExtractTest, APossessorIsNotTheObjectOfWhatItOwns) {
  // The money bought the refinery, not Freeport-McMoRan.
  const std::set<std::string> claims = Claims(
      "Key figures:\n- Umicore: US$150 million for Freeport-McMoRan's cobalt refinery at Kokkola "
      "in Finland, acquired in 2019");
  EXPECT_THAT(claims, Contains("INVESTS_IN Umicore -> Kokkola refinery"));
  EXPECT_THAT(claims, Not(Contains("INVESTS_IN Umicore -> Freeport-McMoRan")));
}

TEST_F(ExtractTest, ThePlaceOfAFacilityIsNotTheSubjectOfItsVerb) {
  // "in southern Malawi" says where the project is; the project is planned to produce.
  const std::set<std::string> claims = Claims(
      "Mkango's Songwe Hill project in southern Malawi is planned to produce about 1,950 tonnes "
      "of rare earth oxide a year.");
  EXPECT_THAT(claims, Contains("HAS_CAPACITY Songwe Hill project -> rare earth oxides"));
  EXPECT_THAT(claims, Not(Contains("HAS_CAPACITY Malawi -> rare earth oxides")));
}

TEST_F(ExtractTest, AReflexiveReadingTakesTheRunnerUpAntecedent) {
  // "the Texas company" is not GM, the subject, but Noveon, the partner named after "with".
  EXPECT_THAT(Claims("General Motors signed an agreement with Noveon Magnetics under which the "
                     "Texas company will supply rare earth magnets for GM vehicles."),
              Contains("SUPPLIES Noveon Magnetics -> General Motors"));
  // "its customers" of the battery maker itself would be no claim: Liontown is meant.
  EXPECT_THAT(Claims("LG Energy Solution bought US$250 million of Liontown's convertible notes, "
                     "and the Korean battery maker is also one of its customers."),
              Contains("SUPPLIES Liontown Resources -> LG Energy Solution"));
}

TEST_F(ExtractTest, AnEllipticStakeOfListedOwnersIsInTheCompanyHeldBefore) {
  const std::set<std::string> claims =
      Claims("China Rare Earth Group was formed in 2021. SASAC holds 31% of China Rare Earth "
             "Group. Chinalco, China Minmetals and Ganzhou Rare Earth Group each own 20%.");
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Chinalco -> China Rare Earth Group percent=20"));
  EXPECT_THAT(claims, Contains("HOLDS_STAKE China Minmetals -> China Rare Earth Group percent=20"));
  EXPECT_THAT(claims,
              Contains("HOLDS_STAKE Ganzhou Rare Earth Group -> China Rare Earth Group percent=20"));
  EXPECT_THAT(claims, Not(Contains("HOLDS_STAKE Ganzhou Rare Earth Group -> China Minmetals "
                                   "percent=20")));
  // Two clauses, two owners: the bare share is of the company just named.
  EXPECT_THAT(Claims("Ma'aden owns 51% of Manara Minerals and the Public Investment Fund owns "
                     "49%."),
              Contains("HOLDS_STAKE Public Investment Fund -> Manara Minerals percent=49"));
}

TEST_F(ExtractTest, TheRestIsOfTheCompanyOfThePreviousStake) {
  EXPECT_THAT(Claims("Pilbara Minerals holds an 18% stake in POSCO Pilbara Lithium Solution. "
                     "POSCO Holdings owns the rest."),
              Contains("HOLDS_STAKE Posco -> POSCO Pilbara Lithium Solution"));
  // No stake named before: no object is invented.
  EXPECT_THAT(Claims("POSCO Holdings owns the rest."),
              Not(Contains("HOLDS_STAKE Posco -> POSCO Pilbara Lithium Solution")));
}

TEST_F(ExtractTest, APluralHeadNounEndsAListOfFacilities) {
  const std::set<std::string> claims =
      Claims("CMOC, the Chinese group that runs the Tenke Fungurume and Kisanfu mines, produced "
             "114,165 tonnes of cobalt in 2024.");
  EXPECT_THAT(claims, Contains("OPERATES CMOC -> Tenke Fungurume mine"));
  EXPECT_THAT(claims, Contains("OPERATES CMOC -> Kisanfu mine"));
}

TEST_F(ExtractTest, AnAppositionsItsIsNotTheNameBeforeIt) {
  EXPECT_THAT(Claims("SQM runs the Covalent refinery through Covalent Lithium, its 50-50 joint "
                     "venture with Wesfarmers."),
              Contains("HOLDS_STAKE SQM -> Covalent Lithium percent=50"));
  // A list member named right after the noun: "its" is the name before.
  EXPECT_THAT(Claims("CATL, its recycling unit Brunp and CMOC formed a consortium."),
              Contains("HOLDS_STAKE CATL -> Brunp"));
}

TEST_F(ExtractTest, ADescriptionWithASectorWordRefersBack) {
  EXPECT_THAT(Claims("Solvay opened a new rare earth separation line. The Belgian chemicals group "
                     "signed an agreement with Cyclic Materials, a Canadian recycler, to buy "
                     "recycled rare earth material."),
              Contains("SUPPLIES Cyclic Materials -> Solvay"));
}

TEST_F(ExtractTest, AGappedClauseRepeatsTheClaimWithItsOwnSubjectAndFigure) {
  const std::set<std::string> claims =
      Claims("GM committed US$150 million in equity to Nouveau Monde, and Panasonic US$25 "
             "million.");
  EXPECT_THAT(claims, Contains("INVESTS_IN General Motors -> Nouveau Monde Graphite"));
  EXPECT_THAT(claims, Contains("INVESTS_IN Panasonic -> Nouveau Monde Graphite"));
  // A second clause with a verb of its own is no gap.
  EXPECT_THAT(Claims("GM committed US$150 million in equity to Nouveau Monde, and Panasonic "
                     "reported US$25 million."),
              Not(Contains("INVESTS_IN Panasonic -> Nouveau Monde Graphite")));
}

TEST_F(ExtractTest, TheTwoCompaniesAreThePairNamedBefore) {
  const std::set<std::string> claims =
      Claims("SQM and Hancock Prospecting completed their joint takeover of Azure Minerals in "
             "2024. Each of the two companies now owns 50% of Azure.");
  EXPECT_THAT(claims, Contains("HOLDS_STAKE SQM -> Azure Minerals percent=50"));
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Hancock Prospecting -> Azure Minerals percent=50"));
  // No pair before: nothing to refer to.
  EXPECT_THAT(Claims("Each of the two companies now owns 50% of Azure."),
              Not(Contains("HOLDS_STAKE SQM -> Azure Minerals percent=50")));
}

TEST_F(ExtractTest, AShortNameIsTheFacilityTheArticleDescribedBefore) {
  // "Vaudreuil" alone, after "its Vaudreuil refinery", is that refinery, not a new company.
  const std::set<std::string> claims =
      Claims("Rio Tinto is building a circuit at its Vaudreuil refinery in Quebec. Vaudreuil "
             "will be able to recover 3.5 tonnes of gallium a year.");
  EXPECT_THAT(claims, Contains("HAS_CAPACITY Vaudreuil refinery -> gallium"));
  EXPECT_THAT(claims, Not(Contains("HAS_CAPACITY Vaudreuil -> gallium")));
}

TEST_F(ExtractTest, AListGoesOnThroughAMembersUnit) {
  // "CATL, its recycling unit Brunp and CMOC": three members; "its" is CATL's, not CBC's.
  const std::set<std::string> claims =
      Claims("CBC, a consortium of CATL, its recycling unit Brunp and CMOC, agreed to invest "
             "about US$1 billion.");
  EXPECT_THAT(claims, Contains("HOLDS_STAKE CATL -> CBC"));
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Brunp -> CBC"));
  EXPECT_THAT(claims, Contains("HOLDS_STAKE CMOC -> CBC"));
  EXPECT_THAT(claims, Contains("HOLDS_STAKE CATL -> Brunp"));
  EXPECT_THAT(claims, Not(Contains("HOLDS_STAKE CBC -> Brunp")));
}

TEST_F(ExtractTest, ALoneFirstWordOfACompanyNamedBeforeIsThatCompany) {
  // "Rainbow, which manages the project": the first word of "Rainbow Rare Earths" (listed),
  // and "Wyloo" of "Wyloo Metals" (unlisted), even opening a sentence before ", which".
  const std::set<std::string> claims =
      Claims("Rainbow Rare Earths holds 70% of the Phalaborwa project. Rainbow, which manages the "
             "Phalaborwa project, plans to separate the oxides on site. Wyloo Metals is an "
             "investor. Wyloo, which bought 20% of Hastings Technology Metals in 2023, is "
             "growing.");
  EXPECT_THAT(claims, Contains("OPERATES Rainbow Rare Earths -> Phalaborwa project"));
  EXPECT_THAT(claims,
              Contains("HOLDS_STAKE Wyloo Metals -> Hastings Technology Metals percent=20"));
  EXPECT_THAT(claims, Not(Contains("OPERATES Rainbow -> Phalaborwa project")));
}

TEST_F(ExtractTest, UnlessBeforeReadsTheWordsBeforeTheMatch) {
  // The seller's possessive is no operator ("unless_before" of operate.possessive).
  EXPECT_THAT(Claims("Umicore: US$150 million for Freeport-McMoRan's cobalt refinery at Kokkola "
                     "in Finland, acquired in 2019"),
              Not(Contains("OPERATES Freeport-McMoRan -> Kokkola refinery")));
  EXPECT_THAT(Claims("Freeport-McMoRan's cobalt refinery at Kokkola in Finland shipped cobalt."),
              Contains("OPERATES Freeport-McMoRan -> Kokkola refinery"));
}

TEST_F(ExtractTest, NamesInMixedChineseTextAndPrefixedNames) {
  // A Latin name glued to Chinese text is a name; "PT …" is one company around the listed
  // "Lygend"; "Harita" before 持有 stops at the Chinese text.
  const std::set<std::string> claims = Claims(
      "Harita Nickel mines ore on Obi Island.\n\n"
      "运营该厂的是合资公司PT Halmahera Persada Lygend,Harita持有其约54.9%的股份。");
  EXPECT_THAT(claims,
              Contains("HOLDS_STAKE Harita Nickel -> PT Halmahera Persada Lygend percent=54.9"));
  // "on Obi Island" is a place, not a company.
  EXPECT_THAT(Claims("Lygend Resources built a plant with Harita Nickel on Obi Island, and the "
                     "plant produced its first mixed hydroxide precipitate in 2021."),
              Not(Contains("PRODUCES Obi Island -> mixed hydroxide precipitate")));
}

TEST_F(ExtractTest, AFacilityAtANamedSiteIsNamedByTheSitesFirstWord) {
  const std::set<std::string> claims =
      Claims("HyProMag's plant at Tyseley Energy Park in Birmingham, UK, began producing "
             "recycled magnets in 2025.");
  EXPECT_THAT(claims, Contains("OPERATES HyProMag -> Tyseley plant"));
  EXPECT_THAT(claims, Contains("LOCATED_IN Tyseley plant -> United Kingdom"));
}

TEST_F(ExtractTest, ALongerListedSpellingIsTheListedCompany) {
  // "United States Antimony Corp." is listed as an alias of "United States Antimony".
  EXPECT_THAT(Claims("United States Antimony Corp.: US$245 million Defense Logistics Agency "
                     "contract to supply antimony ingots, 2025"),
              Contains("SUPPLIES United States Antimony -> Defense Logistics Agency"));
}

TEST_F(ExtractTest, ACapitalizedCommodityWordInsideAFacilityNameIsPartOfIt) {
  EXPECT_THAT(Claims("Sumitomo Metal Mining acquired a 30% interest in the Cote Gold project from "
                     "IAMGOLD for $340 million."),
              Contains("HOLDS_STAKE Sumitomo Metal Mining -> Cote Gold project percent=30"));
}

TEST_F(ExtractTest, ARelativeClauseAfterTheSubjectIsNotTheSubject) {
  // "Vale Base Metals, in which Manara Minerals holds a 10% stake, produced …": Vale produced.
  const std::set<std::string> claims =
      Claims("Vale Base Metals, in which Manara Minerals holds a 10% stake, produced 160,000 "
             "tonnes of nickel in 2024.");
  EXPECT_THAT(claims, Contains("PRODUCES Vale Base Metals -> nickel"));
  EXPECT_THAT(claims, Not(Contains("PRODUCES Manara Minerals -> nickel")));
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Manara Minerals -> Vale Base Metals percent=10"));
}

TEST_F(ExtractTest, ALatinNameBeforeAChineseFacilityHeadIsThatFacility) {
  const std::set<std::string> claims =
      Claims("MMG runs mines.\n\n2024年,MMG以18.75亿美元完成了对博茨瓦纳Khoemacau铜矿的收购。");
  EXPECT_THAT(claims, Contains("LOCATED_IN Khoemacau mine -> Botswana"));
  EXPECT_THAT(claims, Not(Contains("LOCATED_IN Khoemacau -> Botswana")));
}

TEST_F(ExtractTest, AStakesRankJoinsItsShareInTheSameSentence) {
  const std::set<std::string> claims =
      Claims("Tianqi Lithium holds about 22% of SQM, making it the Chilean company's "
             "second-largest shareholder.");
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Tianqi Lithium -> SQM percent=22"));
  EXPECT_EQ(claims.size(), 1u);
}

TEST_F(ExtractTest, UnlistedNamesWithACountryOrAVentureHead) {
  // "General Nickel Company of Cuba" is one company; "the Moa joint venture" is named.
  const std::set<std::string> claims =
      Claims("- Sherritt International: 50% of the Moa joint venture in Cuba; General Nickel "
             "Company of Cuba holds the other 50%");
  EXPECT_THAT(claims,
              Contains("HOLDS_STAKE Sherritt International -> Moa joint venture percent=50"));
  EXPECT_THAT(claims,
              Contains("HOLDS_STAKE General Nickel Company of Cuba -> Moa joint venture "
                       "percent=50"));
  EXPECT_THAT(claims, Not(Contains("HOLDS_STAKE Cuba -> General Nickel Company percent=50")));
}

TEST_F(ExtractTest, AKeyFiguresLineOpenedByACompanyAndACountryNamesItsUnit) {
  const std::set<std::string> claims =
      Claims("Key figures:\n- POSCO Argentina: 25,000 t a year of lithium hydroxide capacity, "
             "2024");
  EXPECT_THAT(claims, Contains("HAS_CAPACITY POSCO Argentina -> lithium hydroxide"));
  EXPECT_THAT(claims, Not(Contains("HAS_CAPACITY Posco -> lithium hydroxide")));
}

TEST_F(ExtractTest, WhatIsCommissionedOrExpandedIsTheFacility) {
  const std::set<std::string> claims =
      Claims("Ionic Technologies runs a magnet recycling plant in Belfast. It was commissioned in "
             "2023, and Ionic plans to expand it to handle about 400 tonnes of magnet scrap a year "
             "by 2027.");
  EXPECT_THAT(claims, Contains("HAS_CAPACITY Belfast plant -> magnet scrap"));
  EXPECT_THAT(claims, Not(Contains("HAS_CAPACITY Ionic Technologies -> magnet scrap")));
}

TEST_F(ExtractTest, ACountryBeforeACapitalizedCommodityIsACompanysName) {
  EXPECT_THAT(Claims("Ganfeng agreed to pay US$962 million for Mali Lithium's 50% of the "
                     "Goulamina project."),
              Contains("HOLDS_STAKE Ganfeng Lithium -> Goulamina project percent=50"));
  // A noun for the trade after it: the country's commodity, no company.
  EXPECT_THAT(Claims("China Lithium output rose in 2024, and Ganfeng Lithium produced 80,000 "
                     "tonnes of lithium carbonate."),
              Contains("PRODUCES Ganfeng Lithium -> lithium carbonate"));
}

TEST_F(ExtractTest, ASubsidiaryIsNoReferenceToACompany) {
  // "全资子公司": "公司" here is a kind of company, not "the company".
  const std::set<std::string> claims = Claims("Eramine Sudamericana是埃赫曼的全资子公司。");
  EXPECT_THAT(claims, Contains("HOLDS_STAKE Eramet -> Eramine Sudamericana percent=100"));
}

TEST_F(ExtractTest, AnUnlistedNamedSiteIsAFacility) {
  EXPECT_THAT(Claims("Ore goes to smelters at the Labota Industrial Park, which is run by "
                     "Tsingshan."),
              Contains("OPERATES Tsingshan Holding Group -> Labota Industrial Park"));
}

TEST_F(ExtractTest, AFacilityInAProvinceIsNamedByTheProvince) {
  // "its first plant in Salta" (a province): the "Salta plant".
  const std::set<std::string> claims =
      Claims("POSCO Holdings built its first plant in Salta, which started production in 2024.");
  EXPECT_THAT(claims, Contains("OPERATES Posco -> Salta plant"));
}

}  // namespace
}  // namespace kg::ingest
