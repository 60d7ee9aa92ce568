// EXPLAIN (plan without running) and PROFILE (rows and time per clause): the anchor the
// planner picks, that EXPLAIN writes nothing, and that PROFILE counts each clause's rows.
#include "gtest/gtest.h"
#include "tests/query/query_test_util.h"

namespace kg::query::testing {
namespace {

class ExplainTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    Exec("CREATE (:Company {name: 'A'})-[:SUPPLIES]->(:Company {name: 'B'})"
         "-[:SUPPLIES]->(:Country {name: 'China'})");
  }
  QueryResult Ok(const std::string& q) {
    QueryOutcome r = kg::query::Run(*store_, q, {});
    EXPECT_TRUE(r.ok()) << q << "\n" << (r.ok() ? "" : FormatError(r.error()));
    return r.ok() ? r.value() : QueryResult();
  }
};

TEST_F(ExplainTest, AnchorsOnTheMostSelectiveNode) {
  QueryResult r = Ok("EXPLAIN MATCH (a:Company)-[:SUPPLIES]->(b:Country {name: 'China'}) RETURN a");
  ASSERT_EQ(r.columns, (std::vector<std::string>{"operator", "details"}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0].as_string(), "MATCH");
  EXPECT_EQ(r.rows[0][1].as_string(),
            "anchor (b:Country) by name/alias index; expand backwards [:SUPPLIES] to (a:Company)");
  r = Ok("explain MATCH (a)-[:SUPPLIES]->(b:Country) RETURN a");
  EXPECT_EQ(r.rows[0][1].as_string(), "anchor (b:Country) by label index; expand backwards "
                                      "[:SUPPLIES] to (a)");
  r = Ok("EXPLAIN MATCH (a) WITH a MATCH (a)-[:SUPPLIES]->(b) RETURN b");
  EXPECT_EQ(r.rows[2][1].as_string(), "anchor (a) by bound; expand [:SUPPLIES] to (b)");
}

TEST_F(ExplainTest, ExplainDoesNotWrite) {
  Ok("EXPLAIN CREATE (:Tmp)");
  QueryResult r = Ok("MATCH (n:Tmp) RETURN count(n) AS n");
  EXPECT_EQ(r.rows[0][0].as_int(), 0);
}

TEST_F(ExplainTest, ProfileCountsRowsPerClause) {
  QueryResult r = Ok("PROFILE MATCH (a:Company)-[:SUPPLIES]->(b) RETURN b.name LIMIT 1");
  ASSERT_EQ(r.columns, (std::vector<std::string>{"operator", "details", "rows", "time_ms"}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][2].as_int(), 1);  // the MATCH stops once LIMIT is satisfied
  EXPECT_EQ(r.rows[1][2].as_int(), 1);
  EXPECT_GE(r.rows[0][3].as_double(), 0.0);
  r = Ok("PROFILE MATCH (a:Company) RETURN a.name");
  EXPECT_EQ(r.rows[0][2].as_int(), 2);
}

TEST_F(ExplainTest, ErrorsKeepTheirPositions) {
  QueryOutcome r = kg::query::Run(*store_, "EXPLAIN MATCH (n RETURN n", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, "SyntaxError");
  EXPECT_EQ(r.error().column, 18);
}

}  // namespace
}  // namespace kg::query::testing
