// Executor tests on a small claims graph built with CREATE in a temporary store.
// Data-driven: each case is one query and its expected JSON (or formatted error); adding a
// case is adding one line.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "query/query.h"
#include "tests/query/query_test_util.h"

namespace kg::query {
namespace {

using ::kg::query::testing::StoreFixture;

constexpr char kGraph[] = R"j(
CREATE (dod:Government {name: 'U.S. Department of Defense', aliases: ['Pentagon', 'DoD']}),
       (mp:Company {name: 'MP Materials', aliases: ['MP']}),
       (apple:Company {name: 'Apple', aliases: []}),
       (lynas:Company {name: 'Lynas Rare Earths', aliases: ['Lynas']}),
       (cn:Country {name: 'China', aliases: ['中国', 'PRC']}),
       (us:Country {name: 'United States', aliases: ['U.S.', 'US', 'America']}),
       (art:Article {id: 'rare-earth-war', title: 'Rare Earth War'}),
       (dod)-[:INVESTS_IN {amount: 400000000, amount_unit: 'USD', article: 'rare-earth-war'}]->(mp),
       (apple)-[:INVESTS_IN {amount: 500000000, amount_unit: 'USD', article: 'rare-earth-war'}]->(mp),
       (lynas)-[:SUPPLIES {commodity: 'NdPr oxide', article: 'rare-earth-war'}]->(mp),
       (mp)-[:SUPPLIES {commodity: 'rare earth concentrate', article: 'rare-earth-war'}]->(cn),
       (mp)-[:SUPPLIES {commodity: 'magnets', article: 'rare-earth-war'}]->(apple),
       (art)-[:MENTIONS]->(dod), (art)-[:MENTIONS]->(mp), (art)-[:MENTIONS]->(cn)
)j";

struct Case {
  const char* query;
  const char* expected;  // FormatJson without newline, or FormatError text
};

class ExecutorTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    Exec(kGraph);
  }
  void RunCases(const std::vector<Case>& cases) {
    for (const Case& c : cases) EXPECT_EQ(Q(c.query), c.expected) << c.query;
  }
};

TEST_F(ExecutorTest, AcceptanceQueries) {
  RunCases({
      {"MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name, c.name, r.commodity, r.article "
       "ORDER BY s.name, c.name",
       R"j({"columns":["s.name","c.name","r.commodity","r.article"],"rows":[)j"
       R"j(["Lynas Rare Earths","MP Materials","NdPr oxide","rare-earth-war"],)j"
       R"j(["MP Materials","Apple","magnets","rare-earth-war"],)j"
       R"j(["MP Materials","China","rare earth concentrate","rare-earth-war"]],"stats":{}})j"},
      {"MATCH (i)-[r:INVESTS_IN]->(:Company {name:'MP Materials'}) RETURN i.name, r.amount "
       "ORDER BY r.amount DESC",
       R"j({"columns":["i.name","r.amount"],"rows":[["Apple",500000000],)j"
       R"j(["U.S. Department of Defense",400000000]],"stats":{}})j"},
      {"MATCH p=(a:Company)-[:SUPPLIES*1..3]->(b:Country {name:'China'}) "
       "RETURN [n IN nodes(p) | n.name] AS names ORDER BY size(names) LIMIT 10",
       R"j({"columns":["names"],"rows":[[["MP Materials","China"]],)j"
       R"j([["Lynas Rare Earths","MP Materials","China"]]],"stats":{}})j"},
      {"MATCH (a:Article)-[:MENTIONS]->(e {name:'Pentagon'}) RETURN a.title",
       R"j({"columns":["a.title"],"rows":[["Rare Earth War"]],"stats":{}})j"},
  });
  // The path query as written returns two paths.
  QueryOutcome r = kg::query::Run(*store_,
                       "MATCH p=(a:Company)-[:SUPPLIES*1..3]->(b:Country {name:'China'}) "
                       "RETURN p LIMIT 10",
                       {});
  ASSERT_TRUE(r.ok()) << FormatError(r.error());
  EXPECT_EQ(r.value().rows.size(), 2u);
}

