#include "ingest/gazetteer.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/extract.h"
#include "ingest/normalize.h"

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

// The shipped schema's gazetteer, loaded once for every test that reads it (null when the schema
// does not load; each such test asserts it).
const Gazetteer* ShippedGazetteer() {
  static const Extractor* const shipped = [] {
    auto x = Extractor::Load(DefaultSchemaDir());
    EXPECT_TRUE(x.ok()) << x.status();
    return x.ok() ? x->release() : nullptr;
  }();
  return shipped == nullptr ? nullptr : &shipped->gazetteer();
}

// A mention's entity: the gazetteer's, or one of the unlisted names Find added to `extra`.
const EntityDef& EntityOf(const Gazetteer& g, const std::vector<EntityDef>& extra, int entity) {
  const size_t known = g.entities().size();
  return static_cast<size_t>(entity) < known ? g.entities()[entity] : extra[entity - known];
}

// Whether reading `text` adds the unlisted entity `name` with `alias` among its aliases.
bool UnlistedHasAlias(const Gazetteer& g, absl::string_view text, const std::string& name,
                      const std::string& alias) {
  std::vector<EntityDef> extra;
  g.Find(text, &extra);
  for (const EntityDef& d : extra) {
    if (d.name == name &&
        std::find(d.aliases.begin(), d.aliases.end(), alias) != d.aliases.end()) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> Names(const Gazetteer& g, absl::string_view text) {
  std::vector<EntityDef> extra;
  std::vector<std::string> out;
  for (const Mention& m : g.Find(text, &extra)) {
    out.push_back(std::string(text.substr(m.span.begin, m.span.end - m.span.begin)) + "=" +
                  EntityOf(g, extra, m.entity).name);
  }
  return out;
}

// What Find reads in `text`, as "Label:entity name", with " as <named_as>" when a listed site
// was found by a description.
std::vector<std::string> Labelled(const Gazetteer& g, absl::string_view text) {
  std::vector<EntityDef> extra;
  std::vector<std::string> out;
  for (const Mention& m : g.Find(text, &extra)) {
    const EntityDef& e = EntityOf(g, extra, m.entity);
    out.push_back(e.label + ":" + e.name + (m.named_as.empty() ? "" : " as " + m.named_as));
  }
  return out;
}

// Whether Find reads `want` ("surface=entity name") in `text`.
bool HasName(const Gazetteer& g, absl::string_view text, const std::string& want) {
  const std::vector<std::string> names = Names(g, text);
  return std::find(names.begin(), names.end(), want) != names.end();
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

TEST(GazetteerTest, ABracketTheNameOpensIsClosedInIt) {
  auto g = Gazetteer::FromText("Country\tDemocratic Republic of Congo\tDRC | 刚果(金)\n"
                               "Country\tChina\t中国\n",
                               "", "test.tsv");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(Names(**g, "中国从刚果(金)进口"),
            (std::vector<std::string>{"中国=China", "刚果(金)=Democratic Republic of Congo"}));
  EXPECT_EQ(Names(**g, "中国从刚果（金）进口"),
            (std::vector<std::string>{"中国=China", "刚果（金）=Democratic Republic of Congo"}));
}

TEST(GazetteerTest, UnknownCompanyBySuffix) {
  auto g = Make();
  EXPECT_EQ(Names(*g, "The deal with Hyundai Mobis Corp. closed."),
            (std::vector<std::string>{"Hyundai Mobis Corp.=Hyundai Mobis Corp"}));
}

TEST(GazetteerTest, ANameEndingInANotOrgWordIsNoOrganisation) {
  // schema/name_words.txt `not_org`: a law, an armed group; with the word list unset, a name.
  auto plain = Make();
  EXPECT_EQ(Names(*plain, "Under the Critical Mineral Resources Act, Arafura Resources won."),
            (std::vector<std::string>{
                "Critical Mineral Resources Act=Critical Mineral Resources Act",
                "Arafura Resources=Arafura Resources"}));
  auto g = Gazetteer::FromText(kTsv, "Inc\nCorp\nResources\n", "test.tsv",
                               "not_org Act\nnot_org Army\n");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(Names(**g, "Under the Critical Mineral Resources Act, Arafura Resources won."),
            (std::vector<std::string>{"Arafura Resources=Arafura Resources"}));
  // Its short form in brackets goes too, even when it spells a listed name ("MP").
  EXPECT_EQ(Names(**g, "The Kachin Independence Army (MP) took the town; MP Materials left."),
            (std::vector<std::string>{"MP Materials=MP Materials"}));
}

TEST(GazetteerTest, ALegalFormAfterAListedCompanyIsPartOfItsMention) {
  auto g = Make();
  EXPECT_EQ(Names(*g, "MP Materials Inc said so."),
            (std::vector<std::string>{"MP Materials Inc=MP Materials"}));
  EXPECT_EQ(Names(*g, "MP Materials Co., Ltd. said so."),
            (std::vector<std::string>{"MP Materials Co., Ltd.=MP Materials"}));
}

TEST(GazetteerTest, BadLineNamesFileAndLine) {
  auto g = Gazetteer::FromText("Country\tChina\nPlanet\tMars\n", "", "x.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("x.tsv:2"), std::string::npos) << g.status();
}

TEST(GazetteerTest, EqualsMarksExactCaseNames) {
  auto g = Gazetteer::FromText(
      "Company\t=Mineral Resources\tMinRes | =Lithium Argentina\n"
      "Country\tArgentina\t\n",
      "", "x.tsv");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->entities()[0].name, "Mineral Resources");
  EXPECT_EQ(Names(**g, "Mineral Resources said"),
            (std::vector<std::string>{"Mineral Resources=Mineral Resources"}));
  EXPECT_EQ(Names(**g, "the mineral resources estimate"), std::vector<std::string>{});
  EXPECT_EQ(Names(**g, "Lithium Argentina shares"),
            (std::vector<std::string>{"Lithium Argentina=Mineral Resources"}));
  EXPECT_EQ(Names(**g, "copper and lithium, Argentina said"),
            (std::vector<std::string>{"Argentina=Argentina"}));
}

TEST(GazetteerTest, DemonymNameIsTheCountrys) {
  // Listed before its country, a demonym still does not take the country's name.
  auto g = Gazetteer::FromText("Demonym\tZimbabwe\tZimbabwean\nCountry\tZimbabwe\t\n", "",
                               "x.tsv");
  ASSERT_TRUE(g.ok()) << g.status();
  std::vector<EntityDef> extra;
  std::vector<Mention> m = (*g)->Find("Zimbabwe and a Zimbabwean miner", &extra);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_FALSE(m[0].demonym);
  EXPECT_TRUE(m[1].demonym);
  EXPECT_EQ(m[0].entity, m[1].entity);
}

TEST(GazetteerTest, RegionKnowsItsCountry) {
  // The fourth field of a Region line names its country, listed before or after it.
  auto g = Gazetteer::FromText(
      "Region\tQuebec\tQuébec\tCanada\n"
      "Country\tCanada\t\n"
      "Region\tHong Kong\t\n",
      "", "x.tsv");
  ASSERT_TRUE(g.ok()) << g.status();
  std::vector<EntityDef> extra;
  std::vector<Mention> m = (*g)->Find("a mine in Québec, then Hong Kong", &extra, false);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ((*g)->entities()[m[0].entity].name, "Quebec");
  EXPECT_EQ((*g)->entities()[(*g)->RegionCountry(m[0].entity)].name, "Canada");
  EXPECT_EQ((*g)->RegionCountry(m[1].entity), -1);  // No country given.
  EXPECT_EQ((*g)->RegionCountry((*g)->Lookup("Canada")), -1);  // Not a region.
  // The country must be listed; other labels take no fourth field.
  auto unlisted = Gazetteer::FromText("Region\tQuebec\t\tKanada\n", "", "x.tsv");
  ASSERT_FALSE(unlisted.ok());
  EXPECT_NE(unlisted.status().message().find("Kanada"), std::string::npos) << unlisted.status();
  auto four = Gazetteer::FromText("Country\tCanada\t\tCanada\n", "", "x.tsv");
  ASSERT_FALSE(four.ok());
  EXPECT_NE(four.status().message().find("x.tsv:1"), std::string::npos) << four.status();
}

// Names nobody listed, read by their shape (the shipped schema).
TEST(GazetteerTest, UnlistedNamesByShape) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto has = [&](absl::string_view text, const std::string& want) { return HasName(g, text, want); };
  auto label_of = [&](absl::string_view text, absl::string_view surface) -> std::string {
    std::vector<EntityDef> extra;
    for (const Mention& m : g.Find(text, &extra)) {
      if (text.substr(m.span.begin, m.span.end - m.span.begin) != surface) continue;
      return EntityOf(g, extra, m.entity).label;
    }
    return "";
  };
  // A commodity opening a name, before a country or other capitalized words.
  EXPECT_TRUE(has("Lithium Australia owns 100% of Envirostream.", "Lithium Australia=Lithium Australia"));
  EXPECT_TRUE(has("Cobalt Holdings planned to buy cobalt.", "Cobalt Holdings=Cobalt Holdings"));
  EXPECT_TRUE(has("Lithium Energy Ltd said so.", "Lithium Energy Ltd=Lithium Energy Ltd"));
  EXPECT_FALSE(has("Lithium Australia output rose.", "Lithium Australia=Lithium Australia"));
  // A listed company before a capitalized commodity: its unit.
  EXPECT_TRUE(has("Rio Tinto Lithium, the unit, said so.", "Rio Tinto Lithium=Rio Tinto Lithium"));
  EXPECT_FALSE(has("the Rio Tinto Lithium project", "Rio Tinto Lithium=Rio Tinto Lithium"));
  // A region opening a company's name.
  EXPECT_TRUE(has("Nevada Lithium Resources owns it.",
                  "Nevada Lithium Resources=Nevada Lithium Resources"));
  // After a company's possessive, a name of its own; not after a country's, not before a head.
  EXPECT_TRUE(has("BHP's Nickel West unit operates it.", "Nickel West=Nickel West"));
  EXPECT_FALSE(has("Australia's Treasurer Jim Chalmers ordered it.",
                   "Treasurer Jim Chalmers=Treasurer Jim Chalmers"));
  EXPECT_FALSE(has("General Motors' Ultium plants buy magnets.", "Ultium=Ultium"));
  // A bare name after a verb of running a site is that site; after "owns" it stays a name.
  EXPECT_EQ(label_of("Sinomine Resource Group runs Tanco in Manitoba.", "Tanco"), "Facility");
  EXPECT_EQ(label_of("Glencore owns Norvik outright.", "Norvik"), "Company");
  // A listed mine named without its head is the mine ("Tanco" for the listed "Tanco mine"),
  // only with the same capitals.
  EXPECT_EQ(label_of("Glencore owns Tanco outright.", "Tanco"), "Facility");
  EXPECT_EQ(label_of("Glencore owns TANCO outright.", "TANCO"), "Company");
  // A name in apposition to a possessor's description.
  EXPECT_EQ(label_of("Output from Ngungaju, Pilbara Minerals' restarted processing plant, rose.",
                     "Ngungaju"),
            "Facility");
  // A listed facility and a compass word: the facility beside it.
  EXPECT_TRUE(has("Galan is developing Hombre Muerto West in Catamarca.",
                  "Hombre Muerto West=Hombre Muerto West"));
  EXPECT_FALSE(has("Hombre Muerto West Lithium is a company.", "Hombre Muerto West=Hombre Muerto West"));
  // A listed facility's name, a side word and a head: the facility beside it, not the listed one.
  EXPECT_TRUE(has("Syrah plans to develop the Balama West mine.", "Balama West mine=Balama West mine"));
  EXPECT_TRUE(has("Syrah runs the Balama mine.", "Balama mine=Balama mine"));
  // A continent after a commodity ends a name; a region after another word is part of one.
  EXPECT_TRUE(has("Nickel Asia supplies ore to smelters.", "Nickel Asia=Nickel Asia"));
  EXPECT_EQ(label_of("Tesla runs Gigafactory Nevada near Reno.", "Gigafactory Nevada"), "Facility");
  // A run ending in a capitalized head names a facility, also around a listed one.
  EXPECT_EQ(label_of("Ganfeng funds development of Mariana Lithium Project in Argentina.",
                     "Mariana Lithium Project"),
            "Facility");
  EXPECT_TRUE(has("Construction of Goulamina Lithium Project began.",
                  "Goulamina Lithium Project=Goulamina project"));
  // After a verb of running a site, a word that begins a company's name is the site.
  EXPECT_EQ(label_of("Glencore owns Mutanda Mining Holdings, and Glencore runs Mutanda.", "Mutanda"),
            "Facility");
  // A site after a verb of producing and "at" keeps the particle of its name.
  EXPECT_EQ(label_of("Sigma Lithium produces lithium concentrate at Grota do Cirilo in Brazil.",
                     "Grota do Cirilo"),
            "Facility");
  EXPECT_EQ(label_of("Mining at Salar de Olaroz resumed.", "Salar de Olaroz"), "Facility");
  // A possessor is no place of a facility.
  EXPECT_FALSE(has("Production at Alphamin Resources' tin mine rose.",
                   "Alphamin Resources' tin mine=Alphamin Resources' mine"));
}

// Sites in English prose (tests/probes/sitenames): a company's name before a commodity and a
// head, a place word in lower case, "on" an island, the one listed facility of a place and head,
// a description in apposition to the facility before it, a dateline with its province.
TEST(GazetteerTest, FacilityNamesInProse) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  // Label of the entity a surface is read as ("" when it is none).
  auto entity_of = [&](absl::string_view text, absl::string_view surface) -> std::string {
    std::vector<EntityDef> extra;
    for (const Mention& m : g.Find(text, &extra)) {
      if (text.substr(m.span.begin, m.span.end - m.span.begin) != surface) continue;
      const EntityDef& e = EntityOf(g, extra, m.entity);
      return e.label + ":" + e.name;
    }
    return "";
  };
  auto any_named = [&](absl::string_view text, absl::string_view name) {
    std::vector<EntityDef> extra;
    for (const Mention& m : g.Find(text, &extra)) {
      if (EntityOf(g, extra, m.entity).name == name) return true;
    }
    return false;
  };
  // "the Weda Bay nickel operation" is the mine, not PT Weda Bay Nickel; the company keeps its
  // capitalized name.
  EXPECT_EQ(entity_of("Eramet and Tsingshan own the Weda Bay nickel operation on Halmahera.",
                      "Weda Bay nickel operation"),
            "Facility:Weda Bay mine");
  EXPECT_EQ(entity_of("PT Weda Bay Nickel runs the mine.", "PT Weda Bay Nickel"),
            "Company:PT Weda Bay Nickel");
  // A share of ownership between the possessor and the name leaves an unlisted site a facility,
  // not a company: "30%-owned" stands for any percentage.
  EXPECT_EQ(entity_of("Orrin Mining reported output from its 30%-owned Tessel Ridge mine in Chile.",
                      "Tessel Ridge mine"),
            "Facility:Tessel Ridge mine");
  EXPECT_EQ(entity_of("Harlow Metals said its majority-owned Benbow mine in Zambia restarted.",
                      "Benbow mine"),
            "Facility:Benbow mine");
  EXPECT_EQ(entity_of("Harlow Metals said its 49.5%-held Benbow mine in Zambia restarted.",
                      "Benbow mine"),
            "Facility:Benbow mine");
  // An island in lower case is a place, and a plant on it the listed plant.
  EXPECT_EQ(entity_of("Obi island lies in North Maluku province.", "Obi"), "");
  EXPECT_TRUE(any_named("Harita Nickel runs a high-pressure acid leach plant on Obi island.",
                        "Obi HPAL plant"));
  EXPECT_FALSE(any_named("The plant on Monday resumed output.", "Monday plant"));
  // A place and a head of one listed facility; two would be no reading.
  EXPECT_EQ(entity_of("In Timmins, Glencore also runs the Kidd mine.", "Kidd mine"),
            "Facility:Kidd Creek mine");
  // A description in apposition to the facility before it; a dateline is no company.
  const absl::string_view horne =
      "ROUYN-NORANDA, Quebec — Glencore's Horne smelter, the only copper smelter in Quebec, is old.";
  EXPECT_EQ(entity_of(horne, "only copper smelter"), "Facility:Horne smelter");
  EXPECT_FALSE(any_named(horne, "Quebec smelter"));
  EXPECT_EQ(entity_of(horne, "ROUYN-NORANDA"), "");
  // A plant where a mine is listed is another facility; an operation is the listed one.
  EXPECT_EQ(entity_of("Vale runs the Sorowako smelter.", "Sorowako smelter"),
            "Facility:Sorowako smelter");
  EXPECT_EQ(entity_of("Vale runs the Sorowako operation.", "Sorowako operation"),
            "Facility:Sorowako mine");
  // A place and a head in running text without an article; not a company's or a country's.
  EXPECT_EQ(entity_of("Zeta Metals said Ulbo mine would restart.", "Ulbo mine"),
            "Facility:Ulbo mine");
  EXPECT_EQ(entity_of("Shipments from Pallo refinery began.", "Pallo refinery"),
            "Facility:Pallo refinery");
  EXPECT_FALSE(any_named("Shares of Tesla plant suppliers rose.", "Tesla plant"));
  EXPECT_FALSE(any_named("Analysts expect US mine output to rise.", "US mine"));
  // A site named with its head and then by itself after "production at" is one facility
  // (the other way round, a bare site may hold several: "anode material at Herøya" and then
  // "a separation plant at Herøya").
  {
    std::vector<EntityDef> extra;
    std::set<int> korva;
    for (absl::string_view text : {"Zeta Metals runs the Korva mine.", "Production at Korva fell."}) {
      for (const Mention& m : g.Find(text, &extra)) {
        if (absl::StrContains(text.substr(m.span.begin, m.span.end - m.span.begin), "Korva")) {
          korva.insert(m.entity);
        }
      }
    }
    EXPECT_EQ(korva.size(), 1u);
  }
}

// Unlisted Chinese names: company words or a facility head after two to four characters that
// follow a clean boundary (schema/company_suffixes.txt `zh`, schema/name_words.txt `*_zh`).
// A description names the site its owner has at that place, not another company's there; the
// mention keeps the name the text gives it. A company right before a head owns it; a month after
// "in" is no place.
// A foreign site written as its Chinese transliteration with the Latin name in brackets: the
// "<Latin> <head>" site, whether the head follows at once or after a verb of building; the
// transliteration starts after the place or stop word before it.
// A legal form after a company's name is part of its mention, listed or not, in the forms of
// many countries; it never becomes a company of its own.
TEST(GazetteerTest, AWordBetweenTheAndAKindOfCompanyIsNoName) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  // "The Detroit carmaker" describes a company; "the Techint group" names one.
  for (const std::string& n : Names(*shipped, "The Detroit carmaker owns half of the venture.")) {
    EXPECT_FALSE(absl::StartsWith(n, "Detroit")) << n;
  }
  EXPECT_TRUE(HasName(*shipped, "Tecpetrol is the oil arm of the Techint group.", "Techint=Techint"));
}

