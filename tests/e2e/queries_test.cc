// End-to-end tests of `kg query` (SPEC §4): the four example queries on the ingested seed,
// alias resolution, output formats, errors, writes and parameters. Every test runs the real
// binary (KG_BINARY) against its own database in a fresh temporary folder.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/kg_runner.h"

namespace kg_e2e {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;


constexpr char kSuppliesQuery[] =
    "MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name, c.name, r.commodity, r.article";
constexpr char kInvestorsQuery[] =
    "MATCH (i)-[r:INVESTS_IN]->(:Company {name:'MP Materials'}) RETURN i.name, r.amount "
    "ORDER BY r.amount DESC";
constexpr char kPathsQuery[] =
    "MATCH p=(a:Company)-[:SUPPLIES*1..3]->(b:Country {name:'China'}) RETURN p LIMIT 10";
constexpr char kMentionsQuery[] =
    "MATCH (a:Article)-[:MENTIONS]->(e {name:'Pentagon'}) RETURN a.title";

std::string MentionsQuery(const std::string& name) {
  return "MATCH (a:Article)-[:MENTIONS]->(e {name:'" + name + "'}) RETURN a.title";
}

// A numeric JSON value as a double, or NaN.
double Number(const Json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_object() && v.contains("value") && v["value"].is_number()) {
    return v["value"].get<double>();
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// ---------------------------------------------------------------------------------------------
// The four SPEC §4 queries on the seed.

class SeedQueryTest : public KgTest {
 protected:
  void SetUp() override {
    KgTest::SetUp();
    if (HasFatalFailure()) return;
    std::string seed_dir = SeedDir();
    if (seed_dir.empty()) GTEST_SKIP() << "no seed folder at $KG_SOURCE_DIR/../shared/seed";
    seed_ = seed_dir + "/" + kSeedId + ".txt";
    RunResult r = Kg({"ingest", seed_});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
    title_ = FirstNonEmptyLine(ReadFileBytes(seed_));
    ASSERT_FALSE(title_.empty());
  }

  std::string seed_;
  std::string title_;
};

TEST_F(SeedQueryTest, SuppliesIncludesMpMaterialsToChina) {
  Json j = QueryJson(kSuppliesQuery);
  EXPECT_EQ(j["columns"], (Json{"s.name", "c.name", "r.commodity", "r.article"}));
  EXPECT_THAT(j["rows"], Contains(Json{"MP Materials", "China", "rare earth oxide concentrate",
                                       "rare-earth-war"}))
      << j.dump(1);
  for (const Json& row : j["rows"]) EXPECT_EQ(row.size(), 4u) << row.dump();
}

TEST_F(SeedQueryTest, InvestorsInMpMaterialsByAmountDescending) {
  Json j = QueryJson(kInvestorsQuery);
  EXPECT_EQ(j["columns"], (Json{"i.name", "r.amount"}));
  ASSERT_FALSE(j["rows"].empty()) << j.dump(1);
  const Json& first = j["rows"][0];
  ASSERT_EQ(first.size(), 2u) << first.dump();
  EXPECT_EQ(first[0], kDod) << j.dump(1);
  // The amount: 400000000 (the qualifier's value, in USD). Accept the whole {value, unit} map
  // too, but the number must be exact.
  if (first[1].is_object()) {
    EXPECT_EQ(first[1], (Json{{"value", 400000000}, {"unit", "USD"}})) << j.dump(1);
  } else {
    EXPECT_EQ(first[1], Json(400000000)) << j.dump(1);
    EXPECT_TRUE(first[1].is_number_integer()) << j.dump(1);
  }
  for (size_t i = 1; i < j["rows"].size(); ++i) {
    double prev = Number(j["rows"][i - 1][1]), cur = Number(j["rows"][i][1]);
    if (!std::isnan(prev) && !std::isnan(cur)) {
      EXPECT_GE(prev, cur) << j.dump(1);
    }
  }
}

TEST_F(SeedQueryTest, SupplyPathsFromMpMaterialsToChina) {
  Json j = QueryJson(kPathsQuery);
  EXPECT_EQ(j["columns"], (Json{"p"}));
  ASSERT_FALSE(j["rows"].empty()) << j.dump(1);
  EXPECT_LE(j["rows"].size(), 10u);
  bool found = false;
  for (const Json& row : j["rows"]) {
    SCOPED_TRACE(row.dump());
    ASSERT_EQ(row.size(), 1u);
    const Json& p = row[0];
    ASSERT_TRUE(p.is_object() && p.contains("nodes") && p.contains("relationships"));
    const Json& nodes = p["nodes"];
    const Json& rels = p["relationships"];
    ASSERT_TRUE(nodes.is_array() && rels.is_array());
    ASSERT_GE(rels.size(), 1u);
    ASSERT_LE(rels.size(), 3u);
    ASSERT_EQ(nodes.size(), rels.size() + 1);
    for (const Json& n : nodes) {
      ASSERT_TRUE(n.contains("id") && n.contains("labels") && n.contains("properties"));
    }
    EXPECT_THAT(nodes.front()["labels"], Contains("Company"));
    EXPECT_THAT(nodes.back()["labels"], Contains("Country"));
    EXPECT_EQ(nodes.back()["properties"].value("name", ""), "China");
    // In traversal order: relationship i joins node i to node i+1.
    for (size_t i = 0; i < rels.size(); ++i) {
      EXPECT_EQ(rels[i].value("type", ""), "SUPPLIES");
      EXPECT_EQ(rels[i]["start"], nodes[i]["id"]);
      EXPECT_EQ(rels[i]["end"], nodes[i + 1]["id"]);
    }
    if (nodes.front()["properties"].value("name", "") == "MP Materials") found = true;
  }
  EXPECT_TRUE(found) << j.dump(1);
}

TEST_F(SeedQueryTest, ArticleMentioningPentagon) {
  Json j = QueryJson(kMentionsQuery);
  EXPECT_EQ(j["columns"], (Json{"a.title"}));
  EXPECT_EQ(j["rows"], (Json{Json{title_}})) << j.dump(1);
}

TEST_F(SeedQueryTest, NamesResolveThroughAliases) {
  const Json expected = Json{Json{title_}};
  for (const char* name : {"pentagon", "DoD", "U.S. Department of Defense"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(QueryJson(MentionsQuery(name))["rows"], expected);
  }
  // A name that is no alias of anything finds nothing.
  EXPECT_EQ(QueryJson(MentionsQuery("Ministry of Magic"))["rows"], Json::array());
}

TEST_F(SeedQueryTest, TableOutputHasHeader) {
  RunResult r = Kg({"query", kMentionsQuery});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  std::vector<std::string> lines = SplitLines(r.out);
  ASSERT_GE(lines.size(), 2u) << r.out;
  EXPECT_THAT(lines[0], HasSubstr("a.title"));
  EXPECT_THAT(r.out, HasSubstr(title_));

  r = Kg({"query", "--format", "table", kSuppliesQuery});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  lines = SplitLines(r.out);
  ASSERT_FALSE(lines.empty());
  for (const char* column : {"s.name", "c.name", "r.commodity", "r.article"}) {
    EXPECT_THAT(lines[0], HasSubstr(column));
  }
  EXPECT_THAT(r.out, HasSubstr("rare earth oxide concentrate"));
}

TEST_F(SeedQueryTest, CsvOutputHasHeaderAndOneLinePerRow) {
  RunResult r = Kg({"query", "--format", "csv", kMentionsQuery});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  std::vector<std::string> lines = SplitLines(r.out);
  for (std::string& l : lines) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"a.title", title_})) << r.out;