TEST_F(ExecutorTest, NameResolutionThroughAliases) {
  RunCases({
      {"MATCH (n {name: 'pentagon'}) RETURN n.name",
       R"j({"columns":["n.name"],"rows":[["U.S. Department of Defense"]],"stats":{}})j"},
      {"MATCH (n:Government {name: 'DoD'}) RETURN n.name",
       R"j({"columns":["n.name"],"rows":[["U.S. Department of Defense"]],"stats":{}})j"},
      {"MATCH (n:Company {name: 'DoD'}) RETURN n.name",
       R"j({"columns":["n.name"],"rows":[],"stats":{}})j"},
      {"MATCH (n {name: '中国'}) RETURN n.name",
       R"j({"columns":["n.name"],"rows":[["China"]],"stats":{}})j"},
      {"MATCH (n {name: 'the U.S.'}) RETURN n.name",
       R"j({"columns":["n.name"],"rows":[["United States"]],"stats":{}})j"},
      {"MATCH (n {name: $who}) RETURN n.name",
       R"j(error: ParameterMissing (MissingParameter): line 1, column 17: expected a parameter named $who)j"},
      {"MATCH (n) WHERE n.name = 'Pentagon' RETURN n.name",  // WHERE is exact equality
       R"j({"columns":["n.name"],"rows":[],"stats":{}})j"},
  });
  QueryOptions o;
  o.params["who"] = kg::Value("Pentagon");
  EXPECT_EQ(Q("MATCH (n {name: $who}) RETURN n.name", o),
            R"j({"columns":["n.name"],"rows":[["U.S. Department of Defense"]],"stats":{}})j");
}

TEST_F(ExecutorTest, NodesWithoutAliasesMatchExactly) {
  Exec("CREATE (:X {name: 'Foo Bar'})");
  RunCases({
      {"MATCH (n:X {name: 'Foo Bar'}) RETURN n.name",
       R"j({"columns":["n.name"],"rows":[["Foo Bar"]],"stats":{}})j"},
      {"MATCH (n:X {name: 'foo bar'}) RETURN n.name",
       R"j({"columns":["n.name"],"rows":[],"stats":{}})j"},
  });
}

TEST_F(ExecutorTest, ProjectionOrderingAndPaging) {
  RunCases({
      {"MATCH (c:Company) RETURN c.name ORDER BY c.name SKIP 1 LIMIT 1",
       R"j({"columns":["c.name"],"rows":[["Lynas Rare Earths"]],"stats":{}})j"},
      {"MATCH (c:Company) RETURN c.name AS n ORDER BY n DESC",
       R"j({"columns":["n"],"rows":[["MP Materials"],["Lynas Rare Earths"],["Apple"]],"stats":{}})j"},
      {"UNWIND [3, 1, 2, 1] AS x RETURN DISTINCT x ORDER BY x",
       R"j({"columns":["x"],"rows":[[1],[2],[3]],"stats":{}})j"},
      {"UNWIND [3, 'a', null, 1.5, true, [1], {k: 1}] AS x RETURN x ORDER BY x",
       R"j({"columns":["x"],"rows":[[{"k":1}],[[1]],["a"],[true],[1.5],[3],[null]],"stats":{}})j"},
      {"UNWIND [3, 'a', null, 1.5] AS x RETURN x ORDER BY x DESC",
       R"j({"columns":["x"],"rows":[[null],[3],[1.5],["a"]],"stats":{}})j"},
      {"UNWIND [[2, 'b'], [1, 'z'], [2, 'a']] AS p RETURN p[0] AS a, p[1] AS b "
       "ORDER BY a DESC, b",
       R"j({"columns":["a","b"],"rows":[[2,"a"],[2,"b"],[1,"z"]],"stats":{}})j"},
      {"UNWIND range(1, 5) AS x WITH x WHERE x % 2 = 1 RETURN collect(x) AS odd",
       R"j({"columns":["odd"],"rows":[[[1,3,5]]],"stats":{}})j"},
      {"MATCH (c:Company) WITH c ORDER BY c.name LIMIT 2 RETURN c.name",
       R"j({"columns":["c.name"],"rows":[["Apple"],["Lynas Rare Earths"]],"stats":{}})j"},
      {"MATCH (c:Country) RETURN *",
       R"j({"columns":["c"],"rows":[)j"
       R"j([{"id":5,"labels":["Country"],"properties":{"aliases":["中国","PRC"],"name":"China"}}],)j"
       R"j([{"id":6,"labels":["Country"],"properties":{"aliases":["U.S.","US","America"],"name":"United States"}}]],"stats":{}})j"},
      {"RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x",
       R"j({"columns":["x"],"rows":[[1],[2]],"stats":{}})j"},
      {"RETURN 1 AS x UNION ALL RETURN 1 AS x",
       R"j({"columns":["x"],"rows":[[1],[1]],"stats":{}})j"},
  });
}