TEST(GazetteerTest, ANumberedPartIsNoName) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  for (const std::string& n : Names(*shipped, "Site 1: Mount Weld mine")) {
    EXPECT_FALSE(absl::StartsWith(n, "Site 1")) << n;
  }
}

TEST(GazetteerTest, LegalFormsOfManyCountriesCloseTheName) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_TRUE(HasName(g, "ČEZ a.s. holds 51% of Geomet s.r.o., the developer.", "ČEZ a.s.=CEZ Group"));
  EXPECT_TRUE(HasName(g, "ČEZ a.s. holds 51% of Geomet s.r.o., the developer.", "Geomet s.r.o.=Geomet"));
  EXPECT_TRUE(HasName(g, "Sinomine bought 74% of Bikita Minerals (Private) Limited in 2022.",
                      "Bikita Minerals (Private) Limited=Bikita Minerals"));
  EXPECT_TRUE(HasName(g, "Arafura supplies Hyundai Mobis Co., Ltd. with oxide.",
                      "Hyundai Mobis Co., Ltd.=Hyundai Mobis"));
  for (const std::string& n : Names(g, "Vestas buys magnets from Acme Renewable Energy S.A. for turbines.")) {
    EXPECT_FALSE(absl::StartsWith(n, "S.A")) << n;
  }
}

