// Variable-length patterns: trail semantics, bounds, the max_hops cap and its warning,
// budgets (max_rows, timeout), and robustness on hostile input.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "query/query.h"
#include "tests/query/query_test_util.h"

namespace kg::query {
namespace {

using ::kg::query::testing::StoreFixture;

class VarLengthTest : public StoreFixture {};

TEST_F(VarLengthTest, TrailsNeverReuseARelationship) {
  // A triangle a->b->c->a plus a self-loop on a.
  Exec("CREATE (a:N {k: 'a'})-[:E]->(b:N {k: 'b'})-[:E]->(c:N {k: 'c'})-[:E]->(a), "
       "(a)-[:E]->(a)");
  // Directed trails from a: lengths 1..4 (loop, ab, abc, abca, loop+ab...).
  EXPECT_EQ(Q("MATCH p = (a:N {k: 'a'})-[:E*]->(x) RETURN length(p) AS l, count(*) AS n "
              "ORDER BY l"),
            R"j({"columns":["l","n"],"rows":[[1,2],[2,2],[3,2],[4,2]],"stats":{}})j");
  // Undirected, exactly 3 hops, from a back to a.
  EXPECT_EQ(Q("MATCH (a:N {k: 'a'})-[:E*3]-(a) RETURN count(*) AS n"),
            R"j({"columns":["n"],"rows":[[2]],"stats":{}})j");
  // Zero-length: the node itself.
  EXPECT_EQ(Q("MATCH p = (a:N {k: 'b'})-[*0..1]->(x) RETURN x.k, length(p) ORDER BY x.k"),
            R"j({"columns":["x.k","length(p)"],"rows":[["b",0],["c",1]],"stats":{}})j");
  // `r` of a variable-length segment is a list of relationships.
  EXPECT_EQ(Q("MATCH (a:N {k: 'b'})-[r:E*2]->(x) RETURN size(r), x.k"),
            R"j({"columns":["size(r)","x.k"],"rows":[[2,"a"]],"stats":{}})j");
  // Empty range.
  EXPECT_EQ(Q("MATCH (a:N {k: 'a'})-[:E*3..2]->(x) RETURN count(*) AS n"),
            R"j({"columns":["n"],"rows":[[0]],"stats":{}})j");
  // Relationship uniqueness across the parts of one MATCH.
  EXPECT_EQ(Q("MATCH (a:N {k: 'a'})-[r1:E]->(b:N {k: 'b'}), (a)-[r2:E]->(b) RETURN count(*) AS n"),
            R"j({"columns":["n"],"rows":[[0]],"stats":{}})j");
}

TEST_F(VarLengthTest, LongTrailsStillNeverReuseARelationship) {
  // A directed ring of 24 nodes: from any node a trail goes round once (24 hops, back to the
  // start) and no further, past the length at which the matcher's set of used relationships
  // changes representation (16).
  Exec("UNWIND range(0, 23) AS i CREATE (:Ring {i: i})");
  Exec("MATCH (a:Ring), (b:Ring) WHERE b.i = (a.i + 1) % 24 CREATE (a)-[:R]->(b)");
  EXPECT_EQ(Q("MATCH p = (a:Ring {i: 0})-[:R*..40]->(x) RETURN max(length(p)) AS l, count(*) AS n"),
            R"j({"columns":["l","n"],"rows":[[24,24]],"stats":{}})j");
  // Undirected: each direction round once, and every shorter trail on the way.
  EXPECT_EQ(Q("MATCH p = (a:Ring {i: 0})-[:R*..40]-(x) RETURN max(length(p)) AS l, count(*) AS n"),
            R"j({"columns":["l","n"],"rows":[[24,48]],"stats":{}})j");
}

TEST_F(VarLengthTest, BoundsInPatternOrder) {
  Exec("CREATE (:C {i: 0})-[:NEXT]->(:C {i: 1})-[:NEXT]->(:C {i: 2})-[:NEXT]->(:C {i: 3})");
  EXPECT_EQ(Q("MATCH p = (s:C)-[:NEXT*2..]->(e:C {i: 3}) "
              "RETURN [n IN nodes(p) | n.i] AS ns ORDER BY ns"),
            R"j({"columns":["ns"],"rows":[[[0,1,2,3]],[[1,2,3]]],"stats":{}})j");
  EXPECT_EQ(Q("MATCH p = (e:C {i: 3})<-[:NEXT*..2]-(s) RETURN [n IN nodes(p) | n.i] AS ns ORDER BY ns"),
            R"j({"columns":["ns"],"rows":[[[3,2]],[[3,2,1]]],"stats":{}})j");
  // A path anchored at its end is still returned in pattern order.
  EXPECT_EQ(Q("MATCH p = (s)-[:NEXT*]->(e:C {i: 3}) WHERE s.i = 0 "
              "RETURN [n IN nodes(p) | n.i] AS ns, [r IN relationships(p) | type(r)] AS ts"),
            R"j({"columns":["ns","ts"],"rows":[[[0,1,2,3],["NEXT","NEXT","NEXT"]]],"stats":{}})j");
}

TEST_F(VarLengthTest, UnboundedIsCappedByMaxHopsWithAWarning) {
  Exec("UNWIND range(0, 29) AS i CREATE (:Chain {i: i})");
  Exec("MATCH (a:Chain), (b:Chain) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT]->(b)");
  QueryOptions o;
  o.max_hops = 5;
  QueryOutcome r = kg::query::Run(*store_,
                                  "MATCH (a:Chain {i: 0})-[:NEXT*]->(b) RETURN max(b.i) AS far", o);
  ASSERT_TRUE(r.ok()) << FormatError(r.error());
  EXPECT_EQ(r.value().rows[0][0], QValue(int64_t{5}));
  ASSERT_EQ(r.value().warnings.size(), 1u);
  EXPECT_NE(r.value().warnings[0].find("capped at 5 hops"), std::string::npos);
  // An explicit bound is honoured and not reported.
  r = kg::query::Run(*store_, "MATCH (a:Chain {i: 0})-[:NEXT*..20]->(b) RETURN max(b.i) AS far",
                     o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().rows[0][0], QValue(int64_t{20}));
  EXPECT_TRUE(r.value().warnings.empty());
  // Default cap is 15.
  r = kg::query::Run(*store_, "MATCH (a:Chain {i: 0})-[:NEXT*]->(b) RETURN max(b.i) AS far", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().rows[0][0], QValue(int64_t{15}));
}

TEST_F(VarLengthTest, BudgetsStopRunawayQueries) {
  // A complete graph on 8 nodes has a huge number of trails.
  Exec("UNWIND range(1, 8) AS i CREATE (:K {i: i})");
  Exec("MATCH (a:K), (b:K) WHERE a.i <> b.i CREATE (a)-[:E]->(b)");
  QueryOptions o;
  o.max_rows = 1000;
  QueryOutcome r = kg::query::Run(*store_, "MATCH p = (a:K)-[:E*]->(b) RETURN count(*)", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, "ResourceLimit");
  EXPECT_EQ(r.error().detail, "TooManyRows");
  // LIMIT stops the search early instead of enumerating every trail.
  r = kg::query::Run(*store_, "MATCH p = (a:K)-[:E*]->(b) RETURN length(p) LIMIT 3", o);
  ASSERT_TRUE(r.ok()) << FormatError(r.error());
  EXPECT_EQ(r.value().rows.size(), 3u);
  QueryOptions t;
  t.timeout = absl::Milliseconds(200);
  t.max_hops = 100;
  const absl::Time start = absl::Now();
  r = kg::query::Run(*store_, "MATCH (a:K)-[:E*]->(b) WITH count(*) AS c RETURN c", t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, "ResourceLimit");
  EXPECT_EQ(r.error().detail, "Timeout");
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_FALSE(kg::query::Run(*store_, "RETURN range(1, 100000000000)", o).ok());
}

TEST_F(VarLengthTest, NeverCrashesOnGarbage) {
  Exec("CREATE (:A {name: 'x'})-[:T]->(:B)");
  const std::vector<std::string> pieces = {
      "MATCH", "(", ")", "[", "]", "{", "}", "-", "->", "<-", ":", "A", "T", "n", "r", "*",
      "..", "1", "2", "'s'", "RETURN", "WHERE", "WITH", "CREATE", "DELETE", "SET", "=", ",",
      "+", "/", "0", "null", "count", "$p", "AS", "ORDER BY", "LIMIT", "UNWIND", "MERGE",
      ".", "name", "IN", "NOT", "<", ">", "CASE", "WHEN", "END", "`q`", "\"", "'", "\\"};
  std::mt19937 rng(42);
  for (int i = 0; i < 3000; ++i) {
    std::string q;
    const int n = 1 + static_cast<int>(rng() % 14);
    for (int k = 0; k < n; ++k) q += pieces[rng() % pieces.size()] + " ";
    QueryOutcome r = kg::query::Run(*store_, q, {});
    if (!r.ok()) {
      EXPECT_GE(r.error().line, 1) << q;
      EXPECT_GE(r.error().column, 1) << q;
      EXPECT_FALSE(r.error().kind.empty()) << q;
      EXPECT_NE(r.error().kind, "InternalError") << q << ": " << r.error().message;
    }
  }
}

}  // namespace
}  // namespace kg::query