TEST_F(ExecutorTest, Aggregation) {
  RunCases({
      {"MATCH (c:Company) RETURN cOuNt( * )",
       R"j({"columns":["cOuNt( * )"],"rows":[[3]],"stats":{}})j"},
      {"MATCH (i)-[r:INVESTS_IN]->(t) RETURN t.name, count(r) AS n, sum(r.amount) AS total, "
       "avg(r.amount) AS mean, min(r.amount) AS lo, max(i.name) AS hi",
       R"j({"columns":["t.name","n","total","mean","lo","hi"],"rows":[)j"
       R"j(["MP Materials",2,900000000,450000000.0,400000000,"U.S. Department of Defense"]],"stats":{}})j"},
      {"MATCH (a:Article)-[:MENTIONS]->(e) RETURN a.title, collect(e.name) AS names",
       R"j({"columns":["a.title","names"],"rows":[["Rare Earth War",)j"
       R"j(["U.S. Department of Defense","MP Materials","China"]]],"stats":{}})j"},
      {"UNWIND [1, 1, 2, null] AS x RETURN count(x), count(DISTINCT x), count(*), sum(x), "
       "collect(DISTINCT x)",
       R"j({"columns":["count(x)","count(DISTINCT x)","count(*)","sum(x)","collect(DISTINCT x)"],)j"
       R"j("rows":[[3,2,4,4,[1,2]]],"stats":{}})j"},
      {"MATCH (n:Nothing) RETURN count(n), sum(n.x), avg(n.x), collect(n)",
       R"j({"columns":["count(n)","sum(n.x)","avg(n.x)","collect(n)"],"rows":[[0,0,null,[]]],"stats":{}})j"},
      {"MATCH (n:Nothing) RETURN n.x, count(*)",
       R"j({"columns":["n.x","count(*)"],"rows":[],"stats":{}})j"},
      {"UNWIND ['a', 'b', 'a'] AS x RETURN x, count(*) AS c ORDER BY c DESC, x",
       R"j({"columns":["x","c"],"rows":[["a",2],["b",1]],"stats":{}})j"},
      {"UNWIND [1, 2] AS x RETURN count(*) + 1 AS c",
       R"j({"columns":["c"],"rows":[[3]],"stats":{}})j"},
  });
}

TEST_F(ExecutorTest, OptionalMatch) {
  RunCases({
      {"MATCH (c:Country) OPTIONAL MATCH (c)-[:SUPPLIES]->(x) RETURN c.name, x.name "
       "ORDER BY c.name",
       R"j({"columns":["c.name","x.name"],"rows":[["China",null],["United States",null]],"stats":{}})j"},
      {"MATCH (c:Country) OPTIONAL MATCH (s)-[:SUPPLIES]->(c) RETURN c.name, s.name "
       "ORDER BY c.name",
       R"j({"columns":["c.name","s.name"],"rows":[["China","MP Materials"],["United States",null]],"stats":{}})j"},
      {"OPTIONAL MATCH (n:Nothing) RETURN n",
       R"j({"columns":["n"],"rows":[[null]],"stats":{}})j"},
  });
}

