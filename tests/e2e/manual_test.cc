// Analysts' corrections through `kg query` (README "Analysts' corrections"): a fact created by
// hand between two seed entities, and a correction of an extracted claim, survive re-ingestion
// of an edited seed article that no longer names one of the fact's ends; both are exported as
// manual claims that shared/eval/grade.py reads without complaint.
#include <filesystem>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/kg_runner.h"

namespace kg_e2e {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

// The seed's only sentence naming Apple.
constexpr char kAppleSentence[] =
    "- Apple has also announced a $500 million investment agreement, indicating that the U.S. "
    "rare earth self-sufficiency efforts are extending beyond government initiatives to the "
    "corporate sector [5]. ";

constexpr char kPentagonClaim[] =
    "MATCH (:Government {name: 'Pentagon'})-[r:INVESTS_IN]->(:Company {name: 'MP Materials'}) "
    "WHERE r.amount = 400000000 ";

class ManualFactsTest : public KgTest {
 protected:
  void SetUp() override {
    KgTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string seed_dir = SeedDir();
    if (seed_dir.empty()) GTEST_SKIP() << "no seed folder at $KG_SOURCE_DIR/../shared/seed";
    seed_text_ = ReadFileBytes(seed_dir + "/" + kSeedId + ".txt");
    ASSERT_THAT(seed_text_, HasSubstr(kAppleSentence));
    RunResult r = Kg({"ingest", Write(std::string("v1/") + kSeedId + ".txt", seed_text_)});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
  }
  Json Rows(const std::string& q) { return QueryJson(q)["rows"]; }

  std::string seed_text_;
};

TEST_F(ManualFactsTest, HandMadeFactAndCorrectionSurviveAnEditedSeed) {
  EXPECT_EQ(Rows("MATCH (a:Company {name: 'MP Materials'}), (b:Company {name: 'Apple'}) "
                 "CREATE (a)-[r:SUPPLIES {commodity: 'NdFeB magnets'}]->(b) RETURN r.source"),
            (Json{{"manual"}}));
  EXPECT_EQ(Rows(std::string(kPentagonClaim) + "SET r.checked = true RETURN r.source"),
            (Json{{"manual"}}));

  // The edited article no longer names Apple; the Pentagon sentence is unchanged.
  std::string edited = seed_text_;
  edited.erase(edited.find(kAppleSentence), std::string(kAppleSentence).size());
  RunResult r = Kg({"ingest", Write(std::string("v2/") + kSeedId + ".txt", edited)});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("1 replaced"));
  EXPECT_EQ(Rows("MATCH (a:Article)-[:MENTIONS]->(e {name: 'Apple'}) RETURN a.title"),
            Json::array());

  // The hand-made fact, with source manual and both ends.
  EXPECT_EQ(Rows("MATCH (a)-[r:SUPPLIES]->(b) WHERE r.source = 'manual' "
                 "RETURN a.name, labels(b), b.name, r.commodity"),
            (Json{{"MP Materials", {"Company"}, "Apple", "NdFeB magnets"}}));
  // The correction stands in for its re-extraction: one claim, corrected, manual.
  EXPECT_EQ(Rows(std::string(kPentagonClaim) + "RETURN r.checked, r.source, r.article"),
            (Json{{true, "manual", kSeedId}}));

  // Exported as manual claims.
  const std::string claims_path = Write("claims.jsonl", ExportText("claims"));
  std::vector<Json> claims = ParseJsonLines(ReadFileBytes(claims_path));
  bool found = false;
  for (const Json& c : claims) {
    if (c["type"] != "SUPPLIES" || NameOf(c["object"]) != "Apple") continue;
    found = true;
    EXPECT_EQ(NameOf(c["subject"]), "MP Materials");
    EXPECT_EQ(c["source"]["article"], "(manual)");
    EXPECT_EQ(c["source"]["manual"], true);
    EXPECT_EQ(c["rule"], "manual");
  }
  EXPECT_TRUE(found);
  std::vector<Json> seed_claims = ClaimsOf(claims, kSeedId);
  int corrected = 0;
  for (const Json& c : seed_claims) corrected += c["source"].value("manual", false) ? 1 : 0;
  EXPECT_EQ(corrected, 1);

  // The shared grader reads the export without a malformed line and ignores "(manual)".
  const std::string grader = EnvOr("KG_SOURCE_DIR", "") + "/../shared/eval/grade.py";
  if (Which("python3").empty() || !std::filesystem::exists(grader)) {
    GTEST_SKIP() << "python3 or " << grader << " missing";
  }
  RunResult g = RunProcess(Which("python3"),
                           {grader, "--gold", SeedDir(), "--pred", claims_path, "--json"});
  ASSERT_EQ(g.exit_code, 0) << Describe(g);
  Json summary = Json::parse(g.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(summary.is_discarded()) << g.out;
  EXPECT_EQ(summary["malformed"]["count"], 0) << g.out;
  EXPECT_THAT(summary["ignored"]["unknown_articles"], Contains("(manual)"));
}

}  // namespace
}  // namespace kg_e2e
