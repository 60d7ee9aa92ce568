// The four SPEC §4 example queries on the ingested seed article (acceptance tests).
// Needs the seed article: $KG_SEED, else <source>/corpus/rare-earth-war.txt, else
// /work/shared/seed/rare-earth-war.txt; skipped when none exists.
#include <cstdlib>
#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "ingest/extract.h"
#include "ingest/read.h"
#include "query/query.h"
#include "tests/query/query_test_util.h"

namespace kg::query {
namespace {

std::string FindSeed() {
  std::vector<std::string> candidates;
  if (const char* s = std::getenv("KG_SEED")) candidates.push_back(s);
  if (const char* s = std::getenv("KG_SOURCE_DIR")) {
    candidates.push_back(std::string(s) + "/corpus/rare-earth-war.txt");
  }
  candidates.push_back("/work/shared/seed/rare-earth-war.txt");
  for (const auto& c : candidates) {
    if (std::filesystem::exists(c)) return c;
  }
  return "";
}

std::string SchemaDir() {
  if (const char* s = std::getenv("KG_SCHEMA")) return s;
  if (const char* s = std::getenv("KG_SOURCE_DIR")) return std::string(s) + "/schema";
  return ingest::DefaultSchemaDir();
}

class AcceptanceTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    const std::string seed = FindSeed();
    if (seed.empty()) GTEST_SKIP() << "seed article not found";
    auto extractor = ingest::Extractor::Load(SchemaDir());
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    ingest::ReadResult read = ingest::ReadPaths({seed});
    ASSERT_EQ(read.documents.size(), 1u);
    ArticleRecord rec = (*extractor)->Extract(read.documents[0]);
    auto txn = store_->Begin();
    auto outcome = txn->ReplaceArticle(rec);
    ASSERT_TRUE(outcome.ok()) << outcome.status();
    ASSERT_TRUE(txn->Commit().ok());
  }

  QueryResult MustRun(const std::string& q) {
    QueryOutcome r = kg::query::Run(*store_, q, {});
    EXPECT_TRUE(r.ok()) << q << "\n" << (r.ok() ? "" : FormatError(r.error()));
    return r.ok() ? r.value() : QueryResult();
  }
};

TEST_F(AcceptanceTest, Supplies) {
  QueryResult r = MustRun("MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name, c.name, r.commodity, r.article");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"s.name", "c.name", "r.commodity", "r.article"}));
  for (const auto& row : r.rows) EXPECT_EQ(row[3], QValue("rare-earth-war"));
  std::cout << FormatTable(r);
}

TEST_F(AcceptanceTest, InvestorsInMpMaterials) {
  QueryResult r = MustRun("MATCH (i)-[r:INVESTS_IN]->(:Company {name:'MP Materials'}) "
                          "RETURN i.name, r.amount ORDER BY r.amount DESC");
  std::cout << FormatTable(r);
  bool dod = false;
  for (const auto& row : r.rows) {
    if (row[0] == QValue("U.S. Department of Defense") && row[1] == QValue(int64_t{400000000})) {
      dod = true;
    }
  }
  EXPECT_TRUE(dod) << "expected the Pentagon's $400 million in MP Materials";
  for (size_t i = 1; i < r.rows.size(); ++i) {
    EXPECT_LE(OrderCompare(r.rows[i][1], r.rows[i - 1][1]), 0) << "not sorted DESC";
  }
}

TEST_F(AcceptanceTest, SupplyPathsToChina) {
  QueryResult r = MustRun("MATCH p=(a:Company)-[:SUPPLIES*1..3]->(b:Country {name:'China'}) "
                          "RETURN p LIMIT 10");
  std::cout << FormatTable(r);
  EXPECT_LE(r.rows.size(), 10u);
  for (const auto& row : r.rows) {
    ASSERT_TRUE(row[0].is_path());
    const PathValue& p = row[0].as_path();
    EXPECT_GE(p.rels.size(), 1u);
    EXPECT_LE(p.rels.size(), 3u);
    EXPECT_EQ(p.nodes.size(), p.rels.size() + 1);
    EXPECT_EQ(r.nodes.at(p.nodes.back()).props.at("name"), kg::Value("China"));
  }
}

TEST_F(AcceptanceTest, ArticlesMentioningThePentagon) {
  QueryResult r = MustRun("MATCH (a:Article)-[:MENTIONS]->(e {name:'Pentagon'}) RETURN a.title");
  std::cout << FormatTable(r);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_TRUE(r.rows[0][0].is_string());
  EXPECT_NE(r.rows[0][0].as_string().find("稀土"), std::string::npos);
}

}  // namespace
}  // namespace kg::query