TEST_F(ExecutorTest, Expressions) {
  RunCases({
      {"RETURN null = null, null OR true, null AND false, NOT null, 1 IN [null, 1], "
       "2 IN [null, 1], true XOR null, 1 = 1.0, 'a' < 'b', 1 < 'a'",
       R"j({"columns":["null = null","null OR true","null AND false","NOT null","1 IN [null, 1]",)j"
       R"j("2 IN [null, 1]","true XOR null","1 = 1.0","'a' < 'b'","1 < 'a'"],)j"
       R"j("rows":[[null,true,false,null,true,null,null,true,true,null]],"stats":{}})j"},
      {"RETURN 7 / 2 AS a, 7 % 3 AS b, 2 ^ 3 AS c, 7 / 2.0 AS d, 'a' + 'b' AS e, [1] + [2] AS f, "
       "-(3) AS g, 1 + 2 * 3 AS h",
       R"j({"columns":["a","b","c","d","e","f","g","h"],"rows":[[3,1,8.0,3.5,"ab",[1,2],-3,7]],"stats":{}})j"},
      {"RETURN 9223372036854775807 + 1",
       R"j(error: ArgumentError (NumberOutOfRange): line 1, column 28: integer overflow in '+')j"},
      {"RETURN 1 / 0",
       R"j(error: ArgumentError (DivisionByZero): line 1, column 10: integer division by zero)j"},
      {"RETURN 1.0 / 0 AS x, 0.0 / 0 AS y, -1 / 0.0 AS z",
       R"j({"columns":["x","y","z"],"rows":[[Infinity,NaN,-Infinity]],"stats":{}})j"},
      {"RETURN 'abc' STARTS WITH 'ab' AS a, 'abc' ENDS WITH 'bc' AS b, 'abc' CONTAINS 'x' AS c, "
       "null IS NULL AS d, 1 IS NOT NULL AS e, 1 < 2 < 3 AS f",
       R"j({"columns":["a","b","c","d","e","f"],"rows":[[true,true,false,true,true,true]],"stats":{}})j"},
      // =~ matches the whole string (RE2 syntax); null for a non-string.
      {"RETURN 'MP Materials' =~ 'MP.*' AS a, 'MP Materials' =~ 'Materials' AS b, "
       "'Lynas' =~ '(?i)LYNAS' AS c, 1 =~ '1' AS d",
       R"j({"columns":["a","b","c","d"],"rows":[[true,false,true,null]],"stats":{}})j"},
      {"RETURN 'x' =~ '('",
       R"j(error: ArgumentError (InvalidArgumentValue): line 1, column 12: invalid regular expression: missing ): ()j"},
      {"RETURN [1, 2, 3][1] AS a, [1, 2, 3][-1] AS b, [1, 2, 3][5] AS c, [1, 2, 3][1..] AS d, "
       "{k: 'v'}.k AS e, {k: 'v'}['k'] AS f",
       R"j({"columns":["a","b","c","d","e","f"],"rows":[[2,3,null,[2,3],"v","v"]],"stats":{}})j"},
      {"RETURN toUpper('ab') AS a, toLower('AB') AS b, trim('  x ') AS c, size([1, 2]) AS d, "
       "head([1, 2]) AS e, last([1, 2]) AS f, range(1, 3) AS g, abs(-2) AS h",
       R"j({"columns":["a","b","c","d","e","f","g","h"],"rows":[["AB","ab","x",2,1,2,[1,2,3],2]],"stats":{}})j"},
      {"RETURN toInteger('42') AS a, toFloat('1.5') AS b, toString(1.0) AS c, coalesce(null, 2) AS d, "
       "toInteger(2.9) AS e, toString(12) AS f, size('中国') AS g, toFloat(3) AS h",
       R"j({"columns":["a","b","c","d","e","f","g","h"],"rows":[[42,1.5,"1.0",2,2,"12",2,3.0]],"stats":{}})j"},
      {"RETURN CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END AS a, CASE 2 WHEN 1 THEN 'x' WHEN 2 THEN 'y' END AS b",
       R"j({"columns":["a","b"],"rows":[["b","y"]],"stats":{}})j"},
      {"RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * 10] AS a, any(x IN [1, 2] WHERE x > 1) AS b, "
       "all(x IN [1, 2] WHERE x > 1) AS c",
       R"j({"columns":["a","b","c"],"rows":[[[20,40,60],true,false]],"stats":{}})j"},
      {"RETURN 1 + 'a'", R"j({"columns":["1 + 'a'"],"rows":[["1a"]],"stats":{}})j"},
      {"RETURN 1 - 'a'",
       R"j(error: SyntaxError (InvalidArgumentType): line 1, column 12: - cannot take a string)j"},
      {"RETURN toUpper(1)",
       R"j(error: TypeError (InvalidArgumentType): line 1, column 8: toupper() expects a string but got Integer)j"},
      {"RETURN 1.5e300 * 1e10 AS big, 0.1 + 0.2 AS f, 1e20 AS e",
       R"j({"columns":["big","f","e"],"rows":[[Infinity,0.30000000000000004,1e+20]],"stats":{}})j"},
  });
}

