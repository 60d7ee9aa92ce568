// Analyst questions on the project corpus (corpus/ plus the seed), asked through `kg query`
// the way an analyst would: who supplies whom, supply chains, investment totals, claims per
// source, lenders, stakes, export restrictions, provenance, plans, and the shell. The corpus
// is ingested once; each question checks facts the corpus states.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/kg_runner.h"

namespace kg_e2e {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class AnalystTest : public KgTest {
 protected:
  void SetUp() override {
    KgTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string corpus = EnvOr("KG_SOURCE_DIR", "") + "/corpus";
    const std::string seed = SeedDir();
    if (seed.empty()) GTEST_SKIP() << "no seed folder at $KG_SOURCE_DIR/../shared/seed";
    RunResult r = Kg({"ingest", corpus, seed});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
  }
  Json Rows(const std::string& q) { return QueryJson(q)["rows"]; }
};

TEST_F(AnalystTest, Questions) {
  {
    SCOPED_TRACE("1. who supplies whom, with what");
    Json rows = Rows("MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name, c.name, r.commodity");
    EXPECT_THAT(rows, Contains(Json{"MP Materials", "China", "rare earth oxide concentrate"}));
    EXPECT_THAT(rows, Contains(Json{"Lynas Rare Earths", "Noveon Magnetics",
                                    "separated rare earth oxides"}));
  }
  {
    SCOPED_TRACE("2. who supplies a given customer (through an alias-free name)");
    Json rows = Rows("MATCH (s)-[:SUPPLIES]->(:Company {name: 'Ganfeng Lithium'}) "
                     "RETURN s.name");
    EXPECT_EQ(rows, (Json{{"Pilbara Minerals"}}));
  }
  {
    SCOPED_TRACE("3. two-hop supply chains");
    Json rows = Rows("MATCH (a)-[:SUPPLIES]->(b)-[:SUPPLIES]->(c) RETURN a.name, b.name, c.name");
    EXPECT_THAT(rows, Contains(Json{"Baotou Steel", "China Northern Rare Earth",
                                    "JL Mag Rare-Earth"}));
  }
  {
    SCOPED_TRACE("4. supply chains of up to two hops into a country");
    Json rows = Rows("MATCH p = (a)-[:SUPPLIES*1..2]->(:Country {name: 'China'}) "
                     "RETURN a.name, length(p)");
    EXPECT_THAT(rows, Contains(Json{"MP Materials", 1}));
  }
  {
    SCOPED_TRACE("5. total investment per company");
    Json rows = Rows("MATCH ()-[r:INVESTS_IN]->(c:Company) WHERE r.amount IS NOT NULL "
                     "RETURN c.name AS company, sum(r.amount) AS total ORDER BY total DESC");
    EXPECT_THAT(rows, Contains(Json{"Albemarle", 240000000}));
    for (size_t i = 1; i < rows.size(); ++i) {
      EXPECT_GE(rows[i - 1][1].get<double>(), rows[i][1].get<double>()) << rows.dump();
    }
  }
  {
    SCOPED_TRACE("6. claims per source article");
    Json rows = Rows("MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' AND r.article IS NOT NULL "
                     "RETURN r.article AS source, count(*) AS claims ORDER BY claims DESC");
    ASSERT_FALSE(rows.empty());
    int64_t total = 0;
    bool seed_found = false;
    for (const Json& row : rows) {
      total += row[1].get<int64_t>();
      seed_found = seed_found || row[0] == kSeedId;
    }
    EXPECT_TRUE(seed_found) << rows.dump();
    // The per-source counts add up to the number of exported claims.
    EXPECT_EQ(total, static_cast<int64_t>(ExportClaims().size()));
  }
  {
    SCOPED_TRACE("7. the largest lenders");
    Json rows = Rows("MATCH (l)-[r:LENDS_TO]->(b) RETURN l.name, b.name, r.amount "
                     "ORDER BY r.amount DESC LIMIT 40");
    EXPECT_THAT(rows, Contains(Json{"Office of Strategic Capital", "Vulcan Elements", 620000000}));
    for (size_t i = 1; i < rows.size(); ++i) {
      EXPECT_GE(rows[i - 1][2].get<double>(), rows[i][2].get<double>()) << rows.dump();
    }
  }
  {
    SCOPED_TRACE("8. who holds stakes in MP Materials (Pentagon through its alias)");
    Json rows = Rows("MATCH (h {name: 'Pentagon'})-[r:HOLDS_STAKE]->(c {name: 'MP Materials'}) "
                     "RETURN h.name, r.percent");
    // The Pentagon's 15% of MP Materials; the 49% it shares with MP in the Saudi joint venture
    // is a stake in that venture, not in MP Materials.
    EXPECT_THAT(rows, Contains(Json{kDod, 15}));
    EXPECT_THAT(rows, Not(Contains(Json{kDod, 49})));
  }
  {
    SCOPED_TRACE("9. which commodities China restricts");
    Json rows = Rows("MATCH (g)-[:RESTRICTS_EXPORT]->(m) RETURN DISTINCT m.name ORDER BY m.name");
    EXPECT_THAT(rows, Contains(Json{"gallium"}));
    EXPECT_THAT(rows, Contains(Json{"germanium"}));
  }
  {
    SCOPED_TRACE("10. where facilities are");
    Json rows = Rows("MATCH (f)-[:LOCATED_IN]->(c:Country) RETURN f.name, c.name");
    EXPECT_THAT(rows, Contains(Json{"Mountain Pass mine", "United States"}));
  }
  {
    SCOPED_TRACE("11. provenance of a claim: sentence and citations");
    Json rows = Rows("MATCH (:Government {name: 'Pentagon'})-[r:INVESTS_IN]->"
                     "(:Company {name: 'MP Materials'}) WHERE r.article = 'rare-earth-war' "
                     "RETURN r.amount, r.sentence, r.citations");
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0][0], 400000000);
    EXPECT_THAT(rows[0][1].get<std::string>(), HasSubstr("MP Materials"));
    EXPECT_TRUE(rows[0][2].is_array());
  }
  {
    SCOPED_TRACE("12. companies mentioned by the most articles");
    Json rows = Rows("MATCH (a:Article)-[:MENTIONS]->(c:Company) RETURN c.name AS company, "
                     "count(DISTINCT a) AS articles ORDER BY articles DESC, company LIMIT 5");
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_THAT(rows, Contains(testing::ElementsAre("MP Materials", testing::_)));
  }
  {
    SCOPED_TRACE("13. EXPLAIN shows the alias index as the anchor");
    Json rows = Rows("EXPLAIN MATCH (i)-[r:INVESTS_IN]->(:Company {name:'MP Materials'}) "
                     "RETURN i.name");
    ASSERT_FALSE(rows.empty());
    EXPECT_THAT(rows[0][1].get<std::string>(), HasSubstr("by name/alias index"));
  }
  {
    SCOPED_TRACE("14. the interactive shell, scripted");
    RunResult r = Kg({"query"}, ":schema\nMATCH (s)-[:SUPPLIES]->(:Country {name: 'China'})\n"
                                "RETURN s.name;\nRETURN nope;\n:quit\n");
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    EXPECT_THAT(r.out, HasSubstr("'SUPPLIES'"));
    EXPECT_THAT(r.out, HasSubstr("'MP Materials'"));
    EXPECT_THAT(r.out, HasSubstr("error: SyntaxError (UndefinedVariable)"));
  }
}

}  // namespace
}  // namespace kg_e2e