  r = Kg({"query", "--format", "csv", kSuppliesQuery});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  lines = SplitLines(r.out);
  for (std::string& l : lines) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
  }
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "s.name,c.name,r.commodity,r.article");
  EXPECT_THAT(lines, Contains("MP Materials,China,rare earth oxide concentrate,rare-earth-war"))
      << r.out;
  EXPECT_EQ(lines.size(), QueryJson(kSuppliesQuery)["rows"].size() + 1) << r.out;
}

TEST_F(SeedQueryTest, ClaimPropertiesCarryProvenance) {
  Json j = QueryJson(
      "MATCH (:Government {name:'Pentagon'})-[r:INVESTS_IN]->(c:Company) "
      "RETURN c.name, r.article, r.citations, r.section, r.sentence");
  ASSERT_EQ(j["rows"].size(), 1u) << j.dump(1);
  const Json& row = j["rows"][0];
  EXPECT_EQ(row[0], "MP Materials");
  EXPECT_EQ(row[1], kSeedId);
  EXPECT_EQ(row[2], Json::array({3}));
  EXPECT_EQ(row[3], "Group 1: U.S. Investments and Developments");
  EXPECT_THAT(row[4].get<std::string>(), HasSubstr("has invested $400 million in MP Materials"));
}

TEST_F(SeedQueryTest, QueriesDoNotChangeTheGraph) {
  RunResult before = Kg({"export", "--format", "jsonl"});
  ASSERT_EQ(before.exit_code, 0);
  for (const char* q : {kSuppliesQuery, kInvestorsQuery, kPathsQuery, kMentionsQuery}) {
    QueryJson(q);
  }
  EXPECT_EQ(Kg({"export", "--format", "jsonl"}).out, before.out);
}

