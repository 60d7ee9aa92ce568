// Lexer and parser: accepted queries, syntax errors with positions, AST shapes.
#include "query/parser.h"

#include <string>

#include "gtest/gtest.h"
#include "query/errors.h"
#include "query/lexer.h"

namespace kg::query {
namespace {

TEST(LexerTest, TokensAndPositions) {
  auto toks = Lex("MATCH (n:`Odd name`)\n  WHERE n.x >= 1.5e3 // c\nRETURN 'a\\'b', $p");
  ASSERT_TRUE(toks.ok()) << toks.status();
  const auto& t = *toks;
  ASSERT_GE(t.size(), 15u);
  EXPECT_EQ(t[0].text, "MATCH");
  EXPECT_EQ(t[3].text, ":");
  EXPECT_EQ(t[4].text, "Odd name");
  EXPECT_TRUE(t[4].quoted);
  EXPECT_EQ(t[6].text, "WHERE");
  EXPECT_EQ(t[6].line, 2);
  EXPECT_EQ(t[6].column, 3);
  EXPECT_EQ(t[11].kind, TokenKind::kFloat);
  EXPECT_EQ(t[13].kind, TokenKind::kString);
  EXPECT_EQ(t[13].text, "a'b");
  EXPECT_EQ(t[15].kind, TokenKind::kParam);
  EXPECT_EQ(t[15].text, "p");
  EXPECT_EQ(t.back().kind, TokenKind::kEnd);
}

TEST(LexerTest, ColumnsCountCodePoints) {
  auto toks = Lex("RETURN '美国', x");
  ASSERT_TRUE(toks.ok());
  EXPECT_EQ((*toks)[3].text, "x");
  EXPECT_EQ((*toks)[3].column, 14);
}

TEST(LexerTest, UnicodeEscape) {
  auto toks = Lex("'\\u00e9\\U0001F600'");
  ASSERT_TRUE(toks.ok());
  EXPECT_EQ((*toks)[0].text, "\xc3\xa9\xf0\x9f\x98\x80");
}

// Queries that must parse.
TEST(ParserTest, Accepts) {
  const char* kQueries[] = {
      "MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name, c.name, r.commodity, r.article",
      "MATCH (i)-[r:INVESTS_IN]->(:Company {name:'MP Materials'}) RETURN i.name, r.amount "
      "ORDER BY r.amount DESC",
      "MATCH p=(a:Company)-[:SUPPLIES*1..3]->(b:Country {name:'China'}) RETURN p LIMIT 10",
      "MATCH (a:Article)-[:MENTIONS]->(e {name:'Pentagon'}) RETURN a.title",
      "MATCH (a)<-[r:T1|T2|:T3 {k: 1}]-(b), (c)-[*]-(d), (e)-[*2]->(f) RETURN *",
      "MATCH (a)-[*..3]->(b)<-[*2..]-(c) RETURN a",
      "MATCH (a)-->(b)<--(c)--(d)<-->(e) RETURN a",
      "OPTIONAL MATCH (n) WHERE n.x IS NOT NULL AND NOT n.y IN [1, 2] OR n.z XOR true "
      "RETURN n",
      "MATCH (n) WHERE n.name STARTS WITH 'a' AND n.name ENDS WITH 'b' AND n.name CONTAINS 'c' "
      "RETURN n",
      "UNWIND [1, 2, 3] AS x WITH x, x * 2 AS y WHERE y > 2 RETURN DISTINCT x, y ORDER BY x "
      "DESC, y SKIP 1 LIMIT 2",
      "RETURN {a: 1, b: [1, 'x', null, true, 1.5, -2]}['a'], [1,2,3][0..2], count(*)",
      "CREATE (a:A:B {x: 1})-[:T {y: 2}]->(b), (c)",
      "MATCH (n) SET n.x = 1, n += {y: 2}, n = {z: 3}, n:L:M REMOVE n.x, n:L",
      "MATCH (n) DETACH DELETE n",
      "MATCH (n) DELETE n",
      "MERGE (n:A {k: 1}) ON CREATE SET n.c = 1 ON MATCH SET n.m = 1",
      "MATCH (a), (b) MERGE (a)-[r:T]->(b) RETURN r",
      "RETURN 1 UNION ALL RETURN 2 UNION RETURN 3;",
      "RETURN CASE WHEN 1 < 2 THEN 'a' ELSE 'b' END, CASE 1 WHEN 1 THEN 2 END",
      "RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x * x], all(x IN [1] WHERE x > 0)",
      "RETURN -9223372036854775808, 0x1F, 0o17, .5, 1e-3",
      "MATCH (n) WHERE n:A:B RETURN n",
      "MATCH (n) WHERE 1<-1 RETURN n",
      "MATCH ((a)-->(b)) RETURN a",
      "RETURN count(DISTINCT 1), cOuNt( * )",
      "/* comment */ RETURN 1 // trailing",
  };
  for (const char* q : kQueries) {
    auto st = Parse(q);
    EXPECT_TRUE(st.ok()) << q << "\n" << st.status();
  }
}

struct ErrorCase {
  const char* query;
  const char* detail;
  int line;
  int column;
  const char* message_part;
};

TEST(ParserTest, SyntaxErrorsArePositioned) {
  const ErrorCase kCases[] = {
      {"MATCH (n RETURN n", "UnexpectedSyntax", 1, 10, "expected ':', '{' or ')'"},
      {"MATCH (n)\nRETURN n.", "UnexpectedSyntax", 2, 10, "expected a property key"},
      {"RETURN 'abc", "UnexpectedSyntax", 1, 8, "unterminated string"},
      {"RETURN 9223372036854775808", "IntegerOverflow", 1, 8, "64 bits"},
      {"RETURN 1e999", "FloatingPointOverflow", 1, 8, "too large"},
      {"RETURN 12abc", "InvalidNumberLiteral", 1, 8, "invalid number"},
      {"RETURN '\\u12G4'", "InvalidUnicodeLiteral", 1, 9, "unicode"},
      {"MATCH (n) RETURN n LIMIT", "UnexpectedSyntax", 1, 25, "expected an expression"},
      {"MATCH (a)-[r:]->(b) RETURN a", "UnexpectedSyntax", 1, 14, "relationship type"},
      {"MATCH (a)-[r->(b) RETURN a", "UnexpectedSyntax", 1, 13, "expected"},
      {"FOO", "UnexpectedSyntax", 1, 1, "expected MATCH"},
      {"RETURN 1 RETURN 2", "UnexpectedSyntax", 1, 10, "UNION"},
      {"RETURN #", "UnexpectedSyntax", 1, 8, "unexpected character"},
      {"RETURN [1, 2", "UnexpectedSyntax", 1, 13, "']'"},
      {"MATCH (n) WHERE RETURN n", "UnexpectedSyntax", 1, 17, "expected an expression"},
      {"/* never closed", "UnexpectedSyntax", 1, 1, "unterminated comment"},
  };
  for (const auto& c : kCases) {
    auto st = Parse(c.query);
    ASSERT_FALSE(st.ok()) << c.query;
    QueryError e = ToQueryError(st.status());
    EXPECT_EQ(e.kind, "SyntaxError") << c.query;
    EXPECT_EQ(e.detail, c.detail) << c.query << ": " << e.message;
    EXPECT_EQ(e.line, c.line) << c.query << ": " << e.message;
    EXPECT_EQ(e.column, c.column) << c.query << ": " << e.message;
    EXPECT_NE(e.message.find(c.message_part), std::string::npos)
        << c.query << ": " << e.message;
  }
}

TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string q = "RETURN " + std::string(100000, '(') + "1" + std::string(100000, ')');
  auto st = Parse(q);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(ToQueryError(st.status()).kind, "SyntaxError");
  std::string l = "RETURN " + std::string(100000, '[');
  EXPECT_FALSE(Parse(l).ok());
  std::string n = "RETURN " + std::string(100000, '-') + "1";
  EXPECT_FALSE(Parse(n).ok());
}

TEST(ParserTest, ProjectionTextKeptAsWritten) {
  auto st = Parse("RETURN cOuNt( * ), n.x  +  1 AS y, 'a'");
  ASSERT_TRUE(st.ok()) << st.status();
  const auto& items = st->queries[0].clauses[0].projection.items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].column, "cOuNt( * )");
  EXPECT_EQ(items[1].column, "y");
  EXPECT_EQ(items[2].column, "'a'");
}