TEST(GazetteerTest, AForeignSitesTransliterationWithItsLatinName) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_TRUE(HasName(g, "Syrah在莫桑比克运营巴拉莫（Balamo）石墨矿。", "巴拉莫（Balamo）石墨矿=Balamo mine"));
  EXPECT_TRUE(HasName(g, "杉杉股份计划在芬兰科特卡（Kotka）建设年产10万吨的负极材料一体化基地。",
                      "科特卡（Kotka）=Kotka hub"));
  EXPECT_TRUE(HasName(g, "贝特瑞计划在印度尼西亚中爪哇省的肯德尔（Kendal）建设负极材料工厂。",
                      "肯德尔（Kendal）=Kendal plant"));
  // Owned by the company before it and listed under its name.
  EXPECT_TRUE(HasName(g, "宁德时代计划在匈牙利德布勒森（Debrecen）建设电池工厂。",
                      "德布勒森（Debrecen）=CATL Debrecen plant"));
  // "的" before the head, a sum invested before it, a listed region as the Latin name.
  EXPECT_TRUE(HasName(g, "宁德时代在欧洲设厂，其位于德国图林根州（Thuringia）的工厂已开始量产。",
                      "图林根州（Thuringia）=CATL Thuringia plant"));
  EXPECT_TRUE(HasName(g, "公司拟在吉打州（Kedah）投资4.22亿美元建设一座圆柱电池工厂。",
                      "吉打州（Kedah）=Kedah plant"));
  EXPECT_TRUE(HasName(g, "该公司在杜埃（Douai）运营一座超级工厂。", "杜埃（Douai）=AESC Douai plant"));
  // A good's characters inside the transliteration and its words inside the Latin name.
  EXPECT_TRUE(HasName(g, "华友又在纬达贝工业园推进华飞镍钴（Huafei Nickel Cobalt）项目。",
                      "华飞镍钴（Huafei Nickel Cobalt）项目=Huafei project"));
  // The tail of a joined transliteration is not a listed name of its own.
  EXPECT_TRUE(HasName(g, "考查里-奥拉罗斯（Cauchari-Olaroz）盐湖项目设计年产能为4万吨碳酸锂。",
                      "考查里-奥拉罗斯（Cauchari-Olaroz）盐湖项目=Cauchari-Olaroz project"));
  for (const std::string& n : Names(g, "考查里-奥拉罗斯（Cauchari-Olaroz）盐湖项目设计年产能为4万吨碳酸锂。")) {
    EXPECT_FALSE(absl::EndsWith(n, "=Olaroz project")) << n;
  }
  // A Chinese name with its head, then the Latin name with its own.
  EXPECT_TRUE(HasName(g, "两家公司计划合资建设萨拉戈萨电池厂（Zaragoza plant），总投资41亿欧元。",
                      "萨拉戈萨电池厂（Zaragoza plant）=Zaragoza plant"));
  // No head after it: a place, no site.
  for (const std::string& n : Names(g, "该公司总部位于芬兰科特卡（Kotka）。")) {
    EXPECT_FALSE(absl::StrContains(n, "Kotka")) << n;
  }
}