// ---------------------------------------------------------------------------------------------
// Queries that need no seed.

using QueryTest = KgTest;

TEST_F(QueryTest, SyntaxErrorExits1WithPosition) {
  RunResult r = Kg({"query", "MATCH (n RETURN n"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.signal, 0) << Describe(r);
  EXPECT_THAT(r.err, StartsWith("error: SyntaxError")) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("line 1, column")) << Describe(r);
  EXPECT_EQ(r.out, "") << Describe(r);
}

TEST_F(QueryTest, UndefinedVariableNamesTheDetailCode) {
  RunResult r = Kg({"query", "MATCH (n) RETURN m"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, StartsWith("error: SyntaxError (UndefinedVariable)")) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("line 1, column 18")) << Describe(r);
}

TEST_F(QueryTest, MalformedQueriesNeverCrash) {
  for (const char* q : {"", "   ", "MATCH", "RETURN 1 +", "MATCH (a)-[r:]->(b) RETURN a",
                        "MATCH (a {name:'unterminated}) RETURN a", "RETURN [1, 2", "))))((((",
                        "MATCH (a)-[*..]->(b) RETURN", "CREATE (a:X {v: 1}) DELETE", "RETURN $",
                        "RETURN 1 AS a UNION RETURN 'x' AS b", "\xff\xfe RETURN 1"}) {
    RunResult r = Kg({"query", q});
    EXPECT_EQ(r.signal, 0) << "query: " << q << "\n" << Describe(r);
    EXPECT_EQ(r.exit_code, 1) << "query: " << q << "\n" << Describe(r);
    EXPECT_THAT(r.err, StartsWith("error: ")) << "query: " << q << "\n" << Describe(r);
  }
}

TEST_F(QueryTest, DatabaseFolderIsCreatedIfMissing) {
  db_ = dir_ + "/new/nested/db";
  Json j = QueryJson("RETURN 1 AS one");
  EXPECT_EQ(j["rows"], (Json{Json{1}}));
  EXPECT_TRUE(std::filesystem::is_directory(db_));
}

TEST_F(QueryTest, ColumnsKeepTheProjectionText) {
  Json j = QueryJson("RETURN cOuNt( * ), 1 + 2 AS three, 'x'");
  EXPECT_EQ(j["columns"], (Json{"cOuNt( * )", "three", "'x'"}));
  EXPECT_EQ(j["rows"], (Json{Json{1, 3, "x"}}));
}

TEST_F(QueryTest, WritesPersistAndReportStats) {
  Json j = QueryJson(
      "CREATE (:Company {name:'Acme Metals', size: 3})-[:SUPPLIES {commodity:'NdPr "
      "oxide'}]->(:Country {name:'Japan'})");
  EXPECT_EQ(j["columns"], Json::array());
  EXPECT_EQ(j["rows"], Json::array());
  ASSERT_TRUE(j.contains("stats")) << j.dump();
  EXPECT_EQ(j["stats"].value("+nodes", -1), 2) << j.dump();
  EXPECT_EQ(j["stats"].value("+relationships", -1), 1) << j.dump();
  EXPECT_EQ(j["stats"].value("+labels", -1), 2) << j.dump();
  EXPECT_EQ(j["stats"].value("+properties", -1), 4) << j.dump();

  // A second process sees the write.
  j = QueryJson("MATCH (s:Company)-[r:SUPPLIES]->(c) RETURN s.name, s.size, r.commodity, c.name");
  EXPECT_EQ(j["rows"], (Json{Json{"Acme Metals", 3, "NdPr oxide", "Japan"}})) << j.dump();

  j = QueryJson("MATCH (s:Company {name:'Acme Metals'}) SET s.size = 4 RETURN s.size");
  EXPECT_EQ(j["rows"], (Json{Json{4}}));
  EXPECT_EQ(j["stats"].value("+properties", -1), 1) << j.dump();

  j = QueryJson("MATCH (n) DETACH DELETE n");
  EXPECT_EQ(j["stats"].value("-nodes", -1), 2) << j.dump();
  EXPECT_EQ(j["stats"].value("-relationships", -1), 1) << j.dump();
  EXPECT_EQ(QueryJson("MATCH (n) RETURN count(n) AS c")["rows"], (Json{Json{0}}));
}