TEST_F(ExecutorTest, GraphFunctions) {
  RunCases({
      {"MATCH (n:Country {name: 'China'}) RETURN labels(n) AS l, keys(n) AS k, "
       "properties(n).name AS p",
       R"j({"columns":["l","k","p"],"rows":[[["Country"],["aliases","name"],"China"]],"stats":{}})j"},
      {"MATCH (a {name: 'Lynas'})-[r:SUPPLIES]->(b) RETURN type(r), startNode(r).name, "
       "endNode(r).name, id(startNode(r)) = id(a)",
       R"j({"columns":["type(r)","startNode(r).name","endNode(r).name","id(startNode(r)) = id(a)"],)j"
       R"j("rows":[["SUPPLIES","Lynas Rare Earths","MP Materials",true]],"stats":{}})j"},
      {"MATCH p=(l {name: 'Lynas'})-[:SUPPLIES*2]->(x) RETURN length(p) AS len, "
       "[n IN nodes(p) | n.name] AS ns, [r IN relationships(p) | r.commodity] AS rs ORDER BY ns",
       R"j({"columns":["len","ns","rs"],"rows":[)j"
       R"j([2,["Lynas Rare Earths","MP Materials","Apple"],["NdPr oxide","magnets"]],)j"
       R"j([2,["Lynas Rare Earths","MP Materials","China"],["NdPr oxide","rare earth concentrate"]]],"stats":{}})j"},
      {"MATCH p=(c {name: 'China'})<-[:SUPPLIES*]-(x) RETURN [n IN nodes(p) | n.name] AS ns "
       "ORDER BY length(p)",
       R"j({"columns":["ns"],"rows":[[["China","MP Materials"]],[["China","MP Materials","Lynas Rare Earths"]]],"stats":{}})j"},
      {"MATCH (a {name: 'Apple'})-[:INVESTS_IN]->(m)-[:SUPPLIES]->(x) RETURN x.name ORDER BY x.name",
       R"j({"columns":["x.name"],"rows":[["Apple"],["China"]],"stats":{}})j"},  // nodes may repeat
      {"MATCH (a {name: 'MP'})-[:SUPPLIES|INVESTS_IN]-(x) RETURN x.name ORDER BY x.name",
       R"j({"columns":["x.name"],"rows":[["Apple"],["Apple"],["China"],["Lynas Rare Earths"],)j"
       R"j(["U.S. Department of Defense"]],"stats":{}})j"},
      {"MATCH (a)-[:MENTIONS]->(b), (c)-[:INVESTS_IN]->(b) RETURN a.title, b.name, c.name ORDER BY c.name",
       R"j({"columns":["a.title","b.name","c.name"],"rows":[["Rare Earth War","MP Materials","Apple"],)j"
       R"j(["Rare Earth War","MP Materials","U.S. Department of Defense"]],"stats":{}})j"},
      {"MATCH (n:Company) WHERE n:Company AND NOT n:Country AND n.name IN ['Apple', 'MP Materials'] "
       "RETURN n.name ORDER BY n.name",
       R"j({"columns":["n.name"],"rows":[["Apple"],["MP Materials"]],"stats":{}})j"},
  });
}