TEST(GazetteerTest, ASiteOfItsOwnerAtAPlace) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto found = [&](absl::string_view text) {  // The facilities only.
    std::vector<std::string> out;
    for (const std::string& l : Labelled(g, text)) {
      if (absl::StartsWith(l, "Facility:")) out.push_back(l.substr(9));
    }
    return out;
  };
  EXPECT_THAT(found("EcoPro BM, a Korean supplier, whose plant in Debrecen can turn out 54,000 tonnes."),
              testing::ElementsAre("EcoPro Debrecen plant as Debrecen plant"));
  EXPECT_THAT(found("EcoPro BM's plant in Debrecen is new."),
              testing::ElementsAre("EcoPro Debrecen plant as Debrecen plant"));
  EXPECT_THAT(found("CATL's plant in Debrecen is new."),
              testing::ElementsAre("CATL Debrecen plant as Debrecen plant"));
  // A name and head that find a listed site of a longer name keep the name the text gives.
  EXPECT_THAT(found("Novonix said the Riverside plant will make 20,000 tonnes."),
              testing::ElementsAre("Novonix Riverside plant as Riverside plant"));
  EXPECT_THAT(found("ACC gigafactory in Billy-Berclau Douvrin"),
              testing::ElementsAre("ACC Billy-Berclau plant"));
  EXPECT_TRUE(found("ACC inaugurated its first gigafactory in May 2023.").empty());
  EXPECT_THAT(found("It commissioned its Benete smelter near Batu Hijau."),
              testing::ElementsAre("Benete smelter", "Batu Hijau mine"));
}

// "the Government of X" names X's government, listed or not; "X's government" stays the country.
TEST(GazetteerTest, TheGovernmentOfACountry) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_THAT(Labelled(g, "while the Government of Jamaica holds the remaining 45%"),
              testing::ElementsAre("Government:Government of Jamaica"));
  EXPECT_THAT(Labelled(g, "The Government of Ghana holds 10%."),
              testing::ElementsAre("Government:Government of Ghana"));
  EXPECT_THAT(Labelled(g, "Jamaica's government holds 45%."), testing::ElementsAre("Country:Jamaica"));
  // "&" joins the capitalized words after it to a company's name.
  EXPECT_THAT(Labelled(g, "Norvane Mining & Trading sells lithium."),
              testing::Contains("Company:Norvane Mining & Trading"));
  // And the words of a name closed by a legal form: "Gas & Oil Pakistan Ltd.".
  EXPECT_THAT(Labelled(g, "Aramco bought 40% of Gas & Oil Pakistan Ltd. in 2024."),
              testing::Contains("Company:Gas & Oil Pakistan Ltd"));
  // A listed company's name between a country and a legal form is another company's name.
  EXPECT_THAT(Labelled(g, "It is controlled by China Salt Lake Industry Group."),
              testing::ElementsAre("Company:China Salt Lake Industry Group"));
  // A listed company's fuller name is that company ("Jiangxi Special Electric Motor" is listed).
  EXPECT_THAT(Labelled(g, "Jiangxi Special Electric Motor & Materials sells lithium."),
              testing::ElementsAre("Company:Jiangte Motor", "Commodity:lithium"));
  // An unlisted ministry is one government body, its country's name included, not companies.
  EXPECT_THAT(Labelled(g, "The Ministry of Industry and Infrastructure Development of Kazakhstan said so."),
              testing::ElementsAre(
                  "Government:Ministry of Industry and Infrastructure Development of Kazakhstan"));
  EXPECT_THAT(Labelled(g, "Brazil's Ministry of Mines and Energy said so."),
              testing::ElementsAre("Country:Brazil", "Government:Ministry of Mines and Energy"));
}

TEST(GazetteerTest, UnlistedChineseNames) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto has = [&](absl::string_view text, const std::string& want) { return HasName(g, text, want); };
  auto labels = [&](absl::string_view text) {
    std::vector<EntityDef> extra;
    std::vector<std::string> out;
    for (const Mention& m : g.Find(text, &extra)) {
      out.push_back(EntityOf(g, extra, m.entity).label);
    }
    return out;
  };
  auto count = [](const std::vector<std::string>& v, absl::string_view label) {
    return std::count(v.begin(), v.end(), std::string(label));
  };
  // A legal form: a longer name, with its province and a commodity inside.
  EXPECT_TRUE(has("宁德时代向江西南氏锂电新材料有限公司采购碳酸锂。",
                  "江西南氏锂电新材料有限公司=江西南氏锂电新材料有限公司"));
  // Company words alone: two characters after a particle.
  EXPECT_TRUE(has("宁德时代与永杉锂业签署了供货协议。", "永杉锂业=永杉锂业"));
  // A listed company before company words is that company.
  EXPECT_TRUE(has("公司与四川天宜锂业科技股份有限公司签署协议。",
                  "天宜锂业科技股份有限公司=Yibin Tianyi"));
  // A listed trade name before a trade word is another company of that name; a word that only
  // joins a name ("汽车") joins the listed one.
  EXPECT_TRUE(has("天齐锂业的控股股东为成都天齐实业。", "天齐实业=天齐实业"));
  EXPECT_TRUE(has("福特汽车参与了投资。", "福特汽车=Ford"));
  // A listed facility before commodities and a head is that facility.
  EXPECT_TRUE(has("腾科丰谷鲁梅铜钴矿的产量上升。", "腾科丰谷鲁梅铜钴矿=Tenke Fungurume mine"));
  // A Latin name before a company word: the English word joins it.
  EXPECT_TRUE(has("青山与印尼Harapan Jaya集团合作。", "Harapan Jaya集团=Harapan Jaya Group"));
  // Also one opening the sentence, and a company word is no mine head ("矿业" is not "矿").
  EXPECT_TRUE(has("Kalahari矿业持有该项目。", "Kalahari矿业=Kalahari Mining"));
  // Facilities: a name, commodities or kinds, a head; a province names a plant.
  EXPECT_TRUE(has("盛屯矿业运营卡隆威铜钴矿。", "卡隆威铜钴矿=卡隆威铜钴矿"));
  EXPECT_TRUE(has("紫金矿业开发湘源硬岩锂矿。", "湘源硬岩锂矿=湘源硬岩锂矿"));
  EXPECT_TRUE(has("公司扩建其赣州基地。", "赣州基地=赣州基地"));
  // Company words before a facility head name the facility's product, not a company.
  EXPECT_TRUE(has("公司正在建设鲁尔稀土精炼厂。", "鲁尔稀土精炼厂=鲁尔稀土精炼厂"));
  // No names: trade nouns, verbs, determiners and counts before the words or heads.
  for (absl::string_view text :
       {"中国加快发展新能源汽车。", "该公司将获取锂资源。", "该公司的子公司出口稀土。",
        "对出口稀土实施管制。", "该公司在四川的锂矿项目停产。", "它运营一座大型铜矿。",
        "公司取得采矿权。", "公司的海外项目进展顺利。", "锂矿石价格下跌。",
        "中美稀土战争持续。"}) {
    const std::vector<std::string> l = labels(text);
    EXPECT_EQ(count(l, "Company") + count(l, "Facility"), 0) << text;
  }
}

// 控股 after the passive 由 or 被 and before a share is the verb, not the name's "Holdings";
// elsewhere it stays in the name.
TEST(GazetteerTest, KongguAfterThePassiveBeforeAShareIsTheVerb) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto has = [&](absl::string_view text, const std::string& want) { return HasName(g, text, want); };
  EXPECT_TRUE(has("该矿由中国有色矿业控股60%。", "中国有色矿业=中国有色矿业"));
  EXPECT_TRUE(has("该矿由鑫海矿业控股约45.5%。", "鑫海矿业=鑫海矿业"));
  EXPECT_TRUE(has("该项目被鑫海矿业控股51％。", "鑫海矿业=鑫海矿业"));
  // Not after 由 or before a share: the name's own word.
  EXPECT_TRUE(has("公司与鑫海矿业控股签署协议。", "鑫海矿业控股=鑫海矿业控股"));
  EXPECT_TRUE(has("该矿由鑫海矿业控股运营。", "鑫海矿业控股=鑫海矿业控股"));
}