TEST_F(QueryTest, ParametersAndNumberFormatting) {
  RunResult r = Kg({"query", "--format", "json", "--param", "x=1.5", "--param", "n=3", "--param",
                    "s=\"a=b\"", "--param", "f=2.0",
                    "RETURN $x AS x, $n AS n, $s AS s, $f AS f, 1.0 AS one, "
                    "9007199254740993 AS big"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  Json j = Json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_EQ(j["rows"].size(), 1u) << r.out;
  const Json& row = j["rows"][0];
  EXPECT_TRUE(row[0].is_number_float() && row[0].get<double>() == 1.5) << r.out;
  EXPECT_TRUE(row[1].is_number_integer() && row[1].get<int64_t>() == 3) << r.out;
  EXPECT_EQ(row[2], "a=b") << r.out;
  EXPECT_TRUE(row[3].is_number_float() && row[3].get<double>() == 2.0) << r.out;
  EXPECT_TRUE(row[4].is_number_float()) << "1.0 must print as a float: " << r.out;
  EXPECT_TRUE(row[5].is_number_integer()) << r.out;
  if (row[5].is_number_integer()) {
    EXPECT_EQ(row[5].get<int64_t>(), 9007199254740993) << r.out;
  }

  r = Kg({"query", "RETURN $missing AS m"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, StartsWith("error: ParameterMissing")) << Describe(r);
}

TEST_F(QueryTest, QueryFromFileAndStdin) {
  std::string file = Write("q.cypher", "RETURN 'from file' AS src\n");
  Json j = Json::parse(Kg({"query", "--format", "json", "-f", file}).out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["rows"], (Json{Json{"from file"}}));

  RunResult r = Kg({"query", "--format", "json", "-"}, "RETURN 'from stdin' AS src");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  j = Json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["rows"], (Json{Json{"from stdin"}}));

  r = Kg({"query", "-f", dir_ + "/missing.cypher"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("missing.cypher"));
}

TEST_F(QueryTest, OwnArticleIsQueryableAfterIngest) {
  std::string path = Write("in/lynas-deal.txt",
                           "Lynas expands in Japan\n\nLynas Rare Earths supplies NdPr oxide to "
                           "Japan. The Pentagon has invested $120 million in Lynas Rare "
                           "Earths.\n");
  RunResult r = Kg({"ingest", path});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  Json j = QueryJson(kSuppliesQuery);
  EXPECT_THAT(j["rows"], Contains(Json{"Lynas Rare Earths", "Japan", "NdPr oxide", "lynas-deal"}))
      << j.dump(1);
  j = QueryJson(MentionsQuery("DoD"));
  EXPECT_EQ(j["rows"], (Json{Json{"Lynas expands in Japan"}})) << j.dump(1);

  // After an edit, the old claims are gone from query results too.
  WriteFileBytes(path,
                 "Lynas expands in Japan\n\nThe Pentagon has invested $258 million in Lynas "
                 "Rare Earths.\n");
  r = Kg({"ingest", path});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(QueryJson(kSuppliesQuery)["rows"], Json::array());
  EXPECT_EQ(QueryJson(MentionsQuery("NdPr oxide"))["rows"], Json::array())
      << "the edited article no longer mentions NdPr oxide";
  EXPECT_EQ(QueryJson("MATCH (a:Article) RETURN a.title")["rows"],
            (Json{Json{"Lynas expands in Japan"}}));
  j = QueryJson(
      "MATCH (i)-[r:INVESTS_IN]->(:Company {name:'Lynas Rare Earths'}) RETURN i.name, r.amount");
  ASSERT_EQ(j["rows"].size(), 1u) << j.dump(1);
  EXPECT_EQ(j["rows"][0][0], kDod);
  EXPECT_EQ(Number(j["rows"][0][1]), 258000000.0) << j.dump(1);
}

}  // namespace
}  // namespace kg_e2e