TEST_F(ExecutorTest, SemanticErrors) {
  RunCases({
      {"MATCH (n) RETURN m",
       R"j(error: SyntaxError (UndefinedVariable): line 1, column 18: variable `m` not defined)j"},
      {"MATCH (n) WITH n.name AS x RETURN n",
       R"j(error: SyntaxError (UndefinedVariable): line 1, column 35: variable `n` not defined)j"},
      {"MATCH (n)-[n]->() RETURN n",
       R"j(error: SyntaxError (VariableTypeConflict): line 1, column 10: variable `n` is a node, not a relationship)j"},
      {"MATCH (a) CREATE (a:X) RETURN a",
       R"j(error: SyntaxError (VariableAlreadyBound): line 1, column 18: variable `a` already declared)j"},
      {"RETURN foo(1)",
       R"j(error: SyntaxError (UnknownFunction): line 1, column 8: unknown function 'foo')j"},
      {"RETURN size(1, 2)",
       R"j(error: SyntaxError (InvalidNumberOfArguments): line 1, column 8: function 'size' takes 1 argument(s), got 2)j"},
      {"MATCH (n) WHERE count(n) > 1 RETURN n",
       R"j(error: SyntaxError (InvalidAggregation): line 1, column 17: aggregation function 'count' is not allowed here)j"},
      {"RETURN count(count(1))",
       R"j(error: SyntaxError (NestedAggregation): line 1, column 14: aggregations cannot be nested)j"},
      {"MATCH (n) WITH n.name RETURN 1",
       R"j(error: SyntaxError (NoExpressionAlias): line 1, column 16: expression 'n.name' in WITH must be aliased (AS))j"},
      {"RETURN 1 AS a, 2 AS a",
       R"j(error: SyntaxError (ColumnNameConflict): line 1, column 16: multiple result columns with the name 'a')j"},
      {"RETURN *",
       R"j(error: SyntaxError (NoVariablesInScope): line 1, column 1: RETURN * has no variables in scope)j"},
      {"CREATE (a)-[:T|U]->(b)",
       R"j(error: SyntaxError (NoSingleRelationshipType): line 1, column 11: a relationship to create needs exactly one type)j"},
      {"CREATE (a)-[:T]-(b)",
       R"j(error: SyntaxError (RequiresDirectedRelationship): line 1, column 11: only directed relationships can be created)j"},
      {"MATCH (n) RETURN n.x, n.y + count(*)",
       R"j(error: SyntaxError (AmbiguousAggregationExpression): line 1, column 23: variable `n` is used with an aggregation but is not a grouping key)j"},
      {"MATCH (n) RETURN n LIMIT -1",
       R"j(error: SyntaxError (NegativeIntegerArgument): line 1, column 26: LIMIT expects a non-negative Integer, got -1)j"},
      {"MATCH (n)",
       R"j(error: SyntaxError (InvalidClauseComposition): line 1, column 1: a query cannot end with MATCH (add a RETURN or an updating clause))j"},
      {"RETURN 1 AS a UNION RETURN 2 AS b",
       R"j(error: SyntaxError (DifferentColumnsInUnion): line 1, column 21: all sub-queries in a UNION must return the same column names)j"},
      {"MATCH (n RETURN n",
       R"j(error: SyntaxError (UnexpectedSyntax): line 1, column 10: expected ':', '{' or ')' but got 'RETURN')j"},
  });
}

TEST_F(ExecutorTest, WritesAndStats) {
  RunCases({
      {"CREATE (a:P {x: 1, y: null})-[:K {w: 2}]->(b:P:Q) RETURN a.x",
       R"j({"columns":["a.x"],"rows":[[1]],"stats":{"+nodes":2,"-nodes":0,"+relationships":1,)j"
       R"j("-relationships":0,"+labels":2,"-labels":0,"+properties":2,"-properties":0}})j"},
      {"MATCH (a:P {x: 1}) SET a.x = 2, a.z = 'z', a:R REMOVE a:P",
       R"j({"columns":[],"rows":[],"stats":{"+nodes":0,"-nodes":0,"+relationships":0,)j"
       R"j("-relationships":0,"+labels":1,"-labels":0,"+properties":2,"-properties":1}})j"},
      {"MATCH (a:R) RETURN a.x, a.z, labels(a)",
       R"j({"columns":["a.x","a.z","labels(a)"],"rows":[[2,"z",["R"]]],"stats":{}})j"},
      {"MATCH (a:R) SET a += {x: null, q: 1} REMOVE a.z RETURN properties(a) AS p",
       R"j({"columns":["p"],"rows":[[{"q":1}]],"stats":{"+nodes":0,"-nodes":0,"+relationships":0,)j"
       R"j("-relationships":0,"+labels":0,"-labels":0,"+properties":1,"-properties":2}})j"},
      {"MATCH (a:R) SET a = {only: true} RETURN properties(a) AS p",
       R"j({"columns":["p"],"rows":[[{"only":true}]],"stats":{"+nodes":0,"-nodes":0,"+relationships":0,)j"
       R"j("-relationships":0,"+labels":0,"-labels":0,"+properties":1,"-properties":1}})j"},
      {"MATCH (a:R) DELETE a",
       R"j(error: ConstraintVerificationFailed (DeleteConnectedNode): line 1, column 20: cannot delete a node that still has relationships; use DETACH DELETE or delete the relationships first)j"},
      {"MATCH (a:R) DETACH DELETE a",
       R"j({"columns":[],"rows":[],"stats":{"+nodes":0,"-nodes":1,"+relationships":0,)j"
       R"j("-relationships":1,"+labels":0,"-labels":1,"+properties":0,"-properties":2}})j"},
      {"MATCH (b:Q)-[r]-() DELETE r, b",
       R"j({"columns":[],"rows":[],"stats":{"+nodes":0,"-nodes":0,"+relationships":0,)j"
       R"j("-relationships":0,"+labels":0,"-labels":0,"+properties":0,"-properties":0}})j"},
      {"MATCH (b:Q) DELETE b RETURN count(*) AS n",
       R"j({"columns":["n"],"rows":[[1]],"stats":{"+nodes":0,"-nodes":1,"+relationships":0,)j"
       R"j("-relationships":0,"+labels":0,"-labels":2,"+properties":0,"-properties":0}})j"},
      {"MATCH (n:P) RETURN count(n)", R"j({"columns":["count(n)"],"rows":[[0]],"stats":{}})j"},
  });
}