// A Chinese company name before its bracketed Latin name starts after the word before it, a
// verb or preposition of the stop list ("通过"), which stays out of the mention; the Chinese
// name is the bracketed company's alias.
TEST(GazetteerTest, AWordBeforeABracketedNameStaysOut) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto has = [&](absl::string_view text, const std::string& want) { return HasName(g, text, want); };
  EXPECT_TRUE(has("中国有色矿业通过中色非洲矿业有限公司(NFC Africa Mining)运营谦比希铜矿。",
                  "中色非洲矿业有限公司(NFC Africa Mining)=NFC Africa Mining"));
  EXPECT_TRUE(has("鑫海集团通过鑫盛矿业有限公司（Xinsheng Mining）运营该矿。",
                  "鑫盛矿业有限公司（Xinsheng Mining）=Xinsheng Mining"));
  EXPECT_TRUE(has("鑫海集团旗下子公司鑫盛矿业(Xinsheng Mining)运营该矿。",
                  "鑫盛矿业(Xinsheng Mining)=Xinsheng Mining"));
  EXPECT_TRUE(UnlistedHasAlias(g, "鑫海集团通过鑫盛矿业有限公司(Xinsheng Mining)运营该矿。",
                                "Xinsheng Mining", "鑫盛矿业有限公司"));
  // A transliteration's joiner stays inside the Chinese name.
  EXPECT_TRUE(has("该矿由莫阿-尼克尔（Moa Nickel）运营。", "莫阿-尼克尔（Moa Nickel）=Moa Nickel"));
  EXPECT_TRUE(has("该矿由莫阿·尼克尔（Moa Nickel）运营。", "莫阿·尼克尔（Moa Nickel）=Moa Nickel"));
}

// Chinese characters before a bracketed name are its Chinese name, for a company, a government or
// a site: a one-character stop word inside a transliteration (达 of 科达尔), a place and company
// words that only describe it, a listed name glued inside it and a stop word inside the same
// name's listed Chinese alias (都 of 甘其毛都) do not cut it; a longer Latin word glued before it
// leaves it to the facility heads.
TEST(GazetteerTest, AChineseNameBeforeABracketedNameIsItsName) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_TRUE(HasName(g, "据报道，科达尔（Kodal Minerals）持有该项目51%的股份。",
                      "科达尔（Kodal Minerals）=Kodal Minerals"));
  EXPECT_TRUE(HasName(g, "摩洛哥矿业集团马纳杰姆（Managem）是非洲少数的钴精炼企业之一。",
                      "摩洛哥矿业集团马纳杰姆（Managem）=Managem"));
  EXPECT_TRUE(HasName(g, "诺里尔斯克镍业运营着哈里亚瓦尔塔（Harjavalta）精炼厂。",
                      "哈里亚瓦尔塔（Harjavalta）精炼厂=Harjavalta refinery"));
  EXPECT_TRUE(HasName(g, "修建连接嘎顺苏海图与甘其毛都口岸（Ganqimaodu port）的跨境铁路。",
                      "甘其毛都口岸（Ganqimaodu port）=Ganqimaodu port"));
  EXPECT_THAT(Names(g, "青山控股运营的印尼Morowali工业园（IMIP）年产能超过100万吨。"),
              testing::Not(testing::Contains(testing::StartsWith("工业园（IMIP）="))));
  // Only a description before the bracket: one mention, and no empty Chinese name noted (which
  // would be found everywhere).
  std::vector<EntityDef> extra;
  const std::vector<Mention> found = g.Find("摩洛哥矿业集团（Managem）运营布阿泽尔矿。", &extra);
  EXPECT_FALSE(found.empty());
  for (const EntityDef& e : extra) EXPECT_FALSE(e.name.empty()) << e.key;
  EXPECT_TRUE(HasName(g, "摩洛哥矿业集团（Managem）运营布阿泽尔矿。", "摩洛哥矿业集团（Managem）=Managem"));
}

// A Chinese name the article gives a name in brackets, either way round, names it in the
// article's later sentences ("中铝铁矿控股持有…" after "Chinalco Iron Ore Holdings (中铝铁矿控股)"),
// also when it begins with the parent's Chinese name or ends in a word that is a verb elsewhere
// (控股).
TEST(GazetteerTest, AChineseNameGivenInBracketsNamesItLater) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto names_after = [&](absl::string_view first, absl::string_view later) {
    std::vector<EntityDef> extra;
    g.Find(first, &extra);
    std::vector<std::string> out;
    for (const Mention& m : g.Find(later, &extra)) {
      out.push_back(std::string(later.substr(m.span.begin, m.span.end - m.span.begin)) + "=" +
                    EntityOf(g, extra, m.entity).name);
    }
    return out;
  };
  EXPECT_THAT(names_after("The southern blocks belong to Simfer, a joint venture of Rio Tinto and "
                          "Chinalco Iron Ore Holdings (中铝铁矿控股).",
                          "其余47%由中铝铁矿控股持有。"),
              testing::Contains("中铝铁矿控股=Chinalco Iron Ore Holdings"));
  EXPECT_THAT(names_after("China Baowu Steel Group (中国宝武钢铁集团) is a shareholder.",
                          "中国宝武钢铁集团持有该公司49%的股份。"),
              testing::Contains("中国宝武钢铁集团=China Baowu Steel Group"));
  EXPECT_THAT(names_after("该财团由莫阿-尼克尔（Moa Nickel）组成。", "莫阿-尼克尔持有其余1%。"),
              testing::Contains("莫阿-尼克尔=Moa Nickel"));
  EXPECT_THAT(Names(g, "其余47%由中铝铁矿控股（Chinalco Iron Ore Holdings）持有。"),
              testing::Contains(testing::StartsWith("中铝铁矿控股（Chinalco Iron Ore Holdings）=")));
  // Without the bracket earlier in the article, the name is nobody's.
  EXPECT_THAT(names_after("Rio Tinto runs Simfer.", "中铝铁矿控股持有47%。"),
              testing::Not(testing::Contains(testing::StartsWith("中铝铁矿控股="))));
}

// A Latin name before a Chinese facility head, then a further head ("Kitumba铜矿项目"): one
// facility, named by its last head with the product between ("Kitumba copper project"), not a
// mine and a bare 项目; one head alone names it as before.
TEST(GazetteerTest, ALatinNameBeforeTwoChineseHeadsIsOneFacility) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto has = [&](absl::string_view text, const std::string& want) { return HasName(g, text, want); };
  EXPECT_TRUE(has("中矿资源同意收购赞比亚Kitumba铜矿项目百分之六十五的股权。",
                  "Kitumba铜矿项目=Kitumba copper project"));
  EXPECT_TRUE(has("紫金矿业持有Zelvo铜矿项目60%的股权。", "Zelvo铜矿项目=Zelvo copper project"));
  EXPECT_TRUE(has("Kanvo湿法冶炼厂项目年产能为10万吨铜。", "Kanvo湿法冶炼厂项目=Kanvo project"));
  EXPECT_TRUE(has("MMG收购了Khoemacau铜矿。", "Khoemacau铜矿=Khoemacau mine"));
  EXPECT_TRUE(UnlistedHasAlias(g, "紫金矿业持有Zelvo铜矿项目60%的股权。", "Zelvo copper project",
                                "Zelvo project"));
}

TEST(GazetteerTest, AnUnlistedNameStartsAfterACountrysPossessive) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_EQ(Names(g, "It includes Singapore's Tembusu Minerals Group today"),
            (std::vector<std::string>{"Singapore=Singapore",
                                      "Tembusu Minerals Group=Tembusu Minerals Group"}));
}

TEST(GazetteerTest, ACountryInsideAnUnlistedNameWithASuffix) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  // A listed name ("Almonty"), a country and more words before the suffix: one unlisted name.
  EXPECT_TRUE(HasName(g, "It runs through Almonty Korea Tungsten Corp today.",
                      "Almonty Korea Tungsten Corp=Almonty Korea Tungsten Corp"));
  // A company named after its listed site: "Kisanfu Mining" is no Kisanfu mine.
  EXPECT_TRUE(HasName(g, "CMOC owns Kisanfu Mining, which runs the mine.",
                      "Kisanfu Mining=Kisanfu Mining"));
}