TEST(ParserTest, PatternShape) {
  auto st = Parse("MATCH p = (a:A)<-[r:X|Y*2..5 {k: 1}]-(b) RETURN p");
  ASSERT_TRUE(st.ok()) << st.status();
  const Clause& m = st->queries[0].clauses[0];
  ASSERT_EQ(m.pattern.size(), 1u);
  const PatternPart& part = m.pattern[0];
  EXPECT_EQ(part.path_var, "p");
  ASSERT_EQ(part.nodes.size(), 2u);
  ASSERT_EQ(part.rels.size(), 1u);
  EXPECT_EQ(part.rels[0].dir, Direction::kIn);
  EXPECT_TRUE(part.rels[0].var_length);
  EXPECT_EQ(part.rels[0].min_hops, 2);
  EXPECT_EQ(part.rels[0].max_hops, 5);
  EXPECT_EQ(part.rels[0].types, (std::vector<std::string>{"X", "Y"}));
  EXPECT_NE(part.rels[0].props, nullptr);

  auto u = Parse("MATCH (a)-[*]->(b), (a)-[*3]->(b), (a)-[*..4]->(b), (a)-[*2..]->(b) RETURN a");
  ASSERT_TRUE(u.ok());
  const auto& parts = u->queries[0].clauses[0].pattern;
  EXPECT_EQ(parts[0].rels[0].min_hops, 1);
  EXPECT_FALSE(parts[0].rels[0].max_hops.has_value());
  EXPECT_EQ(parts[1].rels[0].min_hops, 3);
  EXPECT_EQ(parts[1].rels[0].max_hops, 3);
  EXPECT_EQ(parts[2].rels[0].min_hops, 1);
  EXPECT_EQ(parts[2].rels[0].max_hops, 4);
  EXPECT_EQ(parts[3].rels[0].min_hops, 2);
  EXPECT_FALSE(parts[3].rels[0].max_hops.has_value());
}

TEST(ParserTest, IntegerLiterals) {
  auto st = Parse("RETURN -9223372036854775808, 0x7FFFFFFFFFFFFFFF, 0o777");
  ASSERT_TRUE(st.ok()) << st.status();
  const auto& items = st->queries[0].clauses[0].projection.items;
  EXPECT_EQ(items[0].expr->value.as_int(), INT64_MIN);
  EXPECT_EQ(items[1].expr->value.as_int(), INT64_MAX);
  EXPECT_EQ(items[2].expr->value.as_int(), 511);
}

}  // namespace
}  // namespace kg::query