TEST_F(ExecutorTest, FailedWriteChangesNothing) {
  EXPECT_EQ(Q("CREATE (:Tmp) WITH 1 AS x RETURN 1 / 0"),
            "error: ArgumentError (DivisionByZero): line 1, column 36: integer division by zero");
  EXPECT_EQ(Q("MATCH (n:Tmp) RETURN count(n)"),
            R"j({"columns":["count(n)"],"rows":[[0]],"stats":{}})j");
}

TEST_F(ExecutorTest, Merge) {
  RunCases({
      {"MERGE (n:Company {name: 'Vulcan Elements'}) ON CREATE SET n.new = true "
       "ON MATCH SET n.new = false RETURN n.name, n.new",
       R"j({"columns":["n.name","n.new"],"rows":[["Vulcan Elements",true]],"stats":{"+nodes":1,)j"
       R"j("-nodes":0,"+relationships":0,"-relationships":0,"+labels":0,"-labels":0,"+properties":2,"-properties":0}})j"},
      {"MERGE (n:Company {name: 'Vulcan Elements'}) ON CREATE SET n.new = true "
       "ON MATCH SET n.new = false RETURN n.name, n.new",
       R"j({"columns":["n.name","n.new"],"rows":[["Vulcan Elements",false]],"stats":{"+nodes":0,)j"
       R"j("-nodes":0,"+relationships":0,"-relationships":0,"+labels":0,"-labels":0,"+properties":1,"-properties":1}})j"},
      {"MATCH (a {name: 'Pentagon'}), (b {name: 'Vulcan Elements'}) "
       "MERGE (a)-[r:INVESTS_IN {amount: 620000000}]->(b) RETURN type(r), r.amount",
       R"j({"columns":["type(r)","r.amount"],"rows":[["INVESTS_IN",620000000]],"stats":{"+nodes":0,)j"
       R"j("-nodes":0,"+relationships":1,"-relationships":0,"+labels":0,"-labels":0,"+properties":1,"-properties":0}})j"},
      {"MATCH (a {name: 'Pentagon'}), (b {name: 'Vulcan Elements'}) "
       "MERGE (a)-[r:INVESTS_IN {amount: 620000000}]->(b) RETURN count(r)",
       R"j({"columns":["count(r)"],"rows":[[1]],"stats":{"+nodes":0,)j"
       R"j("-nodes":0,"+relationships":0,"-relationships":0,"+labels":0,"-labels":0,"+properties":0,"-properties":0}})j"},
      {"UNWIND [1, 1, 2] AS k MERGE (n:M {k: k}) RETURN count(*) AS rows",
       R"j({"columns":["rows"],"rows":[[3]],"stats":{"+nodes":2,)j"
       R"j("-nodes":0,"+relationships":0,"-relationships":0,"+labels":1,"-labels":0,"+properties":2,"-properties":0}})j"},
      {"MERGE (n:M {k: null}) RETURN n",
       R"j(error: SemanticError (MergeReadOwnWrites): line 1, column 16: cannot MERGE with a null value for property 'k')j"},
  });
}

TEST_F(ExecutorTest, Parameters) {
  QueryOptions o;
  o.params["x"] = kg::Value(int64_t{41});
  o.params["names"] = kg::Value(kg::ValueList{kg::Value("Apple"), kg::Value("China")});
  EXPECT_EQ(Q("RETURN $x + 1 AS y", o), R"j({"columns":["y"],"rows":[[42]],"stats":{}})j");
  EXPECT_EQ(Q("MATCH (n) WHERE n.name IN $names RETURN n.name ORDER BY n.name", o),
            R"j({"columns":["n.name"],"rows":[["Apple"],["China"]],"stats":{}})j");
  auto p = ParamFromJson(R"j({"a": [1, 2.0, "x", null, true]})j");
  ASSERT_TRUE(p.ok()) << p.status();
  o.params["m"] = *p;
  EXPECT_EQ(Q("RETURN $m.a AS a", o), R"j({"columns":["a"],"rows":[[[1,2.0,"x",null,true]]],"stats":{}})j");
  EXPECT_FALSE(ParamFromJson("{bad").ok());
  EXPECT_FALSE(ParamFromJson("18446744073709551615").ok());
}