TEST(GazetteerTest, FieldLabelsTitlesAndDatelinesAreNoNames) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  // A fact box's one-word field label is no company; a company opening a line with a figure is.
  EXPECT_TRUE(Names(g, "Area: about 15,703 hectares").empty());
  EXPECT_TRUE(Names(g, "Rights: exploration, with exploitation to follow").empty());
  EXPECT_TRUE(HasName(g, "Zentrix: US$40 million for the stake", "Zentrix=Zentrix"));
  // A title inside a capitalized run is followed by a person, not a company.
  EXPECT_TRUE(Names(g, "Prime Minister Anwar Ibrahim announced the ban in 2023").empty());
  // Two places share a dateline.
  EXPECT_EQ(Names(g, "HANOI/BANGKOK — For a decade Vietnam was described as rich"),
            (std::vector<std::string>{"Vietnam=Vietnam"}));
  // A country after a suffixed name and before a verb names the company's national unit.
  EXPECT_TRUE(HasName(g, "Toyotsu Rare Earths India refines the chloride into neodymium",
                      "Toyotsu Rare Earths India=Toyotsu Rare Earths India"));
}

TEST(GazetteerTest, SpellingVariantsNameOneEntity) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  // A legal form's short spelling finds the company listed with the long one.
  EXPECT_TRUE(HasName(g, "It is held by Korea Mine Rehabilitation and Mineral Resources Corp today",
                      "Korea Mine Rehabilitation and Mineral Resources Corp="
                      "Korea Mine Rehabilitation and Mineral Resources Corporation"));
  // "factory", "plant" and "facility" of one place name one unlisted site.
  std::vector<EntityDef> extra;
  const std::vector<Mention> first = g.Find("Panasonic opened a battery factory in De Soto, Kansas.", &extra);
  const std::vector<Mention> second = g.Find("The De Soto plant makes cells.", &extra);
  auto site = [&](const std::vector<Mention>& ms) {
    for (const Mention& m : ms) {
      if (EntityOf(g, extra, m.entity).label == "Facility") return m.entity;
    }
    return -1;
  };
  ASSERT_GE(site(first), 0);
  EXPECT_EQ(site(first), site(second));
}

// The shipped gazetteer's companies of the sector: short, Chinese and former names find the
// company; a name that is also a lowercase phrase is the company only with its capitals.
TEST(GazetteerTest, ShippedSectorCompaniesAndTheirPhrases) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  auto names = [&](absl::string_view text) { return Names(g, text); };
  EXPECT_EQ(names("Sigma shipped it."), (std::vector<std::string>{"Sigma=Sigma Lithium"}));
  EXPECT_EQ(names("盛屯矿业"), (std::vector<std::string>{"盛屯矿业=Chengtun Mining"}));
  EXPECT_EQ(names("Efic lent it."), (std::vector<std::string>{"Efic=Export Finance Australia"}));
  EXPECT_EQ(names("Australian Vanadium rose."),
            (std::vector<std::string>{"Australian Vanadium=Australian Vanadium"}));
  for (absl::string_view phrase :
       {"an Arizona lithium mine", "Australian vanadium output", "a standard bank loan",
        "great power competition", "the general dynamics of trade"}) {
    for (const std::string& n : names(phrase)) {
      EXPECT_EQ(n.find("=Arizona Lithium"), std::string::npos) << phrase;
      EXPECT_EQ(n.find("=Australian Vanadium"), std::string::npos) << phrase;
      EXPECT_EQ(n.find("=Standard Bank"), std::string::npos) << phrase;
      EXPECT_EQ(n.find("=Guangzhou Great Power"), std::string::npos) << phrase;
      EXPECT_EQ(n.find("=General Dynamics"), std::string::npos) << phrase;
    }
  }
  // Chinese names of non-Chinese companies, agencies, places and sites.
  EXPECT_EQ(names("伊卢卡资源"), (std::vector<std::string>{"伊卢卡资源=Iluka Resources"}));
  EXPECT_EQ(names("华刚矿业"), (std::vector<std::string>{"华刚矿业=Sicomines"}));
  EXPECT_EQ(names("皮尔甘古拉"), (std::vector<std::string>{"皮尔甘古拉=Pilgangoora project"}));
  EXPECT_EQ(names("北领地"), (std::vector<std::string>{"北领地=Northern Territory"}));
  // Chinese aliases are not read inside common words ("今日立即", "发电装置").
  EXPECT_EQ(names("今日立即生效"), std::vector<std::string>{});
  EXPECT_EQ(names("发电装置"), std::vector<std::string>{});
}

// A description in apposition to a named site ("Base 1, a recycling plant in Covington") is that
// site's, not a second site named after the town.
TEST(GazetteerTest, AnAppositionAfterASiteNamesNoSecondSite) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  for (const std::string& n :
       Labelled(g, "Ascend Elements runs the Base 1 plant, a recycling plant in Covington, Georgia.")) {
    EXPECT_EQ(n.find("Covington"), std::string::npos) << n;
  }
  // Without a site before it the description still names one.
  bool named = false;
  for (const std::string& n : Labelled(g, "Ascend Elements runs a recycling plant in Covington, Georgia.")) {
    named |= n.find("Facility:") == 0;
  }
  EXPECT_TRUE(named);
}

// A common or abstract noun opening a sentence before a verb is no company ("Money is the sore
// point", "Management says …"); an unlisted name there still is ("Kisanfu began …").
TEST(GazetteerTest, ACommonNounOpeningASentenceIsNoName) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_THAT(Labelled(g, "Money is the sore point."), testing::IsEmpty());
  EXPECT_THAT(Labelled(g, "Management says output could triple."), testing::IsEmpty());
  EXPECT_THAT(Labelled(g, "Zanaga has signed a deal."), testing::Contains(testing::HasSubstr("Zanaga")));
}

// A site's name written in capitals from a country's name to its head ("the Zambia Copper
// Smelter") is one facility; a country before a lower-case head stays the country.
TEST(GazetteerTest, ACapitalizedSiteNameMayBeginWithACountry) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_THAT(Labelled(g, "Vedanta runs the Zambia Copper Smelter at Nchanga."),
              testing::Contains("Facility:Zambia Copper smelter"));
  for (const std::string& n : Labelled(g, "It is the China lithium plant of the group.")) {
    EXPECT_EQ(n.find("Facility:"), std::string::npos) << n;
  }
}

// A site named with its head in capitals needs no article ("owns Dalla Mine in Zimbabwe"); a
// longer name, a company in apposition and a town are no such site.
TEST(GazetteerTest, ACapitalizedHeadNamesASiteWithoutAnArticle) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  EXPECT_THAT(Labelled(g, "Acme Mining owns Dalla Mine in Zimbabwe."),
              testing::Contains("Facility:Dalla mine"));
  for (absl::string_view text : {"The plant is run by Nordvik Energy Terminal, a company owned by the state.",
                                 "Less Common Metals is based at Ellesmere Port in England."}) {
    for (const std::string& n : Labelled(g, text)) {
      EXPECT_EQ(n.find("Facility:"), std::string::npos) << text << ": " << n;
    }
  }
}

TEST(GazetteerTest, APluralHeadBeforeAListOfPlacesNamesOneSitePerPlace) {
  const Gazetteer* shipped = ShippedGazetteer();
  ASSERT_NE(shipped, nullptr);
  const Gazetteer& g = *shipped;
  const auto names = Labelled(g, "Acme refines tantalum at plants in Boyertown, Pennsylvania, and Aizu, Japan.");
  EXPECT_THAT(names, testing::Contains("Facility:Boyertown plant"));
  EXPECT_THAT(names, testing::Contains("Facility:Aizu plant"));
  EXPECT_THAT(names, testing::Contains("Country:Japan"));
  // The second of two unknown places after "at" is a place, not a company.
  for (const std::string& n : Labelled(g, "Acme makes silicon at Burghausen and Nunchritz in Germany.")) {
    EXPECT_EQ(n.find("Company:Nunchritz"), std::string::npos) << n;
  }
  // A town in apposition to its country's description is a place too.
  for (const std::string& n :
       Labelled(g, "Acme builds a factory at the southern edge of Debrecen, Hungary's second-largest city.")) {
    EXPECT_EQ(n.find("Company:Debrecen"), std::string::npos) << n;
  }
  // A name that opens a clause after ", and" is no second site.
  for (const std::string& n :
       Labelled(g, "Acme wanted two fabs in Magdeburg, and Berlin had promised subsidies.")) {
    EXPECT_NE(n, "Facility:Berlin fab") << n;
  }
}

