// Manual facts through the query engine (query/README.md, "Manual facts"): what a write query
// creates or changes is marked manual, reads as `source = 'manual'` without showing up in the
// property map, is exported with a manual source, and survives replacement of its article.
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "query/export.h"
#include "query/query.h"
#include "tests/query/query_test_util.h"

namespace kg::query {
namespace {

using ::kg::query::testing::StoreFixture;

// `head` (a write's JSON up to its stats) + the stats: the given counters, the others 0.
std::string WithStats(const std::string& head,
                      std::initializer_list<std::pair<std::string, int>> nonzero) {
  std::string out = head + "\"stats\":{";
  for (const char* k : {"+nodes", "-nodes", "+relationships", "-relationships", "+labels",
                        "-labels", "+properties", "-properties"}) {
    int n = 0;
    for (const auto& [key, v] : nonzero) n = key == k ? v : n;
    out += (out.back() == '{' ? "\"" : ",\"") + std::string(k) + "\":" + std::to_string(n);
  }
  return out + "}}";
}

// One ingested article: MP Materials supplies Apple (an extracted claim).
ArticleRecord Article(const std::string& hash, bool names_apple) {
  ArticleRecord a;
  a.id = "magnets";
  a.content_hash = hash;
  a.props = {{"id", Value("magnets")}, {"title", Value("Magnets")}};
  a.entities = {{"Company:mp", "Company", "MP Materials", {}},
                {"Country:us", "Country", "United States", {"U.S."}}};
  a.mentions = {"Company:mp", "Country:us"};
  if (names_apple) {
    a.entities.push_back({"Company:apple", "Company", "Apple", {}});
    a.mentions.push_back("Company:apple");
    ClaimRecord c;
    c.type = "SUPPLIES";
    c.subject_key = "Company:mp";
    c.object_key = "Company:apple";
    c.props = {{"id", Value("c1")},          {"article", Value("magnets")},
               {"sentence", Value("MP Materials supplies Apple.")},
               {"commodity", Value("magnets")}, {"rule", Value("supply.basic")}};
    a.claims.push_back(c);
  }
  return a;
}

class ManualTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    Ingest(Article("h1", true));
  }
  void Ingest(const ArticleRecord& a) {
    std::unique_ptr<Txn> txn = store_->Begin();
    ASSERT_TRUE(txn->ReplaceArticle(a).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  std::string Export() {
    std::ostringstream out;
    EXPECT_TRUE(ExportClaims(*store_, out).ok());
    return out.str();
  }
};

TEST_F(ManualTest, CreatedFactsReadSourceManualOutsideThePropertyMap) {
  EXPECT_EQ(Q("MATCH (a {name: 'United States'}), (b {name: 'MP Materials'}) "
              "CREATE (a)-[r:INVESTS_IN {amount: 400000000}]->(b) "
              "RETURN r.source, properties(r), keys(r), a.source"),
            WithStats(R"j({"columns":["r.source","properties(r)","keys(r)","a.source"],)j"
                      R"j("rows":[["manual",{"amount":400000000},["amount"],null]],)j",
                      {{"+relationships", 1}, {"+properties", 1}}));
  // Queried and audited like an extracted claim; extracted ones read null.
  EXPECT_EQ(Q("MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONS' "
              "RETURN a.name, type(r), b.name, r.source, r.article ORDER BY type(r)"),
            R"j({"columns":["a.name","type(r)","b.name","r.source","r.article"],"rows":[)j"
            R"j(["United States","INVESTS_IN","MP Materials","manual",null],)j"
            R"j(["MP Materials","SUPPLIES","Apple",null,"magnets"]],"stats":{}})j");
  EXPECT_EQ(Q("MATCH (a)-[r {source: 'manual'}]->(b) RETURN a.name, b.name"),
            R"j({"columns":["a.name","b.name"],"rows":[["United States","MP Materials"]],)j"
            R"j("stats":{}})j");
  EXPECT_EQ(Q("CREATE (n:Note {text: 'x'}) RETURN n.source, labels(n), properties(n)"),
            WithStats(R"j({"columns":["n.source","labels(n)","properties(n)"],)j"
                      R"j("rows":[["manual",["Note"],{"text":"x"}]],)j",
                      {{"+nodes", 1}, {"+labels", 1}, {"+properties", 1}}));
  // A source property of its own wins.
  EXPECT_EQ(Q("CREATE (n:Note {source: 'Reuters'}) RETURN n.source"),
            WithStats(R"j({"columns":["n.source"],"rows":[["Reuters"]],)j",
                      {{"+nodes", 1}, {"+properties", 1}}));
  EXPECT_EQ(Q("MATCH (n:Note {source: 'manual'}) RETURN count(n)"),
            R"j({"columns":["count(n)"],"rows":[[1]],"stats":{}})j");
}

TEST_F(ManualTest, CorrectionsMarkOnlyWhatChanged) {
  Exec("MATCH ()-[r:SUPPLIES]->() SET r.commodity = 'magnets'");  // The same value.
  Exec("MATCH (n:Country) SET n:Place");
  EXPECT_EQ(Q("MATCH (a)-[r:SUPPLIES]->(c) RETURN r.source, a.source, c.source"),
            R"j({"columns":["r.source","a.source","c.source"],"rows":[[null,null,null]],)j"
            R"j("stats":{}})j");
  EXPECT_EQ(Q("MATCH (n:Place) RETURN n.source"),
            R"j({"columns":["n.source"],"rows":[["manual"]],"stats":{}})j");
  EXPECT_EQ(Q("MATCH ()-[r:SUPPLIES]->() SET r.percent = 30 RETURN r.source"),
            WithStats(R"j({"columns":["r.source"],"rows":[["manual"]],)j",
                      {{"+properties", 1}}));
  EXPECT_EQ(Q("MERGE (n:Company {name: 'MP Materials'}) ON MATCH SET n.ticker = 'MP' "
              "RETURN n.source"),
            WithStats(R"j({"columns":["n.source"],"rows":[["manual"]],)j",
                      {{"+properties", 1}}));
}

TEST_F(ManualTest, ManualFactsSurviveReplacementOfTheirArticle) {
  Exec("MATCH (a {name: 'Apple'}), (b {name: 'United States'}) "
       "CREATE (a)-[:LOCATED_IN {note: 'hand'}]->(b)");
  Exec("MATCH ()-[r:SUPPLIES]->() SET r.percent = 30");
  // The new version no longer names Apple, and its supply claim is gone.
  Ingest(Article("h2", false));
  EXPECT_EQ(Q("MATCH (a)-[r]->(b) WHERE r.source = 'manual' "
              "RETURN a.name, type(r), b.name, r.percent, r.note ORDER BY type(r)"),
            R"j({"columns":["a.name","type(r)","b.name","r.percent","r.note"],"rows":[)j"
            R"j(["Apple","LOCATED_IN","United States",null,"hand"],)j"
            R"j(["MP Materials","SUPPLIES","Apple",30,null]],"stats":{}})j");
  // Both are exported as manual claims; the corrected one keeps its article and rule.
  EXPECT_EQ(Export(),
            R"j({"id":"r5","type":"LOCATED_IN",)j"
            R"j("subject":{"id":"Company:apple","name":"Apple","label":"Company"},)j"
            R"j("object":{"id":"Country:us","name":"United States","label":"Country"},)j"
            R"j("qualifiers":{"note":"hand"},"source":{"article":"(manual)","section":null,)j"
            R"j("sentence":null,"span":null,"citations":[],"manual":true},"rule":"manual"})j"
            "\n"
            R"j({"id":"c1","type":"SUPPLIES",)j"
            R"j("subject":{"id":"Company:mp","name":"MP Materials","label":"Company"},)j"
            R"j("object":{"id":"Company:apple","name":"Apple","label":"Company"},)j"
            R"j("qualifiers":{"commodity":"magnets","percent":30},)j"
            R"j("source":{"article":"magnets","section":null,)j"
            R"j("sentence":"MP Materials supplies Apple.","span":null,"citations":[],)j"
            R"j("manual":true},"rule":"supply.basic"})j"
            "\n");
}

TEST_F(ManualTest, DetachDeleteOfAManualNode) {
  Exec("MATCH (mp {name: 'MP Materials'}) "
       "CREATE (n:Note {text: 'check the 10-K'})-[:ABOUT]->(mp)");
  EXPECT_EQ(Q("MATCH (n:Note) DETACH DELETE n"),
            WithStats(R"j({"columns":[],"rows":[],)j",
                      {{"-nodes", 1}, {"-relationships", 1}, {"-labels", 1}, {"-properties", 1}}));
  EXPECT_EQ(Q("MATCH (n) WHERE n.source = 'manual' RETURN count(n)"),
            R"j({"columns":["count(n)"],"rows":[[0]],"stats":{}})j");
  EXPECT_EQ(Q("MATCH (mp {name: 'MP Materials'})--(x) RETURN count(mp)"),
            R"j({"columns":["count(mp)"],"rows":[[2]],"stats":{}})j");  // Article and Apple.
}

}  // namespace
}  // namespace kg::query