TEST_F(ExecutorTest, EntityJson) {
  QueryOutcome r = kg::query::Run(*store_,
                       "MATCH p = (a {name: 'Lynas'})-[r:SUPPLIES]->(b {name: 'MP'}) "
                       "RETURN a, r, p, id(a) AS ia, id(b) AS ib, id(r) AS ir",
                       {});
  ASSERT_TRUE(r.ok()) << FormatError(r.error());
  const auto& row = r.value().rows.at(0);
  const std::string ia = std::to_string(row[3].as_int());
  const std::string ib = std::to_string(row[4].as_int());
  const std::string ir = std::to_string(row[5].as_int());
  const std::string a = R"j({"id":)j" + ia +
                        R"j(,"labels":["Company"],"properties":{"aliases":["Lynas"],"name":"Lynas Rare Earths"}})j";
  const std::string b = R"j({"id":)j" + ib +
                        R"j(,"labels":["Company"],"properties":{"aliases":["MP"],"name":"MP Materials"}})j";
  const std::string rel = R"j({"id":)j" + ir + R"j(,"type":"SUPPLIES","start":)j" + ia + R"j(,"end":)j" +
                          ib + R"j(,"properties":{"article":"rare-earth-war","commodity":"NdPr oxide"}})j";
  EXPECT_EQ(FormatJson(r.value()),
            R"j({"columns":["a","r","p","ia","ib","ir"],"rows":[[)j" + a + "," + rel +
                R"j(,{"nodes":[)j" + a + "," + b + R"j(],"relationships":[)j" + rel + "]}," + ia +
                "," + ib + "," + ir + R"j(]],"stats":{}})j" + "\n");
}

TEST_F(ExecutorTest, CsvAndTable) {
  QueryOutcome r = kg::query::Run(*store_,
                       "UNWIND [['a,b', 1], ['say \"hi\"', null], ['x', 1.0]] AS p "
                       "RETURN p[0] AS s, p[1] AS v, [1, 'two'] AS l",
                       {});
  ASSERT_TRUE(r.ok()) << FormatError(r.error());
  EXPECT_EQ(FormatCsv(r.value()),
            "s,v,l\n"
            "\"a,b\",1,\"[1,\"\"two\"\"]\"\n"
            "\"say \"\"hi\"\"\",,\"[1,\"\"two\"\"]\"\n"
            "x,1.0,\"[1,\"\"two\"\"]\"\n");
  EXPECT_EQ(FormatTable(r.value()),
            "s          | v    | l\n"
            "-----------+------+-----------\n"
            "'a,b'      | 1    | [1, 'two']\n"
            "'say \"hi\"' | null | [1, 'two']\n"
            "'x'        | 1.0  | [1, 'two']\n"
            "(3 rows)\n");
  QueryOutcome n = kg::query::Run(*store_, "MATCH p = (a {name: 'Lynas'})-[:SUPPLIES]->(b {name: 'MP'}) "
                                "RETURN p", {});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(FormatTable(n.value()),
            "p\n" + std::string(177, '-') + "\n"
            "<(:Company {aliases: ['Lynas'], name: 'Lynas Rare Earths'})-[:SUPPLIES {article: "
            "'rare-earth-war', commodity: 'NdPr oxide'}]->(:Company {aliases: ['MP'], name: "
            "'MP Materials'})>\n"
            "(1 row)\n");
}

TEST(QueryErrorTest, FormatError) {
  QueryError e{"SyntaxError", "UndefinedVariable", 1, 8, "variable `x` not defined"};
  EXPECT_EQ(FormatError(e),
            "error: SyntaxError (UndefinedVariable): line 1, column 8: variable `x` not defined");
  e.detail.clear();
  EXPECT_EQ(FormatError(e), "error: SyntaxError: line 1, column 8: variable `x` not defined");
}

}  // namespace
}  // namespace kg::query