// The shipped gazetteer: no name or alias denotes two entities (the first listed would win
// silently), and every country's name is found as that country.
TEST(GazetteerTest, ShippedEntitiesShareNoAlias) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  std::map<std::string, std::set<std::string>> owners;  // shadow key -> entity keys
  for (const EntityDef& e : g->entities()) {
    std::vector<std::string> surfaces = e.aliases;
    if (e.label != "Demonym") surfaces.push_back(e.name);
    for (const std::string& s : surfaces) owners[ShadowKey(s)].insert(e.key);
  }
  for (const auto& [key, entities] : owners) {
    EXPECT_EQ(entities.size(), 1u) << "'" << key << "' names " << absl::StrJoin(entities, ", ");
  }
  // The states and provinces of the main mining countries know their country.
  for (const auto& [region, country] : std::vector<std::pair<std::string, std::string>>{
           {"Western Australia", "Australia"}, {"Quebec", "Canada"}, {"Nevada", "United States"},
           {"江西", "China"}, {"Salta", "Argentina"}, {"Lualaba", "Democratic Republic of Congo"},
           {"Minas Gerais", "Brazil"}, {"Central Sulawesi", "Indonesia"}, {"Antofagasta region", "Chile"}}) {
    const int r = g->Lookup(region);
    ASSERT_GE(r, 0) << region;
    ASSERT_GE(g->RegionCountry(r), 0) << region;
    EXPECT_EQ(g->entities()[g->RegionCountry(r)].name, country) << region;
  }
  for (const EntityDef& e : g->entities()) {
    if (e.label != "Country") continue;
    std::vector<EntityDef> extra;
    std::vector<Mention> m = g->Find(e.name, &extra, false);
    ASSERT_EQ(m.size(), 1u) << e.name;
    EXPECT_FALSE(m[0].demonym) << e.name;
    EXPECT_EQ(g->entities()[m[0].entity].key, e.key) << e.name;
  }
}

TEST(GazetteerTest, AnAmbiguousAliasNamesItsCommodityOnlyInTheTradesContext) {
  // "lead" is the metal beside a quantity, another metal or a word of the trade ("lead prices"), and the verb
  // elsewhere (schema/name_words.txt: ambiguous lead).
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(HasName(*g, "roughly 430,000 tonnes of lead a year", "lead=lead metal"));
  EXPECT_TRUE(HasName(*g, "a smelter of zinc, lead and silver", "lead=lead metal"));
  EXPECT_TRUE(HasName(*g, "lead prices rose", "lead=lead metal"));
  EXPECT_TRUE(HasName(*g, "Lead output fell", "Lead=lead metal"));
  EXPECT_FALSE(HasName(*g, "the deal will lead to more zinc output", "lead=lead metal"));
  EXPECT_FALSE(HasName(*g, "Glencore will lead the consortium", "lead=lead metal"));
  EXPECT_FALSE(HasName(*g, "Lead times for zinc plants are long", "Lead=lead metal"));
}

TEST(GazetteerTest, ABoxLabelOfDescriptorsIsNoSiteName) {
  // "Cathode plant:" and "Planned Debari smelter:" open box lines: the label's capitalized
  // descriptors name no site, the value does.
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(Labelled(*g, "Cathode plant: Schwarzheide, Germany (operator: BASF)"),
              testing::Not(testing::Contains("Facility:Cathode plant")));
  EXPECT_THAT(Labelled(*g, "Planned Debari smelter: 250,000 t a year of new zinc capacity"),
              testing::Contains("Facility:Debari smelter"));
  // A description that goes on with more label words may still name the plant the text described.
  EXPECT_THAT(Labelled(*g, "Battery chemicals plant capacity: 170,000 t of nickel sulphate"),
              testing::Contains(testing::HasSubstr("Facility:")));
}

TEST(GazetteerTest, LatinLettersGluedToAChineseNameBeforeItsBracketsArePartOfIt) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(HasName(*g, "爱科普BM（EcoPro BM）是韩国规模最大的正极材料企业之一。",
                      "爱科普BM（EcoPro BM）=EcoPro BM"));
  EXPECT_TRUE(HasName(*g, "再把这些中间品加工成三元前驱体，供应给LG化学（LG Chem）等正极材料客户。",
                      "LG化学（LG Chem）=LG Chem"));
}

TEST(GazetteerTest, ACopulasDescriptionNamesNoSecondSite) {
  // "X is a lithium mine in Nevada" describes X, as an apposition does; it names no Nevada mine.
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(Labelled(*g, "Thacker Pass is a lithium mine in Nevada."),
              testing::Not(testing::Contains(testing::HasSubstr("Nevada mine"))));
  // Without a site before the copula, the description still names one.
  EXPECT_THAT(Labelled(*g, "Lithium Americas is building a lithium mine in Nevada."),
              testing::Contains(testing::HasSubstr("Nevada mine")));
}

TEST(GazetteerTest, OneCapitalizedWordBetweenAAndAKindOfCompanyNamesNone) {
  // "a Foshan company", "a Detroit carmaker": where the company is, not its name.
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(Labelled(*g, "Brunp, a Foshan company in which it bought a stake, grew."),
              testing::Not(testing::Contains("Company:Foshan")));
  // Two words, or a listed name, still name one.
  EXPECT_THAT(Labelled(*g, "It is a Glencore company."), testing::Contains("Company:Glencore"));
}


TEST(GazetteerTest, AChineseNameBeforeItsBracketsKeepsItsStemAsAnAlias) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // The part before the company words names the company later in the text.
  EXPECT_TRUE(HasName(*g, "利昂镇资源(Liontown Resources)拥有矿山。利昂镇运营的矿山在澳大利亚。",
                      "利昂镇=Liontown Resources"));
  // Not a place and goods: "中国稀土" after 中国稀土集团 is China's rare earths.
  EXPECT_THAT(Labelled(*g, "中国稀土集团(China Rare Earth Group)成立了。中国稀土出口下降。"),
              testing::Contains("Country:China"));
  // A listed name longer than twelve characters before its brackets is read whole.
  EXPECT_TRUE(HasName(*g, "宁德时代通过旗下的四川时代新能源科技有限公司(Sichuan Time)收购了洛阳钼业。",
                      "四川时代新能源科技有限公司(Sichuan Time)=Sichuan Time"));
}

TEST(GazetteerTest, AnExtractionProcessBetweenASitesBracketsAndItsHeadDescribesIt) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "西南阿肯色（South West Arkansas）卤水提锂项目": brine lithium extraction describes the project.
  EXPECT_TRUE(HasName(*g, "标准锂业开发西南阿肯色（South West Arkansas）卤水提锂项目。",
                      "西南阿肯色（South West Arkansas）卤水提锂项目=South West Arkansas project"));
  EXPECT_TRUE(HasName(*g, "标准锂业开发西南阿肯色（South West Arkansas）盐湖提锂项目。",
                      "西南阿肯色（South West Arkansas）盐湖提锂项目=South West Arkansas project"));
}
TEST(GazetteerTest, APluralHeadAfterTheAndAnUnlistedNameNamesOneSite) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "the Pangwa mines": the Pangwa mine, no company named Pangwa.
  EXPECT_TRUE(HasName(*g, "Most of that output comes from the Pangwa mines in Myanmar.",
                      "Pangwa mines=Pangwa mine"));
  EXPECT_THAT(Labelled(*g, "Most of that output comes from the Pangwa mines in Myanmar."),
              testing::Not(testing::Contains("Company:Pangwa")));
}
TEST(GazetteerTest, ACoalMineHeadAfterChineseBracketsNamesAMine) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // 煤矿 is a mine's head after a bracketed Latin name.
  EXPECT_TRUE(HasName(*g, "ICVL收购了莫桑比克本加（Benga）煤矿的股份。", "本加（Benga）煤矿=Benga mine"));
}
TEST(GazetteerTest, SolutionsEndsACompanyName) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "Exide Energy Solutions" is one company, not "Exide Energy" and a stray word.
  EXPECT_TRUE(HasName(*g, "Exide Industries owns Exide Energy Solutions, which builds cells.",
                      "Exide Energy Solutions=Exide Energy Solutions"));
}
TEST(GazetteerTest, AWordBeforeAFigureInsideATransliterationIsPartOfTheName) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // 达 ("reach", before a figure) is part of 印达尔科; the name without its trade word 工业 names
  // the company later.
  const std::string text =
      "另一家印度铝企印达尔科工业公司（Hindalco Industries）则把重心放在海外。"
      "诺贝丽斯（Novelis）是印达尔科的全资子公司。";
  EXPECT_TRUE(HasName(*g, text, "印达尔科工业公司（Hindalco Industries）=Hindalco"));
  EXPECT_TRUE(HasName(*g, text, "印达尔科=Hindalco"));
  // Before a figure it still ends a name: "产能达" is no part of one.
  EXPECT_THAT(Labelled(*g, "该厂产能达12万吨。"), testing::Not(testing::Contains(testing::HasSubstr("Company:"))));
}
TEST(GazetteerTest, ATransliterationAfterAFirmOfTheTradeNamesACompany) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "轧制铝材企业爱励（Aleris）": a rolled-aluminium firm, Aleris.
  EXPECT_TRUE(HasName(*g, "诺贝丽斯完成了对轧制铝材企业爱励（Aleris）的收购。", "爱励（Aleris）=Aleris"));
  // Not a place after a stop word: "企业在肯塔基（Kentucky）".
  EXPECT_THAT(Labelled(*g, "该企业在肯塔基（Kentucky）建厂。"),
              testing::Not(testing::Contains("Company:Kentucky")));
}
TEST(GazetteerTest, AnAcronymMayLeaveOutLimitedAndSkipAnd) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // EESL: Exide Energy Solutions Limited; MECL: Mineral Exploration and Consultancy Ltd.
  EXPECT_TRUE(HasName(*g, "Exide Energy Solutions (EESL) builds cells. Exide put money into EESL.",
                      "EESL=Exide Energy Solutions"));
  EXPECT_TRUE(HasName(*g,
                      "Mineral Exploration and Consultancy Ltd (MECL) owns 30%. MECL explores.",
                      "MECL=Mineral Exploration and Consultancy Ltd"));
  // A place may open a name its acronym spells in full: "Halmahera Persada Lygend (HPL)".
  EXPECT_TRUE(HasName(*g, "Halmahera Persada Lygend (HPL) runs a plant. HPL grew.",
                      "HPL=Halmahera Persada Lygend"));
}
TEST(GazetteerTest, AWordCoordinatedBeforeAGoodSharesItsHead) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "natural and synthetic graphite": natural graphite and synthetic graphite.
  EXPECT_THAT(Names(*g, "Exporters of natural and synthetic graphite need licences."),
              testing::IsSupersetOf({"natural=natural graphite", "synthetic graphite=synthetic graphite"}));
  EXPECT_TRUE(HasName(*g, "It separates light and heavy rare earths.", "light=light rare earths"));
  // Down a list of three: "natural, synthetic and spherical graphite".
  EXPECT_THAT(Names(*g, "It buys natural, synthetic and spherical graphite."),
              testing::IsSupersetOf({"natural=natural graphite", "synthetic=synthetic graphite"}));
  // Only when the word and the head make a listed good: "cheap and synthetic graphite" adds none.
  EXPECT_THAT(Names(*g, "It sells cheap and synthetic graphite."),
              testing::Not(testing::Contains(testing::StartsWith("cheap="))));
}
TEST(GazetteerTest, ATownAndItsStateBetweenCommasNameASite) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "its Henderson, Nevada, plant" is the Henderson plant; the state is part of its mention.
  EXPECT_THAT(Labelled(*g, "Timet stopped producing sponge at its Henderson, Nevada, plant in 2020."),
              testing::Contains("Facility:Henderson plant"));
  // Not without the second comma: "its plant in Henderson, Nevada" places a plant, names none here.
  EXPECT_THAT(Labelled(*g, "The company, based in Reno, Nevada, mines lithium."),
              testing::Not(testing::Contains(testing::StartsWith("Facility:"))));
}
TEST(GazetteerTest, ACommonWordIsAGoodOnlyInTheTradesContext) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "sponge" is titanium sponge before a word of the trade, not in a kitchen.
  EXPECT_TRUE(HasName(*g, "It will raise sponge capacity to 50,000 tonnes.", "sponge=titanium sponge"));
  EXPECT_TRUE(HasName(*g, "Toho is a Japanese sponge maker.", "sponge=titanium sponge"));
  EXPECT_THAT(Names(*g, "He wiped the table with a sponge."),
              testing::Not(testing::Contains(testing::HasSubstr("titanium sponge"))));
}
TEST(GazetteerTest, AStateOfACountryIsItsGovernmentUnlessAPlace) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "The state of West Virginia agreed to lend": the state's government; "a plant in the state of
  // Georgia" and "the U.S. state of Louisiana" are places.
  EXPECT_TRUE(HasName(*g, "The state of West Virginia agreed to lend $50 million.",
                      "state of West Virginia=State of West Virginia"));
  EXPECT_THAT(Names(*g, "Its plant in the state of Georgia opened."),
              testing::Not(testing::Contains(testing::HasSubstr("State of"))));
  EXPECT_THAT(Names(*g, "Syrah runs a plant in the U.S. state of Louisiana."),
              testing::Not(testing::Contains(testing::HasSubstr("State of"))));
}

TEST(GazetteerTest, AnUnlistedTownNamesAPlantAfterItsHead) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // A compass word may open the town ("South Boston"), not a listed region ("North Carolina").
  EXPECT_TRUE(HasName(*g, "Hitachi Energy will build a new transformer factory in South Boston, Virginia.",
                      "new transformer factory in South Boston=South Boston factory"));
  EXPECT_THAT(Names(*g, "Epsilon will build a graphite anode plant in North Carolina, United States."),
              testing::Not(testing::Contains(testing::HasSubstr("North Carolina plant"))));
  // A town's particles are no company: "near the town of Paso de los Toros".
  EXPECT_THAT(Names(*g, "UPM opened a mill near the town of Paso de los Toros in 2023."),
              testing::Not(testing::Contains(testing::HasSubstr("=Toros"))));
}

TEST(GazetteerTest, ChineseSitesAndShortNamesInBrackets) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // A good ending in a head names the site's goods and head at once; ASCII brackets as NFKC
  // leaves them.
  EXPECT_TRUE(HasName(*g, "雅苒在芬兰运营西林耶尔维(Siilinjärvi)磷矿。",
                      "西林耶尔维(Siilinjärvi)磷矿=Siilinjärvi mine"));
  // A full English name with two lower-case words in the brackets.
  EXPECT_TRUE(HasName(*g, "淡水河谷经营苏哈尔球团厂（Sohar pelletizing plant）。",
                      "苏哈尔球团厂（Sohar pelletizing plant）=Sohar pelletizing plant"));
  // 国 of 国际 is no country's: "科罗曼德国际" is Coromandel International, not Germany.
  EXPECT_THAT(Labelled(*g, "科罗曼德国际（Coromandel International）与马阿登签约。"),
              testing::Not(testing::Contains("Country:Germany")));
  // A Chinese short name closing a listed company's Latin name names it later.
  EXPECT_TRUE(HasName(*g, "印度企业与沙特阿拉伯矿业公司（Saudi Arabian Mining Company，简称马阿登）签约。马阿登将供货。",
                      "马阿登=Ma'aden"));
}
TEST(GazetteerTest, ACoordinationEndsASitesDescription) {
  const Gazetteer* g = ShippedGazetteer();
  ASSERT_NE(g, nullptr);
  // "the Kelpra Mine and a plant": the capitalized head is the site's own; "and a" describes no
  // plant, and "Kelpra" is no company.
  EXPECT_THAT(Labelled(*g, "Lunaris owns the Kelpra Mine and a plant."),
              testing::Contains("Facility:Kelpra mine"));
  EXPECT_THAT(Labelled(*g, "Lunaris owns the Kelpra Mine and the Orvath Project in Peru."),
              testing::AllOf(testing::Contains("Facility:Kelpra mine"),
                             testing::Contains("Facility:Orvath project"),
                             testing::Not(testing::Contains("Company:Kelpra"))));
}
}  // namespace
}  // namespace kg::ingest
